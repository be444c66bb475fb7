package index

// Scores over several indexes. bleve scores a term by tf-idf, and the idf
// comes from the index the term is searched in: how many units it holds
// and how many of them have the term. An alias of indexes (bleve's
// NewIndexAlias, which runs the search in each and merges the hits by
// score) would therefore score the same unit differently depending on
// which index holds it, and rank differently from one index holding
// everything. bleve's alias gathers global statistics only for BM25, and
// then only the number of documents, not each term's.
//
// So a search over several indexes wraps its query in globalQuery, whose
// searcher is built on a reader that answers the two statistics with the
// sums over all the indexes searched: DocCount, and the Count of each
// term's reader. Everything else goes to the index's own reader. bleve's
// own searchers then compute idf, query norms and scores from the same
// numbers, with the same arithmetic, as in one index holding every unit:
// scores are equal to the last bit.
//
// The query's shape must not depend on the index either: a prefix is
// expanded over all the indexes beforehand (compile.go), and the date
// filter, whose numeric-range searcher keeps only the terms each index
// holds, is a non-scoring filter (search.go).

import (
	"context"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// globalStats sums statistics over the readers of several indexes.
type globalStats struct {
	readers []index.IndexReader
	docs    uint64

	mu    sync.Mutex
	terms map[[2]string]uint64 // (field, term) -> units holding it
}

// openStats opens a reader on each index and counts their units. The
// caller closes it when the search is done.
func openStats(bls []bleve.Index) (*globalStats, error) {
	g := &globalStats{terms: map[[2]string]uint64{}}
	for _, bl := range bls {
		adv, err := bl.Advanced()
		if err != nil {
			g.close()
			return nil, fmt.Errorf("open %s: %w", bl.Name(), err)
		}
		r, err := adv.Reader()
		if err != nil {
			g.close()
			return nil, fmt.Errorf("open %s: %w", bl.Name(), err)
		}
		g.readers = append(g.readers, r)
		n, err := r.DocCount()
		if err != nil {
			g.close()
			return nil, fmt.Errorf("count units of %s: %w", bl.Name(), err)
		}
		g.docs += n
	}
	return g, nil
}

func (g *globalStats) close() {
	for _, r := range g.readers {
		r.Close()
	}
	g.readers = nil
}

// count returns how many units of all the indexes hold term in field.
func (g *globalStats) count(ctx context.Context, term []byte, field string) (uint64, error) {
	key := [2]string{field, string(term)}
	g.mu.Lock()
	n, ok := g.terms[key]
	g.mu.Unlock()
	if ok {
		return n, nil
	}
	for _, r := range g.readers {
		tfr, err := r.TermFieldReader(ctx, term, field, false, false, false)
		if err != nil {
			return 0, err
		}
		n += tfr.Count()
		tfr.Close()
	}
	g.mu.Lock()
	g.terms[key] = n
	g.mu.Unlock()
	return n, nil
}

// globalQuery runs its query on a reader that reports the statistics of
// every index searched.
type globalQuery struct {
	query.Query
	stats *globalStats
}

func (q *globalQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	return q.Query.Searcher(ctx, &globalReader{IndexReader: r, stats: q.stats}, m, o)
}

// globalReader is an index's reader with global statistics.
type globalReader struct {
	index.IndexReader
	stats *globalStats
}

func (r *globalReader) DocCount() (uint64, error) { return r.stats.docs, nil }

func (r *globalReader) TermFieldReader(ctx context.Context, term []byte, field string, freq, norm, vectors bool) (index.TermFieldReader, error) {
	tfr, err := r.IndexReader.TermFieldReader(ctx, term, field, freq, norm, vectors)
	if err != nil {
		return nil, err
	}
	n, err := r.stats.count(ctx, term, field)
	if err != nil {
		tfr.Close()
		return nil, err
	}
	return &globalTermReader{TermFieldReader: tfr, count: n}, nil
}

// globalTermReader is a term's reader in one index that reports how many
// units of every index hold the term.
type globalTermReader struct {
	index.TermFieldReader
	count uint64
}

func (t *globalTermReader) Count() uint64 { return t.count }

// Optimize lets bleve's own optimisations (bitmaps united or intersected
// for unscored searches) work on the index's reader underneath.
func (t *globalTermReader) Optimize(kind string, octx index.OptimizableContext) (index.OptimizableContext, error) {
	if o, ok := t.TermFieldReader.(index.Optimizable); ok {
		return o.Optimize(kind, octx)
	}
	return nil, nil
}
