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
//	stat     path -> JSON of FileStat (what ingest compares with the file)
//	docs     path + "\x00" + 4-byte big-endian ordinal -> JSON of docEntry:
//	         each document's ID, date, type, authority and copy keys
//	meta     "format" -> the store's format ("2")
//	elsewhere path -> JSON of elsewhereEntry: a file that belongs to another
//	         shard (ingest --shard), so that the next run need not hash it
//
// stat and docs repeat, small, what the records hold, so that deciding
// whether 100,000 files changed, linking copies and ordering an export
// read a few hundred bytes per file instead of decoding every finding.
// A store of format 1 (before they existed) gets them on its writer's
// next open; until then readers derive them from the records.
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
	bucketRecords   = []byte("records")
	bucketPages     = []byte("pages")
	bucketSeq       = []byte("seq")
	bucketLog       = []byte("log")
	bucketSHA       = []byte("sha")
	bucketStat      = []byte("stat")
	bucketDocs      = []byte("docs")
	bucketMeta      = []byte("meta")
	bucketElsewhere = []byte("elsewhere")
	allBuckets      = [][]byte{bucketRecords, bucketPages, bucketSeq, bucketLog, bucketSHA, bucketStat, bucketDocs, bucketMeta, bucketElsewhere, bucketCatalogue}

	keyFormat   = []byte("format")
	storeFormat = []byte("2")
)

// FileStat is what a record says of its file, without what was extracted
// from it: enough to decide whether the file changed.
type FileStat struct {
	Size    int64     `json:"size"`
	ModTime time.Time `json:"mod_time"`
	SHA256  string    `json:"sha256"`
	Parser  string    `json:"parser"`
	Error   string    `json:"error,omitempty"`
}

func (r *Record) stat() FileStat {
	return FileStat{Size: r.Size, ModTime: r.ModTime, SHA256: r.SHA256, Parser: r.Parser, Error: r.Error}
}

// docEntry is one document of a record, in brief.
type docEntry struct {
	Path     string   `json:"-"`
	Ord      int      `json:"-"`
	ID       string   `json:"id"`
	Date     string   `json:"date,omitempty"` // docDate
	Type     string   `json:"type,omitempty"`
	Code     string   `json:"code,omitempty"`
	Name     string   `json:"name,omitempty"`
	PDF      bool     `json:"pdf,omitempty"`
	Keys     []string `json:"keys,omitempty"` // copyKeys
	SameAs   string   `json:"same_as,omitempty"`
	Findings int      `json:"findings,omitempty"`
}

// docEntries lists rec's documents in brief.
func docEntries(rec *Record) []docEntry {
	out := make([]docEntry, len(rec.Documents))
	for i := range rec.Documents {
		d := &rec.Documents[i]
		out[i] = docEntry{Path: rec.Path, Ord: i + 1, ID: DocumentID(rec.SHA256, i+1), Date: docDate(d),
			Type: string(d.Type), Code: d.Authority.Code, Name: d.Authority.Name, PDF: rec.Format == "pdf",
			Keys: copyKeys(d), SameAs: d.SameAs, Findings: len(d.Findings)}
	}
	return out
}

func docKey(path string, ord int) []byte {
	k := make([]byte, 0, len(path)+5)
	k = append(k, path...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint32(k, uint32(ord))
}

// parseDocKey splits a key made by docKey.
func parseDocKey(k []byte) (string, int, bool) {
	if len(k) < 5 || k[len(k)-5] != 0 {
		return "", 0, false
	}
	return string(k[:len(k)-5]), int(binary.BigEndian.Uint32(k[len(k)-4:])), true
}

// lockTimeout bounds every wait for a file lock taken by bbolt (ours and
// scorch's): a process that finds the index busy fails instead of hanging.
const lockTimeout = 2 * time.Second

// store is the durable record.
type store struct {
	db     *bolt.DB
	legacy bool // format 1, read-only: stat and docs are derived from the records
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
			// A new store starts in the current format.
			if k, _ := tx.Bucket(bucketRecords).Cursor().First(); k == nil {
				return tx.Bucket(bucketMeta).Put(keyFormat, storeFormat)
			}
			return nil
		})
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("init records %s: %w", path, err)
		}
	}
	st := &store{db: db}
	format, err := st.format()
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("read records %s: %w", path, err)
	}
	if format != string(storeFormat) {
		if readOnly {
			st.legacy = true
		} else if err := st.upgrade(); err != nil {
			db.Close()
			return nil, fmt.Errorf("upgrade records %s: %w", path, err)
		}
	}
	return st, nil
}

