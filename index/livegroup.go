package index

import (
	"context"
	"errors"
	"sort"
	"time"
)

// A LiveGroup is several Live views read as one Group: a server over the
// shards of one collection (see Group). Each index gives way to its own
// writers as a Live does; while any of them is being written, Read
// reports it, as Live.Do does for one.
type LiveGroup struct {
	lives []*Live
}

// OpenLiveGroup opens a Live view of each of dirs (see OpenLive).
func OpenLiveGroup(dirs []string, poll time.Duration) *LiveGroup {
	lg := &LiveGroup{}
	for _, d := range dirs {
		lg.lives = append(lg.lives, OpenLive(d, poll))
	}
	return lg
}

// Read calls fn with the current views of every index as one Group. fn
// must not keep the group beyond the call.
func (lg *LiveGroup) Read(fn func(g *Group) error) error {
	ixs := make([]*Index, 0, len(lg.lives))
	var enter func(i int) error
	enter = func(i int) error {
		if i == len(lg.lives) {
			return fn(NewGroup(ixs...))
		}
		return lg.lives[i].Do(func(ix *Index) error {
			ixs = append(ixs, ix)
			defer func() { ixs = ixs[:len(ixs)-1] }()
			return enter(i + 1)
		})
	}
	return enter(0)
}

// Catalogue returns the catalogues of every index as one, copies linked
// across them (see Group.Catalogue); each view computes its own once.
func (lg *LiveGroup) Catalogue(ctx context.Context) ([]Entry, error) {
	var out []Entry
	for _, l := range lg.lives {
		cat, err := l.Catalogue(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, cat...) // copies of the entries: the views' slices stay as they are
	}
	sort.SliceStable(out, func(i, j int) bool { return entryBefore(&out[i], &out[j]) })
	err := lg.Read(func(g *Group) error { return g.relink(out) })
	return out, err
}

// Close closes every view.
func (lg *LiveGroup) Close() error {
	var errs []error
	for _, l := range lg.lives {
		errs = append(errs, l.Close())
	}
	return errors.Join(errs...)
}
