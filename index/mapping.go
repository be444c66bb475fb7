package index

// The bleve mapping and the units indexed for a record.
//
// A record becomes one bleve document (a "unit") per finding and one per
// page of each of its documents. A page belongs to the innermost document
// whose page range holds it, so the pages of a report embedded in a
// committee pack are indexed once, as the report's, not again as the
// pack's. A page is indexed without the sentences that are its findings
// (blanked, so that offsets still point into the page): every sentence is
// indexed once, a search counts it once, and a hit on it is the finding,
// with its kind, grade and themes. Unit text is analysed once, into
// "text": unicode words, possessives dropped, lower case, Porter stems,
// stop words kept (phrases need them), with term vectors (phrases and
// highlights need positions and offsets). The same words are indexed a
// second time as pairs of adjacent stems, in "pairs", without positions:
// a two-word phrase ("strategy discussions", the commonest kind of
// phrase in these documents) is then one term to look up instead of two
// whose positions must be compared in every unit holding both, which in
// a large index cost 2-3 µs a candidate. The text shown, which fragments
// are cut from, is stored apart in "shown": for a page, the whole page.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/token/shingle"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/ofsted/ofsted/extract"
)

// mappingVersion changes whenever the mapping or the units change; an
// index built with another version is rebuilt from the record on Open.
const mappingVersion = "ofsted-index-16"

// Field names.
const (
	fUnit          = "unit"  // "page" or "finding"
	fText          = "text"  // indexed, not stored
	fPairs         = "pairs" // adjacent stems of text, "stem stem" (two-word phrases)
	fShown         = "shown" // stored, not indexed
	fDocID         = "doc_id"
	fPath          = "path"
	fOrdinal       = "ordinal"
	fFinding       = "finding" // 1-based position of a finding in its document
	fPage          = "page"
	fTitle         = "title"
	fType          = "type"
	fAuthority     = "authority"      // name as written (facets)
	fAuthorityKey  = "authority_key"  // name, lower-cased (filters)
	fAuthorityCode = "authority_code" // ONS code (filters: lower-cased)
	fDate          = "date"           // published, else visit end, YYYY-MM-DD
	fYear          = "year"
	fKind          = "kind"
	fDomain        = "domain"
	fGrade         = "grade"
	fThemes        = "themes"
	fRule          = "rule"
	fDay           = "day"      // the date as year, month and day terms (range filters, see dayTerms)
	fSortDay       = "sort_day" // the date as YYYYMMDD, with doc values (ordering by date)
)

const (
	unitPage    = "page"
	unitFinding = "finding"
)

const (
	analyzerText    = "ofsted_text"
	analyzerPairs   = "ofsted_pairs"
	analyzerKeyword = "keyword_lower"
	filterPairs     = "ofsted_pairs"
)

