package main

import (
	"fmt"
	"time"

	"github.com/ofsted/ofsted/index"
)

// recordWriter gathers an ingest's changes to the record into batches
// (index.Batch): one synced commit per batch instead of one per file,
// which for small files was most of an ingest's time. A batch is
// committed once it holds batchFiles changes or batchBytes of text, or
// when the next change comes batchAge after its first, so an interrupted
// ingest loses little work (the next run reads those files again).
type recordWriter struct {
	ix    *index.Index
	b     index.Batch
	first time.Time
}

const (
	batchFiles = 256
	batchBytes = 8 << 20
	batchAge   = 2 * time.Second
)

func newRecordWriter(ix *index.Index) *recordWriter { return &recordWriter{ix: ix} }

func (w *recordWriter) put(rec index.Record) error {
	w.b.Put(rec)
	return w.maybeCommit()
}

func (w *recordWriter) touch(path string, mod time.Time) error {
	w.b.Touch(path, mod)
	return w.maybeCommit()
}

// elsewhere notes that the file belongs to another shard.
func (w *recordWriter) elsewhere(path string, st index.FileStat, s shard) error {
	w.b.Elsewhere(path, st, s.String())
	return w.maybeCommit()
}

func (w *recordWriter) maybeCommit() error {
	if w.b.Len() == 1 {
		w.first = time.Now()
	}
	if w.b.Len() >= batchFiles || w.b.Size() >= batchBytes || time.Since(w.first) >= batchAge {
		return w.commit()
	}
	return nil
}

// commit stores what was gathered.
func (w *recordWriter) commit() error {
	if err := w.ix.Commit(&w.b); err != nil {
		return fmt.Errorf("store records: %w", err)
	}
	return nil
}
