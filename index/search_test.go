package index

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/ofsted/ofsted/extract"
)

// searchFixture is a small index: three letters with distinct wording.
func searchFixture(t *testing.T) *Index {
	t.Helper()
	ix := openT(t, t.TempDir())
	t.Cleanup(func() { ix.Close() })
	putT(t, ix,
		letter("leeds.pdf", "Leeds", "E08000035", "2019-03-01",
			[]string{"Services for children in need are effective. Managers held discussions with partners.",
				"Supervision is regular and reflective."},
			extract.Finding{Kind: extract.KindStrength, Text: "Children in need are seen promptly.", Page: 1, Rule: "strength.sentence", Themes: []string{"timeliness"}},
			extract.Finding{Kind: extract.KindJudgement, Domain: extract.DomainOverall, Grade: extract.GradeGood, Text: "Overall effectiveness: Good", Page: 1, Rule: "judgement.table"}),
		letter("kent.pdf", "Kent", "E10000016", "2021-11-20",
			[]string{"The needs of children of need are a discussion point. Self-harm is recognised.",
				"Caseloads are high."},
			extract.Finding{Kind: extract.KindWeakness, Text: "Caseloads are too high for some social workers.", Page: 2, Rule: "weakness.sentence", Themes: []string{"workforce"}},
			extract.Finding{Kind: extract.KindJudgement, Domain: extract.DomainOverall, Grade: extract.GradeInadequate, Text: "Overall effectiveness: Inadequate", Page: 1, Rule: "judgement.table"}),
		letter("camden.html", "Camden", "E09000007", "",
			[]string{"Planning for permanence is discussed. Children in care are safe."}),
	)
	camden, _, _ := ix.Record("camden.html")
	camden.Documents[0].VisitEnd = "2023-06-30"
	camden.Documents[0].Type = extract.TypeMonitoring
	putT(t, ix, camden)
	if err := ix.Flush(); err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestSearchText(t *testing.T) {
	ix := searchFixture(t)
	tests := []struct {
		name  string
		query string
		want  []string // sorted hit keys
	}{
		{"Phrase", `"children in need"`, []string{"leeds.pdf#1", "leeds.pdf#f:strength"}},
		{"PhraseOtherWording", `"children of need"`, []string{"kent.pdf#1"}},
		{"StemmedSingular", "discussion", []string{"camden.html#1", "kent.pdf#1", "leeds.pdf#1"}},
		{"StemmedPlural", "discussions", []string{"camden.html#1", "kent.pdf#1", "leeds.pdf#1"}},
		{"PhraseStemmed", `"held discussion"`, []string{"leeds.pdf#1"}},
		{"PhraseInOrder", `"discussion held"`, nil},
		{"ImplicitAnd", "discussion partners", []string{"leeds.pdf#1"}},
		{"Or", "supervision OR caseloads", []string{"kent.pdf#2", "kent.pdf#f:weakness", "leeds.pdf#2"}},
		{"Not", "discussion NOT partners", []string{"camden.html#1", "kent.pdf#1"}},
		{"Minus", "discussion -partners -permanence", []string{"kent.pdf#1"}},
		{"OnlyNegative", "-children -supervision -caseloads -effectiveness", nil},
		{"Parentheses", "(supervision OR permanence) -reflective", []string{"camden.html#1"}},
		{"Hyphenated", "self-harm", []string{"kent.pdf#1"}},
		{"Prefix", "supervis*", []string{"leeds.pdf#2"}},
		{"PrefixOfWholeWord", "caseloads*", []string{"kent.pdf#2", "kent.pdf#f:weakness"}},
		{"PrefixAfterHyphen", "self-ha*", []string{"kent.pdf#1"}},
		{"StopWordAlone", "the", []string{"kent.pdf#1"}},
		{"CaseInsensitive", "CASELOADS", []string{"kent.pdf#2", "kent.pdf#f:weakness"}},
		{"Punctuation", "!!!", nil},
		{"Possessive", "children's AND permanence", []string{"camden.html#1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := searchT(t, ix, Query{Text: tt.query})
			got := hitKeys(res)
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s: hits %v, want %v", tt.query, got, want)
			}
			if res.Total != len(want) {
				t.Errorf("%s: total %d, want %d", tt.query, res.Total, len(want))
			}
		})
	}
}