func (s *store) format() (string, error) {
	var f string
	err := s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketMeta); b != nil {
			f = string(b.Get(keyFormat))
		}
		return nil
	})
	return f, err
}

// upgrade writes the stat and docs entries of every record (a store of
// format 1), in transactions of a few hundred records, then the format.
func (s *store) upgrade() error {
	var from []byte
	for {
		var next []byte
		err := s.db.Update(func(tx *bolt.Tx) error {
			c := tx.Bucket(bucketRecords).Cursor()
			k, v := c.First()
			if from != nil {
				k, v = c.Seek(from)
			}
			for n := 0; k != nil; k, v = c.Next() {
				if n == 500 {
					next = append([]byte(nil), k...)
					return nil
				}
				var rec Record
				if err := json.Unmarshal(v, &rec); err != nil {
					return fmt.Errorf("decode record %s: %w", k, err)
				}
				if err := putBrief(tx, &rec); err != nil {
					return err
				}
				n++
			}
			return tx.Bucket(bucketMeta).Put(keyFormat, storeFormat)
		})
		if err != nil || next == nil {
			return err
		}
		from = next
	}
}

// putBrief writes rec's stat and docs entries.
func putBrief(tx *bolt.Tx, rec *Record) error {
	st, err := json.Marshal(rec.stat())
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketStat).Put([]byte(rec.Path), st); err != nil {
		return err
	}
	docs := tx.Bucket(bucketDocs)
	for _, e := range docEntries(rec) {
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if err := docs.Put(docKey(e.Path, e.Ord), b); err != nil {
			return err
		}
	}
	return nil
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

// put stores rec durably and returns its sequence number, and whether
// the path had a record before.
func (s *store) put(rec *Record) (uint64, bool, error) {
	var seq uint64
	var existed bool
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		seq, existed, err = putTx(tx, rec)
		return err
	})
	return seq, existed, err
}

func putTx(tx *bolt.Tx, rec *Record) (seq uint64, existed bool, err error) {
	meta, err := json.Marshal(rec)
	if err != nil {
		return 0, false, err
	}
	pages, err := json.Marshal(rec.Pages)
	if err != nil {
		return 0, false, err
	}
	if existed, err = forget(tx, rec.Path); err != nil {
		return 0, false, err
	}
	lg := tx.Bucket(bucketLog)
	if seq, err = lg.NextSequence(); err != nil {
		return 0, false, err
	}
	key := []byte(rec.Path)
	if err := lg.Put(seqKey(seq), key); err != nil {
		return 0, false, err
	}
	stamp := append(seqKey(seq), sha12(rec.SHA256)...)
	if err := tx.Bucket(bucketSeq).Put(key, stamp); err != nil {
		return 0, false, err
	}
	if err := putEntries(tx, rec, stamp); err != nil {
		return 0, false, err
	}
	if err := tx.Bucket(bucketSHA).Put(shaKey(rec.SHA256, rec.Path), nil); err != nil {
		return 0, false, err
	}
	if err := tx.Bucket(bucketRecords).Put(key, meta); err != nil {
		return 0, false, err
	}
	if err := putBrief(tx, rec); err != nil {
		return 0, false, err
	}
	if err := tx.Bucket(bucketElsewhere).Delete(key); err != nil {
		return 0, false, err
	}
	return seq, existed, tx.Bucket(bucketPages).Put(key, pages)
}

