package index

import (
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
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