func newMapping() (mapping.IndexMapping, error) {
	im := mapping.NewIndexMapping()
	err := im.AddCustomAnalyzer(analyzerText, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []any{en.PossessiveName, lowercase.Name, porter.Name},
	})
	if err != nil {
		return nil, fmt.Errorf("text analyser: %w", err)
	}
	err = im.AddCustomTokenFilter(filterPairs, map[string]any{
		"type": shingle.Name, "min": 2.0, "max": 2.0, "output_original": false, "separator": " ",
	})
	if err != nil {
		return nil, fmt.Errorf("pairs filter: %w", err)
	}
	err = im.AddCustomAnalyzer(analyzerPairs, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []any{en.PossessiveName, lowercase.Name, porter.Name, filterPairs},
	})
	if err != nil {
		return nil, fmt.Errorf("pairs analyser: %w", err)
	}
	err = im.AddCustomAnalyzer(analyzerKeyword, map[string]any{
		"type":          custom.Name,
		"tokenizer":     single.Name,
		"token_filters": []any{lowercase.Name},
	})
	if err != nil {
		return nil, fmt.Errorf("keyword analyser: %w", err)
	}

	kw := func(analyzer string, store, docValues bool) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = docValues
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	num := func() *mapping.FieldMapping {
		f := mapping.NewNumericFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}

	dm := mapping.NewDocumentStaticMapping()
	add := func(name string, f *mapping.FieldMapping) { dm.AddFieldMappingsAt(name, f) }
	add(fUnit, kw(keyword.Name, true, false))
	// One analysed field with positions, rather than a stemmed field for
	// words and a second, unstemmed one for phrases: analysing and
	// indexing the text is most of what an ingest costs beyond reading,
	// and one field halves it.
	text := kw(analyzerText, false, false)
	text.IncludeTermVectors = true
	add(fText, text)
	add(fPairs, kw(analyzerPairs, false, false))
	add(fShown, stored())
	add(fDocID, stored())
	add(fPath, kw(keyword.Name, true, false))
	add(fOrdinal, num())
	add(fFinding, num())
	add(fPage, num())
	add(fTitle, stored())
	add(fType, kw(analyzerKeyword, true, false))
	add(fAuthority, kw(keyword.Name, true, false))
	add(fAuthorityKey, kw(analyzerKeyword, false, false))
	add(fAuthorityCode, kw(analyzerKeyword, true, false))
	add(fDate, stored())
	add(fDay, kw(keyword.Name, false, false))
	add(fSortDay, kw(keyword.Name, false, true))
	add(fYear, kw(keyword.Name, false, false))
	add(fKind, kw(analyzerKeyword, true, false))
	add(fDomain, kw(analyzerKeyword, true, false))
	add(fGrade, kw(analyzerKeyword, true, false))
	add(fThemes, kw(analyzerKeyword, true, false))
	add(fRule, stored())

	// No "_all" field: every query names its field, and building the
	// composite field cost a tenth of the analysis.
	dm.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())
	im.DefaultMapping = dm
	im.DefaultAnalyzer = keyword.Name
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im, nil
}

// DocumentID names the ordinal-th (1-based) document of the file with this
// SHA-256: the first 12 hex digits of the hash, a dash, the ordinal. Two
// copies of one file share their document IDs.
func DocumentID(sha256 string, ordinal int) string {
	return fmt.Sprintf("%s-%d", sha12(sha256), ordinal)
}

// parseDocumentID splits an ID made by DocumentID.
func parseDocumentID(id string) (sha string, ordinal int, ok bool) {
	i := strings.LastIndexByte(id, '-')
	if i <= 0 {
		return "", 0, false
	}
	if _, err := fmt.Sscanf(id[i+1:], "%d", &ordinal); err != nil || ordinal < 1 {
		return "", 0, false
	}
	if fmt.Sprint(ordinal) != id[i+1:] {
		return "", 0, false
	}
	return id[:i], ordinal, true
}

// docDate is the date a document is filed under: published, else the end
// of the visit.
func docDate(d *extract.Document) string {
	if d.Published != "" {
		return d.Published
	}
	return d.VisitEnd
}

// unit is one bleve document.
type unit struct {
	id   string
	doc  *document.Document
	size int // approximate bytes, for batch sizing
}

// analyzers are the mapping's analysers that units are built and queries
// compiled with, and the stems of English stop words.
type analyzers struct {
	text, lower analysis.Analyzer
	stop        map[string]bool
}

func newAnalyzers(m mapping.IndexMapping) (*analyzers, error) {
	a := &analyzers{text: m.AnalyzerNamed(analyzerText), lower: m.AnalyzerNamed(analyzerKeyword), stop: map[string]bool{}}
	if a.text == nil || a.lower == nil {
		return nil, fmt.Errorf("mapping lacks the %s or %s analyser", analyzerText, analyzerKeyword)
	}
	words := analysis.NewTokenMap()
	if err := words.LoadBytes(en.EnglishStopWords); err != nil {
		return nil, fmt.Errorf("stop words: %w", err)
	}
	for w := range words {
		for _, t := range a.text.Analyze([]byte(w)) {
			a.stop[string(t.Term)] = true
		}
	}
	return a, nil
}

// paired reports whether the stems x y are indexed together in "pairs":
// when neither is a stop word. Pairs with a stop word ("children in",
// "in need") are about half of all pairs and rarely what a two-word
// phrase search is about; leaving them out makes the field a third of
// the size and cost, and such phrases are found by positions instead.
func (a *analyzers) paired(x, y []byte) bool {
	return !a.stop[string(x)] && !a.stop[string(y)]
}

