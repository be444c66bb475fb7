package htmltext

import "testing"

func TestReadMeta(t *testing.T) {
	for _, tc := range []struct{ name, html, title, date, site string }{
		{"OpenGraph", `<html><head><meta property="og:title" content="Council rated good"><meta property="article:published_time" content="2023-05-02T10:00:00+01:00"><meta property="og:site_name" content="Local News"></head><body><article><p>Text.</p></article></body></html>`, "Council rated good", "2023-05-02", "Local News"},
		{"JSONLD", `<html><head><title>T</title><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-01-31","publisher":{"name":"The Post"}}</script></head><body><p>Body.</p></body></html>`, "T", "2022-01-31", "The Post"},
		{"HeaderDateIsNotArticleDate", `<html><body><header>Tuesday 19 April 2024</header><article><h1>Head</h1><p>Body.</p></article></body></html>`, "Head", "", ""},
		{"Latin1", "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head><body><p>x</p></body></html>", "Café", "", ""},
		{"TitleSuffixIsTheOutlet", `<html><head><title>Council's services slammed as inadequate | Express &amp; Star</title></head><body><p>x</p></body></html>`, "Council's services slammed as inadequate", "", "Express & Star"},
		{"TitleDashOutlet", `<html><head><title>Leeds children's services rated outstanding - BBC News</title></head><body><p>x</p></body></html>`, "Leeds children's services rated outstanding", "", "BBC News"},
		{"TitleDashInHeadline", `<html><head><title>Ofsted: Leeds rated outstanding - says council</title></head><body><p>x</p></body></html>`, "Ofsted: Leeds rated outstanding - says council", "", ""},
		{"H1BeforeTitle", `<html><head><title>Short | Site Name</title></head><body><h1>The headline</h1></body></html>`, "The headline", "", ""},
		{"TimeInMain", `<html><body><div class="masthead">Monday 20 November 2023</div><main><h1>Head</h1><p><time datetime="2023-11-17T06:00:00Z">17 November 2023</time></p></main></body></html>`, "Head", "2023-11-17", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pg, err := Read([]byte(tc.html))
			if err != nil {
				t.Fatal(err)
			}
			if pg.Title != tc.title || pg.Date != tc.date || pg.Site != tc.site {
				t.Errorf("got title %q date %q site %q", pg.Title, pg.Date, pg.Site)
			}
		})
	}
}
