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
	"github.com/blevesearch/bleve/v2/search"

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

// document reports whether a document with this authority, date and
// type passes the filters.
func (f *recordFilter) document(e *docEntry) bool {
	if f.noFindings {
		return false
	}
	if f.codes != nil && !contains(f.codes, e.Code) && !contains(f.names, e.Name) {
		return false
	}
	if f.lo != "" || f.hi != "" {
		if e.Date == "" || (f.lo != "" && e.Date < f.lo) || (f.hi != "" && e.Date > f.hi) {
			return false
		}
	}
	return len(f.types) == 0 || contains(f.types, e.Type)
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

// Findings calls fn with every finding matching q (Limit and Offset apply
// when set), in the stable export order described above. An error from fn
// stops the walk and is returned as is.
func (ix *Index) Findings(ctx context.Context, q Query, fn func(Row) error) error {
	return findings(ctx, []*Index{ix}, q, fn)
}

// planned is a document to export: where it is, and when the query has
// text, the numbers of its findings that matched.
type planned struct {
	ix    int // in the view
	entry docEntry
	only  map[int]bool // nil: every finding
}

// findings streams the rows of Findings over several indexes as over
// one. It plans first, under the read locks: the documents to export, in
// export order, from the brief document entries (no record is decoded),
// and, for query text, which findings bleve matched. Then it reads one
// record at a time and calls fn with the read locks released, so that fn
// may call back into the indexes, and so that memory holds the plan and
// one record, not every row: an export of a million findings runs in the
// memory of a small one.
func findings(ctx context.Context, ixs []*Index, q Query, fn func(Row) error) error {
	f, err := newRecordFilter(&q)
	if err != nil {
		return fmt.Errorf("export %q: %w", q.Text, err)
	}
	plan, err := planExport(ctx, ixs, q, f)
	if err != nil {
		return err
	}
	skip, left := max(q.Offset, 0), q.Limit
	var rec Record
	recAt := -1 // plan entry whose record rec is
	for i, p := range plan {
		if err := ctx.Err(); err != nil {
			return err
		}
		if recAt < 0 || plan[recAt].ix != p.ix || plan[recAt].entry.Path != p.entry.Path {
			var ok bool
			rec, ok, err = ixs[p.ix].Meta(p.entry.Path) // no page texts
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if !ok || p.entry.Ord > len(rec.Documents) {
				continue // deleted since the plan was made
			}
			recAt = i
		}
		d := &rec.Documents[p.entry.Ord-1]
		for j := range d.Findings {
			x := &d.Findings[j]
			if !f.finding(x) || (p.only != nil && !p.only[j+1]) {
				continue
			}
			if skip > 0 {
				skip--
				continue
			}
			if err := fn(makeRow(&rec, p.entry.Ord, d, x)); err != nil {
				return err
			}
			if left--; left == 0 {
				return nil
			}
		}
	}
	return nil
}

// planExport lists the documents to export, in export order.
func planExport(ctx context.Context, ixs []*Index, q Query, f *recordFilter) ([]planned, error) {
	v, err := readView(ixs, "export")
	if err != nil {
		return nil, err
	}
	defer v.release()
	var all []planned
	for i, ix := range v.ixs {
		err := ix.st.eachDoc(func(e docEntry) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			all = append(all, planned{ix: i, entry: e})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("export from %s: %w", ix.dir, err)
		}
	}
	var matched map[fileAt]map[int]map[int]bool // with text: file -> ordinal -> finding numbers
	if strings.TrimSpace(q.Text) != "" {
		if matched, err = v.matchingFindings(ctx, q, all); err != nil {
			return nil, err
		}
	}
	// A copy is left out when the document it copies is exported too.
	// The links are worked out here over every document of the indexes,
	// as LinkSameAs does for one index, so that they are the same
	// however the documents are spread over indexes.
	var links map[string]string
	if q.Dedupe {
		refs := make([]docRef, len(all))
		for i, p := range all {
			refs[i] = docRef{path: p.entry.Path, ord: p.entry.Ord, pdf: p.entry.PDF, id: p.entry.ID, keys: p.entry.Keys}
		}
		links = sameAsLinks(refs)
	}
	exported := map[string]bool{} // IDs of documents that pass the filters
	var plan []planned
	for _, p := range all {
		if !f.document(&p.entry) {
			continue
		}
		if matched != nil {
			only, ok := matched[fileAt{p.ix, p.entry.Path}]
			if !ok {
				continue // no finding of the file matched
			}
			p.only = only[p.entry.Ord]
		}
		exported[p.entry.ID] = true
		if p.entry.Findings == 0 || (matched != nil && p.only == nil) {
			continue
		}
		plan = append(plan, p)
	}
	if q.Dedupe {
		kept := plan[:0]
		for _, p := range plan {
			if l := links[linkKey(p.entry.Path, p.entry.Ord)]; l == "" || !exported[l] {
				kept = append(kept, p)
			}
		}
		plan = kept
	}
	sort.SliceStable(plan, func(i, j int) bool {
		a, b := &plan[i].entry, &plan[j].entry
		if (a.Date == "") != (b.Date == "") {
			return b.Date == ""
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Ord < b.Ord
	})
	return plan, nil
}

// fileAt is a recorded file in a view: the index (its position) and path.
type fileAt struct {
	ix   int
	path string
}

// matchingFindings asks bleve which findings match q: by file, by
// document ordinal, the finding numbers. The findings are named by
// their unit IDs, collected by a document match handler in one pass (no
// stored field is read, and no page of hits is asked for twice), with
// the paths found from the documents' path keys.
func (v *view) matchingFindings(ctx context.Context, q Query, docs []planned) (map[fileAt]map[int]map[int]bool, error) {
	if err := v.indexed(); err != nil {
		return nil, fmt.Errorf("export %q from %s: %w", q.Text, v.name, err)
	}
	q.Unit = unitFinding
	bq, _, err := v.bleveQuery(ctx, &q)
	if err != nil {
		return nil, fmt.Errorf("export %q: %w", q.Text, err)
	}
	target := v.bls[0]
	if len(v.bls) > 1 {
		target = bleve.NewIndexAlias(v.bls...)
	}
	byKey := map[string]fileAt{} // path key -> file
	for _, d := range docs {
		byKey[pathKey(d.entry.Path)] = fileAt{d.ix, d.entry.Path}
	}
	coll := newCollection(0, nil)
	coll.wantIDs = true
	cctx := context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, search.MakeDocumentMatchHandler(coll.handler))
	req := bleve.NewSearchRequestOptions(bq, 0, 0, false)
	res, err := target.SearchInContext(cctx, req)
	if err == nil {
		err = statusError(res)
	}
	if err != nil {
		return nil, fmt.Errorf("export %q from %s: %w", q.Text, v.name, err)
	}
	out := map[fileAt]map[int]map[int]bool{}
	for _, id := range coll.ids {
		pk, ord, num, ok := parseFindingID(id)
		at, known := byKey[pk]
		if !ok || !known {
			continue
		}
		if out[at] == nil {
			out[at] = map[int]map[int]bool{}
		}
		if out[at][ord] == nil {
			out[at][ord] = map[int]bool{}
		}
		out[at][ord][num] = true
	}
	return out, nil
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
// several files have the same content, the first path wins. It is found
// by key (the hash prefix of the ID), whatever the size of the index.
func (ix *Index) Document(id string) (DocumentView, error) {
	return findDocument([]*Index{ix}, id)
}

func findDocument(ixs []*Index, id string) (DocumentView, error) {
	sha, ord, ok := parseDocumentID(id)
	if !ok {
		return DocumentView{}, fmt.Errorf("show %s: %w: want HASH-N", id, ErrQuery)
	}
	v, err := readView(ixs, "show "+id)
	if err != nil {
		return DocumentView{}, err
	}
	defer v.release()
	var files []fileAt
	for i, ix := range v.ixs {
		paths, err := ix.st.bySHA(strings.ToLower(sha))
		if err != nil {
			return DocumentView{}, fmt.Errorf("show %s: %w", id, err)
		}
		for _, p := range paths {
			files = append(files, fileAt{i, p})
		}
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].path < files[j].path })
	for _, f := range files {
		rec, ok, err := v.ixs[f.ix].st.get(f.path, true)
		if err != nil {
			return DocumentView{}, fmt.Errorf("show %s: %w", id, err)
		}
		if !ok || ord > len(rec.Documents) {
			continue
		}
		d := rec.Documents[ord-1]
		dv := DocumentView{ID: DocumentID(rec.SHA256, ord), Path: rec.Path, Ordinal: ord, Format: rec.Format, Document: d}
		lo, hi := d.PageStart, d.PageEnd
		if lo <= 0 {
			lo = 1
		}
		if hi <= 0 || hi > len(rec.Pages) {
			hi = len(rec.Pages)
		}
		if lo <= hi {
			dv.Pages, dv.First = rec.Pages[lo-1:hi], lo
		}
		for j := range d.Findings {
			dv.Rows = append(dv.Rows, makeRow(&rec, ord, &d, &d.Findings[j]))
		}
		return dv, nil
	}
	return DocumentView{}, fmt.Errorf("show %s: %w", id, ErrNotFound)
}
