package index

import (
	"context"
	"errors"
	"fmt"
	"sort"
)

// A Group is several indexes read as one: the indexes of one collection
// built on different disks or machines (see ingest --shard), searched
// and exported together. Search goes through bleve's index alias, with
// every index scoring by the statistics of all (stats.go), so hits,
// their order, paging, totals and facet counts are those of one index
// holding every file; Findings and Document merge the records in the
// order one index would give. A Group of one index is that index.
//
// The indexes must not hold the same file (the same path): each file's
// units would be found twice. Shards made with ingest --shard never do.
type Group struct {
	ixs []*Index
}

// OpenGroup opens each of dirs read-only (see OpenReadOnly) as one group.
func OpenGroup(dirs ...string) (*Group, error) {
	if len(dirs) == 0 {
		return nil, errors.New("open group: no index")
	}
	g := &Group{}
	for _, d := range dirs {
		ix, err := OpenReadOnly(d)
		if err != nil {
			g.Close()
			return nil, err
		}
		g.ixs = append(g.ixs, ix)
	}
	return g, nil
}

// NewGroup makes a group of indexes already open; closing the group
// closes them (a group handed to a callback, as Live.Read does, is not
// the callee's to close).
func NewGroup(ixs ...*Index) *Group {
	return &Group{ixs: append([]*Index(nil), ixs...)}
}

// Indexes returns the group's indexes, in the order given.
func (g *Group) Indexes() []*Index { return append([]*Index(nil), g.ixs...) }

// Close closes every index of the group.
func (g *Group) Close() error {
	var errs []error
	for _, ix := range g.ixs {
		errs = append(errs, ix.Close())
	}
	return errors.Join(errs...)
}

// Search runs q over every index as over one (see Index.Search).
func (g *Group) Search(ctx context.Context, q Query) (*Results, error) {
	v, err := readView(g.ixs, "search")
	if err != nil {
		return nil, err
	}
	defer v.release()
	return v.search(ctx, q)
}

// Findings calls fn with every finding of every index matching q, in the
// export order of one index holding them all (see Index.Findings).
func (g *Group) Findings(ctx context.Context, q Query, fn func(Row) error) error {
	return findings(ctx, g.ixs, q, fn)
}

// Document returns the document with the given ID from whichever index
// holds it (the first path, as in one index, when several do), its
// SameAs linked across the indexes.
func (g *Group) Document(id string) (DocumentView, error) {
	v, err := findDocument(g.ixs, id)
	if err != nil || len(g.ixs) < 2 {
		return v, err
	}
	links, err := g.links()
	if err != nil {
		return v, err
	}
	v.Document.SameAs = links[linkKey(v.Path, v.Ordinal)]
	return v, nil
}

// Catalogue lists every document of every index (see Index.Catalogue), in
// the order of one index holding them all.
func (g *Group) Catalogue(ctx context.Context) ([]Entry, error) {
	var out []Entry
	for _, ix := range g.ixs {
		es, err := ix.Catalogue(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, es...)
	}
	if len(g.ixs) > 1 {
		sort.SliceStable(out, func(i, j int) bool { return entryBefore(&out[i], &out[j]) })
		if err := g.relink(out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// links works out which documents are copies of another (see LinkSameAs)
// over every index of the group, as one index holding all their
// documents would have them: each index links only its own at ingest.
// Keys are linkKey(path, ordinal).
func (g *Group) links() (map[string]string, error) {
	var refs []docRef
	for _, ix := range g.ixs {
		ix.mu.RLock()
		err := ix.st.eachDoc(func(e docEntry) error {
			refs = append(refs, docRef{path: e.Path, ord: e.Ord, pdf: e.PDF, id: e.ID, keys: e.Keys})
			return nil
		})
		ix.mu.RUnlock()
		if err != nil {
			return nil, fmt.Errorf("link copies in %s: %w", ix.dir, err)
		}
	}
	return sameAsLinks(refs), nil
}

// relink sets the SameAs of entries from g.links.
func (g *Group) relink(entries []Entry) error {
	links, err := g.links()
	if err != nil {
		return err
	}
	for i := range entries {
		entries[i].SameAs = links[linkKey(entries[i].Path, entries[i].Ordinal)]
	}
	return nil
}

// Judgements returns the judgement findings behind the rows of a summary
// (see Index.Judgements), from whichever index holds each document.
func (g *Group) Judgements(rows []SummaryRow) ([]Row, error) {
	return judgements(g.Document, rows)
}

// Meta returns the record of path, without its pages, from the first
// index that has it (see Index.Meta).
func (g *Group) Meta(path string) (Record, bool, error) {
	for _, ix := range g.ixs {
		rec, ok, err := ix.Meta(path)
		if err != nil || ok {
			return rec, ok, err
		}
	}
	return Record{}, false, nil
}

// Record returns the record of path from the first index that has it.
func (g *Group) Record(path string) (Record, bool, error) {
	for _, ix := range g.ixs {
		rec, ok, err := ix.Record(path)
		if err != nil || ok {
			return rec, ok, err
		}
	}
	return Record{}, false, nil
}

// Unindexed sums Index.Unindexed over the group; -1 when any index has no
// search index at all.
func (g *Group) Unindexed() (int, error) {
	total := 0
	for _, ix := range g.ixs {
		n, err := ix.Unindexed()
		if err != nil {
			return 0, err
		}
		if n < 0 {
			return -1, nil
		}
		total += n
	}
	return total, nil
}

// Dirs lists the group's index directories.
func (g *Group) Dirs() []string {
	out := make([]string, len(g.ixs))
	for i, ix := range g.ixs {
		out[i] = ix.dir
	}
	return out
}
