package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Internal bleve keys, written in the same batch as the units they describe.
var (
	keySeq     = []byte("ofsted.seq")     // highest record sequence number absorbed
	keyMapping = []byte("ofsted.mapping") // mappingVersion the index was built with
)

// Flush thresholds: pending records are indexed once they hold this many
// bytes of text or this many records, and bleve batches are cut at the
// same size.
const (
	flushBytes   = 2 << 20
	flushRecords = 256
)

// Index is a durable record of extracted files plus a bleve index built
// from it. An Index opened with Open is the one writer of its directory;
// one opened with OpenReadOnly only reads. Methods are safe for concurrent
// use.
type Index struct {
	dir      string
	readOnly bool
	lock     *lockFile
	st       *store
	mapping  mapping.IndexMapping
	an       *analyzers // of mapping: for building units, compiling queries

	mu         sync.RWMutex // writes (and Close) exclusive; reads shared
	bl         bleve.Index  // nil in read-only mode when never built
	indexedSeq uint64
	pending    map[string]pendingOp
	pendBytes  int
	closed     bool

	facets facetCache // facet columns of the segments last searched
}

// pendingOp is a change to the record that bleve has not absorbed yet: a
// Put (seq > 0) or a Delete (seq == 0).
type pendingOp struct {
	seq uint64
	rec *Record // the record as stored, so that flush need not read it back
	// fresh: the path had no record and no pending change, so bleve
	// holds no unit of it and flush need not look for any to replace
	// (a search per record, whose cost grows with the index).
	fresh bool
}

func recordsDir(dir string) string { return filepath.Join(dir, "records") }
func bleveDir(dir string) string   { return filepath.Join(dir, "bleve") }

// Open opens the index in dir for writing, creating it when missing. It
// takes the writer lock (a second writer gets a *LockedError, matching
// ErrLocked) and brings the bleve index up to date with the record:
// records it missed are indexed, units of deleted records removed, and an
// index built by another mapping version (or unreadable) rebuilt.
func Open(dir string) (*Index, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	lk, err := lockWriter(dir)
	if err != nil {
		return nil, err
	}
	ix := &Index{dir: dir, lock: lk, pending: map[string]pendingOp{}}
	if err := ix.open(); err != nil {
		ix.closeAll()
		return nil, err
	}
	return ix, nil
}

func (ix *Index) open() error {
	m, err := newMapping()
	if err != nil {
		return fmt.Errorf("open index %s: %w", ix.dir, err)
	}
	ix.mapping = m
	if ix.an, err = newAnalyzers(m); err != nil {
		return fmt.Errorf("open index %s: %w", ix.dir, err)
	}
	ix.st, err = openStore(recordsDir(ix.dir), false)
	if err != nil {
		return err
	}
	if err := ix.st.fillCatalogue(); err != nil {
		return fmt.Errorf("open index %s: %w", ix.dir, err)
	}
	bl, rebuild, err := ix.openBleve()
	if err != nil {
		return err
	}
	ix.bl = bl
	if rebuild {
		return ix.rebuild(context.Background(), nil)
	}
	return ix.catchUp()
}

// openBleve opens (or creates) the writer's bleve index and reports
// whether it must be rebuilt from the record.
func (ix *Index) openBleve() (bleve.Index, bool, error) {
	path := bleveDir(ix.dir)
	bl, err := bleve.OpenUsing(path, scorchConfig(false))
	if err == nil {
		v, err := bl.GetInternal(keyMapping)
		if err == nil && string(v) == mappingVersion {
			return bl, false, nil
		}
		bl.Close()
	} else if isTimeout(err) {
		return nil, false, fmt.Errorf("open bleve %s: %w", path, &LockedError{Dir: ix.dir})
	}
	// Missing, unreadable or built by another mapping: it is only a cache.
	bl, err = ix.createBleve()
	return bl, true, err
}

