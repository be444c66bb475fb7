package index

// The catalogue lists every document of the index with what overviews
// need (type, authority, dates, grades, counts of findings by kind and
// theme) and none of the text. It is read from the record, not from
// bleve: the record holds one entry per file, bleve one per page and
// finding, and only the record says which documents a file holds. Each
// record is decoded into a struct that names only the fields used, so the
// sentences are skipped by the decoder instead of being copied out.

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/ofsted/ofsted/extract"
)

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

// catalogueRecord is the part of a stored record the catalogue reads.
type catalogueRecord struct {
	Path      string `json:"path"`
	SHA256    string `json:"sha256"`
	Format    string `json:"format"`
	Documents []struct {
		Type       extract.Type      `json:"type"`
		Title      string            `json:"title"`
		Authority  extract.Authority `json:"authority"`
		Published  string            `json:"published"`
		VisitStart string            `json:"visit_start"`
		VisitEnd   string            `json:"visit_end"`
		PageStart  int               `json:"page_start"`
		PageEnd    int               `json:"page_end"`
		SameAs     string            `json:"same_as"`
		Warnings   []json.RawMessage `json:"warnings"`
		Findings   []struct {
			Kind   extract.Kind   `json:"kind"`
			Domain extract.Domain `json:"domain"`
			Grade  extract.Grade  `json:"grade"`
			Page   int            `json:"page"`
			Themes []string       `json:"themes"`
		} `json:"findings"`
	} `json:"documents"`
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
		b := tx.Bucket(bucketRecords)
		if b == nil {
			return nil
		}
		n := 0
		return b.ForEach(func(k, v []byte) error {
			if n++; n%256 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			var rec catalogueRecord
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("decode record %s: %w", k, err)
			}
			for i, d := range rec.Documents {
				e := Entry{
					ID: DocumentID(rec.SHA256, i+1), Path: rec.Path, Ordinal: i + 1, Format: rec.Format,
					Type: d.Type, Title: d.Title, Authority: d.Authority,
					Published: d.Published, VisitStart: d.VisitStart, VisitEnd: d.VisitEnd,
					PageStart: d.PageStart, PageEnd: d.PageEnd, SameAs: d.SameAs,
					Findings: len(d.Findings), Warnings: len(d.Warnings),
					Kinds: map[extract.Kind]int{}, Themes: map[string]int{},
				}
				for _, f := range d.Findings {
					e.Kinds[f.Kind]++
					for _, t := range f.Themes {
						e.Themes[t]++
					}
					if f.Kind == extract.KindJudgement && f.Domain != "" && f.Grade != "" {
						e.Judgements = append(e.Judgements, Judgement{Domain: f.Domain, Grade: f.Grade, Page: f.Page})
					}
				}
				out = append(out, e)
			}
			return nil
		})
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
