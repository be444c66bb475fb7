package index

// The catalogue lists every document of the index with what overviews
// need (type, authority, dates, grades, counts of findings by kind and
// theme) and none of the text. The summary and an authority's timeline are
// computed from it.
//
// It is kept at write time, in its own bucket of the record:
//
//	catalogue  path -> stamp (the path's seq value: sequence number and
//	           SHA-256 prefix) + compact JSON of the file's documents
//
// Reading it from the records themselves means decoding every finding's
// sentence: 2 to 4 s for 20,000 generated letters, where the catalogue
// bucket takes a tenth of that. An entry whose stamp differs from the
// path's current seq value (a record written by a version without the
// catalogue) is ignored and the record decoded instead, so the catalogue
// is never stale; the writer fills missing entries when it opens.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/ofsted/ofsted/extract"
)

var bucketCatalogue = []byte("catalogue")

// Entry is one document of the index without its text: what the summary,
// an authority's timeline and completion need.
type Entry struct {
	ID         string               `json:"id"`
	Path       string               `json:"path"`
	Ordinal    int                  `json:"ordinal"` // 1-based; above 1, embedded in the file's first document
	Format     string               `json:"format"`
	Type       extract.Type         `json:"type"`
	Title      string               `json:"title"`
	Authority  extract.Authority    `json:"authority"`
	Published  string               `json:"published"`
	VisitStart string               `json:"visit_start"`
	VisitEnd   string               `json:"visit_end"`
	PageStart  int                  `json:"page_start"`
	PageEnd    int                  `json:"page_end"`
	SameAs     string               `json:"same_as,omitempty"`
	Judgements []Judgement          `json:"judgements"`
	Findings   int                  `json:"findings"`
	Kinds      map[extract.Kind]int `json:"kinds"`  // findings by kind
	Themes     map[string]int       `json:"themes"` // findings by theme
	Warnings   int                  `json:"warnings"`
}

// Judgement is a graded judgement of a document, with its page.
type Judgement struct {
	Domain extract.Domain `json:"domain"`
	Grade  extract.Grade  `json:"grade"`
	Page   int            `json:"page"`
}

// Date is the date the document is filed under: published, else the end
// of the visit.
func (e *Entry) Date() string {
	if e.Published != "" {
		return e.Published
	}
	return e.VisitEnd
}

// Grade returns the document's grade in domain d ("" when not graded).
func (e *Entry) Grade(d extract.Domain) extract.Grade {
	for _, j := range e.Judgements {
		if j.Domain == d {
			return j.Grade
		}
	}
	return ""
}

// storedEntry is an Entry as the catalogue bucket keeps it: short keys,
// and nothing the record's key or position gives (path, ordinal, ID,
// format).
type storedEntry struct {
	Type       extract.Type         `json:"t,omitempty"`
	Title      string               `json:"ti,omitempty"`
	Authority  extract.Authority    `json:"a"`
	Published  string               `json:"p,omitempty"`
	VisitStart string               `json:"vs,omitempty"`
	VisitEnd   string               `json:"ve,omitempty"`
	PageStart  int                  `json:"ps,omitempty"`
	PageEnd    int                  `json:"pe,omitempty"`
	SameAs     string               `json:"s,omitempty"`
	Judgements []Judgement          `json:"j,omitempty"`
	Findings   int                  `json:"n,omitempty"`
	Kinds      map[extract.Kind]int `json:"k,omitempty"`
	Themes     map[string]int       `json:"th,omitempty"`
	Warnings   int                  `json:"w,omitempty"`
}

// storedFile is what the catalogue bucket keeps per path.
type storedFile struct {
	Format    string        `json:"f,omitempty"`
	Documents []storedEntry `json:"d"`
}

func storeEntries(format string, docs []extract.Document) storedFile {
	sf := storedFile{Format: format, Documents: make([]storedEntry, len(docs))}
	for i := range docs {
		d := &docs[i]
		se := storedEntry{Type: d.Type, Title: d.Title, Authority: d.Authority, Published: d.Published,
			VisitStart: d.VisitStart, VisitEnd: d.VisitEnd, PageStart: d.PageStart, PageEnd: d.PageEnd,
			SameAs: d.SameAs, Findings: len(d.Findings), Warnings: len(d.Warnings)}
		for _, f := range d.Findings {
			if se.Kinds == nil {
				se.Kinds = map[extract.Kind]int{}
			}
			se.Kinds[f.Kind]++
			for _, t := range f.Themes {
				if se.Themes == nil {
					se.Themes = map[string]int{}
				}
				se.Themes[t]++
			}
			if f.Kind == extract.KindJudgement && f.Domain != "" && f.Grade != "" {
				se.Judgements = append(se.Judgements, Judgement{Domain: f.Domain, Grade: f.Grade, Page: f.Page})
			}
		}
		sf.Documents[i] = se
	}
	return sf
}

