package index

// A search hands bleve a document match handler (bleve's hook for custom
// collection, search.MakeDocumentMatchHandlerKey) that sees every hit
// before bleve's top-N collector does. It does two things.
//
// It collects the hits' document numbers for the facet counts (facet.go).
//
// It orders hits that tie (of equal score; for a search ordered by date,
// of equal date and score) by a key of their own, not by where they sit
// in an index. bleve breaks ties by hit number, the order in which
// it met the hits, which depends on the order units were written and
// merged: the same units split over several indexes would tie
// differently, and paging through an alias of indexes could show a hit
// twice or never. The handler sets each hit's hit number to the FNV-64a
// hash of its unit ID, so ties go the same way however the units are
// spread. The ID costs a stored-field read (about 0.2 µs), so in a search
// by score it is read only for hits that reach the best offset+limit so
// far; the rest are turned away on their score alone. A search ordered by
// date reads it for every hit.

import (
	"container/heap"
	"hash/fnv"
	"sync"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// collection is what the handlers of one search gather: one handler per
// index, run concurrently when the search spans several.
type collection struct {
	keep    int         // offset + limit: how many hits the collector keeps
	byScore bool        // the search is ordered by score alone
	facets  *facetCache // count facets, with these columns; nil: do not
	wantIDs bool        // list the ID of every hit

	mu     sync.Mutex
	counts []map[string]int // by facetFields index
	used   map[segment.Segment]bool
	ids    []string
}

// newCollection prepares a search that keeps keep hits, and counts facets
// with the columns of cache when cache is not nil.
func newCollection(keep int, cache *facetCache) *collection {
	c := &collection{keep: keep, facets: cache}
	if cache != nil {
		c.counts = newFacetCounts()
		c.used = map[segment.Segment]bool{}
	}
	return c
}

// done drops the cached columns of segments the search did not meet.
func (c *collection) done() {
	if c.facets != nil {
		c.facets.keep(c.used)
	}
}

// handler is the search.MakeDocumentMatchHandler for the collection.
func (c *collection) handler(sctx *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
	inner, _, err := collector.MakeTopNDocumentMatchHandler(sctx)
	if err != nil {
		return nil, false, err
	}
	h := &hitHandler{c: c, sctx: sctx, inner: inner}
	if c.facets != nil {
		if h.hits, err = newHitSet(sctx.IndexReader); err != nil {
			return nil, false, err
		}
	}
	return h.handle, false, nil
}

type hitHandler struct {
	c     *collection
	sctx  *search.SearchContext
	inner search.DocumentMatchHandler
	hits  *hitSet
	kept  keptHeap // what the collector keeps, worst first
	ids   []string
}

func (h *hitHandler) handle(d *search.DocumentMatch) error {
	if d == nil { // the end
		if h.hits != nil {
			counts := newFacetCounts()
			if err := h.hits.count(h.c.facets, counts); err != nil {
				return err
			}
			h.c.mu.Lock()
			for i, m := range counts {
				for v, n := range m {
					h.c.counts[i][v] += n
				}
			}
			for _, s := range h.hits.segs {
				h.c.used[s.Segment()] = true
			}
			h.c.mu.Unlock()
		}
		if h.c.wantIDs {
			h.c.mu.Lock()
			h.c.ids = append(h.c.ids, h.ids...)
			h.c.mu.Unlock()
		}
		return h.inner(nil)
	}
	if h.hits != nil {
		h.hits.add(d.IndexInternalID)
	}
	if h.c.wantIDs {
		id, err := h.sctx.IndexReader.ExternalID(d.IndexInternalID)
		if err != nil {
			return err
		}
		h.ids = append(h.ids, id)
	}
	if h.c.keep <= 0 {
		h.sctx.DocumentMatchPool.Put(d)
		return nil
	}
	if !h.c.byScore {
		// Ordered by a field first: every hit may rank, so every hit
		// gets its key (bleve breaks ties of the whole order by it).
		t, err := h.tie(d)
		if err != nil {
			return err
		}
		d.HitNumber = t
		return h.inner(d)
	}
	full := len(h.kept) >= h.c.keep
	if full && d.Score < h.kept[0].score {
		h.sctx.DocumentMatchPool.Put(d)
		return nil
	}
	t, err := h.tie(d)
	if err != nil {
		return err
	}
	e := kept{d.Score, t}
	if full {
		if !e.better(h.kept[0]) {
			h.sctx.DocumentMatchPool.Put(d)
			return nil
		}
		h.kept[0] = e
		heap.Fix(&h.kept, 0)
	} else {
		heap.Push(&h.kept, e)
	}
	// bleve keeps the best by score, then by lowest hit number: the
	// same order, so it drops the same hit as the heap did.
	d.HitNumber = t
	return h.inner(d)
}

// tie loads the hit's ID (which bleve then need not load again) and
// returns its tie-breaking key.
func (h *hitHandler) tie(d *search.DocumentMatch) (uint64, error) {
	if d.ID == "" {
		id, err := h.sctx.IndexReader.ExternalID(d.IndexInternalID)
		if err != nil {
			return 0, err
		}
		d.ID = id
	}
	return tieKey(d.ID), nil
}

// tieKey orders units of equal score: a hash of the unit ID, so a fixed
// pseudo-random order, the same in every index.
func tieKey(id string) uint64 {
	f := fnv.New64a()
	f.Write([]byte(id))
	return f.Sum64()
}

// kept is a hit the collector keeps: its score and tie key.
type kept struct {
	score float64
	tie   uint64
}

// better reports whether a ranks before b.
func (a kept) better(b kept) bool {
	return a.score > b.score || a.score == b.score && a.tie < b.tie
}

// keptHeap is a heap of kept hits with the worst on top.
type keptHeap []kept

func (k keptHeap) Len() int           { return len(k) }
func (k keptHeap) Less(i, j int) bool { return k[j].better(k[i]) }
func (k keptHeap) Swap(i, j int)      { k[i], k[j] = k[j], k[i] }
func (k *keptHeap) Push(x any)        { *k = append(*k, x.(kept)) }
func (k *keptHeap) Pop() any {
	old := *k
	x := old[len(old)-1]
	*k = old[:len(old)-1]
	return x
}