// forget removes every trace of path from the record and reports whether
// there was any.
func forget(tx *bolt.Tx, path string) (bool, error) {
	key := []byte(path)
	old := tx.Bucket(bucketSeq).Get(key)
	if old == nil {
		return false, nil
	}
	if len(old) >= 8 {
		if err := tx.Bucket(bucketLog).Delete(old[:8]); err != nil {
			return false, err
		}
		if err := tx.Bucket(bucketSHA).Delete(shaKey(string(old[8:]), path)); err != nil {
			return false, err
		}
	}
	for _, b := range [][]byte{bucketSeq, bucketRecords, bucketPages, bucketStat, bucketCatalogue} {
		if err := tx.Bucket(b).Delete(key); err != nil {
			return false, err
		}
	}
	docs := tx.Bucket(bucketDocs)
	prefix := append([]byte(path), 0)
	c := docs.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
		if err := docs.Delete(k); err != nil {
			return false, err
		}
	}
	return true, nil
}

// deleteTx removes path (and any note that it is elsewhere) and reports
// whether it had a record.
func deleteTx(tx *bolt.Tx, path string) (bool, error) {
	if err := tx.Bucket(bucketElsewhere).Delete([]byte(path)); err != nil {
		return false, err
	}
	return forget(tx, path)
}

// touchTx sets the modification time of path's record, leaving its
// sequence number alone: the content is the same, so nothing is
// re-indexed. It reports whether there was a record.
func touchTx(tx *bolt.Tx, path string, mod time.Time) (bool, error) {
	rec, ok, err := getTx(tx, path, false)
	if err != nil || !ok {
		return false, err
	}
	rec.ModTime = mod
	meta, err := json.Marshal(&rec)
	if err != nil {
		return false, err
	}
	if err := tx.Bucket(bucketRecords).Put([]byte(path), meta); err != nil {
		return false, err
	}
	st, err := json.Marshal(rec.stat())
	if err != nil {
		return false, err
	}
	return true, tx.Bucket(bucketStat).Put([]byte(path), st)
}

// stat returns what the record of path says of its file.
func (s *store) stat(path string) (FileStat, bool, error) {
	if s.legacy {
		rec, ok, err := s.get(path, false)
		return rec.stat(), ok, err
	}
	var st FileStat
	var found bool
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketStat).Get([]byte(path))
		if v == nil {
			return nil
		}
		found = true
		if err := json.Unmarshal(v, &st); err != nil {
			return fmt.Errorf("decode stat of %s: %w", path, err)
		}
		return nil
	})
	return st, found, err
}

// eachDoc calls fn with every document in brief, in path and ordinal
// order.
func (s *store) eachDoc(fn func(e docEntry) error) error {
	if s.legacy {
		return s.each(func(rec Record) error {
			for _, e := range docEntries(&rec) {
				if err := fn(e); err != nil {
					return err
				}
			}
			return nil
		})
	}
	return s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketDocs).ForEach(func(k, v []byte) error {
			var e docEntry
			path, ord, ok := parseDocKey(k)
			if !ok {
				return fmt.Errorf("bad document key %q", k)
			}
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode document %s#%d: %w", path, ord, err)
			}
			e.Path, e.Ord = path, ord
			return fn(e)
		})
	})
}

// get returns the record of path, with its pages when withPages is set.
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

// paths lists every recorded path in byte order, from the seq bucket
// (the records bucket's keys sit among the records themselves).
func (s *store) paths() ([]string, error) {
	var out []string
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSeq)
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

// elsewhereEntry notes a file that belongs to another shard.
type elsewhereEntry struct {
	FileStat
	Shard string `json:"shard"`
}

func elsewhereTx(tx *bolt.Tx, path string, e elsewhereEntry) error {
	if _, err := forget(tx, path); err != nil {
		return err
	}
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketElsewhere).Put([]byte(path), b)
}

// elsewhere returns the note of path, if any.
func (s *store) elsewhere(path string) (elsewhereEntry, bool, error) {
	var e elsewhereEntry
	var found bool
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketElsewhere)
		if b == nil {
			return nil
		}
		v := b.Get([]byte(path))
		if v == nil {
			return nil
		}
		found = true
		return json.Unmarshal(v, &e)
	})
	return e, found, err
}
