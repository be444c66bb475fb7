package index

// Facets are counted from postings, not from documents. Every facet is a
// keyword field that filters use too (authority, year, type, kind,
// grade, domain, themes), so each of its values has a postings list: in
// scorch, one roaring bitmap of document numbers per index segment. A
// search collects the document numbers of its hits per segment (see
// collect.go) and counts them against those postings in one of two ways.
//
// A column: the facet's value for every document of the segment (an
// ordinal, or a bit set for themes, of which a unit may have several),
// made once by walking the value bitmaps and kept with the index until
// the segment is merged away; a hit then costs an array lookup per
// facet. Making a column costs a pass over the segment's postings, as
// much as intersecting every value with the hits once, so it is made
// unless the search has very few hits, and reused by every later search
// of a process that searches more than once (a server, the benchmark).
//
// Intersections: for a search with very few hits, each value's bitmap is
// intersected with the hits (roaring gallops through the value's arrays).
//
// bleve's own facet requests visit every hit's doc values instead, about
// 0.6 µs a hit on this project's machine: 30 ms for a word in nearly
// every document of 20,000 files, 150 ms at 100,000, which was most of
// the time of such a search.
//
// Nothing here reads bleve's unexported state: the segments, their term
// dictionaries and postings are reached through scorch's exported
// IndexSnapshot and the segment API's interfaces. A reader that is not a
// scorch snapshot (this package never creates one) is an error, not a
// silent fall-back to wrong counts; TestFacetCountsMatchSearches checks
// the counts, made both ways, against searches.

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"sort"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// facetFields maps facet names (Results.Facets keys) to the unit fields
// they count.
var facetFields = [][2]string{
	{"authority", fAuthority}, {"year", fYear}, {"type", fType}, {"kind", fKind},
	{"grade", fGrade}, {"domain", fDomain}, {"theme", fThemes},
}

// hitSet is the document numbers of a search's hits in one index
// snapshot, by segment (local numbers, ascending).
type hitSet struct {
	segs    []*scorch.SegmentSnapshot
	offsets []uint64 // global number of each segment's first document
	docs    [][]uint32
	cur     int // segment of the last hit (hits come in document order)
}

// newHitSet prepares to collect the hits of a search run on reader.
func newHitSet(reader index.IndexReader) (*hitSet, error) {
	snap, ok := reader.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("count facets: index reader is a %T, not a scorch snapshot", reader)
	}
	segs := snap.Segments()
	h := &hitSet{segs: segs, offsets: make([]uint64, len(segs)+1), docs: make([][]uint32, len(segs))}
	// The global document number of a hit is its segment's offset plus
	// its number in the segment, the offsets counting every document of
	// the segments before, deleted or not (as scorch numbers them).
	for i, s := range segs {
		h.offsets[i+1] = h.offsets[i] + s.Segment().Count()
	}
	return h, nil
}

// add records the hit with the given internal ID.
func (h *hitSet) add(id index.IndexInternalID) {
	if len(id) != 8 || len(h.segs) == 0 {
		return
	}
	n := binary.BigEndian.Uint64(id)
	if n < h.offsets[h.cur] || n >= h.offsets[h.cur+1] {
		h.cur = sort.Search(len(h.segs), func(i int) bool { return h.offsets[i+1] > n })
		if h.cur >= len(h.segs) {
			h.cur = 0
			return
		}
	}
	h.docs[h.cur] = append(h.docs[h.cur], uint32(n-h.offsets[h.cur]))
}

// count adds, for every facet, how many of the hits have each value,
// using and filling cache.
func (h *hitSet) count(cache *facetCache, counts []map[string]int) error {
	for i, docs := range h.docs {
		if len(docs) == 0 {
			continue
		}
		sf := cache.segment(h.segs[i].Segment())
		var hits *roaring.Bitmap // made when first needed
		for fi, f := range facetFields {
			col, err := sf.column(fi, f[1], len(docs))
			if err != nil {
				return fmt.Errorf("count facet %s: %w", f[0], err)
			}
			if col != nil {
				col.count(docs, counts[fi])
				continue
			}
			if hits == nil {
				hits = roaring.BitmapOf(docs...)
			}
			if err := intersectAll(sf.seg, f[1], hits, counts[fi]); err != nil {
				return fmt.Errorf("count facet %s: %w", f[0], err)
			}
		}
	}
	return nil
}

