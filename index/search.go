package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
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
		// dateBounds gives valid dates, so dayNumber cannot fail; an
		// open end is open in the numeric range too.
		var min, max *float64
		if n, ok := dayNumber(lo); ok {
			min = &n
		}
		if n, ok := dayNumber(hi); ok {
			max = &n
		}
		t := true
		r := query.NewNumericRangeInclusiveQuery(min, max, &t, &t)
		r.SetField(fDay)
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

// bleveQuery builds the whole query, and the part of it that is text
// (nil for none).
func (ix *Index) bleveQuery(q *Query) (all, text query.Query, err error) {
	fs, err := filters(q)
	if err != nil {
		return nil, nil, err
	}
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
		return query.NewMatchAllQuery(), text, nil
	case 1:
		return must[0], text, nil
	}
	return query.NewConjunctionQuery(must), text, nil
}

var hitFields = []string{fUnit, fShown, fDocID, fPath, fPage, fTitle, fType, fAuthority, fAuthorityCode, fDate, fKind, fDomain, fGrade, fThemes, fRule}

// Search runs q and returns its hits, best first, with facet counts over
// every hit.
func (ix *Index) Search(ctx context.Context, q Query) (*Results, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	bl := ix.bl
	if ix.closed {
		return nil, fmt.Errorf("search %s: index is closed", ix.dir)
	}
	if bl == nil {
		return nil, fmt.Errorf("search %s: %w", ix.dir, ErrNotIndexed)
	}
	bq, text, err := ix.bleveQuery(&q)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	req := bleve.NewSearchRequestOptions(bq, limit, max(q.Offset, 0), false)
	req.Fields = hitFields
	// Best first. Equal scores keep the order in which bleve meets the
	// units (its hit number), which is stable for a given index: paging
	// with Offset sees every hit once. Sorting ties by "_id" instead
	// would load the ID of every hit, a sixth of the cost of a search
	// with many hits.
	switch q.Sort {
	case SortNewest:
		req.SortBy([]string{"-" + fDay, "-_score"})
	case SortOldest:
		req.SortBy([]string{fDay, "-_score"})
	case "":
		req.SortBy([]string{"-_score"})
	default:
		return nil, fmt.Errorf("search %q: %w: sort %q: want %s or %s", q.Text, ErrQuery, q.Sort, SortNewest, SortOldest)
	}
	var facets map[string][]Facet
	if q.everything() {
		facets, _ = ix.cachedFacets()
	}
	if facets == nil {
		req.AddFacet(fFacet, bleve.NewFacetRequest(fFacet, math.MaxInt32))
	}
	res, err := bl.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search %q in %s: %w", q.Text, ix.dir, err)
	}
	if facets == nil {
		facets = facetCounts(res.Facets[fFacet])
	}
	out := &Results{Total: int(res.Total), Facets: facets}
	locs, err := locations(ctx, bl, text, res.Hits)
	if err != nil {
		return nil, fmt.Errorf("search %q in %s: %w", q.Text, ix.dir, err)
	}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, makeHit(h, locs[h.ID]))
	}
	return out, nil
}

// everything reports whether q matches every unit.
func (q *Query) everything() bool {
	return strings.TrimSpace(q.Text+q.Authority+q.From+q.To+q.Type+q.Kind+q.Grade+q.Domain+q.Theme+q.Unit) == ""
}

// The facets of everything are the costliest to count (every unit is a
// hit) and the most often asked for (browsing), so the writer counts them
// after each flush and keeps them in the bleve index, tagged with the
// generation of the last batch: a batch applied since (say, before a
// crash) makes the cache stale, and it is then ignored.
type facetCache struct {
	Gen    string             `json:"gen"`
	Facets map[string][]Facet `json:"facets"`
}

// cachedFacets returns the facets of everything if the cache is current.
// The caller holds ix.mu.
func (ix *Index) cachedFacets() (map[string][]Facet, bool) {
	gen, err := ix.bl.GetInternal(keyGen)
	if err != nil {
		return nil, false
	}
	b, err := ix.bl.GetInternal(keyFacets)
	if err != nil || b == nil {
		return nil, false
	}
	var c facetCache
	if json.Unmarshal(b, &c) != nil || c.Gen != string(gen) || c.Facets == nil {
		return nil, false
	}
	return c.Facets, true
}

// cacheFacets counts the facets of everything and caches them, if batches
// were applied since the last time. The caller holds ix.mu for writing.
func (ix *Index) cacheFacets() error {
	if !ix.dirty {
		return nil
	}
	gen, err := ix.bl.GetInternal(keyGen)
	if err != nil {
		return fmt.Errorf("count facets in %s: %w", ix.dir, err)
	}
	req := bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), 0, 0, false)
	req.AddFacet(fFacet, bleve.NewFacetRequest(fFacet, math.MaxInt32))
	res, err := ix.bl.Search(req)
	if err != nil {
		return fmt.Errorf("count facets in %s: %w", ix.dir, err)
	}
	b, err := json.Marshal(facetCache{Gen: string(gen), Facets: facetCounts(res.Facets[fFacet])})
	if err != nil {
		return fmt.Errorf("count facets in %s: %w", ix.dir, err)
	}
	if err := ix.bl.SetInternal(keyFacets, b); err != nil {
		return fmt.Errorf("count facets in %s: %w", ix.dir, err)
	}
	ix.dirty = false
	return nil
}

// locations finds where the text query matched in each of hits. Asking
// for locations in the main search would decode them for every matching
// unit; here they are decoded for the page of hits only.
func locations(ctx context.Context, bl bleve.Index, text query.Query, hits search.DocumentMatchCollection) (map[string]search.FieldTermLocationMap, error) {
	if text == nil || len(hits) == 0 {
		return nil, nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	q := query.NewConjunctionQuery([]query.Query{query.NewDocIDQuery(ids), text})
	req := bleve.NewSearchRequestOptions(q, len(ids), 0, false)
	req.IncludeLocations = true
	res, err := bl.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out := make(map[string]search.FieldTermLocationMap, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = h.Locations
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
