package index

// Exports read findings from the record, not from bleve, so they carry
// exactly what was extracted and come out in a stable order: by document
// date (published, else visit end; undated last), source path, document
// ordinal, finding order. With query text, bleve only picks which
// findings: those whose own text matches (not findings of documents whose
// pages match, which would export whole reports for a common word).

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"github.com/ofsted/ofsted/extract"
)

// ErrNotFound is returned for a document ID that is not in the index.
var ErrNotFound = errors.New("not found")

// Row is one finding with its document's metadata, flat for CSV and JSON.
type Row struct {
	DocumentID    string   `json:"document_id"`
	SourceFile    string   `json:"source_file"`
	DocType       string   `json:"doc_type"`
	Authority     string   `json:"authority"`
	AuthorityCode string   `json:"authority_code"`
	Published     string   `json:"published"`
	VisitStart    string   `json:"visit_start"`
	VisitEnd      string   `json:"visit_end"`
	Kind          string   `json:"kind"`
	Domain        string   `json:"domain"`
	Grade         string   `json:"grade"`
	Text          string   `json:"text"`
	Page          int      `json:"page"`
	Rule          string   `json:"rule"`
	Themes        []string `json:"themes"`
}

// RowHeader names the columns of Row.Strings, in order.
var RowHeader = []string{"document_id", "source_file", "doc_type", "authority", "authority_code",
	"published", "visit_start", "visit_end", "kind", "domain", "grade", "text", "page", "rule", "themes"}

// Strings returns the row as CSV fields (themes joined with ";").
func (r Row) Strings() []string {
	return []string{r.DocumentID, r.SourceFile, r.DocType, r.Authority, r.AuthorityCode,
		r.Published, r.VisitStart, r.VisitEnd, r.Kind, r.Domain, r.Grade, r.Text,
		strconv.Itoa(r.Page), r.Rule, strings.Join(r.Themes, ";")}
}

func makeRow(rec *Record, ord int, d *extract.Document, f *extract.Finding) Row {
	themes := f.Themes
	if themes == nil {
		themes = []string{}
	}
	return Row{
		DocumentID:    DocumentID(rec.SHA256, ord),
		SourceFile:    rec.Path,
		DocType:       string(d.Type),
		Authority:     d.Authority.Name,
		AuthorityCode: d.Authority.Code,
		Published:     d.Published,
		VisitStart:    d.VisitStart,
		VisitEnd:      d.VisitEnd,
		Kind:          string(f.Kind),
		Domain:        string(f.Domain),
		Grade:         string(f.Grade),
		Text:          f.Text,
		Page:          f.Page,
		Rule:          f.Rule,
		Themes:        themes,
	}
}

// recordFilter is a Query's filters applied to records in Go; it must
// agree with the bleve filters in search.go.
type recordFilter struct {
	codes, names                       []string
	lo, hi                             string
	types, kinds, grades, domains, thm []string
	noFindings                         bool
}

func newRecordFilter(q *Query) (*recordFilter, error) {
	lo, hi, err := dateBounds(q.From, q.To)
	if err != nil {
		return nil, err
	}
	f := &recordFilter{lo: lo, hi: hi,
		types: values(q.Type), kinds: values(q.Kind), grades: values(q.Grade),
		domains: values(q.Domain), thm: values(q.Theme)}
	if q.Authority != "" {
		f.codes, f.names = authorityTerms(q.Authority)
	}
	if u := values(q.Unit); len(u) > 0 && !contains(u, unitFinding) {
		f.noFindings = true
	}
	return f, nil
}

func contains(vs []string, s string) bool {
	s = strings.ToLower(s)
	for _, v := range vs {
		if v == s {
			return true
		}
	}
	return false
}

func (f *recordFilter) document(d *extract.Document) bool {
	if f.noFindings {
		return false
	}
	if f.codes != nil && !contains(f.codes, d.Authority.Code) && !contains(f.names, d.Authority.Name) {
		return false
	}
	if f.lo != "" || f.hi != "" {
		date := docDate(d)
		if date == "" || (f.lo != "" && date < f.lo) || (f.hi != "" && date > f.hi) {
			return false
		}
	}
	return len(f.types) == 0 || contains(f.types, string(d.Type))
}

func (f *recordFilter) finding(x *extract.Finding) bool {
	if len(f.kinds) > 0 && !contains(f.kinds, string(x.Kind)) {
		return false
	}
	if len(f.grades) > 0 && !contains(f.grades, string(x.Grade)) {
		return false
	}
	if len(f.domains) > 0 && !contains(f.domains, string(x.Domain)) {
		return false
	}
	if len(f.thm) > 0 {
		ok := false
		for _, t := range x.Themes {
			ok = ok || contains(f.thm, t)
		}
		return ok
	}
	return true
}

// findingKey names a finding: path, 1-based document ordinal, 1-based
// finding number.
type findingKey struct {
	path     string
	ord, num int
}

