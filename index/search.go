package index

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/ofsted/ofsted/classify"
)

// Query is a search: a query string (see the package documentation for
// its language; empty matches everything) and filters. Filters with a
// comma-separated list match any of its values. Kind, Domain, Grade and
// Theme only hold for findings, so setting one restricts a search to
// findings.
type Query struct {
	Text      string
	Authority string // name or ONS code, case-insensitive
	From, To  string // inclusive; "2019", "2019-03" or "2019-03-01"
	Type      string // extract.Type values
	Kind      string // extract.Kind values
	Grade     string
	Domain    string
	Theme     string
	Unit      string // "page", "finding" or "" for both
	Limit     int    // hits to return; 0 means 20
	Offset    int
	Dedupe    bool   // exports: skip documents marked SameAs a document that is exported too
	Sort      string // Search order: "" (best first), SortNewest or SortOldest
}

// Search orders other than best first. Units without a date come last
// either way, and equal dates keep the best first.
const (
	SortNewest = "newest"
	SortOldest = "oldest"
)

// ErrQuery is wrapped by errors in a Query's filters.
var ErrQuery = errors.New("bad query")

// ErrNotIndexed is returned by Search in a read-only index whose bleve
// index is missing or incomplete (a writer has to run first).
var ErrNotIndexed = errors.New("search index not built")

// Results is one page of hits plus counts over all of them.
type Results struct {
	Total  int                `json:"total"`
	Hits   []Hit              `json:"hits"`
	Facets map[string][]Facet `json:"facets"` // by facet name: see FacetNames
}

// FacetNames returns the keys of Results.Facets, in the order they are
// best shown, in a new slice.
func FacetNames() []string {
	out := make([]string, len(facetFields))
	for i, f := range facetFields {
		out[i] = f[0]
	}
	return out
}

// Facet is one value of a facet and how many hits have it.
type Facet struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Hit is a page or a finding that matched.
type Hit struct {
	DocumentID    string     `json:"document_id"`
	Path          string     `json:"path"`
	Title         string     `json:"title"`
	Authority     string     `json:"authority"`
	AuthorityCode string     `json:"authority_code"`
	Type          string     `json:"type"`
	Date          string     `json:"date"` // published, else visit end
	Page          int        `json:"page"`
	Unit          string     `json:"unit"` // "page" or "finding"
	Kind          string     `json:"kind"` // findings only
	Domain        string     `json:"domain"`
	Grade         string     `json:"grade"`
	Themes        []string   `json:"themes"`
	Rule          string     `json:"rule"`
	Score         float64    `json:"score"`
	Fragments     []Fragment `json:"fragments"`
}

// Fragment is an excerpt of a hit's text; Matches are the byte ranges in
// Text that matched the query, in order and not overlapping.
type Fragment struct {
	Text    string   `json:"text"`
	Matches [][2]int `json:"matches"`
}

// Mark returns the fragment with each match wrapped in open and close
// (for example "\x1b[1m" and "\x1b[0m" on a terminal, or "[[" and "]]").
func (f Fragment) Mark(open, close string) string {
	var b strings.Builder
	last := 0
	for _, m := range f.Matches {
		b.WriteString(f.Text[last:m[0]])
		b.WriteString(open)
		b.WriteString(f.Text[m[0]:m[1]])
		b.WriteString(close)
		last = m[1]
	}
	b.WriteString(f.Text[last:])
	return b.String()
}

