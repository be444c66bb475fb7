package index

// A view is what a read needs of one or more indexes at once: each
// index's read lock, its bleve index, and one bleve index to search them
// all through. Over one index that is the index itself; over several it
// is bleve's own alias (bleve.NewIndexAlias), which runs the search in
// each and merges hits, totals and facets, with the query wrapped so that
// every index scores with the statistics of all of them (stats.go).

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

type view struct {
	ixs     []*Index
	bls     []bleve.Index // nil where an index has no search index yet
	mapping mapping.IndexMapping
	an      *analyzers
	name    string // for errors: the directories
}

// readView read-locks each of ixs. It fails when one is closed. The
// caller calls release.
func readView(ixs []*Index, op string) (*view, error) {
	v := &view{}
	dirs := make([]string, len(ixs))
	for i, ix := range ixs {
		ix.mu.RLock()
		v.ixs = append(v.ixs, ix)
		dirs[i] = ix.dir
		if ix.closed {
			v.release()
			return nil, fmt.Errorf("%s: index %s is closed", op, ix.dir)
		}
		v.bls = append(v.bls, ix.bl)
		if v.mapping == nil {
			v.mapping, v.an = ix.mapping, ix.an
		}
	}
	v.name = strings.Join(dirs, ", ")
	return v, nil
}

func (v *view) release() {
	for _, ix := range v.ixs {
		ix.mu.RUnlock()
	}
	v.ixs = nil
}

// indexed reports ErrNotIndexed when an index has no search index.
func (v *view) indexed() error {
	for i, bl := range v.bls {
		if bl == nil {
			return fmt.Errorf("%s: %w", v.ixs[i].dir, ErrNotIndexed)
		}
	}
	return nil
}

// target returns the bleve index to search and q ready for it: q itself
// on one index; on several, bleve's alias and q scored with the
// statistics of all. done releases what target opened.
func (v *view) target(q query.Query) (bleve.Index, query.Query, func(), error) {
	if len(v.bls) == 1 {
		return v.bls[0], q, func() {}, nil
	}
	stats, err := openStats(v.bls)
	if err != nil {
		return nil, nil, nil, err
	}
	alias := bleve.NewIndexAlias(v.bls...)
	if err := alias.SetIndexMapping(v.mapping); err != nil {
		stats.close()
		return nil, nil, nil, err
	}
	return alias, &globalQuery{Query: q, stats: stats}, stats.close, nil
}

// prefixTerms returns the function that lists the stems of "text" that
// begin with a prefix, in every index of the view, in byte order: a
// prefix query is the disjunction of these, the same query in every
// index (each index's own expansion would differ, and so would the
// scores).
func (v *view) prefixTerms(ctx context.Context) func(prefix string) ([]string, error) {
	return func(prefix string) ([]string, error) {
		seen := map[string]bool{}
		for _, bl := range v.bls {
			if bl == nil {
				continue
			}
			d, err := bl.FieldDictPrefix(fText, []byte(prefix))
			if err != nil {
				return nil, fmt.Errorf("expand %s*: %w", prefix, err)
			}
			for {
				if err := ctx.Err(); err != nil {
					d.Close()
					return nil, err
				}
				e, err := d.Next()
				if err != nil {
					d.Close()
					return nil, fmt.Errorf("expand %s*: %w", prefix, err)
				}
				if e == nil {
					break
				}
				if e.Count > 0 {
					seen[e.Term] = true
				}
			}
			d.Close()
		}
		out := make([]string, 0, len(seen))
		for t := range seen {
			out = append(out, t)
		}
		sort.Strings(out)
		return out, nil
	}
}
