package index

import (
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"
)

// TestFacetKeyRoundTrip checks that facet values survive coding: known
// values (coded to a byte or an ONS code) and unknown ones (written out),
// lists of themes, and empty facets.
func TestFacetKeyRoundTrip(t *testing.T) {
	units := []map[string]any{
		{fAuthority: "Nottingham", fYear: "2024", fType: "ilacs_inspection", fKind: "weakness", fDomain: "help_and_protection", fThemes: []string{"supervision", "strategy_discussions"}},
		{fAuthority: "Nottingham", fYear: "2024", fType: "ilacs_inspection", fKind: "judgement", fGrade: "inadequate", fDomain: "overall_effectiveness"},
		{fAuthority: "Atlantis Borough", fYear: "2019", fType: "a_new_type", fKind: "strength", fThemes: []string{"a_new_theme"}},
		{fYear: "2020", fType: "news_article"},
	}
	tf := &search.TermFacets{}
	for _, u := range units {
		tf.Add(&search.TermFacet{Term: facetKey(u), Count: 1})
	}
	got := facetCounts(&search.FacetResult{Terms: tf})
	want := map[string][]Facet{
		"authority": {{"Nottingham", 2}, {"Atlantis Borough", 1}},
		"year":      {{"2024", 2}, {"2020", 1}, {"2019", 1}},
		"type":      {{"ilacs_inspection", 2}, {"a_new_type", 1}, {"news_article", 1}},
		"kind":      {{"judgement", 1}, {"strength", 1}, {"weakness", 1}},
		"grade":     {{"inadequate", 1}},
		"domain":    {{"help_and_protection", 1}, {"overall_effectiveness", 1}},
		"theme":     {{"a_new_theme", 1}, {"strategy_discussions", 1}, {"supervision", 1}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("facets:\n%v\nwant\n%v", got, want)
	}
	if k := facetKey(units[1]); len(k) > 30 {
		t.Errorf("facet key %q is %d bytes: known values should be coded short", k, len(k))
	}
}

// TestFacetCodesCoverVocabularies checks the code table: every value of
// each fixed vocabulary has a code, no two values of a facet share one,
// and every code is one printable byte, clear of the separators.
func TestFacetCodesCoverVocabularies(t *testing.T) {
	vocab := map[string][]string{"theme": framework.ThemeNames()}
	for _, v := range extract.Types() {
		vocab["type"] = append(vocab["type"], string(v))
	}
	for _, v := range extract.Kinds() {
		vocab["kind"] = append(vocab["kind"], string(v))
	}
	for _, v := range extract.Grades() {
		vocab["grade"] = append(vocab["grade"], string(v))
	}
	for _, v := range extract.Domains() {
		vocab["domain"] = append(vocab["domain"], string(v))
	}
	has := map[string]map[string]bool{}
	used := map[string]map[byte]string{}
	for _, fc := range facetCodeTable() {
		if _, ok := vocab[fc.facet]; !ok {
			t.Errorf("code for %s of facet %q, which has no vocabulary", fc.value, fc.facet)
			continue
		}
		if has[fc.facet] == nil {
			has[fc.facet], used[fc.facet] = map[string]bool{}, map[byte]string{}
		}
		if has[fc.facet][fc.value] {
			t.Errorf("%s %s has two codes", fc.facet, fc.value)
		}
		if other, dup := used[fc.facet][fc.code]; dup {
			t.Errorf("%s %s and %s share the code %q", fc.facet, fc.value, other, fc.code)
		}
		if fc.code < '!' || fc.code > '~' {
			t.Errorf("%s %s: code %q is not printable ASCII", fc.facet, fc.value, fc.code)
		}
		has[fc.facet][fc.value], used[fc.facet][fc.code] = true, fc.value
	}
	for facet, values := range vocab {
		for _, v := range values {
			if !has[facet][v] {
				t.Errorf("%s %s has no code: add one to facetCodeTable (a code its facet does not use yet)", facet, v)
			}
		}
	}
}

// TestFacetKeyFormat pins the facet key of one unit as indexes store it:
// a change of code would make every index built before it count wrongly.
func TestFacetKeyFormat(t *testing.T) {
	u := map[string]any{fAuthority: "Nottingham", fYear: "2024", fType: "focused_visit", fKind: "judgement",
		fGrade: "inadequate", fDomain: "care_leavers", fThemes: []string{"supervision", "lado", "a_new_theme"}}
	want := "E06000018\x1e2024\x1e#\x1e!\x1e$\x1e%\x1e&\x1d2\x1d\x1fa_new_theme"
	if got := facetKey(u); got != want {
		t.Errorf("facetKey = %q, want %q", got, want)
	}
}