// tripled reports whether the stems x s y are indexed together in
// "pairs": a stop word between two words that are not ("children in
// need", "quality of practice", "child in care"), the commonest shape of
// a three-word phrase in these documents, which would otherwise need
// positions compared in every unit holding all three words.
func (a *analyzers) tripled(x, s, y []byte) bool {
	return a.stop[string(s)] && !a.stop[string(x)] && !a.stop[string(y)]
}

// Field options of the unit fields, as the mapping declares them.
const (
	optKeyword = index.IndexField | index.StoreField // indexed as one term, stored
	optIndex   = index.IndexField                    // indexed, not stored
	optStore   = index.StoreField                    // stored, not indexed
)

// builder makes the bleve document of a unit. Units are built here
// rather than mapped from a map by bleve: the mapping walks the map by
// reflection (a tenth of the cost of indexing), and the stem pairs are
// made from the tokens of "text" instead of analysing the text twice.
type builder struct {
	an  *analyzers
	doc *document.Document
}

func (b *builder) keyword(name, value string, opts index.FieldIndexingOptions) {
	if value != "" {
		b.doc.AddField(document.NewTextFieldCustom(name, nil, []byte(value), opts, nil))
	}
}

func (b *builder) lower(name, value string, opts index.FieldIndexingOptions, pos []uint64) {
	if value != "" {
		b.doc.AddField(document.NewTextFieldCustom(name, pos, []byte(value), opts, b.an.lower))
	}
}

func (b *builder) number(name string, n float64, opts index.FieldIndexingOptions) {
	b.doc.AddField(document.NewNumericFieldWithIndexingOptions(name, nil, n, opts))
}

// text adds the analysed text, with term vectors, and its stem pairs.
func (b *builder) text(text string) {
	share := &sharedTokens{an: b.an}
	b.doc.AddField(document.NewTextFieldCustom(fText, nil, []byte(text), index.IndexField|index.IncludeTermVectors, textOf{share}))
	b.doc.AddField(document.NewTextFieldCustom(fPairs, nil, []byte(text), index.IndexField, pairsOf{share}))
}

// sharedTokens carries the tokens of a unit's text from the analysis of
// "text" to that of "pairs", which bleve runs one after the other, in the
// order the fields were added, in one goroutine per document.
type sharedTokens struct {
	an     *analyzers
	tokens analysis.TokenStream
	done   bool
}

type textOf struct{ s *sharedTokens }

func (a textOf) Analyze(text []byte) analysis.TokenStream {
	a.s.tokens, a.s.done = a.s.an.text.Analyze(text), true
	return a.s.tokens
}

type pairsOf struct{ s *sharedTokens }

// Analyze returns the pairs of adjacent tokens of text, "stem stem", as
// the mapping's shingle filter makes them, but only pairs without a stop
// word (see analyzers.paired), and the triples of two words with a stop
// word between them, "stem stop stem" (analyzers.tripled).
func (a pairsOf) Analyze(text []byte) analysis.TokenStream {
	ts := a.s.tokens
	if !a.s.done { // not analysed first after all: do it here
		ts = a.s.an.text.Analyze(text)
	}
	if len(ts) < 2 {
		return nil
	}
	n := 0
	for _, t := range ts {
		n += len(t.Term) + 1
	}
	buf := make([]byte, 0, 3*n)
	out := make(analysis.TokenStream, 0, len(ts)-1)
	toks := make([]analysis.Token, 0, len(ts)-1)
	add := func(first, last int) {
		at := len(buf)
		for k := first; k <= last; k++ {
			if k > first {
				buf = append(buf, ' ')
			}
			buf = append(buf, ts[k].Term...)
		}
		toks = append(toks, analysis.Token{Term: buf[at:len(buf):len(buf)], Position: ts[first].Position,
			Start: ts[first].Start, End: ts[last].End, Type: analysis.Shingle})
	}
	for i := 1; i < len(ts); i++ {
		if a.s.an.paired(ts[i-1].Term, ts[i].Term) {
			add(i-1, i)
		}
		if i >= 2 && a.s.an.tripled(ts[i-2].Term, ts[i-1].Term, ts[i].Term) {
			add(i-2, i)
		}
	}
	for i := range toks {
		out = append(out, &toks[i])
	}
	return out
}