func (ix *Index) createBleve() (bleve.Index, error) {
	path := bleveDir(ix.dir)
	if err := os.RemoveAll(path); err != nil {
		return nil, fmt.Errorf("remove bleve %s: %w", path, err)
	}
	bl, err := bleve.NewUsing(path, ix.mapping, scorch.Name, bleve.Config.DefaultKVStore, scorchConfig(false))
	if err != nil {
		return nil, fmt.Errorf("create bleve %s: %w", path, err)
	}
	// The mapping version goes in only once the whole record is indexed
	// (see rebuild), so a rebuild cut short starts again.
	return bl, nil
}

// maxSegmentUnits caps the units of a segment that scorch's merges make.
// A merge maps every segment it reads, and those pages count in the
// writer's memory: uncapped, the merges of a 100,000-file ingest made
// segments of the whole index and took the writer past 1.5 GB. Capped,
// an index is a few more segments, which a search visits one by one.
const maxSegmentUnits = 250000

// scorchConfig is the runtime configuration of the bleve index.
func scorchConfig(readOnly bool) map[string]any {
	c := map[string]any{
		"bolt_timeout":           lockTimeout.String(),
		"scorchMergePlanOptions": map[string]any{"maxSegmentSize": maxSegmentUnits},
	}
	if readOnly {
		c["read_only"] = true
	}
	return c
}

func isTimeout(err error) bool {
	return errors.Is(err, bolterrors.ErrTimeout) || (err != nil && err.Error() == bolterrors.ErrTimeout.Error())
}

// OpenReadOnly opens the index in dir for reading. It fails at once with a
// *LockedError (matching ErrLocked) while a writer has the index open, and
// with ErrNoIndex when dir holds no record. It does not bring the bleve
// index up to date: Unindexed says how far behind it is.
func OpenReadOnly(dir string) (*Index, error) {
	if _, err := os.Stat(recordsDir(dir)); err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, ErrNoIndex)
	}
	lk, err := lockReader(dir)
	if err != nil {
		return nil, err
	}
	ix := &Index{dir: dir, readOnly: true, lock: lk}
	ix.st, err = openStore(recordsDir(dir), true)
	if err != nil {
		ix.closeAll()
		return nil, err
	}
	path := bleveDir(dir)
	if _, err := os.Stat(path); err == nil {
		bl, err := bleve.OpenUsing(path, scorchConfig(true))
		if err != nil {
			ix.closeAll()
			if isTimeout(err) {
				return nil, fmt.Errorf("open bleve %s: %w", path, &LockedError{Dir: dir})
			}
			return nil, fmt.Errorf("open bleve %s: %w", path, err)
		}
		ix.bl = bl
		ix.mapping = bl.Mapping()
		ix.indexedSeq = readSeq(bl)
		if v, _ := bl.GetInternal(keyMapping); string(v) != mappingVersion {
			// Built by another version, or a rebuild was cut short.
			bl.Close()
			ix.bl = nil
		}
	}
	if ix.mapping == nil {
		if ix.mapping, err = newMapping(); err != nil {
			ix.closeAll()
			return nil, err
		}
	}
	if ix.an, err = newAnalyzers(ix.mapping); err != nil {
		ix.closeAll()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return ix, nil
}

func readSeq(bl bleve.Index) uint64 {
	v, err := bl.GetInternal(keySeq)
	if err != nil || len(v) == 0 {
		return 0
	}
	n, _ := strconv.ParseUint(string(v), 10, 64)
	return n
}

// Unindexed counts the records the bleve index has not absorbed yet: Puts
// waiting for Flush in a writer, or, in a reader, what a writer killed
// before flushing left behind (the next Open indexes them). -1 means the
// bleve index is missing altogether.
func (ix *Index) Unindexed() (int, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return 0, fmt.Errorf("unindexed: index %s is closed", ix.dir)
	}
	if ix.bl == nil {
		return -1, nil
	}
	if !ix.readOnly {
		return len(ix.pending), nil
	}
	return ix.st.countSince(ix.indexedSeq)
}

