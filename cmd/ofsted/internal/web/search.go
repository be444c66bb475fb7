package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/index"
)

// facetsShown is how many values of a facet show before "more".
const facetsShown = 8

// segment is a run of a fragment's text, marked when it matched.
type segment struct {
	Text string
	Mark bool
}

// segments splits a fragment at its matches.
func segments(f index.Fragment) []segment {
	var out []segment
	last := 0
	for _, m := range f.Matches {
		if m[0] < last || m[1] > len(f.Text) || m[0] > m[1] {
			continue // a range outside the text: show the text unmarked
		}
		if m[0] > last {
			out = append(out, segment{Text: f.Text[last:m[0]]})
		}
		out = append(out, segment{Text: f.Text[m[0]:m[1]], Mark: true})
		last = m[1]
	}
	if last < len(f.Text) {
		out = append(out, segment{Text: f.Text[last:]})
	}
	return out
}

// hitView is a hit as the page shows it.
type hitView struct {
	index.Hit
	Rank         int
	DocURL       string
	AuthorityURL string
	SourceURL    string
	Snippets     [][]segment
}

func viewHit(h index.Hit, rank int) hitView {
	v := hitView{Hit: h, Rank: rank, DocURL: "/doc/" + url.PathEscape(h.DocumentID)}
	if h.AuthorityCode != "" {
		v.AuthorityURL = "/authority/" + url.PathEscape(h.AuthorityCode)
	}
	v.SourceURL = sourceURL(h.DocumentID, h.Page)
	for _, f := range h.Fragments {
		v.Snippets = append(v.Snippets, segments(f))
	}
	return v
}

// sourceURL opens a document's source file at a page (PDF viewers follow
// #page=N).
func sourceURL(id string, page int) string {
	u := "/source/" + url.PathEscape(id)
	if page > 0 {
		u += "#page=" + strconv.Itoa(page)
	}
	return u
}

// facetValue is one value of a facet, as a link that narrows the search.
type facetValue struct {
	Label  string
	Count  int
	URL    string
	Active bool
}

// facetView is a facet: its first values, and the rest under "more".
type facetView struct {
	Name   string
	Label  string
	Values []facetValue
	More   []facetValue
}

// activeFilter is a filter in force, with the link that removes it.
type activeFilter struct {
	Label     string
	RemoveURL string
}

// option is an entry of a select.
type option struct {
	Value, Label string
	Selected     bool
}

// searchData is the search page's data.
type searchData struct {
	Query     string
	Filters   map[string]string // for hidden form fields
	Sort      string
	Sorts     []option
	Error     string
	Searched  bool
	Total     int
	First     int
	Last      int
	Hits      []hitView
	Facets    []facetView
	Active    []activeFilter
	Page      int
	Pages     int
	PrevURL   string
	NextURL   string
	Findings  int
	CSVURL    string
	XLSXURL   string
	ClearURL  string
	Permalink string
}

func (searchData) Title() string { return "Search" }

// facetFilter maps a facet to the filter its values set.
var facetFilter = map[string]string{"authority": "authority", "type": "type", "kind": "kind", "grade": "grade",
	"domain": "domain", "theme": "theme"}

var facetLabels = map[string]string{"authority": "Authority", "year": "Year", "type": "Document type",
	"kind": "Finding", "grade": "Grade", "domain": "Domain", "theme": "Theme"}

// sameAuthority reports whether a filter value and a facet value name the
// same authority.
func sameAuthority(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	x, ok1 := classify.LookupAuthority(a)
	y, ok2 := classify.LookupAuthority(b)
	return ok1 && ok2 && x.Code == y.Code
}

func facetViews(p params, facets map[string][]index.Facet) []facetView {
	var out []facetView
	for _, name := range index.FacetNames() {
		vals := facets[name]
		if len(vals) == 0 {
			continue
		}
		fv := facetView{Name: name, Label: facetLabels[name]}
		if fv.Label == "" {
			fv.Label = label(name)
		}
		for i, f := range vals {
			v := facetValue{Count: f.Count, Label: label(f.Value)}
			switch name {
			case "year":
				v.Label = f.Value
				v.Active = p.year() == f.Value
				v.URL = p.withYear(f.Value)
				if v.Active {
					v.URL = p.withoutYear()
				}
			case "authority":
				v.Label = f.Value
				v.Active = p.filters["authority"] != "" && sameAuthority(p.filters["authority"], f.Value)
				v.URL = p.with("authority", f.Value)
				if v.Active {
					v.URL = p.with("authority", "")
				}
			default:
				key := facetFilter[name]
				v.Active = strings.EqualFold(p.filters[key], f.Value)
				v.URL = p.with(key, f.Value)
				if v.Active {
					v.URL = p.with(key, "")
				}
			}
			if i < facetsShown || v.Active {
				fv.Values = append(fv.Values, v)
			} else {
				fv.More = append(fv.More, v)
			}
		}
		out = append(out, fv)
	}
	return out
}

