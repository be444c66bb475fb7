package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ofsted/ofsted/index"
)

func TestRoutes(t *testing.T) {
	f := newFixture(t)
	notts23 := f.ids["ilacs-2023#1"]
	tests := []struct {
		name, target string
		status       int
		contentType  string
		want         []string // substrings of the body
	}{
		{"Home", "/", 200, "text/html", []string{`name="q"`, `data-facet="authority"`, "Nottingham", "Bury"}},
		{"Phrase", "/?q=%22strategy+discussions%22", 200, "text/html", []string{"<mark>Strategy discussions</mark>", `id="download-csv"`}},
		{"FacetNarrows", "/?q=strategy&authority=Bury", 200, "text/html", []string{"<strong>1</strong> hit", "authority: Bury", "Focused visit to Bury"}},
		{"YearFacet", "/?from=2019&to=2019", 200, "text/html", []string{"year: 2019"}},
		{"SortNewest", "/?q=strategy&sort=newest", 200, "text/html", []string{`<option value="newest" selected>`}},
		{"FirstPage", "/?q=kinship", 200, "text/html", []string{"showing 1–20", `id="next-page" href="/?page=2&amp;q=kinship"`, "Page 1 of 2"}},
		{"SecondPage", "/?q=kinship&page=2", 200, "text/html", []string{"showing 21–25", `rel="prev" href="/?q=kinship"`, `<ol class="hits" start="21">`}},
		{"Document", "/doc/" + notts23, 200, "text/html", []string{"Judgements", "Requires improvement", "Strength", "Quality of coffee", "East Midlands", "Other copies"}},
		{"EmbeddedDocument", "/doc/" + f.ids["pack-2023#2"], 200, "text/html", []string{"Embedded in", "A copy of"}},
		{"Pack", "/doc/" + f.ids["pack-2023#1"], 200, "text/html", []string{"Documents in this pack"}},
		{"Authority", "/authority/E06000018", 200, "text/html", []string{`id="grade-chart"`, "<circle", "Timeline", "strategy discussions", "improved since the one before"}},
		{"Summary", "/summary", 200, "text/html", []string{`id="summary"`, "Nottingham", "Bury", "2021-02-09", "improved"}},
		{"SummaryFiltered", "/summary?region=London", 200, "text/html", []string{"No authority matches"}},
		{"Source", "/source/" + notts23, 200, "text/plain", []string{"Strategy discussions are now timely"}},
		{"SourcePDF", "/source/" + f.ids["ilacs-2019#1"], 200, "application/pdf", []string{"Judgement grades"}},
		{"Static", "/static/style.css", 200, "text/css", []string{"--outstanding"}},
		{"APISearch", "/api/search?q=strategy&limit=2", 200, "application/json", []string{`"total": 5`, `"facets"`, `"hits"`}},
		{"APIDocuments", "/api/documents?authority=Bury", 200, "application/json", []string{`"total": 2`}},
		{"APIDocument", "/api/documents/" + notts23, 200, "application/json", []string{`"id": "` + notts23, `"findings"`}},
		{"APIDocumentPages", "/api/documents/" + notts23 + "?pages=true", 200, "application/json", []string{`"pages"`, "well recorded"}},
		{"APIAuthorities", "/api/authorities", 200, "application/json", []string{`"code": "E08000002"`, `"region": "East Midlands"`}},
		{"APIAuthority", "/api/authorities/nottingham", 200, "application/json", []string{`"grades"`, `"themes"`}},
		{"APISummary", "/api/summary?sort=published&desc=1", 200, "application/json", []string{`"direction": "improved"`}},
		{"APIExportJSON", "/api/export?q=strategy", 200, "application/json", []string{`"total": 4`}},
		{"APIExportCSV", "/api/export?format=csv&authority=Bury", 200, "text/csv", []string{"\ufeffdocument_id,", "held quickly"}},
		{"APISummaryCSV", "/api/summary?format=csv", 200, "text/csv", []string{"latest_overall_effectiveness"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := get(t, f.handler, tt.target)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d\n%.600s", r.status, tt.status, r.body)
			}
			if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, tt.contentType) {
				t.Errorf("Content-Type %q, want %s", ct, tt.contentType)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.body, w) {
					t.Errorf("body lacks %q", w)
				}
			}
			if r.header.Get("Server-Timing") == "" {
				t.Error("no Server-Timing header")
			}
		})
	}
}

