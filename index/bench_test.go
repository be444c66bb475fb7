package index

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"testing"
	"time"
)

// BenchmarkPut measures a durable Put of a generated record (about 20 KB
// of page text and six findings), flushes to bleve included.
func BenchmarkPut(b *testing.B) {
	ix := openT(b, b.TempDir())
	defer ix.Close()
	r := rand.New(rand.NewSource(1))
	recs := make([]Record, 512)
	for i := range recs {
		recs[i] = genRecord(r, i)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec := recs[i%len(recs)]
		rec.Path = rec.Path + "." + string(rune('a'+i/len(recs)%26))
		if err := ix.Put(rec); err != nil {
			b.Fatal(err)
		}
	}
	if err := ix.Flush(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSearch runs a mix of queries with facets over indexes of
// generated records (300 records make about 3,500 units, 2,000 about
// 23,000) and reports the 95th percentile latency.
func BenchmarkSearch(b *testing.B) {
	for _, n := range []int{300, 2000} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) { benchSearch(b, n) })
	}
}

func benchSearch(b *testing.B, records int) {
	dir := b.TempDir()
	ix := openT(b, dir)
	defer ix.Close()
	r := rand.New(rand.NewSource(2))
	// Skip the per-Put sync and the per-Put flushes: this benchmark is
	// about search.
	ix.st.db.NoSync = true
	for i := 0; i < records; i++ {
		rec := genRecord(r, i)
		if _, _, err := ix.st.put(&rec); err != nil {
			b.Fatal(err)
		}
	}
	ix.st.db.NoSync = false
	if err := ix.Reindex(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	queries := []Query{
		{Text: "supervision"},
		{Text: `"social workers"`},
		{Text: "placements OR fostering", Authority: "Kent"},
		{Text: "leaders -agency", From: "2019", To: "2021"},
		{Text: "caseload*", Kind: "weakness"},
		{},
		{Type: "focused_visit", Limit: 50},
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := ix.Search(context.Background(), queries[i%len(queries)]); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}