// TestSearchPageWithoutFindings checks that a sentence that is a finding
// is found once, as the finding, while the rest of its page is still
// found as the page, with highlights at the right place in the whole page.
func TestSearchPageWithoutFindings(t *testing.T) {
	ix := openT(t, t.TempDir())
	defer ix.Close()
	page := "Inspection findings\n\nStrategy discussions are timely and\nwell attended. Return home\ninterviews are offered. Strategy meetings are minuted."
	putT(t, ix, letter("york.pdf", "York", "E06000014", "2024-02-01", []string{page},
		extract.Finding{Kind: extract.KindStrength, Text: "Strategy discussions are timely and well attended.", Page: 1, Rule: "strength.sentence"}))
	if err := ix.Flush(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{`"strategy discussions"`, []string{"york.pdf#f:strength"}},
		{"attended", []string{"york.pdf#f:strength"}},
		{"strategy", []string{"york.pdf#1", "york.pdf#f:strength"}},
		{`"return home interviews"`, []string{"york.pdf#1"}},
	} {
		res := searchT(t, ix, Query{Text: tt.query})
		got := hitKeys(res)
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: hits %v, want %v", tt.query, got, tt.want)
		}
	}
	res := searchT(t, ix, Query{Text: "minuted", Unit: "page"})
	if len(res.Hits) != 1 || len(res.Hits[0].Fragments) == 0 {
		t.Fatalf("minuted: %+v", res.Hits)
	}
	fr := res.Hits[0].Fragments[0]
	if got := fr.Mark("[", "]"); !strings.Contains(got, "attended. Return home") || !strings.HasSuffix(got, "are [minuted].") {
		t.Errorf("page fragment %q: want the whole page text with the match marked", got)
	}
}

func TestBlankFindings(t *testing.T) {
	tests := []struct {
		name, page string
		finds      []string
		want       string
	}{
		{"None", "a b c", nil, "a b c"},
		{"AcrossLines", "Head.\nOne two\nthree. Four.", []string{"One two three."}, "Head.\n   " + "    \n      " + " Four."},
		{"NotOnPage", "Alpha beta.", []string{"Gamma."}, "Alpha beta."},
		{"InOrder", "Good. Good.", []string{"Good.", "Good."}, "           "},
		{"NonASCII", "Children’s plans. Next.", []string{"Children’s plans."}, strings.Repeat(" ", len("Children’s plans.")) + " Next."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := blankFindings(tt.page, tt.finds)
			if got != tt.want {
				t.Errorf("blankFindings(%q, %q) = %q, want %q", tt.page, tt.finds, got, tt.want)
			}
			if len(got) != len(tt.page) {
				t.Errorf("length %d, want %d", len(got), len(tt.page))
			}
		})
	}
}