func TestErrors(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, method, target string
		status               int
		json                 bool
	}{
		{"BadType", "GET", "/?type=inspection", 400, false},
		{"BadTypeAPI", "GET", "/api/search?type=inspection", 400, true},
		{"BadDate", "GET", "/api/search?from=last+year", 400, true},
		{"BadPage", "GET", "/?page=0", 400, false},
		{"PageTooFar", "GET", "/?q=strategy&page=99", 404, false},
		{"BadLimit", "GET", "/api/search?limit=100000", 400, true},
		{"BadSort", "GET", "/api/summary?sort=colour", 400, true},
		{"BadRegion", "GET", "/summary?region=Atlantis", 400, false},
		{"BadFormat", "GET", "/api/export?format=pdf", 400, true},
		{"ExportPages", "GET", "/api/export?unit=page", 400, true},
		{"UnknownDocument", "GET", "/doc/0123456789ab-1", 404, false},
		{"UnknownDocumentAPI", "GET", "/api/documents/0123456789ab-1", 404, true},
		{"MalformedDocument", "GET", "/doc/not-an-id", 404, false},
		{"UnknownAuthority", "GET", "/authority/Atlantis", 404, false},
		{"AuthorityWithoutDocuments", "GET", "/api/authorities/E06000001", 404, true},
		{"UnknownPage", "GET", "/admin", 404, false},
		{"UnknownAPI", "GET", "/api/admin", 404, true},
		{"Post", "POST", "/", 405, false},
		{"PostAPI", "POST", "/api/search", 405, true},
		{"Delete", "DELETE", "/api/documents/" + f.ids["ilacs-2023#1"], 405, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, f.handler, httptest.NewRequest(tt.method, "http://localhost:8080"+tt.target, nil))
			if r.status != tt.status {
				t.Fatalf("status %d, want %d\n%.400s", r.status, tt.status, r.body)
			}
			if tt.json {
				var e struct {
					Error  string `json:"error"`
					Status int    `json:"status"`
				}
				if err := json.Unmarshal([]byte(r.body), &e); err != nil || e.Error == "" || e.Status != tt.status {
					t.Errorf("error body is not the JSON error: %v %q", err, r.body)
				}
			} else if !strings.Contains(r.body, `id="error-message"`) {
				t.Errorf("error page lacks its message:\n%.400s", r.body)
			}
		})
	}
}

func TestAuthorityRedirects(t *testing.T) {
	f := newFixture(t)
	for _, name := range []string{"Nottingham", "nottingham%20city"} {
		r := get(t, f.handler, "/authority/"+name)
		if r.status != http.StatusMovedPermanently || r.header.Get("Location") != "/authority/E06000018" {
			t.Errorf("%s: %d to %q, want a redirect to /authority/E06000018", name, r.status, r.header.Get("Location"))
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	f := newFixture(t)
	for _, target := range []string{"/", "/summary", "/api/search", "/nope", "/static/app.js"} {
		r := get(t, f.handler, target)
		csp := r.header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("%s: Content-Security-Policy %q", target, csp)
		}
		if r.header.Get("X-Content-Type-Options") != "nosniff" || r.header.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", target, r.header)
		}
	}
}