// facetCache keeps the facet columns of an index's segments.
type facetCache struct {
	mu   sync.Mutex
	segs map[segment.Segment]*segFacets
	// force, for tests: 1 makes a column whenever one fits, -1 never
	// does, 0 decides by cost.
	force int
}

// segment returns the columns of seg, made as they are needed.
func (c *facetCache) segment(seg segment.Segment) *segFacets {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.segs == nil {
		c.segs = map[segment.Segment]*segFacets{}
	}
	sf := c.segs[seg]
	if sf == nil {
		sf = &segFacets{seg: seg, force: c.force, cols: make([]*facetColumn, len(facetFields)), tried: make([]bool, len(facetFields))}
		c.segs[seg] = sf
	}
	return sf
}

// keep forgets the columns of every segment but those of segs (which a
// search has just used): segments merged away are not kept alive.
func (c *facetCache) keep(segs map[segment.Segment]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for s := range c.segs {
		if !segs[s] {
			delete(c.segs, s)
		}
	}
}

// segFacets is the facet columns of one segment.
type segFacets struct {
	seg   segment.Segment
	force int // see facetCache
	mu    sync.Mutex
	cols  []*facetColumn // by facetFields index; nil: not made
	tried []bool         // a column was found not to fit (see makeColumn)
}

// column returns the column of facet fi, making it when a search with
// this many hits in the segment repays it; nil means count by
// intersections.
func (sf *segFacets) column(fi int, field string, hits int) (*facetColumn, error) {
	sf.mu.Lock()
	defer sf.mu.Unlock()
	if sf.cols[fi] != nil || sf.tried[fi] {
		return sf.cols[fi], nil
	}
	dict, err := sf.seg.Dictionary(field)
	if err != nil {
		return nil, err
	}
	// Intersecting a value costs a pass over both arrays (roaring merges
	// arrays of similar size), so a facet's intersections cost about a
	// pass over the segment plus one over the hits per value: more than
	// making the column, which later searches reuse. Only a hit set so
	// small that roaring gallops through the values' arrays (under a
	// sixty-fourth of them) is cheaper to intersect.
	if sf.force < 0 || sf.force == 0 && 64*uint64(hits)*uint64(dict.Cardinality()) < sf.seg.Count() {
		return nil, nil
	}
	col, err := makeColumn(dict, sf.seg.Count(), field == fThemes)
	if err != nil {
		return nil, err
	}
	sf.cols[fi], sf.tried[fi] = col, col == nil
	return col, nil
}

// facetColumn is one facet's value for every document of a segment.
type facetColumn struct {
	values []string // by ordinal - 1
	ords   []uint16 // a value per document: 0 none, else ordinal
	masks  []uint64 // several values per document: bit ordinal-1
}

// makeColumn walks the value bitmaps of dict into a column for a segment
// of n documents: ordinals, or bit sets when several is true. It returns
// nil when the facet does not fit (more than 65,535 values, a second
// value for a document of a single-valued facet, more than 64 values of
// a multi-valued one).
func makeColumn(dict segment.TermDictionary, n uint64, several bool) (*facetColumn, error) {
	if several && dict.Cardinality() > 64 || dict.Cardinality() > 65535 {
		return nil, nil
	}
	col := &facetColumn{}
	if several {
		col.masks = make([]uint64, n)
	} else {
		col.ords = make([]uint16, n)
	}
	fits := true
	err := eachValue(dict, func(term string, docs func(func(uint32) bool)) {
		if !fits {
			return
		}
		col.values = append(col.values, term)
		ord := len(col.values)
		docs(func(d uint32) bool {
			switch {
			case uint64(d) >= n:
			case several:
				col.masks[d] |= 1 << (ord - 1)
			case col.ords[d] != 0:
				fits = false
				return false
			default:
				col.ords[d] = uint16(ord)
			}
			return true
		})
	})
	if err != nil || !fits {
		return nil, err
	}
	return col, nil
}

// count adds the values of docs to counts.
func (col *facetColumn) count(docs []uint32, counts map[string]int) {
	by := make([]int, len(col.values)+1)
	if col.ords != nil {
		for _, d := range docs {
			by[col.ords[d]]++
		}
	} else {
		for _, d := range docs {
			for m := col.masks[d]; m != 0; m &= m - 1 {
				by[bits.TrailingZeros64(m)+1]++
			}
		}
	}
	for i, n := range by[1:] {
		if n > 0 {
			counts[col.values[i]] += n
		}
	}
}