var errReadOnly = errors.New("index opened read-only")

func (ix *Index) writable(op string) error {
	if ix.closed {
		return fmt.Errorf("%s: index %s is closed", op, ix.dir)
	}
	if ix.readOnly {
		return fmt.Errorf("%s: %w", op, errReadOnly)
	}
	return nil
}

// Record returns the record of path, pages included.
func (ix *Index) Record(path string) (Record, bool, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return Record{}, false, fmt.Errorf("read record %s: index %s is closed", path, ix.dir)
	}
	rec, ok, err := ix.st.get(path, true)
	if err != nil {
		return rec, false, fmt.Errorf("read record %s: %w", path, err)
	}
	return rec, ok, nil
}

// Meta returns the record of path without its page texts: cheap enough
// to decide, file by file, whether a file changed since it was recorded.
func (ix *Index) Meta(path string) (Record, bool, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return Record{}, false, fmt.Errorf("read record %s: index %s is closed", path, ix.dir)
	}
	rec, ok, err := ix.st.get(path, false)
	if err != nil {
		return rec, false, fmt.Errorf("read record %s: %w", path, err)
	}
	return rec, ok, nil
}

// Elsewhere reports whether path was noted (Batch.Elsewhere) as belonging
// to another shard, and as what file and which shard ("K/N").
func (ix *Index) Elsewhere(path string) (FileStat, string, bool, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return FileStat{}, "", false, fmt.Errorf("read record %s: index %s is closed", path, ix.dir)
	}
	e, ok, err := ix.st.elsewhere(path)
	if err != nil {
		return FileStat{}, "", false, fmt.Errorf("read record %s: %w", path, err)
	}
	return e.FileStat, e.Shard, ok, nil
}

// Stat returns what the record of path says of its file: size,
// modification time, hash, parser version and error. It reads a few
// hundred bytes, where Meta decodes every document and finding.
func (ix *Index) Stat(path string) (FileStat, bool, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return FileStat{}, false, fmt.Errorf("read record %s: index %s is closed", path, ix.dir)
	}
	st, ok, err := ix.st.stat(path)
	if err != nil {
		return st, false, fmt.Errorf("read record %s: %w", path, err)
	}
	return st, ok, nil
}

// Touch records a new modification time for path, whose content is
// unchanged (same hash), so that the next ingest need not hash it again.
// Unlike Put it re-indexes nothing. Touching a path with no record does
// nothing.
func (ix *Index) Touch(path string, mod time.Time) error {
	var b Batch
	b.Touch(path, mod)
	return ix.Commit(&b)
}

// Paths lists every recorded path in byte order.
func (ix *Index) Paths() ([]string, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return nil, fmt.Errorf("list records: index %s is closed", ix.dir)
	}
	p, err := ix.st.paths()
	if err != nil {
		return nil, fmt.Errorf("list records in %s: %w", ix.dir, err)
	}
	return p, nil
}

// Put records rec, replacing everything previously recorded for rec.Path.
// The record is durable when Put returns (the bbolt transaction is
// committed and synced); the search index absorbs it at the next Flush,
// which Put itself triggers every few MB or few hundred records, and at
// Close. Stored is set to now when zero. To store many records, a Batch
// commits them together at a fraction of the cost.
func (ix *Index) Put(rec Record) error {
	var b Batch
	b.Put(rec)
	return ix.Commit(&b)
}

// Delete forgets path. Like Put, the record change is durable on return
// and the search index follows at the next Flush.
func (ix *Index) Delete(path string) error {
	var b Batch
	b.Delete(path)
	return ix.Commit(&b)
}

// Flush brings the search index up to date with every Put and Delete so
// far.
func (ix *Index) Flush() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := ix.writable("flush"); err != nil {
		return err
	}
	return ix.flush()
}

