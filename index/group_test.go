package index

import (
	"context"
	"fmt"
	"math/rand"
	"reflect"
	"strconv"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

// shardRecords makes records for the shard tests: generated reports, some
// with the very same text under another path (units whose scores tie
// exactly), and copies of one inspection in two forms (a PDF and a text
// file with the same visit), which LinkSameAs links.
func shardRecords() []Record {
	r := rand.New(rand.NewSource(7))
	var recs []Record
	for i := 0; i < 60; i++ {
		recs = append(recs, genRecord(r, i))
	}
	for i := 0; i < 8; i++ { // same text, other paths: ties
		twin := genRecord(rand.New(rand.NewSource(99)), 1000)
		twin.Path = fmt.Sprintf("twins/%02d.pdf", i)
		twin.SHA256 = hashOf(twin.Path)
		recs = append(recs, twin)
	}
	for i := 0; i < 6; i++ { // an inspection and its copy
		rep := genRecord(r, 2000+i)
		rep.Documents[0].Type = extract.TypeFocused
		rep.Documents[0].VisitStart, rep.Documents[0].VisitEnd = "2022-05-1"+strconv.Itoa(i), "2022-05-2"+strconv.Itoa(i)
		cp := rep
		cp.Path = fmt.Sprintf("copies/%02d.txt", i)
		cp.Format = "text"
		cp.SHA256 = hashOf(cp.Path)
		cp.Documents = append([]extract.Document(nil), rep.Documents...)
		recs = append(recs, rep, cp)
	}
	return recs
}

// shardOf splits records as ingest --shard does: by the first 16 hex
// digits of the content hash, modulo n.
func shardOf(rec Record, n int) int {
	v, err := strconv.ParseUint(rec.SHA256[:16], 16, 64)
	if err != nil {
		panic(err)
	}
	return int(v % uint64(n))
}

// buildShards puts recs into n indexes (n = 1: one index), flushing and
// replacing some records on the way so that each index has several
// segments and deleted units, then links copies as ingest does.
func buildShards(t *testing.T, recs []Record, n int) []*Index {
	t.Helper()
	ixs := make([]*Index, n)
	batches := make([]Batch, n)
	for i := range ixs {
		ixs[i] = openT(t, t.TempDir())
	}
	commit := func(i int) {
		if err := ixs[i].Commit(&batches[i]); err != nil {
			t.Fatal(err)
		}
		if err := ixs[i].Flush(); err != nil {
			t.Fatal(err)
		}
	}
	for i, rec := range recs {
		s := shardOf(rec, n)
		batches[s].Put(rec)
		if i%17 == 16 {
			commit(s)
		}
	}
	for i := 0; i < len(recs); i += 9 { // put again: the old units are deleted
		batches[shardOf(recs[i], n)].Put(recs[i])
	}
	for i, ix := range ixs {
		commit(i)
		if _, err := ix.LinkSameAs(context.Background()); err != nil {
			t.Fatal(err)
		}
		if err := ix.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	return ixs
}

// TestGroupEqualsOneIndex checks that the same records in one index and
// split over three, searched as a Group, give identical hits (order,
// scores to the last bit, fragments), totals and facet counts, page by
// page; identical exports; and the same documents by ID.
func TestGroupEqualsOneIndex(t *testing.T) {
	recs := shardRecords()
	one := NewGroup(buildShards(t, recs, 1)...)
	defer one.Close()
	three := NewGroup(buildShards(t, recs, 3)...)
	defer three.Close()
	for i, ix := range three.Indexes() {
		if n, _ := ix.Paths(); len(n) == 0 {
			t.Fatalf("shard %d is empty: the test would prove nothing", i)
		}
	}
	ctx := context.Background()

	searches := []Query{
		{},
		{Text: "supervision"},
		{Text: `"social workers"`},
		{Text: `"quality practice oversight"`},
		{Text: "placements OR fostering"},
		{Text: "plan* -agency"},
		{Text: "leaders managers", From: "2018", To: "2022"},
		{Text: "children", Authority: "Kent"},
		{Kind: "weakness,strength"},
		{Type: string(extract.TypeFocused), Unit: "page"},
		{Text: "the", From: "2020-06"},
	}
	for _, q := range searches {
		t.Run("Search"+fmt.Sprintf("%+v", q), func(t *testing.T) {
			q.Limit = 7
			for q.Offset = 0; ; q.Offset += q.Limit {
				a, err := one.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				b, err := three.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if a.Total != b.Total || !reflect.DeepEqual(a.Facets, b.Facets) {
					t.Fatalf("offset %d: total %d vs %d, facets\n%v\nvs\n%v", q.Offset, a.Total, b.Total, a.Facets, b.Facets)
				}
				if !reflect.DeepEqual(a.Hits, b.Hits) {
					t.Fatalf("offset %d: hits differ:\n one %v\nthree %v", q.Offset, hitList(a), hitList(b))
				}
				if len(a.Hits) < q.Limit {
					if q.Offset == 0 && a.Total == 0 && q.Text != "" {
						t.Logf("no hits for %q", q.Text)
					}
					break
				}
			}
		})
	}

	exports := []Query{
		{},
		{Dedupe: true},
		{Text: "supervision", Dedupe: true},
		{Kind: "recommendation", From: "2019"},
		{Authority: "Leeds", Limit: 5, Offset: 3},
	}
	for _, q := range exports {
		t.Run("Findings"+fmt.Sprintf("%+v", q), func(t *testing.T) {
			a, b := rows(t, one, q), rows(t, three, q)
			if len(a) == 0 {
				t.Fatalf("no rows: the test would prove nothing")
			}
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("rows differ: %d vs %d\n%v\n%v", len(a), len(b), a, b)
			}
		})
	}
	if a, b := len(rows(t, one, Query{})), len(rows(t, one, Query{Dedupe: true})); a == b {
		t.Errorf("dedupe left out nothing (%d rows): the copies were not linked", a)
	}
	catOne, err := one.Catalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	catThree, err := three.Catalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(catOne, catThree) {
		t.Errorf("catalogues differ")
	}
	if !reflect.DeepEqual(Summarise(catOne), Summarise(catThree)) {
		t.Errorf("summaries differ")
	}

	for _, rec := range recs {
		id := DocumentID(rec.SHA256, 1)
		a, err := one.Document(id)
		if err != nil {
			t.Fatal(err)
		}
		b, err := three.Document(id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("document %s differs", id)
		}
	}
}

func hitList(r *Results) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, fmt.Sprintf("%s#%d/%s %.17g", h.Path, h.Page, h.Unit, h.Score))
	}
	return out
}

func rows(t *testing.T, g *Group, q Query) []Row {
	t.Helper()
	var out []Row
	if err := g.Findings(context.Background(), q, func(r Row) error { out = append(out, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}
