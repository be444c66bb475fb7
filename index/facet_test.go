package index

import (
	"context"
	"fmt"
	"math/rand"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// TestFacetCountsMatchSearches checks the facet counts taken from postings
// (by intersections, by columns, and as the cost decides) against counts
// found another way: for each value of each facet,
// a search for the query and that value, whose total bleve counts by
// walking the hits. The index has several segments (one per flush) and
// deleted units (records put twice), which is where numbering mistakes
// would show.
func TestFacetCountsMatchSearches(t *testing.T) {
	ix := openT(t, t.TempDir())
	defer ix.Close()
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 120; i++ {
		putT(t, ix, genRecord(r, i))
		if i%25 == 24 {
			if err := ix.Flush(); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i := 0; i < 120; i += 7 { // replaced: their old units are deleted
		putT(t, ix, genRecord(r, i))
	}
	if err := ix.Flush(); err != nil {
		t.Fatal(err)
	}
	for _, q := range []Query{
		{},
		{Text: "supervision"},
		{Text: `"social workers"`},
		{Text: "placements OR fostering", Authority: "Kent"},
		{Text: "leaders -agency", From: "2019", To: "2021"},
		{Kind: "weakness"},
	} {
		v := &view{bls: []bleve.Index{ix.bl}, mapping: ix.mapping, an: ix.an, name: ix.dir}
		bq, _, err := v.bleveQuery(context.Background(), &q)
		if err != nil {
			t.Fatal(err)
		}
		want := make([]map[string]int, len(facetFields))
		for i, f := range facetFields {
			want[i] = map[string]int{}
			for _, term := range termsOf(t, ix.bl, f[1]) {
				tq := query.NewTermQuery(term)
				tq.SetField(f[1])
				req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{bq, tq}), 0, 0, false)
				sr, err := ix.bl.Search(req)
				if err != nil {
					t.Fatal(err)
				}
				if sr.Total > 0 {
					want[i][term] = int(sr.Total)
				}
			}
		}
		for _, force := range []int{-1, 1, 0} {
			t.Run(fmt.Sprintf("Columns%d/%+v", force, q), func(t *testing.T) {
				ix.facets = facetCache{force: force}
				res := searchT(t, ix, q)
				for i, f := range facetFields {
					got := map[string]int{}
					for _, fc := range res.Facets[f[0]] {
						got[fc.Value] = fc.Count
					}
					if !mapsEqual(got, want[i]) {
						t.Errorf("facet %s:\n got %v\nwant %v", f[0], got, want[i])
					}
				}
			})
		}
	}
}

func termsOf(t *testing.T, bl bleve.Index, field string) []string {
	t.Helper()
	d, err := bl.FieldDict(field)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var out []string
	for {
		e, err := d.Next()
		if err != nil {
			t.Fatal(err)
		}
		if e == nil {
			return out
		}
		out = append(out, e.Term)
	}
}