func (ix *Index) flush() error {
	if len(ix.pending) == 0 {
		return nil
	}
	var deletes []string
	var puts []string
	for p, op := range ix.pending {
		if op.seq == 0 {
			deletes = append(deletes, p)
		} else {
			puts = append(puts, p)
		}
	}
	sort.Strings(deletes)
	sort.Slice(puts, func(i, j int) bool { return ix.pending[puts[i]].seq < ix.pending[puts[j]].seq })

	w := ix.newBatcher()
	for _, p := range deletes {
		if err := w.remove(p); err != nil {
			return err
		}
	}
	for _, p := range puts {
		if op := ix.pending[p]; op.rec != nil {
			if err := w.add(op.seq, op.rec, op.fresh); err != nil {
				return err
			}
			continue
		}
		rec, ok, err := ix.st.get(p, true)
		if err != nil {
			return fmt.Errorf("flush %s: %w", p, err)
		}
		if !ok { // deleted since; the pending map would say so, but be safe
			if err := w.remove(p); err != nil {
				return err
			}
			continue
		}
		if err := w.add(ix.pending[p].seq, &rec, false); err != nil {
			return err
		}
	}
	if err := w.finish(); err != nil {
		return err
	}
	ix.pending = map[string]pendingOp{}
	ix.pendBytes = 0
	return nil
}

// catchUp indexes what the record holds beyond the bleve index: records
// put after its sequence number, and removes units of paths no longer
// recorded.
func (ix *Index) catchUp() error {
	ix.indexedSeq = readSeq(ix.bl)
	w := ix.newBatcher()
	err := ix.st.since(ix.indexedSeq, func(n uint64, rec Record) error {
		return w.add(n, &rec, false)
	})
	if err != nil {
		return fmt.Errorf("catch up index %s: %w", ix.dir, err)
	}
	if err := w.finish(); err != nil {
		return err
	}
	// Paths bleve knows and the record does not: deletes that never
	// reached the index.
	indexed, err := ix.bleveTerms(fPath)
	if err != nil {
		return err
	}
	known, err := ix.st.has(indexed)
	if err != nil {
		return fmt.Errorf("catch up index %s: %w", ix.dir, err)
	}
	w = ix.newBatcher()
	for _, p := range indexed {
		if !known[p] {
			if err := w.remove(p); err != nil {
				return err
			}
		}
	}
	return w.finish()
}

func (ix *Index) bleveTerms(field string) ([]string, error) {
	d, err := ix.bl.FieldDict(field)
	if err != nil {
		return nil, fmt.Errorf("read %s terms of %s: %w", field, ix.dir, err)
	}
	defer d.Close()
	var out []string
	for {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("read %s terms of %s: %w", field, ix.dir, err)
		}
		if e == nil {
			return out, nil
		}
		if e.Count > 0 {
			out = append(out, e.Term)
		}
	}
}

// Reindex rebuilds the search index from the record alone. progress, when
// not nil, is called after each batch. If ctx ends first, Reindex returns
// its error and the next Open finishes the job.
func (ix *Index) Reindex(ctx context.Context, progress func(done, total int)) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := ix.writable("reindex"); err != nil {
		return err
	}
	if err := ix.bl.Close(); err != nil {
		return fmt.Errorf("reindex %s: close bleve: %w", ix.dir, err)
	}
	ix.bl = nil
	bl, err := ix.createBleve()
	if err != nil {
		return err
	}
	ix.bl = bl
	return ix.rebuild(ctx, progress)
}

// rebuild fills a new, empty bleve index from the record and then marks it
// with the mapping version.
func (ix *Index) rebuild(ctx context.Context, progress func(done, total int)) error {
	ix.indexedSeq = 0
	total, err := ix.st.countSince(0)
	if err != nil {
		return fmt.Errorf("reindex %s: %w", ix.dir, err)
	}
	w := ix.newBatcher()
	done := 0
	w.progress = func(n int) {
		done += n
		if progress != nil {
			progress(done, total)
		}
	}
	err = ix.st.since(0, func(n uint64, rec Record) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return w.add(n, &rec, true)
	})
	if err != nil {
		return fmt.Errorf("reindex %s: %w", ix.dir, err)
	}
	if err := w.finish(); err != nil {
		return err
	}
	if progress != nil && done == 0 {
		progress(0, total)
	}
	if err := ix.bl.SetInternal(keyMapping, []byte(mappingVersion)); err != nil {
		return fmt.Errorf("reindex %s: %w", ix.dir, err)
	}
	ix.pending = map[string]pendingOp{}
	ix.pendBytes = 0
	return nil
}