// Findings calls fn with every finding matching q (Limit and Offset apply
// when set), in the stable export order described above. An error from fn
// stops the walk and is returned as is.
func (ix *Index) Findings(ctx context.Context, q Query, fn func(Row) error) error {
	rows, err := ix.findingRows(ctx, q)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// findingRows collects the rows of Findings under the read lock, so that
// fn may call back into the index.
func (ix *Index) findingRows(ctx context.Context, q Query) ([]Row, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return nil, fmt.Errorf("export: index %s is closed", ix.dir)
	}
	f, err := newRecordFilter(&q)
	if err != nil {
		return nil, fmt.Errorf("export %q: %w", q.Text, err)
	}
	type sortable struct {
		date   string
		key    findingKey
		row    Row
		sameAs string
	}
	var rows []sortable
	exported := map[string]bool{} // document IDs that pass the filters
	collect := func(rec *Record, only map[findingKey]bool) {
		for i := range rec.Documents {
			d := &rec.Documents[i]
			if !f.document(d) {
				continue
			}
			exported[DocumentID(rec.SHA256, i+1)] = true
			date := docDate(d)
			for j := range d.Findings {
				x := &d.Findings[j]
				k := findingKey{rec.Path, i + 1, j + 1}
				if !f.finding(x) || (only != nil && !only[k]) {
					continue
				}
				rows = append(rows, sortable{date: date, key: k, row: makeRow(rec, i+1, d, x), sameAs: d.SameAs})
			}
		}
	}

	if strings.TrimSpace(q.Text) == "" {
		err = ix.st.each(func(rec Record) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			collect(&rec, nil)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("export from %s: %w", ix.dir, err)
		}
	} else {
		keys, err := ix.matchingFindings(ctx, q)
		if err != nil {
			return nil, err
		}
		byPath := map[string]map[findingKey]bool{}
		for _, k := range keys {
			if byPath[k.path] == nil {
				byPath[k.path] = map[findingKey]bool{}
			}
			byPath[k.path][k] = true
		}
		paths := make([]string, 0, len(byPath))
		for p := range byPath {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for _, p := range paths {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			rec, ok, err := ix.st.get(p, false)
			if err != nil {
				return nil, fmt.Errorf("export from %s: %w", ix.dir, err)
			}
			if ok {
				collect(&rec, byPath[p])
			}
		}
	}

	if q.Dedupe {
		kept := rows[:0]
		for _, r := range rows {
			if r.sameAs == "" || !exported[r.sameAs] {
				kept = append(kept, r)
			}
		}
		rows = kept
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := &rows[i], &rows[j]
		if (a.date == "") != (b.date == "") {
			return b.date == ""
		}
		if a.date != b.date {
			return a.date < b.date
		}
		if a.key.path != b.key.path {
			return a.key.path < b.key.path
		}
		if a.key.ord != b.key.ord {
			return a.key.ord < b.key.ord
		}
		return a.key.num < b.key.num
	})
	if q.Offset > 0 {
		rows = rows[min(q.Offset, len(rows)):]
	}
	if q.Limit > 0 && len(rows) > q.Limit {
		rows = rows[:q.Limit]
	}
	out := make([]Row, len(rows))
	for i := range rows {
		out[i] = rows[i].row
	}
	return out, nil
}

// matchingFindings asks bleve which findings match q.
func (ix *Index) matchingFindings(ctx context.Context, q Query) ([]findingKey, error) {
	bl := ix.bl // the caller holds ix.mu
	if bl == nil {
		return nil, fmt.Errorf("export %q from %s: %w", q.Text, ix.dir, ErrNotIndexed)
	}
	q.Unit = unitFinding
	v := &view{bls: []bleve.Index{bl}, mapping: ix.mapping, name: ix.dir}
	bq, _, err := v.bleveQuery(ctx, &q)
	if err != nil {
		return nil, fmt.Errorf("export %q: %w", q.Text, err)
	}
	var keys []findingKey
	const page = 10000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(bq, page, from, false)
		req.Fields = []string{fPath, fOrdinal, fFinding}
		req.SortBy([]string{"_id"})
		res, err := bl.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("export %q from %s: %w", q.Text, ix.dir, err)
		}
		for _, h := range res.Hits {
			p, _ := h.Fields[fPath].(string)
			o, _ := h.Fields[fOrdinal].(float64)
			n, _ := h.Fields[fFinding].(float64)
			keys = append(keys, findingKey{p, int(o), int(n)})
		}
		if len(res.Hits) < page {
			return keys, nil
		}
	}
}

// DocumentView is one document of a recorded file, with its pages and its
// findings as export rows.
type DocumentView struct {
	ID       string
	Path     string
	Ordinal  int
	Format   string
	Document extract.Document
	Pages    []string // the document's pages; Pages[0] is page FirstPage
	First    int      // 1-based page number of Pages[0]
	Rows     []Row
}

// Document returns the document with the given ID (see DocumentID). When
// several files have the same content, the first path wins.
func (ix *Index) Document(id string) (DocumentView, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return DocumentView{}, fmt.Errorf("show %s: index %s is closed", id, ix.dir)
	}
	sha, ord, ok := parseDocumentID(id)
	if !ok {
		return DocumentView{}, fmt.Errorf("show %s: %w: want HASH-N", id, ErrQuery)
	}
	paths, err := ix.st.bySHA(strings.ToLower(sha))
	if err != nil {
		return DocumentView{}, fmt.Errorf("show %s: %w", id, err)
	}
	for _, p := range paths {
		rec, ok, err := ix.st.get(p, true)
		if err != nil {
			return DocumentView{}, fmt.Errorf("show %s: %w", id, err)
		}
		if !ok || ord > len(rec.Documents) {
			continue
		}
		d := rec.Documents[ord-1]
		v := DocumentView{ID: DocumentID(rec.SHA256, ord), Path: rec.Path, Ordinal: ord, Format: rec.Format, Document: d}
		lo, hi := d.PageStart, d.PageEnd
		if lo <= 0 {
			lo = 1
		}
		if hi <= 0 || hi > len(rec.Pages) {
			hi = len(rec.Pages)
		}
		if lo <= hi {
			v.Pages, v.First = rec.Pages[lo-1:hi], lo
		}
		for j := range d.Findings {
			v.Rows = append(v.Rows, makeRow(&rec, ord, &d, &d.Findings[j]))
		}
		return v, nil
	}
	return DocumentView{}, fmt.Errorf("show %s: %w", id, ErrNotFound)
}