// omitCounter is a term dictionary that can list its terms without
// decoding each term's postings (zap's can).
type omitCounter interface {
	AutomatonIteratorOmitCount(a segment.Automaton, startKeyInclusive, endKeyExclusive []byte) segment.DictionaryIterator
}

// eachPostings calls fn with every term of dict and its postings
// iterator, valid during the call.
func eachPostings(dict segment.TermDictionary, fn func(term string, pit segment.PostingsIterator) error) error {
	var it segment.DictionaryIterator
	if oc, ok := dict.(omitCounter); ok {
		it = oc.AutomatonIteratorOmitCount(nil, nil, nil)
	} else {
		it = dict.AutomatonIterator(nil, nil, nil)
	}
	var pl segment.PostingsList
	var pit segment.PostingsIterator
	for {
		e, err := it.Next()
		if err != nil || e == nil {
			return err
		}
		if pl, err = dict.PostingsList([]byte(e.Term), nil, pl); err != nil {
			return err
		}
		pit = pl.Iterator(false, false, false, pit)
		if err := fn(e.Term, pit); err != nil {
			return err
		}
	}
}

// eachValue calls fn with every term of dict and a function that walks
// the term's documents (until the walker returns false).
func eachValue(dict segment.TermDictionary, fn func(term string, docs func(func(uint32) bool))) error {
	return eachPostings(dict, func(term string, pit segment.PostingsIterator) error {
		var walkErr error
		fn(term, func(visit func(uint32) bool) {
			if o, ok := pit.(segment.OptimizablePostingsIterator); ok {
				if num, ok := o.DocNum1Hit(); ok {
					visit(uint32(num))
				} else if bm := o.ActualBitmap(); bm != nil {
					bm.Iterate(visit)
				}
				return
			}
			for {
				p, err := pit.Next()
				if err != nil || p == nil {
					walkErr = err
					return
				}
				if !visit(uint32(p.Number())) {
					return
				}
			}
		})
		return walkErr
	})
}

// intersectAll adds, for each value of field in seg, how many of hits
// have it.
func intersectAll(seg segment.Segment, field string, hits *roaring.Bitmap, counts map[string]int) error {
	dict, err := seg.Dictionary(field)
	if err != nil {
		return err
	}
	return eachPostings(dict, func(term string, pit segment.PostingsIterator) error {
		n, err := intersect(hits, pit)
		if n > 0 {
			counts[term] += n
		}
		return err
	})
}

// intersect counts the documents of hits that the postings iterator
// holds: from its bitmap when it has one (zap's do), else by walking it.
func intersect(hits *roaring.Bitmap, pit segment.PostingsIterator) (int, error) {
	if o, ok := pit.(segment.OptimizablePostingsIterator); ok {
		if num, ok := o.DocNum1Hit(); ok {
			if hits.Contains(uint32(num)) {
				return 1, nil
			}
			return 0, nil
		}
		if bm := o.ActualBitmap(); bm != nil {
			return int(hits.AndCardinality(bm)), nil
		}
		return 0, nil
	}
	n := 0
	for {
		p, err := pit.Next()
		if err != nil || p == nil {
			return n, err
		}
		if hits.Contains(uint32(p.Number())) {
			n++
		}
	}
}

// facetList turns counts per facet (facetFields order) into Results.Facets:
// each facet's values by count (most first) then value, years newest
// first; facets with no value are left out.
func facetList(counts []map[string]int) map[string][]Facet {
	out := make(map[string][]Facet, len(counts))
	for i, m := range counts {
		if len(m) == 0 {
			continue
		}
		name := facetFields[i][0]
		fs := make([]Facet, 0, len(m))
		for v, n := range m {
			fs = append(fs, Facet{Value: v, Count: n})
		}
		if name == "year" {
			sort.Slice(fs, func(i, j int) bool { return fs[i].Value > fs[j].Value })
		} else {
			sort.Slice(fs, func(i, j int) bool {
				return fs[i].Count > fs[j].Count || fs[i].Count == fs[j].Count && fs[i].Value < fs[j].Value
			})
		}
		out[name] = fs
	}
	return out
}

func newFacetCounts() []map[string]int {
	c := make([]map[string]int, len(facetFields))
	for i := range c {
		c[i] = map[string]int{}
	}
	return c
}