// TestEscaping checks that a document's hostile text reaches every page
// as text: escaped in HTML, as a string in JSON.
func TestEscaping(t *testing.T) {
	f := newFixture(t)
	pack := f.ids["pack-2023#1"]
	for _, tt := range []struct {
		name, target string
		shown        bool // the sentence is on the page
	}{
		{"SearchFinding", "/?q=inspectors+found", true},
		{"SearchTheme", "/?q=plans", true},
		{"Document", "/doc/" + pack, true},
		{"Authority", "/authority/E06000018", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := get(t, f.handler, tt.target)
			if r.status != 200 {
				t.Fatalf("status %d", r.status)
			}
			for _, bad := range []string{"<script>document", "<img src=x", "onerror=\""} {
				if strings.Contains(r.body, bad) {
					t.Errorf("page holds live markup %q", bad)
				}
			}
			if tt.shown && !strings.Contains(r.body, "&lt;script&gt;") {
				t.Errorf("the hostile text is not shown escaped")
			}
		})
	}
	r := get(t, f.handler, "/api/documents/"+pack)
	var d struct {
		Document struct {
			Findings []struct{ Text string } `json:"findings"`
		} `json:"document"`
	}
	if err := json.Unmarshal([]byte(r.body), &d); err != nil || len(d.Document.Findings) == 0 || d.Document.Findings[0].Text != xssText {
		t.Errorf("API does not return the text as it is: %v %+v", err, d)
	}
	// A PDF is left to the browser's viewer, which a page policy could
	// keep from starting.
	if r := get(t, f.handler, "/source/"+f.ids["ilacs-2019#1"]); r.header.Get("Content-Security-Policy") != "" || r.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("PDF served with CSP %q, nosniff %q", r.header.Get("Content-Security-Policy"), r.header.Get("X-Content-Type-Options"))
	}
	// The source of a text or HTML file is text in a sandbox.
	r = get(t, f.handler, "/source/"+pack)
	if !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain") || !strings.Contains(r.header.Get("Content-Security-Policy"), "sandbox") {
		t.Errorf("source served as %q with CSP %q", r.header.Get("Content-Type"), r.header.Get("Content-Security-Policy"))
	}
}

func TestHostCheck(t *testing.T) {
	f := newFixture(t)
	for _, tt := range []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:8080", true}, {"localhost:8080", true}, {"[::1]:8080", true}, {"localhost", true},
		{"evil.example:8080", false}, {"192.168.1.20:8080", false}, {"127.0.0.1.nip.io", false},
	} {
		r := httptest.NewRequest("GET", "/api/search", nil)
		r.Host = tt.host
		got := do(t, f.handler, r)
		if (got.status == 200) != tt.ok {
			t.Errorf("Host %s: status %d, want ok=%v", tt.host, got.status, tt.ok)
		}
		if !tt.ok && got.status != http.StatusMisdirectedRequest {
			t.Errorf("Host %s: status %d, want 421", tt.host, got.status)
		}
	}
	public, err := New(Options{Store: f.live, Public: true})
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest("GET", "/api/search", nil)
	r.Host = "ofsted.example.org"
	if got := do(t, public, r); got.status != 200 {
		t.Errorf("with Public, Host %s: status %d", r.Host, got.status)
	}
}