// entries expands a stored file into catalogue entries.
func (sf *storedFile) entries(path, sha string, out []Entry) []Entry {
	for i, se := range sf.Documents {
		e := Entry{ID: DocumentID(sha, i+1), Path: path, Ordinal: i + 1, Format: sf.Format,
			Type: se.Type, Title: se.Title, Authority: se.Authority, Published: se.Published,
			VisitStart: se.VisitStart, VisitEnd: se.VisitEnd, PageStart: se.PageStart, PageEnd: se.PageEnd,
			SameAs: se.SameAs, Judgements: se.Judgements, Findings: se.Findings, Kinds: se.Kinds,
			Themes: se.Themes, Warnings: se.Warnings}
		if e.Kinds == nil {
			e.Kinds = map[extract.Kind]int{}
		}
		if e.Themes == nil {
			e.Themes = map[string]int{}
		}
		out = append(out, e)
	}
	return out
}

// putEntries writes the catalogue entry of rec, stamped with the path's
// seq value. It runs inside the Put that stores rec.
func putEntries(tx *bolt.Tx, rec *Record, stamp []byte) error {
	b, err := json.Marshal(storeEntries(rec.Format, rec.Documents))
	if err != nil {
		return err
	}
	return tx.Bucket(bucketCatalogue).Put([]byte(rec.Path), append(append([]byte{}, stamp...), b...))
}

// catalogued returns the stored file of path when its stamp is current.
func catalogued(tx *bolt.Tx, path []byte) (storedFile, string, bool) {
	var sf storedFile
	cat, seq := tx.Bucket(bucketCatalogue), tx.Bucket(bucketSeq)
	if cat == nil || seq == nil {
		return sf, "", false
	}
	stamp, v := seq.Get(path), cat.Get(path)
	if len(stamp) < 8 || !bytes.HasPrefix(v, stamp) {
		return sf, "", false
	}
	if json.Unmarshal(v[len(stamp):], &sf) != nil {
		return sf, "", false
	}
	return sf, string(stamp[8:]), true
}

// fillCatalogue writes the catalogue entries that are missing or stale
// (records written before the catalogue was kept). The writer calls it
// when it opens.
func (s *store) fillCatalogue() error {
	return s.db.Update(func(tx *bolt.Tx) error {
		seq := tx.Bucket(bucketSeq)
		var stale [][]byte
		// The seq bucket has the records' paths with small values: walking
		// the records bucket itself would bring every record into memory.
		err := seq.ForEach(func(k, _ []byte) error {
			if _, _, ok := catalogued(tx, k); !ok {
				stale = append(stale, append([]byte{}, k...))
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range stale {
			rec, ok, err := getTx(tx, string(k), false)
			if err != nil || !ok {
				return err
			}
			if err := putEntries(tx, &rec, seq.Get(k)); err != nil {
				return fmt.Errorf("catalogue %s: %w", k, err)
			}
		}
		return nil
	})
}

// Catalogue lists every document in the index, in the export order: by
// date (undated last), path, ordinal.
func (ix *Index) Catalogue(ctx context.Context) ([]Entry, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return nil, fmt.Errorf("catalogue: index %s is closed", ix.dir)
	}
	var out []Entry
	err := ix.st.db.View(func(tx *bolt.Tx) error {
		seq, cat := tx.Bucket(bucketSeq), tx.Bucket(bucketCatalogue)
		if seq == nil {
			return nil
		}
		// Both buckets are keyed by path: walk them side by side rather
		// than look each path up.
		var cc *bolt.Cursor
		var ck, cv []byte
		if cat != nil {
			cc = cat.Cursor()
			ck, cv = cc.First()
		}
		sc := seq.Cursor()
		n := 0
		for k, stamp := sc.First(); k != nil; k, stamp = sc.Next() {
			if n++; n%256 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			for cc != nil && ck != nil && bytes.Compare(ck, k) < 0 {
				ck, cv = cc.Next()
			}
			var sf storedFile
			if len(stamp) >= 8 && bytes.Equal(ck, k) && bytes.HasPrefix(cv, stamp) &&
				json.Unmarshal(cv[len(stamp):], &sf) == nil {
				out = sf.entries(string(k), string(stamp[8:]), out)
				continue
			}
			rec, ok, err := getTx(tx, string(k), false)
			if err != nil {
				return err
			}
			if ok {
				sf = storeEntries(rec.Format, rec.Documents)
				out = sf.entries(rec.Path, rec.SHA256, out)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("catalogue of %s: %w", ix.dir, err)
	}
	sort.SliceStable(out, func(i, j int) bool { return entryBefore(&out[i], &out[j]) })
	return out, nil
}

// entryBefore is the export order: by date, undated last, then path and
// ordinal.
func entryBefore(a, b *Entry) bool {
	da, db := a.Date(), b.Date()
	if (da == "") != (db == "") {
		return db == ""
	}
	if da != db {
		return da < db
	}
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	return a.Ordinal < b.Ordinal
}