var (
	reYear  = regexp.MustCompile(`^\d{4}$`)
	reMonth = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)
	reDay   = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$`)
)

// dateBounds turns From/To into inclusive bounds on YYYY-MM-DD strings
// ("" when open).
func dateBounds(from, to string) (lo, hi string, err error) {
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	switch {
	case from == "":
	case reYear.MatchString(from):
		lo = from + "-01-01"
	case reMonth.MatchString(from):
		lo = from + "-01"
	case reDay.MatchString(from):
		lo = from
	default:
		return "", "", fmt.Errorf("%w: from %q: want YYYY, YYYY-MM or YYYY-MM-DD", ErrQuery, from)
	}
	switch {
	case to == "":
	case reYear.MatchString(to):
		hi = to + "-12-31"
	case reMonth.MatchString(to):
		hi = to + "-31" // string comparison: fine for every month
	case reDay.MatchString(to):
		hi = to
	default:
		return "", "", fmt.Errorf("%w: to %q: want YYYY, YYYY-MM or YYYY-MM-DD", ErrQuery, to)
	}
	if lo != "" && hi != "" && lo > hi {
		return "", "", fmt.Errorf("%w: from %s is after to %s", ErrQuery, from, to)
	}
	return lo, hi, nil
}

// dateFilter matches the units dated from lo to hi (YYYY-MM-DD, inclusive;
// "" is open): whole years as a range of year terms, the months of a year
// cut short as month terms, the days of a month cut short as day terms
// (see dayTerms), so that any range is a few dozen terms at most.
func dateFilter(lo, hi string) query.Query {
	terms, y1, y2 := dateTerms(lo, hi)
	var qs []query.Query
	for _, t := range terms {
		q := query.NewTermQuery(t)
		q.SetField(fDay)
		qs = append(qs, q)
	}
	if y1 <= y2 {
		t := true
		q := query.NewTermRangeInclusiveQuery(fmt.Sprintf("y%04d", y1), fmt.Sprintf("y%04d", y2), &t, &t)
		q.SetField(fDay)
		qs = append(qs, q)
	}
	switch len(qs) {
	case 0:
		return query.NewMatchNoneQuery()
	case 1:
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

// dateTerms splits the range from lo to hi into month and day terms and
// the whole years y1 to y2 (none when y1 > y2; 0 and 9999 stand for open
// ends).
func dateTerms(lo, hi string) (terms []string, y1, y2 int) {
	// months m1..m2 of year y, the first from day d1, the last to d2.
	months := func(y, m1, d1, m2, d2 int) {
		for m := m1; m <= m2; m++ {
			from, to := 1, 31
			if m == m1 {
				from = d1
			}
			if m == m2 {
				to = d2
			}
			if from <= 1 && to >= 31 {
				terms = append(terms, fmt.Sprintf("m%04d%02d", y, m))
				continue
			}
			for d := from; d <= to; d++ {
				terms = append(terms, fmt.Sprintf("d%04d%02d%02d", y, m, d))
			}
		}
	}
	ly, lm, ld, _ := dateParts(lo)
	hy, hm, hd, _ := dateParts(hi)
	if lo == "" {
		ly, lm, ld = 0, 1, 1
	}
	if hi == "" {
		hy, hm, hd = 9999, 12, 31
	}
	fromJan1 := lm <= 1 && ld <= 1
	toDec31 := hm >= 12 && hd >= 31
	if ly == hy && !(fromJan1 && toDec31) {
		months(ly, max(lm, 1), max(ld, 1), hm, hd)
		return terms, 1, 0
	}
	y1, y2 = ly, hy
	if !fromJan1 {
		months(ly, lm, ld, 12, 31)
		y1++
	}
	if !toDec31 {
		months(hy, 1, 1, hm, hd)
		y2--
	}
	return terms, y1, y2
}

// values splits a comma-separated filter into lower-cased values.
func values(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.ToLower(strings.TrimSpace(v)); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// authorityTerms gives the lower-cased codes and names an Authority filter
// matches: each comma-separated value as given, and, when the gazetteer
// knows it (by name, alias, or current or former code), the authority's
// current code and name.
func authorityTerms(s string) (codes, names []string) {
	for _, v := range strings.Split(s, ",") {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		codes = append(codes, strings.ToLower(v))
		names = append(names, strings.ToLower(v))
		if a, ok := classify.LookupAuthority(v); ok {
			codes = append(codes, strings.ToLower(a.Code))
			names = append(names, strings.ToLower(a.Name))
		}
	}
	return codes, names
}

func anyTerm(field string, vals []string) query.Query {
	var qs []query.Query
	for _, v := range vals {
		t := query.NewTermQuery(v)
		t.SetField(field)
		qs = append(qs, t)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

// filters returns the bleve queries for q's term filters, and for its
// date range (nil when open).
func filters(q *Query) (terms []query.Query, date query.Query, err error) {
	if q.Authority != "" {
		codes, names := authorityTerms(q.Authority)
		terms = append(terms, query.NewDisjunctionQuery([]query.Query{anyTerm(fAuthorityCode, codes), anyTerm(fAuthorityKey, names)}))
	}
	lo, hi, err := dateBounds(q.From, q.To)
	if err != nil {
		return nil, nil, err
	}
	if lo != "" || hi != "" {
		date = dateFilter(lo, hi)
	}
	for _, f := range []struct{ field, val string }{
		{fType, q.Type}, {fKind, q.Kind}, {fGrade, q.Grade}, {fDomain, q.Domain}, {fThemes, q.Theme}, {fUnit, q.Unit},
	} {
		if vs := values(f.val); len(vs) > 0 {
			terms = append(terms, anyTerm(f.field, vs))
		}
	}
	return terms, date, nil
}

// bleveQuery builds the whole query, and the part of it that matches text
// with phrases as positions in "text" (nil for none), which finds where
// the words are.
//
// The term filters are part of the conjunction (bleve leaps through the
// shortest postings first); they add the same score to every hit, so they
// do not change the order. The date range is a non-scoring filter: its
// searcher is built from the day terms the index holds, which differ
// between indexes, and would make a unit's score depend on the index that
// holds it (see stats.go); unscored, bleve unites the day terms' postings
// as bitmaps instead of walking hundreds of them in step.
func (v *view) bleveQuery(ctx context.Context, q *Query) (all, text query.Query, err error) {
	terms, date, err := filters(q)
	if err != nil {
		return nil, nil, err
	}
	var must []query.Query
	if strings.TrimSpace(q.Text) != "" {
		n := parse(q.Text)
		c := newCompiler(v.an, v.prefixTerms(ctx))
		t := c.compile(n)
		if t == nil {
			t = query.NewMatchNoneQuery()
		}
		must = append(must, t)
		c.positions = true
		if text = c.compile(n); text == nil {
			text = query.NewMatchNoneQuery()
		}
		if c.err != nil {
			return nil, nil, c.err
		}
	}
	must = append(must, terms...)
	switch len(must) {
	case 0:
		all = query.NewMatchAllQuery()
	case 1:
		all = must[0]
	default:
		all = query.NewConjunctionQuery(must)
	}
	if date != nil {
		b := query.NewBooleanQuery([]query.Query{all}, nil, nil)
		b.AddFilter(date)
		all = b
	}
	return all, text, nil
}

var hitFields = []string{fUnit, fShown, fDocID, fPath, fPage, fTitle, fType, fAuthority, fAuthorityCode, fDate, fKind, fDomain, fGrade, fThemes, fRule}

// Search runs q and returns its hits, best first, with facet counts over
// every hit.
func (ix *Index) Search(ctx context.Context, q Query) (*Results, error) {
	v, err := readView([]*Index{ix}, "search")
	if err != nil {
		return nil, err
	}
	defer v.release()
	return v.search(ctx, q)
}

// search runs q over the view's indexes as over one. Hits are ordered by
// score, then by tieKey; facets count every hit (see collect.go).
func (v *view) search(ctx context.Context, q Query) (*Results, error) {
	if err := v.indexed(); err != nil {
		return nil, fmt.Errorf("search %s: %w", v.name, err)
	}
	bq, text, err := v.bleveQuery(ctx, &q)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	offset := max(q.Offset, 0)
	var order search.SortOrder
	switch q.Sort {
	case "":
		order = search.SortOrder{&search.SortScore{Desc: true}}
	case SortNewest, SortOldest:
		// Undated units last either way; equal dates keep the best
		// first.
		order = search.SortOrder{
			&search.SortField{Field: fSortDay, Desc: q.Sort == SortNewest, Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast},
			&search.SortScore{Desc: true},
		}
	default:
		return nil, fmt.Errorf("search %q: %w: sort %q: want %s or %s", q.Text, ErrQuery, q.Sort, SortNewest, SortOldest)
	}
	target, bq, done, err := v.target(bq)
	if err != nil {
		return nil, fmt.Errorf("search %q in %s: %w", q.Text, v.name, err)
	}
	defer done()
	// The hits' fields are loaded afterwards, for the page only: over an
	// alias, each index would load them for its offset+limit best.
	req := bleve.NewSearchRequestOptions(bq, limit, offset, false)
	req.SortByCustom(order)
	coll := newCollection(limit+offset, &v.ixs[0].facets)
	coll.byScore = q.Sort == ""
	defer coll.done()
	cctx := context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, search.MakeDocumentMatchHandler(coll.handler))
	res, err := target.SearchInContext(cctx, req)
	if err == nil {
		err = statusError(res)
	}
	if err != nil {
		return nil, fmt.Errorf("search %q in %s: %w", q.Text, v.name, err)
	}
	out := &Results{Total: int(res.Total), Facets: facetList(coll.counts)}
	details, err := hitDetails(ctx, target, text, res.Hits)
	if err != nil {
		return nil, fmt.Errorf("search %q in %s: %w", q.Text, v.name, err)
	}
	for _, h := range res.Hits {
		d := details[h.ID]
		if d == nil {
			return nil, fmt.Errorf("search %q in %s: hit %s vanished", q.Text, v.name, h.ID)
		}
		d.Score = h.Score
		out.Hits = append(out.Hits, makeHit(d, d.Locations))
	}
	return out, nil
}

// statusError reports the failure of any index an alias searched: bleve
// returns the other indexes' hits with no error.
func statusError(res *bleve.SearchResult) error {
	if res == nil || res.Status == nil || res.Status.Failed == 0 {
		return nil
	}
	var errs []error
	for name, err := range res.Status.Errors {
		errs = append(errs, fmt.Errorf("%s: %w", name, err))
	}
	if len(errs) == 0 {
		return fmt.Errorf("%d of %d indexes failed", res.Status.Failed, res.Status.Total)
	}
	return errors.Join(errs...)
}

// hitDetails loads the stored fields of hits and finds where the text
// query (nil for none) matched in each. Asking for locations in the main
// search would decode them for every matching unit, and fields would be
// loaded for more than the page; here both are done for the page of hits
// only.
func hitDetails(ctx context.Context, bl bleve.Index, text query.Query, hits search.DocumentMatchCollection) (map[string]*search.DocumentMatch, error) {
	if len(hits) == 0 {
		return nil, nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	var q query.Query = query.NewDocIDQuery(ids)
	if text != nil {
		q = query.NewConjunctionQuery([]query.Query{q, text})
	}
	req := bleve.NewSearchRequestOptions(q, len(ids), 0, false)
	req.Fields = hitFields
	req.IncludeLocations = text != nil
	res, err := bl.SearchInContext(ctx, req)
	if err == nil {
		err = statusError(res)
	}
	if err != nil {
		return nil, err
	}
	out := make(map[string]*search.DocumentMatch, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = h
	}
	return out, nil
}

func makeHit(h *search.DocumentMatch, locs search.FieldTermLocationMap) Hit {
	str := func(f string) string {
		s, _ := h.Fields[f].(string)
		return s
	}
	num := func(f string) int {
		n, _ := h.Fields[f].(float64)
		return int(n)
	}
	hit := Hit{
		DocumentID:    str(fDocID),
		Path:          str(fPath),
		Title:         str(fTitle),
		Authority:     str(fAuthority),
		AuthorityCode: str(fAuthorityCode),
		Type:          str(fType),
		Date:          str(fDate),
		Page:          num(fPage),
		Unit:          str(fUnit),
		Kind:          str(fKind),
		Domain:        str(fDomain),
		Grade:         str(fGrade),
		Rule:          str(fRule),
		Score:         h.Score,
	}
	switch v := h.Fields[fThemes].(type) {
	case string:
		hit.Themes = []string{v}
	case []any:
		for _, x := range v {
			if s, ok := x.(string); ok {
				hit.Themes = append(hit.Themes, s)
			}
		}
	}
	// The indexed text of a page is the shown text with its findings
	// blanked, byte for byte: its offsets are offsets into the shown text.
	var spans [][2]int
	for _, ls := range locs[fText] {
		for _, l := range ls {
			spans = append(spans, [2]int{int(l.Start), int(l.End)})
		}
	}
	hit.Fragments = fragments(str(fShown), spans, hit.Unit == unitFinding)
	return hit
}