// TestSourceTraversal tries to reach files the index does not record.
func TestSourceTraversal(t *testing.T) {
	f := newFixture(t)
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("SECRET-CONTENT"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, target string }{
		{"DotDot", "/source/../../../../etc/passwd"},
		{"EncodedSlashes", "/source/..%2F..%2F..%2F..%2Fetc%2Fpasswd"},
		{"EncodedDots", "/source/%2e%2e%2f%2e%2e%2fetc%2fpasswd"},
		{"EncodedAbsolute", "/source/%2Fetc%2Fpasswd"},
		{"DoubleSlash", "/source//etc/passwd"},
		{"AbsoluteUnrecorded", "/source/" + url.PathEscape(secret)},
		{"AfterAnID", "/source/" + f.ids["ilacs-2023#1"] + "%2F..%2F..%2Fsecret.txt"},
		{"StaticDotDot", "/static/../../../go.mod"},
		{"StaticEncoded", "/static/..%2F..%2F..%2Fgo.mod"},
		{"StaticEncodedDots", "/static/%2e%2e/web.go"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := get(t, f.handler, tt.target)
			if r.status == 200 || strings.Contains(r.body, "root:") || strings.Contains(r.body, "SECRET") || strings.Contains(r.body, "module github.com") {
				t.Errorf("%s: status %d, body %.200q", tt.target, r.status, r.body)
			}
		})
	}

	// A recorded file that has since become a link to another file, or
	// changed, is refused.
	id := f.ids["ilacs-2019#1"]
	rec := filepath.Join(f.files, "ilacs-2019.txt")
	if err := os.Remove(rec); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, rec); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	r := get(t, f.handler, "/source/"+id)
	if r.status != http.StatusGone || strings.Contains(r.body, "SECRET") {
		t.Errorf("symlink out: status %d, body %.200q", r.status, r.body)
	}
	os.Remove(rec)
	if err := os.WriteFile(rec, []byte("Inspection of Nottingham City\nJudgement grades\fedited"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := get(t, f.handler, "/source/"+id); r.status != http.StatusGone {
		t.Errorf("edited file: status %d", r.status)
	}
}

func TestDownloads(t *testing.T) {
	f := newFixture(t)
	t.Run("CSVIsTheFindingHits", func(t *testing.T) {
		search := get(t, f.handler, "/api/search?q=strategy&unit=finding&limit=100")
		var res index.Results
		if err := json.Unmarshal([]byte(search.body), &res); err != nil {
			t.Fatal(err)
		}
		r := get(t, f.handler, "/api/export?format=csv&q=strategy")
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows)-1 != res.Total || res.Total == 0 {
			t.Errorf("CSV has %d rows, the search %d finding hits", len(rows)-1, res.Total)
		}
		if cd := r.header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") {
			t.Errorf("Content-Disposition %q", cd)
		}
	})
	t.Run("XLSX", func(t *testing.T) {
		for _, target := range []string{"/api/export?format=xlsx&authority=Nottingham", "/api/summary?format=xlsx"} {
			r := get(t, f.handler, target)
			if r.status != 200 || r.header.Get("Content-Type") != xlsxType {
				t.Fatalf("%s: %d %s", target, r.status, r.header.Get("Content-Type"))
			}
			x, err := excelize.OpenReader(bytes.NewReader([]byte(r.body)))
			if err != nil {
				t.Fatalf("%s: not a workbook: %v", target, err)
			}
			if len(x.GetSheetList()) != 2 {
				t.Errorf("%s: sheets %v", target, x.GetSheetList())
			}
			rows, _ := x.GetRows("Findings")
			if len(rows) < 2 {
				t.Errorf("%s: %d finding rows", target, len(rows))
			}
			x.Close()
		}
	})
}

// unavailable is a store whose index is being written.
type unavailable struct{ err error }

func (u unavailable) Read(func(*index.Group) error) error { return u.err }
func (u unavailable) Catalogue(context.Context) ([]index.Entry, error) {
	return nil, u.err
}

func TestUnavailable(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"Writer", &index.LockedError{Dir: "/x", PID: 4242}, "process 4242"},
		{"NoIndex", index.ErrNoIndex, "no index yet"},
		{"NotIndexed", index.ErrNotIndexed, "reindex"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := New(Options{Store: unavailable{tt.err}})
			if err != nil {
				t.Fatal(err)
			}
			for _, target := range []string{"/", "/summary", "/api/search", "/api/summary"} {
				r := get(t, s, target)
				if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" || !strings.Contains(r.body, tt.want) {
					t.Errorf("%s: %d Retry-After %q\n%.300s", target, r.status, r.header.Get("Retry-After"), r.body)
				}
			}
			if r := get(t, s, "/"); !strings.Contains(r.body, `http-equiv="refresh"`) {
				t.Error("the waiting page does not reload itself")
			}
		})
	}
	if _, err := New(Options{}); err == nil {
		t.Error("New without a store: no error")
	}
}

func TestSegments(t *testing.T) {
	tests := []struct {
		name string
		f    index.Fragment
		want string
	}{
		{"None", index.Fragment{Text: "abc"}, "abc"},
		{"Middle", index.Fragment{Text: "a <b> c", Matches: [][2]int{{2, 5}}}, "a [<b>] c"},
		{"Edges", index.Fragment{Text: "abc", Matches: [][2]int{{0, 1}, {2, 3}}}, "[a]b[c]"},
		{"OutOfRange", index.Fragment{Text: "abc", Matches: [][2]int{{1, 9}}}, "abc"},
		{"Overlap", index.Fragment{Text: "abcd", Matches: [][2]int{{0, 2}, {1, 3}}}, "[ab]cd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			for _, s := range segments(tt.f) {
				if s.Mark {
					b.WriteString("[" + s.Text + "]")
				} else {
					b.WriteString(s.Text)
				}
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}
