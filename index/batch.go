package index

// Group commit. Every commit of the record is a synced bbolt transaction,
// which on this project's machine costs about 7 ms (two fsyncs) whatever
// it holds: ingesting 20,000 small files one Put at a time spent most of
// its time waiting for the disk. A Batch gathers changes and commits them
// in one transaction; a crash loses the uncommitted batch, never part of
// one, and the next ingest reads those files again.

import (
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A Batch is changes to the record to commit together (Index.Commit). The
// zero Batch is empty and ready to use.
type Batch struct {
	ops   []batchOp
	bytes int
}

type batchKind int

const (
	opPut batchKind = iota
	opDelete
	opTouch
	opElsewhere
)

type batchOp struct {
	kind  batchKind
	rec   *Record // opPut
	path  string
	mod   time.Time      // opTouch
	where elsewhereEntry // opElsewhere
}

// Put adds the storing of rec (see Index.Put).
func (b *Batch) Put(rec Record) {
	b.ops = append(b.ops, batchOp{kind: opPut, rec: &rec, path: rec.Path})
	for _, p := range rec.Pages {
		b.bytes += len(p)
	}
}

// Delete adds the forgetting of path (see Index.Delete).
func (b *Batch) Delete(path string) { b.ops = append(b.ops, batchOp{kind: opDelete, path: path}) }

// Touch adds a new modification time for path (see Index.Touch).
func (b *Batch) Touch(path string, mod time.Time) {
	b.ops = append(b.ops, batchOp{kind: opTouch, path: path, mod: mod})
}

// Elsewhere adds a note that the file at path, as st describes it,
// belongs to another shard of a collection split by shard ("K/N"): the
// next ingest with the same shards can pass it by without hashing it (see
// Index.Elsewhere). Any record of path is forgotten.
func (b *Batch) Elsewhere(path string, st FileStat, shard string) {
	b.ops = append(b.ops, batchOp{kind: opElsewhere, path: path, where: elsewhereEntry{FileStat: st, Shard: shard}})
}

// Len is the number of changes in the batch.
func (b *Batch) Len() int { return len(b.ops) }

// Size is the bytes of page text the batch stores.
func (b *Batch) Size() int { return b.bytes }

// Commit applies every change of b to the record in one synced
// transaction, durable when Commit returns, and empties b. The search
// index follows at the next Flush, which Commit triggers every few MB or
// few hundred records. Put records with a zero Stored time get the
// current time. On error nothing of b is applied.
func (ix *Index) Commit(b *Batch) error {
	if len(b.ops) == 0 {
		return nil
	}
	for _, op := range b.ops {
		if op.path == "" {
			return errors.New("commit record: empty path")
		}
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := ix.writable("commit " + b.ops[0].path); err != nil {
		return err
	}
	now := time.Now().UTC()
	type applied struct {
		seq   uint64
		fresh bool
	}
	done := make([]applied, len(b.ops))
	err := ix.st.db.Update(func(tx *bolt.Tx) error {
		for i, op := range b.ops {
			var err error
			switch op.kind {
			case opPut:
				if op.rec.Stored.IsZero() {
					op.rec.Stored = now
				}
				var existed bool
				done[i].seq, existed, err = putTx(tx, op.rec)
				done[i].fresh = !existed
			case opDelete:
				_, err = deleteTx(tx, op.path)
			case opTouch:
				_, err = touchTx(tx, op.path, op.mod)
			case opElsewhere:
				err = elsewhereTx(tx, op.path, op.where)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", op.path, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("commit records: %w", err)
	}
	for i, op := range b.ops {
		switch op.kind {
		case opPut:
			_, queued := ix.pending[op.path]
			ix.pending[op.path] = pendingOp{seq: done[i].seq, rec: op.rec, fresh: done[i].fresh && !queued}
			for _, p := range op.rec.Pages {
				ix.pendBytes += len(p)
			}
		case opDelete, opElsewhere:
			ix.pending[op.path] = pendingOp{}
		}
	}
	b.ops, b.bytes = nil, 0
	if ix.pendBytes >= flushBytes || len(ix.pending) >= flushRecords {
		return ix.flush()
	}
	return nil
}