// pathKey is a short stable name for a path, used in unit IDs so that two
// copies of one file (same document IDs) do not overwrite each other.
func pathKey(path string) string {
	h := sha256.Sum256([]byte(path))
	return hex.EncodeToString(h[:6])
}

// findingID names the unit of a finding: path key, document ordinal,
// finding number.
func findingID(pk string, ord, num int) string { return fmt.Sprintf("%s/%d/f%d", pk, ord, num) }

// parseFindingID splits an ID made by findingID.
func parseFindingID(id string) (pk string, ord, num int, ok bool) {
	pk, rest, ok1 := strings.Cut(id, "/")
	o, n, ok2 := strings.Cut(rest, "/f")
	if !ok1 || !ok2 {
		return "", 0, 0, false
	}
	ord, err1 := strconv.Atoi(o)
	num, err2 := strconv.Atoi(n)
	return pk, ord, num, err1 == nil && err2 == nil
}

// units lists the bleve documents for rec.
func units(rec *Record, an *analyzers) []unit {
	if len(rec.Documents) == 0 {
		return nil
	}
	pk := pathKey(rec.Path)
	base := func(id string, ord int, d *extract.Document, kind string) *builder {
		b := &builder{an: an, doc: document.NewDocument(id)}
		date := docDate(d)
		b.keyword(fUnit, kind, optKeyword)
		b.keyword(fDocID, DocumentID(rec.SHA256, ord), optStore)
		b.keyword(fPath, rec.Path, optKeyword)
		b.number(fOrdinal, float64(ord), optStore)
		b.keyword(fTitle, d.Title, optStore)
		b.lower(fType, string(d.Type), optKeyword, nil)
		b.keyword(fDate, date, optStore)
		b.keyword(fAuthority, d.Authority.Name, optKeyword)
		b.lower(fAuthorityKey, d.Authority.Name, optIndex, nil)
		b.lower(fAuthorityCode, d.Authority.Code, optKeyword, nil)
		if len(date) >= 4 {
			b.keyword(fYear, date[:4], optIndex)
		}
		for i, t := range dayTerms(date) {
			b.doc.AddField(document.NewTextFieldCustom(fDay, []uint64{uint64(i)}, []byte(t), optIndex, nil))
		}
		if y, m, d, ok := dateParts(date); ok {
			b.keyword(fSortDay, fmt.Sprintf("%04d%02d%02d", y, m, d), index.IndexField|index.DocValues)
		}
		return b
	}
	var out []unit
	owner := pageOwners(rec)
	onPage := make([][]string, len(rec.Pages)) // finding texts by page index
	for i := range rec.Documents {
		for _, f := range rec.Documents[i].Findings {
			if f.Page >= 1 && f.Page <= len(rec.Pages) {
				onPage[f.Page-1] = append(onPage[f.Page-1], f.Text)
			}
		}
	}
	for p, text := range rec.Pages {
		ord := owner[p]
		if ord == 0 || strings.TrimSpace(text) == "" {
			continue
		}
		id := fmt.Sprintf("%s/%d/p%d", pk, ord, p+1)
		b := base(id, ord, &rec.Documents[ord-1], unitPage)
		b.text(blankFindings(text, onPage[p]))
		b.keyword(fShown, text, optStore)
		b.number(fPage, float64(p+1), optStore)
		out = append(out, unit{id: id, doc: b.doc, size: 2*len(text) + 256})
	}
	for i := range rec.Documents {
		d := &rec.Documents[i]
		for j := range d.Findings {
			f := &d.Findings[j]
			id := findingID(pk, i+1, j+1)
			b := base(id, i+1, d, unitFinding)
			b.text(f.Text)
			b.keyword(fShown, f.Text, optStore)
			b.number(fPage, float64(f.Page), optStore)
			b.number(fFinding, float64(j+1), optStore)
			b.lower(fKind, string(f.Kind), optKeyword, nil)
			b.lower(fDomain, string(f.Domain), optKeyword, nil)
			b.lower(fGrade, string(f.Grade), optKeyword, nil)
			for k, th := range f.Themes {
				b.lower(fThemes, th, optKeyword, []uint64{uint64(k)})
			}
			b.keyword(fRule, f.Rule, optStore)
			out = append(out, unit{id: id, doc: b.doc, size: 3*len(f.Text) + 256})
		}
	}
	return out
}