func TestSearchFilters(t *testing.T) {
	ix := searchFixture(t)
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"AuthorityName", Query{Authority: "kent"}, []string{"kent.pdf#1", "kent.pdf#2", "kent.pdf#f:judgement", "kent.pdf#f:weakness"}},
		{"AuthorityCode", Query{Authority: "e09000007"}, []string{"camden.html#1"}},
		{"AuthorityAlias", Query{Authority: "London Borough of Camden"}, []string{"camden.html#1"}},
		{"AuthorityList", Query{Authority: "Camden, E08000035", Unit: "page"}, []string{"camden.html#1", "leeds.pdf#1", "leeds.pdf#2"}},
		{"Year", Query{From: "2021", To: "2021"}, []string{"kent.pdf#1", "kent.pdf#2", "kent.pdf#f:judgement", "kent.pdf#f:weakness"}},
		{"VisitEndWhenUnpublished", Query{From: "2023-06-30", Unit: "page"}, []string{"camden.html#1"}},
		{"ToMonth", Query{To: "2019-03", Unit: "page"}, []string{"leeds.pdf#1", "leeds.pdf#2"}},
		{"Type", Query{Type: "monitoring_visit"}, []string{"camden.html#1"}},
		{"Kind", Query{Kind: "weakness,strength"}, []string{"kent.pdf#f:weakness", "leeds.pdf#f:strength"}},
		{"Grade", Query{Grade: "Inadequate"}, []string{"kent.pdf#f:judgement"}},
		{"Domain", Query{Domain: "overall_effectiveness", Text: "good"}, []string{"leeds.pdf#f:judgement"}},
		{"Theme", Query{Theme: "workforce"}, []string{"kent.pdf#f:weakness"}},
		{"UnitFinding", Query{Text: "caseloads", Unit: "finding"}, []string{"kent.pdf#f:weakness"}},
		{"TextAndFilter", Query{Text: "discussion", Authority: "Leeds"}, []string{"leeds.pdf#1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.q.Limit = 100
			got := hitKeys(searchT(t, ix, tt.q))
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%+v: hits %v, want %v", tt.q, got, want)
			}
		})
	}
	for _, bad := range []Query{{From: "2019-13"}, {To: "last year"}, {From: "2020", To: "2019"}} {
		if _, err := ix.Search(context.Background(), bad); !errors.Is(err, ErrQuery) {
			t.Errorf("Search(%+v) = %v, want ErrQuery", bad, err)
		}
	}
}

