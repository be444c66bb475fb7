package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// FuzzPages sends arbitrary query strings to the pages and the API. Whatever
// comes in, the server answers with a status that says whose fault it is
// (never 5xx), and whatever the user typed never comes back as markup.
func FuzzPages(f *testing.F) {
	for _, s := range []string{
		"q=%22strategy+discussions%22", "q=plans&authority=Bury&sort=newest&page=2",
		"type=ilacs_inspection,focused_visit&from=2019&to=2023-07", "q=(a+OR+b)+-c*&kind=weakness",
		"q=%3Cscript%3Ealert(1)%3C/script%3E", "region=London&grade=none&sort=overall&desc=1",
		"format=csv&q=x&limit=5&offset=-1", "page=99999999999999999999", "q=%ff%fe",
	} {
		f.Add(s)
	}
	fx := newFixture(f)
	// What the pages hold whatever the input: markup of our own.
	var plain strings.Builder
	for _, path := range []string{"/", "/summary", "/nothing-here"} {
		plain.WriteString(get(f, fx.handler, path).body)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return // a browser would not send it
		}
		for _, path := range []string{"/", "/summary", "/api/search", "/api/summary", "/api/export"} {
			r := get(t, fx.handler, path+"?"+v.Encode())
			if r.status >= 500 && r.status != http.StatusServiceUnavailable {
				t.Fatalf("%s?%s: status %d\n%.300s", path, raw, r.status, r.body)
			}
			if strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
				for _, vals := range v {
					for _, x := range vals {
						if strings.ContainsAny(x, "<>") && strings.Contains(r.body, x) && !strings.Contains(plain.String(), x) {
							t.Fatalf("%s?%s: the input %q comes back unescaped", path, raw, x)
						}
					}
				}
			}
		}
	})
}
