package index

// The durable record lives in one bbolt file, DIR/records/records.db.
// bbolt commits are atomic and fsynced, so a Put that returned survives
// kill -9 and power loss; a Put that did not return either happened
// completely or not at all.
//
// Buckets:
//
//	records  path -> JSON of Record without Pages
//	pages    path -> JSON of Record.Pages (kept apart so that exports,
//	         which only need findings, do not decode page texts)
//	seq      path -> 8-byte big-endian sequence number + first 12 hex of SHA256
//	log      8-byte sequence number -> path; the newest Put of each path
//	sha      sha12 + "\x00" + path -> "" (DocumentID lookups)
//	catalogue path -> the documents without their text (catalogue.go)
//
// Every Put takes the next sequence number. The bleve index records, inside
// each batch it applies, the highest sequence number it has absorbed; on
// Open the writer re-indexes every log entry above it.

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ofsted/ofsted/extract"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Record is what was extracted from one source file: enough to rebuild
// the search index and to decide whether the file needs reading again.
type Record struct {
	Path    string    `json:"path"`
	Size    int64     `json:"size"`
	ModTime time.Time `json:"mod_time"`
	SHA256  string    `json:"sha256"` // hex
	Parser  string    `json:"parser"` // version of the extractor that produced the record
	Error   string    `json:"error,omitempty"`
	Format  string    `json:"format"` // "pdf", "html", "text"
	Pages   []string  `json:"-"`      // page texts, stored in their own bucket
	// What reading found besides the text (extract.Source's metadata),
	// kept so that analysing the stored pages again sees what reading saw.
	// Records made before these were kept lack them; their reader version
	// is older, so their files are read again.
	Title     string             `json:"title,omitempty"`
	Date      string             `json:"date,omitempty"`
	Site      string             `json:"site,omitempty"`
	Created   string             `json:"created,omitempty"`
	Documents []extract.Document `json:"documents"`
	Stored    time.Time          `json:"stored"` // set by Put when zero
}

// Source returns the record's text and metadata as the readers gave them.
func (r *Record) Source() *extract.Source {
	return &extract.Source{Path: r.Path, Format: r.Format, Title: r.Title, Date: r.Date, Site: r.Site, Created: r.Created, Pages: r.Pages}
}

// SetSource stores what the readers gave for the record's file: its
// format, text and metadata. A nil src (the file could not be read)
// leaves them empty.
func (r *Record) SetSource(src *extract.Source) {
	if src == nil {
		r.Format, r.Pages, r.Title, r.Date, r.Site, r.Created = "", nil, "", "", "", ""
		return
	}
	r.Format, r.Pages = src.Format, src.Pages
	r.Title, r.Date, r.Site, r.Created = src.Title, src.Date, src.Site, src.Created
}

var (
	bucketRecords = []byte("records")
	bucketPages   = []byte("pages")
	bucketSeq     = []byte("seq")
	bucketLog     = []byte("log")
	bucketSHA     = []byte("sha")
	allBuckets    = [][]byte{bucketRecords, bucketPages, bucketSeq, bucketLog, bucketSHA, bucketCatalogue}
)

// lockTimeout bounds every wait for a file lock taken by bbolt (ours and
// scorch's): a process that finds the index busy fails instead of hanging.
const lockTimeout = 2 * time.Second

// store is the durable record.
type store struct {
	db *bolt.DB
}

func openStore(dir string, readOnly bool) (*store, error) {
	path := filepath.Join(dir, "records.db")
	if readOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("open records %s: %w", path, ErrNoIndex)
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create records %s: %w", dir, err)
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: lockTimeout, ReadOnly: readOnly})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("open records %s: %w", path, &LockedError{Dir: filepath.Dir(dir)})
		}
		return nil, fmt.Errorf("open records %s: %w", path, err)
	}
	if !readOnly {
		err = db.Update(func(tx *bolt.Tx) error {
			for _, b := range allBuckets {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("init records %s: %w", path, err)
		}
	}
	return &store{db: db}, nil
}

func (s *store) close() error { return s.db.Close() }

func seqKey(n uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], n)
	return b[:]
}

func sha12(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

func shaKey(sha, path string) []byte {
	return []byte(sha12(sha) + "\x00" + path)
}

// put stores rec durably and returns its sequence number.
func (s *store) put(rec *Record) (uint64, error) {
	meta, err := json.Marshal(rec)
	if err != nil {
		return 0, err
	}
	pages, err := json.Marshal(rec.Pages)
	if err != nil {
		return 0, err
	}
	var seq uint64
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := forget(tx, rec.Path); err != nil {
			return err
		}
		lg := tx.Bucket(bucketLog)
		seq, err = lg.NextSequence()
		if err != nil {
			return err
		}
		key := []byte(rec.Path)
		if err := lg.Put(seqKey(seq), key); err != nil {
			return err
		}
		stamp := append(seqKey(seq), sha12(rec.SHA256)...)
		if err := tx.Bucket(bucketSeq).Put(key, stamp); err != nil {
			return err
		}
		if err := putEntries(tx, rec, stamp); err != nil {
			return err
		}
		if err := tx.Bucket(bucketSHA).Put(shaKey(rec.SHA256, rec.Path), nil); err != nil {
			return err
		}
		if err := tx.Bucket(bucketRecords).Put(key, meta); err != nil {
			return err
		}
		return tx.Bucket(bucketPages).Put(key, pages)
	})
	return seq, err
}