// withoutYear is the URL of p without its date filters.
func (p params) withoutYear() string {
	c := p.clone()
	c.page = 1
	delete(c.filters, "from")
	delete(c.filters, "to")
	return c.url()
}

func activeFilters(p params) []activeFilter {
	var out []activeFilter
	if y := p.year(); y != "" {
		out = append(out, activeFilter{Label: "year: " + y, RemoveURL: p.withoutYear()})
	}
	for _, k := range filterKeys {
		v := p.filters[k]
		if v == "" || (p.year() != "" && (k == "from" || k == "to")) {
			continue
		}
		l := k + ": " + label(v)
		if k == "authority" {
			if a, ok := classify.LookupAuthority(v); ok {
				l = "authority: " + a.Name
			}
		}
		if k == "from" || k == "to" {
			l = k + ": " + v
		}
		out = append(out, activeFilter{Label: l, RemoveURL: p.with(k, "")})
	}
	return out
}

func sortOptions(current string) []option {
	return []option{
		{Value: "", Label: "Best match", Selected: current == ""},
		{Value: index.SortNewest, Label: "Newest first", Selected: current == index.SortNewest},
		{Value: index.SortOldest, Label: "Oldest first", Selected: current == index.SortOldest},
	}
}

// searchPage is the home page: the query box, facets, hits.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	p, q, err := parseParams(r.URL.Query())
	data := searchData{Query: p.q, Filters: p.filters, Sort: p.sort, Sorts: sortOptions(p.sort), ClearURL: "/"}
	if err != nil {
		status, msg := s.status(r, err)
		if status != http.StatusBadRequest {
			return err
		}
		data.Error = msg
		s.render(w, r, "search", status, data)
		return nil
	}
	q.Limit, q.Offset = perPage, (p.page-1)*perPage
	res, err := s.search(r, q)
	if err != nil {
		return err
	}
	data.Searched = true
	data.Total = res.Total
	data.Permalink = p.url()
	for i, h := range res.Hits {
		data.Hits = append(data.Hits, viewHit(h, q.Offset+i+1))
	}
	if len(res.Hits) > 0 {
		data.First, data.Last = q.Offset+1, q.Offset+len(res.Hits)
	}
	data.Facets = facetViews(p, res.Facets)
	data.Active = activeFilters(p)
	for _, k := range res.Facets["kind"] {
		data.Findings += k.Count
	}
	data.Page = p.page
	data.Pages = (res.Total + perPage - 1) / perPage
	if p.page > 1 {
		data.PrevURL = p.withPage(p.page - 1)
	}
	if p.page < data.Pages {
		data.NextURL = p.withPage(p.page + 1)
	}
	data.CSVURL, data.XLSXURL = p.download("csv"), p.download("xlsx")
	if p.page > 1 && len(res.Hits) == 0 && res.Total > 0 {
		return notFound("page %d: there are %d pages of hits", p.page, data.Pages)
	}
	s.render(w, r, "search", http.StatusOK, data)
	return nil
}

// apiSearch is the search page as JSON: hits (limit, offset) and facets.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	_, q, err := parseParams(v)
	if err != nil {
		return err
	}
	if q.Limit, err = intParam(v, "limit", 20); err != nil {
		return err
	}
	if q.Offset, err = intParam(v, "offset", 0); err != nil {
		return err
	}
	if q.Limit < 1 || q.Limit > maxLimit {
		return badRequest("limit %d: want 1 to %d", q.Limit, maxLimit)
	}
	res, err := s.search(r, q)
	if err != nil {
		return err
	}
	if res.Hits == nil {
		res.Hits = []index.Hit{}
	}
	writeJSON(w, http.StatusOK, struct {
		Query  map[string]string `json:"query"`
		Limit  int               `json:"limit"`
		Offset int               `json:"offset"`
		*index.Results
	}{queryJSON(q), q.Limit, q.Offset, res})
	return nil
}

// search runs q on the store.
func (s *Server) search(r *http.Request, q index.Query) (*index.Results, error) {
	var res *index.Results
	err := s.store.Read(func(ix *index.Group) error {
		var err error
		res, err = ix.Search(r.Context(), q)
		return err
	})
	return res, err
}

// queryJSON echoes a query in an API answer, in the URL's own terms.
func queryJSON(q index.Query) map[string]string {
	out := map[string]string{}
	for k, v := range map[string]string{"q": q.Text, "authority": q.Authority, "from": q.From, "to": q.To,
		"type": q.Type, "kind": q.Kind, "grade": q.Grade, "domain": q.Domain, "theme": q.Theme, "unit": q.Unit, "sort": q.Sort} {
		if v != "" {
			out[k] = v
		}
	}
	return out
}

// intParam reads a non-negative integer parameter.
func intParam(v url.Values, key string, def int) (int, error) {
	s := v.Get(key)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, badRequest("%s %q: want a whole number", key, s)
	}
	return n, nil
}