// batcher groups unit changes into bleve batches of bounded size. Each
// batch also records the highest sequence number it completes, so the
// index on disk always says truthfully how far it got.
type batcher struct {
	ix       *Index
	b        *bleve.Batch
	bytes    int
	recs     int
	seq      uint64
	progress func(n int)
}

func (ix *Index) newBatcher() *batcher {
	return &batcher{ix: ix, b: ix.bl.NewBatch()}
}

// remove deletes every unit of path.
func (w *batcher) remove(path string) error {
	ids, err := w.ix.unitsOf(path)
	if err != nil {
		return err
	}
	for _, id := range ids {
		w.b.Delete(id)
	}
	w.recs++
	return w.maybeFlush()
}

// add replaces the units of rec's path with rec's; fresh says that bleve
// holds none (a new path, or a new index), so none need be looked for.
func (w *batcher) add(seq uint64, rec *Record, fresh bool) error {
	if !fresh {
		ids, err := w.ix.unitsOf(rec.Path)
		if err != nil {
			return err
		}
		for _, id := range ids {
			w.b.Delete(id)
		}
	}
	for _, u := range units(rec, w.ix.an) {
		if err := w.b.IndexAdvanced(u.doc); err != nil {
			return fmt.Errorf("index %s: %w", rec.Path, err)
		}
		w.bytes += u.size
	}
	if seq > w.seq {
		w.seq = seq
	}
	w.recs++
	return w.maybeFlush()
}

func (w *batcher) maybeFlush() error {
	if w.bytes >= flushBytes || w.recs >= flushRecords {
		return w.finish()
	}
	return nil
}

// finish applies the batch so far.
func (w *batcher) finish() error {
	if w.recs == 0 {
		return nil
	}
	if w.seq > w.ix.indexedSeq {
		w.b.SetInternal(keySeq, []byte(strconv.FormatUint(w.seq, 10)))
	}
	if err := w.ix.bl.Batch(w.b); err != nil {
		return fmt.Errorf("index batch in %s: %w", w.ix.dir, err)
	}
	if w.seq > w.ix.indexedSeq {
		w.ix.indexedSeq = w.seq
	}
	if w.progress != nil {
		w.progress(w.recs)
	}
	w.b = w.ix.bl.NewBatch()
	w.bytes, w.recs = 0, 0
	return nil
}

// unitsOf lists the IDs of the units indexed for path.
func (ix *Index) unitsOf(path string) ([]string, error) {
	q := query.NewTermQuery(path)
	q.SetField(fPath)
	var ids []string
	const page = 10000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(q, page, from, false)
		req.SortBy([]string{"_id"})
		res, err := ix.bl.Search(req)
		if err != nil {
			return nil, fmt.Errorf("find units of %s: %w", path, err)
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(res.Hits) < page {
			return ids, nil
		}
	}
}

// Close flushes pending changes (writer), releases the files and the lock.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil
	}
	var err error
	if !ix.readOnly && ix.bl != nil {
		err = ix.flush()
	}
	if err2 := ix.closeAll(); err == nil {
		err = err2
	}
	ix.closed = true
	return err
}

func (ix *Index) closeAll() error {
	var errs []error
	if ix.bl != nil {
		errs = append(errs, ix.bl.Close())
		ix.bl = nil
	}
	if ix.st != nil {
		errs = append(errs, ix.st.close())
		ix.st = nil
	}
	errs = append(errs, ix.lock.release(!ix.readOnly))
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close index %s: %w", ix.dir, err)
	}
	return nil
}