// forget removes every trace of path from the record; it reports nothing
// when the path is not there.
func forget(tx *bolt.Tx, path string) error {
	key := []byte(path)
	old := tx.Bucket(bucketSeq).Get(key)
	if old == nil {
		return nil
	}
	if len(old) >= 8 {
		if err := tx.Bucket(bucketLog).Delete(old[:8]); err != nil {
			return err
		}
		if err := tx.Bucket(bucketSHA).Delete(shaKey(string(old[8:]), path)); err != nil {
			return err
		}
	}
	for _, b := range [][]byte{bucketSeq, bucketRecords, bucketPages, bucketCatalogue} {
		if err := tx.Bucket(b).Delete(key); err != nil {
			return err
		}
	}
	return nil
}

// delete removes path and reports whether it was there.
func (s *store) delete(path string) (bool, error) {
	var found bool
	err := s.db.Update(func(tx *bolt.Tx) error {
		found = tx.Bucket(bucketSeq).Get([]byte(path)) != nil
		return forget(tx, path)
	})
	return found, err
}

// get returns the record of path, with its pages when withPages is set.
// touch sets the modification time of path's record, leaving its
// sequence number alone: the content is the same, so nothing is
// re-indexed. It reports whether there was a record.
func (s *store) touch(path string, mod time.Time) (bool, error) {
	found := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		rec, ok, err := getTx(tx, path, false)
		if err != nil || !ok {
			return err
		}
		found = true
		rec.ModTime = mod
		meta, err := json.Marshal(&rec)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketRecords).Put([]byte(path), meta)
	})
	return found, err
}

func (s *store) get(path string, withPages bool) (Record, bool, error) {
	var rec Record
	var found bool
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		rec, found, err = getTx(tx, path, withPages)
		return err
	})
	return rec, found, err
}

func getTx(tx *bolt.Tx, path string, withPages bool) (Record, bool, error) {
	var rec Record
	b := tx.Bucket(bucketRecords)
	if b == nil {
		return rec, false, nil
	}
	v := b.Get([]byte(path))
	if v == nil {
		return rec, false, nil
	}
	if err := json.Unmarshal(v, &rec); err != nil {
		return rec, false, fmt.Errorf("decode record %s: %w", path, err)
	}
	if withPages {
		if p := tx.Bucket(bucketPages).Get([]byte(path)); p != nil {
			if err := json.Unmarshal(p, &rec.Pages); err != nil {
				return rec, false, fmt.Errorf("decode pages of %s: %w", path, err)
			}
		}
	}
	return rec, true, nil
}

// paths lists every recorded path in byte order.
func (s *store) paths() ([]string, error) {
	var out []string
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRecords)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, _ []byte) error {
			out = append(out, string(k))
			return nil
		})
	})
	return out, err
}

// has reports which of paths are recorded.
func (s *store) has(paths []string) (map[string]bool, error) {
	out := make(map[string]bool, len(paths))
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSeq)
		for _, p := range paths {
			out[p] = b != nil && b.Get([]byte(p)) != nil
		}
		return nil
	})
	return out, err
}

// since calls fn, in sequence order, with every record put after seq.
// fn must not keep rec.Pages beyond the call when it does not need them.
func (s *store) since(seq uint64, fn func(n uint64, rec Record) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		lg := tx.Bucket(bucketLog)
		if lg == nil {
			return nil
		}
		c := lg.Cursor()
		for k, v := c.Seek(seqKey(seq + 1)); k != nil; k, v = c.Next() {
			rec, ok, err := getTx(tx, string(v), true)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			if err := fn(binary.BigEndian.Uint64(k), rec); err != nil {
				return err
			}
		}
		return nil
	})
}

// countSince counts the records put after seq.
func (s *store) countSince(seq uint64) (int, error) {
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		lg := tx.Bucket(bucketLog)
		if lg == nil {
			return nil
		}
		c := lg.Cursor()
		for k, _ := c.Seek(seqKey(seq + 1)); k != nil; k, _ = c.Next() {
			n++
		}
		return nil
	})
	return n, err
}

// each calls fn with every record, without pages, in path order.
func (s *store) each(fn func(rec Record) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRecords)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var rec Record
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("decode record %s: %w", k, err)
			}
			return fn(rec)
		})
	})
}

// bySHA lists the paths whose file hash starts with prefix (12 hex).
func (s *store) bySHA(prefix string) ([]string, error) {
	var out []string
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSHA)
		if b == nil {
			return nil
		}
		p := []byte(prefix + "\x00")
		c := b.Cursor()
		for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
			out = append(out, string(k[len(p):]))
		}
		return nil
	})
	return out, err
}
