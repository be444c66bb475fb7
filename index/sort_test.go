package index

import (
	"context"
	"errors"
	"testing"
)

// TestSearchSort checks the date orders against the fixture's dates:
// Kent 2021-11-20, Leeds 2019-03-01, Camden (visit end) 2023-06-30.
func TestSearchSort(t *testing.T) {
	ix := searchFixture(t)
	tests := []struct {
		name string
		sort string
		want []string // paths of hits, in order, duplicates removed
	}{
		{"Newest", SortNewest, []string{"camden.html", "kent.pdf", "leeds.pdf"}},
		{"Oldest", SortOldest, []string{"leeds.pdf", "kent.pdf", "camden.html"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := searchT(t, ix, Query{Sort: tt.sort, Limit: 100})
			var got []string
			for _, h := range res.Hits {
				if len(got) == 0 || got[len(got)-1] != h.Path {
					got = append(got, h.Path)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("paths in order = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("paths in order = %v, want %v", got, tt.want)
				}
			}
		})
	}
	t.Run("Unknown", func(t *testing.T) {
		_, err := ix.Search(context.Background(), Query{Sort: "sideways"})
		if !errors.Is(err, ErrQuery) {
			t.Fatalf("err = %v, want ErrQuery", err)
		}
	})
}
