package index

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
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
}

// ErrQuery is wrapped by errors in a Query's filters.
var ErrQuery = errors.New("bad query")

// ErrNotIndexed is returned by Search in a read-only index whose bleve
// index is missing or incomplete (a writer has to run first).
var ErrNotIndexed = errors.New("search index not built")

// Results is one page of hits plus counts over all of them.
type Results struct {
	Total  int
	Hits   []Hit
	Facets map[string][]Facet // by facet name: see FacetNames
}

// FacetNames are the keys of Results.Facets.
var FacetNames = []string{"authority", "year", "type", "kind", "grade", "domain", "theme"}

// Facet is one value of a facet and how many hits have it.
type Facet struct {
	Value string
	Count int
}

// Hit is a page or a finding that matched.
type Hit struct {
	DocumentID    string
	Path          string
	Title         string
	Authority     string
	AuthorityCode string
	Type          string
	Date          string // published, else visit end
	Page          int
	Unit          string // "page" or "finding"
	Kind          string // findings only
	Domain        string
	Grade         string
	Themes        []string
	Rule          string
	Score         float64
	Fragments     []Fragment
}

// Fragment is an excerpt of a hit's text; Matches are the byte ranges in
// Text that matched the query, in order and not overlapping.
type Fragment struct {
	Text    string
	Matches [][2]int
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
// matches.
//
// TODO: resolve names and alternative spellings to ONS codes with
// classify.LookupAuthority once package classify provides it; until then
// the filter matches the code or the name as given.
func authorityTerms(s string) (codes, names []string) {
	for _, v := range values(s) {
		codes = append(codes, v)
		names = append(names, v)
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

// filters returns the bleve queries for q's filters.
func filters(q *Query) ([]query.Query, error) {
	var out []query.Query
	if q.Authority != "" {
		codes, names := authorityTerms(q.Authority)
		out = append(out, query.NewDisjunctionQuery([]query.Query{anyTerm(fAuthorityCode, codes), anyTerm(fAuthorityKey, names)}))
	}
	lo, hi, err := dateBounds(q.From, q.To)
	if err != nil {
		return nil, err
	}
	if lo != "" || hi != "" {
		t := true
		r := query.NewTermRangeInclusiveQuery(lo, hi, &t, &t)
		if lo == "" {
			r = query.NewTermRangeInclusiveQuery("0", hi, &t, &t)
		}
		if hi == "" {
			r = query.NewTermRangeInclusiveQuery(lo, "9999-99-99", &t, &t)
		}
		r.SetField(fDate)
		out = append(out, r)
	}
	for _, f := range []struct{ field, val string }{
		{fType, q.Type}, {fKind, q.Kind}, {fGrade, q.Grade}, {fDomain, q.Domain}, {fThemes, q.Theme}, {fUnit, q.Unit},
	} {
		if vs := values(f.val); len(vs) > 0 {
			out = append(out, anyTerm(f.field, vs))
		}
	}
	return out, nil
}

// bleveQuery builds the whole query: text and filters.
func (ix *Index) bleveQuery(q *Query) (query.Query, error) {
	fs, err := filters(q)
	if err != nil {
		return nil, err
	}
	var text query.Query
	if strings.TrimSpace(q.Text) != "" {
		text = newCompiler(ix.mapping).compile(parse(q.Text))
		if text == nil {
			text = query.NewMatchNoneQuery()
		}
	}
	var must []query.Query
	if text != nil {
		must = append(must, text)
	}
	must = append(must, fs...)
	switch len(must) {
	case 0:
		return query.NewMatchAllQuery(), nil
	case 1:
		return must[0], nil
	}
	return query.NewConjunctionQuery(must), nil
}

var hitFields = []string{fUnit, fText, fDocID, fPath, fPage, fTitle, fType, fAuthority, fAuthorityCode, fDate, fKind, fDomain, fGrade, fThemes, fRule}

// Search runs q and returns its hits, best first, with facet counts over
// every hit.
func (ix *Index) Search(ctx context.Context, q Query) (*Results, error) {
	ix.mu.Lock()
	bl := ix.bl
	closed := ix.closed
	ix.mu.Unlock()
	if closed {
		return nil, fmt.Errorf("search %s: index is closed", ix.dir)
	}
	if bl == nil {
		return nil, fmt.Errorf("search %s: %w", ix.dir, ErrNotIndexed)
	}
	bq, err := ix.bleveQuery(&q)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	req := bleve.NewSearchRequestOptions(bq, limit, max(q.Offset, 0), false)
	req.Fields = hitFields
	req.IncludeLocations = strings.TrimSpace(q.Text) != ""
	req.AddFacet(fFacet, bleve.NewFacetRequest(fFacet, 5000))
	res, err := bl.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search %q in %s: %w", q.Text, ix.dir, err)
	}
	out := &Results{Total: int(res.Total), Facets: map[string][]Facet{}}
	if fr := res.Facets[fFacet]; fr != nil {
		for _, t := range fr.Terms.Terms() {
			name, val, ok := strings.Cut(t.Term, ":")
			if ok {
				out.Facets[name] = append(out.Facets[name], Facet{Value: val, Count: t.Count})
			}
		}
	}
	for name, fs := range out.Facets {
		if name == "year" {
			sort.Slice(fs, func(i, j int) bool { return fs[i].Value > fs[j].Value })
		} else {
			sort.Slice(fs, func(i, j int) bool {
				return fs[i].Count > fs[j].Count || fs[i].Count == fs[j].Count && fs[i].Value < fs[j].Value
			})
		}
	}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, makeHit(h))
	}
	return out, nil
}

func makeHit(h *search.DocumentMatch) Hit {
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
	var spans [][2]int
	for _, f := range []string{fText, fExact} {
		for _, locs := range h.Locations[f] {
			for _, l := range locs {
				spans = append(spans, [2]int{int(l.Start), int(l.End)})
			}
		}
	}
	hit.Fragments = fragments(str(fText), spans, hit.Unit == unitFinding)
	return hit
}