// blankFindings returns page with the text of each of finds that it holds
// replaced by spaces, byte for byte, so that offsets into the result are
// offsets into page. A finding's text is the page's with its line breaks
// and spacing made even, so it is looked for with white space ignored; a
// finding not found as such (joined across a page break, or made from a
// table row) leaves the page as it is: its words are then indexed twice,
// which costs a duplicate hit, never a lost one.
func blankFindings(page string, finds []string) string {
	if len(finds) == 0 {
		return page
	}
	compact := make([]byte, 0, len(page)) // page without white space
	at := make([]int, 0, len(page))       // where each byte of compact is in page
	for i := 0; i < len(page); i++ {
		if !isBlank(page[i]) {
			compact = append(compact, page[i])
			at = append(at, i)
		}
	}
	var out []byte
	from := 0 // findings come in page order: look after the last one first
	for _, f := range finds {
		key := make([]byte, 0, len(f))
		for i := 0; i < len(f); i++ {
			if !isBlank(f[i]) {
				key = append(key, f[i])
			}
		}
		if len(key) == 0 {
			continue
		}
		j := bytes.Index(compact[from:], key)
		if j >= 0 {
			j += from
		} else if j = bytes.Index(compact, key); j < 0 {
			continue
		}
		from = j + len(key)
		if out == nil {
			out = []byte(page)
		}
		for k := at[j]; k <= at[j+len(key)-1]; k++ {
			if !isBlank(out[k]) {
				out[k] = ' '
			}
		}
	}
	if out == nil {
		return page
	}
	return string(out)
}

func isBlank(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// pageOwners gives, for each page index, the 1-based ordinal of the
// innermost document holding it (0: none). A document with no page range
// holds every page; ties go to the lower ordinal.
func pageOwners(rec *Record) []int {
	owner := make([]int, len(rec.Pages))
	width := make([]int, len(rec.Pages))
	for i := range rec.Documents {
		d := &rec.Documents[i]
		lo, hi := d.PageStart, d.PageEnd
		if lo <= 0 {
			lo = 1
		}
		if hi <= 0 || hi > len(rec.Pages) {
			hi = len(rec.Pages)
		}
		if d.PageStart <= 0 && d.PageEnd <= 0 {
			lo, hi = 1, len(rec.Pages)
		}
		w := hi - lo
		for p := lo; p <= hi; p++ {
			if owner[p-1] == 0 || w < width[p-1] {
				owner[p-1] = i + 1
				width[p-1] = w
			}
		}
	}
	return owner
}

// dayTerms turns a date, YYYY-MM-DD (or YYYY-MM, YYYY), into the terms
// a date range is made of (see dateFilter): "y2019", "m201903",
// "d20190315", as far as the date goes. Keyword terms, not a number:
// bleve indexes a number as 16 terms (one per precision), which for a
// field every unit has was a quarter of all postings; and a range of days
// as one term per day made a search from 2019 look up some 2,500 terms in
// every segment.
func dayTerms(date string) []string {
	y, m, d, ok := dateParts(date)
	if !ok {
		return nil
	}
	out := []string{fmt.Sprintf("y%04d", y)}
	if m > 0 {
		out = append(out, fmt.Sprintf("m%04d%02d", y, m))
		if d > 0 {
			out = append(out, fmt.Sprintf("d%04d%02d%02d", y, m, d))
		}
	}
	return out
}

// dateParts reads YYYY-MM-DD, YYYY-MM or YYYY; missing parts are 0.
func dateParts(date string) (y, m, d int, ok bool) {
	n, _ := fmt.Sscanf(date, "%4d-%2d-%2d", &y, &m, &d)
	if n == 0 || y < 1000 || y > 9999 || m < 0 || m > 12 || d < 0 || d > 31 {
		return 0, 0, 0, false
	}
	return y, m, d, true
}
