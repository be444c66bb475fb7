package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/index"
)

// The hostile sentence of the fixture: it must show as text and run
// nothing.
const xssText = `Inspectors found <script>document.title="pwned"</script> and <img src=x onerror="document.title='pwned'"> in the plans.`

// fixture is an index of a few documents written by hand, with their
// source files on disk, served by a Server.
type fixture struct {
	dir     string // the index
	files   string // the source files
	ids     map[string]string
	live    *index.Live
	srv     *Server
	handler http.Handler
}

// grades makes judgement findings from "domain=grade" pairs.
func grades(pairs ...string) []extract.Finding {
	var fs []extract.Finding
	for _, p := range pairs {
		d, g, _ := strings.Cut(p, "=")
		fs = append(fs, extract.Finding{Kind: extract.KindJudgement, Domain: extract.Domain(d), Grade: extract.Grade(g),
			Text: label(d) + " | " + label(g), Page: 1, Rule: "judgement.table"})
	}
	return fs
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{dir: filepath.Join(t.TempDir(), "index"), files: t.TempDir(), ids: map[string]string{}}
	ix, err := index.Open(f.dir)
	if err != nil {
		t.Fatal(err)
	}
	notts := extract.Authority{Name: "Nottingham", Code: "E06000018"}
	bury := extract.Authority{Name: "Bury", Code: "E08000002"}
	put := func(name, format string, pages []string, docs ...extract.Document) {
		t.Helper()
		content := strings.Join(pages, "\f")
		path := filepath.Join(f.files, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(content))
		rec := index.Record{Path: path, Size: int64(len(content)), ModTime: time.Now(), SHA256: hex.EncodeToString(sum[:]),
			Parser: "test", Format: format, Pages: pages, Documents: docs}
		if err := ix.Put(rec); err != nil {
			t.Fatal(err)
		}
		for i := range docs {
			f.ids[strings.TrimSuffix(name, filepath.Ext(name))+"#"+string(rune('1'+i))] = index.DocumentID(rec.SHA256, i+1)
		}
	}
	ilacs19 := extract.Document{Type: extract.TypeILACS, Title: "Inspection of Nottingham City local authority children's services",
		Authority: notts, Published: "2019-05-01", VisitStart: "2019-03-04", VisitEnd: "2019-03-15", PageStart: 1, PageEnd: 2,
		LeadInspector: "Maren Oldcastle",
		Findings: append(grades("overall_effectiveness=inadequate", "leaders=inadequate", "help_and_protection=inadequate", "in_care=requires_improvement"),
			extract.Finding{Kind: extract.KindWeakness, Text: "Strategy discussions are not held quickly enough.", Page: 2, Rule: "weakness.cue", Themes: []string{"strategy_discussions"}})}
	put("ilacs-2019.txt", "pdf", []string{"Inspection of Nottingham City\nJudgement grades", "Strategy discussions are not held quickly enough."}, ilacs19)
	ilacs23 := extract.Document{Type: extract.TypeILACS, Title: "Inspection of Nottingham City local authority children's services",
		Authority: notts, Published: "2023-09-01", VisitStart: "2023-07-10", VisitEnd: "2023-07-21", PageStart: 1, PageEnd: 2,
		Warnings: []string{"grade table row names no known domain: 'Quality of coffee | Good'"},
		Findings: append(grades("overall_effectiveness=requires_improvement", "leaders=requires_improvement", "help_and_protection=requires_improvement", "in_care=good", "care_leavers=requires_improvement"),
			extract.Finding{Kind: extract.KindStrength, Text: "Strategy discussions are now timely and well recorded.", Page: 2, Rule: "strength.cue", Themes: []string{"strategy_discussions"}},
			extract.Finding{Kind: extract.KindRecommendation, Text: "The quality of plans for children in need.", Page: 2, Rule: "recommend.what-needs-to-improve", Themes: []string{"plans_reviews"}})}
	put("ilacs-2023.txt", "text", []string{"Inspection of Nottingham City\nJudgement grades", "Strategy discussions are now timely and well recorded. The quality of plans."}, ilacs23)
	// A committee pack: the pack, and a copy of the 2023 report embedded in it.
	pack := extract.Document{Type: extract.TypeCommittee, Title: "Children and Young People Committee, 14 November 2023",
		Authority: notts, Published: "2023-11-14", PageStart: 1, PageEnd: 3,
		Findings: []extract.Finding{{Kind: extract.KindProgress, Text: xssText, Page: 1, Rule: "committee.progress", Themes: []string{"plans_reviews"}}}}
	embedded := ilacs23
	embedded.PageStart, embedded.PageEnd = 2, 3
	put("pack-2023.txt", "text", []string{"Committee pack. " + xssText, "Inspection of Nottingham City", "Strategy discussions are now timely and well recorded."}, pack, embedded)
	fv := extract.Document{Type: extract.TypeFocused, Title: "Focused visit to Bury children's services", Authority: bury,
		Published: "2021-03-12", VisitStart: "2021-02-09", VisitEnd: "2021-02-10", PageStart: 1, PageEnd: 1,
		Findings: []extract.Finding{{Kind: extract.KindStrength, Text: "When children are at risk, strategy discussions are held quickly.", Page: 1, Rule: "strength.cue", Themes: []string{"strategy_discussions"}}}}
	put("fv-2021.txt", "text", []string{"Focused visit to Bury. When children are at risk, strategy discussions are held quickly."}, fv)
	// Enough findings of one word for two pages of hits.
	sif := extract.Document{Type: extract.TypeSIF, Title: "Inspection of services for children in need of help and protection in Bury",
		Authority: bury, Published: "2016-07-18", VisitStart: "2016-05-09", VisitEnd: "2016-06-02", PageStart: 1, PageEnd: 1,
		Findings: grades("overall_effectiveness=good", "leaders=good")}
	var page strings.Builder
	for i := 1; i <= 25; i++ {
		text := "Kinship carers in example " + strconv.Itoa(i) + " are well supported."
		sif.Findings = append(sif.Findings, extract.Finding{Kind: extract.KindStrength, Text: text, Page: 1, Rule: "strength.cue", Themes: []string{"kinship"}})
		page.WriteString(text + " ")
	}
	put("sif-2016.txt", "text", []string{page.String()}, sif)
	if _, err := ix.LinkSameAs(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	f.live = index.OpenLive(f.dir, 10*time.Millisecond)
	t.Cleanup(func() { f.live.Close() })
	srv, err := New(Options{Store: f.live, Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	f.srv, f.handler = srv, srv
	return f
}

// testLog sends the server's log to the test's.
type testLog struct{ t testing.TB }

func (l testLog) Write(b []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

// response is what a request got.
type response struct {
	status int
	header http.Header
	body   string
}

// get requests target (a path with its query) from h as a browser on this
// machine would.
func get(t testing.TB, h http.Handler, target string) response {
	t.Helper()
	return do(t, h, httptest.NewRequest(http.MethodGet, "http://127.0.0.1:8080"+target, nil))
}

func do(t testing.TB, h http.Handler, r *http.Request) response {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	res := w.Result()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: string(b)}
}
