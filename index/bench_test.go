package index

import (
	"context"
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

// BenchmarkSearch runs a mix of queries with facets over an index of
// generated records (set benchRecords below; 2,000 records make about
// 23,000 units) and reports the 95th percentile latency.
func BenchmarkSearch(b *testing.B) {
	const benchRecords = 2000
	dir := b.TempDir()
	ix := openT(b, dir)
	r := rand.New(rand.NewSource(2))
	for i := 0; i < benchRecords; i++ {
		rec := genRecord(r, i)
		// Bypass per-Put fsync cost: this benchmark is about search.
		if _, err := ix.st.put(&rec); err != nil {
			b.Fatal(err)
		}
	}
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
	ix.Close()
}