func TestSearchFacetsAndHits(t *testing.T) {
	ix := searchFixture(t)
	res := searchT(t, ix, Query{Limit: 1})
	if res.Total != 9 || len(res.Hits) != 1 {
		t.Fatalf("total %d, hits %d; want 9, 1", res.Total, len(res.Hits))
	}
	facet := func(name string) map[string]int {
		m := map[string]int{}
		for _, f := range res.Facets[name] {
			m[f.Value] = f.Count
		}
		return m
	}
	checks := map[string]map[string]int{
		"authority": {"Leeds": 4, "Kent": 4, "Camden": 1},
		"year":      {"2019": 4, "2021": 4, "2023": 1},
		"type":      {"focused_visit": 8, "monitoring_visit": 1},
		"kind":      {"judgement": 2, "strength": 1, "weakness": 1},
		"grade":     {"good": 1, "inadequate": 1},
		"domain":    {"overall_effectiveness": 2},
		"theme":     {"timeliness": 1, "workforce": 1},
	}
	for name, want := range checks {
		if got := facet(name); !mapsEqual(got, want) {
			t.Errorf("facet %s = %v, want %v", name, got, want)
		}
	}
	if years := res.Facets["year"]; len(years) != 3 || years[0].Value != "2023" {
		t.Errorf("year facet order %v, want newest first", years)
	}

	res = searchT(t, ix, Query{Text: "caseloads", Kind: "weakness"})
	if len(res.Hits) != 1 {
		t.Fatalf("hits %v", hitKeys(res))
	}
	h := res.Hits[0]
	want := Hit{DocumentID: DocumentID(hashOf("kent.pdf"+"The needs of children of need are a discussion point. Self-harm is recognised.\fCaseloads are high."), 1),
		Path: "kent.pdf", Title: "Focused visit to Kent", Authority: "Kent", AuthorityCode: "E10000016",
		Type: "focused_visit", Date: "2021-11-20", Page: 2, Unit: "finding", Kind: "weakness",
		Rule: "weakness.sentence", Themes: []string{"workforce"}}
	h.Score, h.Fragments = 0, nil
	if !hitEqual(h, want) {
		t.Errorf("hit\n got %+v\nwant %+v", h, want)
	}
	frag := res.Hits[0].Fragments
	if len(frag) != 1 || frag[0].Mark("[[", "]]") != "[[Caseloads]] are too high for some social workers." {
		t.Errorf("fragments %+v", frag)
	}
	res = searchT(t, ix, Query{Text: `"children in need" discussions`})
	for _, h := range res.Hits {
		if h.Unit != "page" {
			continue
		}
		m := h.Fragments[0].Mark("[[", "]]")
		if !strings.Contains(m, "[[children in need]]") || !strings.Contains(m, "[[discussions]]") {
			t.Errorf("page fragment %q lacks marks", m)
		}
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func hitEqual(a, b Hit) bool {
	return a.DocumentID == b.DocumentID && a.Path == b.Path && a.Title == b.Title && a.Authority == b.Authority &&
		a.AuthorityCode == b.AuthorityCode && a.Type == b.Type && a.Date == b.Date && a.Page == b.Page &&
		a.Unit == b.Unit && a.Kind == b.Kind && a.Domain == b.Domain && a.Grade == b.Grade && a.Rule == b.Rule &&
		slices.Equal(a.Themes, b.Themes)
}

func TestFindings(t *testing.T) {
	ix := searchFixture(t)
	collect := func(q Query) []string {
		var out []string
		err := ix.Findings(context.Background(), q, func(r Row) error {
			out = append(out, r.SourceFile+":"+r.Kind)
			return nil
		})
		if err != nil {
			t.Fatalf("Findings(%+v): %v", q, err)
		}
		return out
	}
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		// Date order (Leeds 2019, Kent 2021), then finding order.
		{"All", Query{}, []string{"leeds.pdf:strength", "leeds.pdf:judgement", "kent.pdf:weakness", "kent.pdf:judgement"}},
		{"Kind", Query{Kind: "judgement"}, []string{"leeds.pdf:judgement", "kent.pdf:judgement"}},
		{"Authority", Query{Authority: "E10000016"}, []string{"kent.pdf:weakness", "kent.pdf:judgement"}},
		{"AuthorityAlias", Query{Authority: "Kent County Council"}, []string{"kent.pdf:weakness", "kent.pdf:judgement"}},
		{"Date", Query{From: "2020"}, []string{"kent.pdf:weakness", "kent.pdf:judgement"}},
		{"Text", Query{Text: "effectiveness"}, []string{"leeds.pdf:judgement", "kent.pdf:judgement"}},
		{"TextOwnOnly", Query{Text: "discussion"}, nil},
		{"TextAndGrade", Query{Text: "effectiveness", Grade: "good"}, []string{"leeds.pdf:judgement"}},
		{"Limit", Query{Limit: 1, Offset: 1}, []string{"leeds.pdf:judgement"}},
		{"UnitPage", Query{Unit: "page"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := collect(tt.q); !slices.Equal(got, tt.want) {
				t.Errorf("Findings(%+v) = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
	var row Row
	ix.Findings(context.Background(), Query{Kind: "weakness"}, func(r Row) error { row = r; return nil })
	want := []string{row.DocumentID, "kent.pdf", "focused_visit", "Kent", "E10000016", "2021-11-20", "", "",
		"weakness", "", "", "Caseloads are too high for some social workers.", "2", "weakness.sentence", "workforce"}
	if got := row.Strings(); !slices.Equal(got, want) || len(RowHeader) != len(want) {
		t.Errorf("row = %q, want %q", got, want)
	}
	stop := errors.New("stop")
	if err := ix.Findings(context.Background(), Query{}, func(Row) error { return stop }); err != stop {
		t.Errorf("Findings returned %v, want the callback's error", err)
	}
}

// TestFacetNames checks that the facets a search counts are the ones
// FacetNames lists, and that its slice is the caller's own.
func TestFacetNames(t *testing.T) {
	names := FacetNames()
	want := []string{"authority", "year", "type", "kind", "grade", "domain", "theme"}
	if !slices.Equal(names, want) {
		t.Fatalf("FacetNames() = %v, want %v", names, want)
	}
	names[0] = "changed"
	if FacetNames()[0] != "authority" {
		t.Errorf("changing the returned slice changed FacetNames")
	}
}

// TestDateTerms checks that a date falls in the terms dateTerms makes of a
// range exactly when it is within the range, for dates and ranges all
// over a few years (days 1-31 of every month, real or not).
func TestDateTerms(t *testing.T) {
	var dates []string
	for y := 2018; y <= 2021; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= 31; d += 3 {
				dates = append(dates, fmt.Sprintf("%d-%02d-%02d", y, m, d))
			}
		}
	}
	bounds := []string{"", "2018-01-01", "2018-12-31", "2019-01-01", "2019-03-15", "2019-03-31", "2019-12-31",
		"2020-02-01", "2020-02-29", "2021-06-30", "2021-12-31"}
	for _, lo := range bounds {
		for _, hi := range bounds {
			if lo != "" && hi != "" && lo > hi {
				continue // dateBounds refuses it
			}
			terms, y1, y2 := dateTerms(lo, hi)
			if len(terms) > 90 {
				t.Errorf("%s..%s: %d terms", lo, hi, len(terms))
			}
			in := map[string]bool{}
			for _, x := range terms {
				in[x] = true
			}
			for _, d := range dates {
				got := false
				for _, x := range dayTerms(d) {
					if in[x] || x[0] == 'y' && x >= fmt.Sprintf("y%04d", y1) && x <= fmt.Sprintf("y%04d", y2) {
						got = true
					}
				}
				want := (lo == "" || d >= lo) && (hi == "" || d <= hi)
				if got != want {
					t.Errorf("%s in %q..%q: %v, want %v", d, lo, hi, got, want)
				}
			}
		}
	}
}

// TestPairsMatchPhrases checks that a phrase looked up in the pairs field
// (two words, or word, stop word, word) finds exactly the units a phrase
// query on positions finds, for phrases cut from the indexed text.
func TestPairsMatchPhrases(t *testing.T) {
	ix := openT(t, t.TempDir())
	defer ix.Close()
	r := rand.New(rand.NewSource(5))
	var recs []Record
	for i := 0; i < 40; i++ {
		rec := genRecord(r, i)
		recs = append(recs, rec)
		putT(t, ix, rec)
	}
	if err := ix.Flush(); err != nil {
		t.Fatal(err)
	}
	ids := func(q query.Query) []string {
		req := bleve.NewSearchRequestOptions(q, 10000, 0, false)
		res, err := ix.bl.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range res.Hits {
			out = append(out, h.ID)
		}
		slices.Sort(out)
		return out
	}
	pairs, triples := 0, 0
	for i := 0; i < 300; i++ {
		words := strings.Fields(recs[r.Intn(len(recs))].Pages[0])
		n := 2 + r.Intn(2)
		at := r.Intn(len(words) - n)
		phrase := `"` + strings.Join(words[at:at+n], " ") + `"`
		c := newCompiler(ix.an, func(string) ([]string, error) { return nil, nil })
		fast := c.compile(parse(phrase))
		if tq, ok := fast.(*query.TermQuery); ok && tq.FieldVal == fPairs {
			if n == 2 {
				pairs++
			} else {
				triples++
			}
		}
		c.positions = true
		slow := c.compile(parse(phrase))
		if got, want := ids(fast), ids(slow); !slices.Equal(got, want) {
			t.Errorf("%s: %d units by pairs, %d by positions", phrase, len(got), len(want))
		}
	}
	if pairs == 0 || triples == 0 {
		t.Errorf("pairs %d, triples %d looked up: the test proves nothing", pairs, triples)
	}
}
