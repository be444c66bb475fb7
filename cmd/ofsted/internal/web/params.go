package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/ofsted/ofsted/index"
)

// perPage is the number of hits on a page of the search page.
const perPage = 20

// maxLimit bounds the hits one API search returns.
const maxLimit = 1000

// filterKeys are the URL parameters that filter findings, in the order
// they are shown; each is also an index.Query field.
var filterKeys = []string{"authority", "from", "to", "type", "kind", "grade", "domain", "theme", "unit"}

// params is the state of a search as its URL holds it: the query text,
// the filters, the order and the page.
type params struct {
	q       string
	filters map[string]string
	sort    string
	page    int // 1-based
}

// parseParams reads a search from URL values and checks it.
func parseParams(v url.Values) (params, index.Query, error) {
	p := params{q: strings.TrimSpace(v.Get("q")), filters: map[string]string{}, sort: v.Get("sort"), page: 1}
	for _, k := range filterKeys {
		if s := strings.TrimSpace(v.Get(k)); s != "" {
			p.filters[k] = s
		}
	}
	if s := v.Get("page"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return p, index.Query{}, badRequest("page %q: want a number from 1", s)
		}
		p.page = n
	}
	if p.sort == "relevance" {
		p.sort = ""
	}
	q := p.query()
	if err := q.Check(); err != nil {
		return p, q, err
	}
	return p, q, nil
}

// query is the index query of p, without limit and offset.
func (p params) query() index.Query {
	f := p.filters
	return index.Query{Text: p.q, Authority: f["authority"], From: f["from"], To: f["to"], Type: f["type"],
		Kind: f["kind"], Grade: f["grade"], Domain: f["domain"], Theme: f["theme"], Unit: f["unit"], Sort: p.sort}
}

// values encodes p for a URL, leaving out what is empty or default.
func (p params) values() url.Values {
	v := url.Values{}
	if p.q != "" {
		v.Set("q", p.q)
	}
	for _, k := range filterKeys {
		if s := p.filters[k]; s != "" {
			v.Set(k, s)
		}
	}
	if p.sort != "" {
		v.Set("sort", p.sort)
	}
	if p.page > 1 {
		v.Set("page", strconv.Itoa(p.page))
	}
	return v
}

// clone copies p, so that a link can change it.
func (p params) clone() params {
	c := p
	c.filters = make(map[string]string, len(p.filters))
	for k, v := range p.filters {
		c.filters[k] = v
	}
	return c
}

// url is the search page's URL for p.
func (p params) url() string {
	if e := p.values().Encode(); e != "" {
		return "/?" + e
	}
	return "/"
}

// with returns the URL of p with filter key set to v ("" removes it), on
// the first page: a new filter changes the hits.
func (p params) with(key, v string) string {
	c := p.clone()
	c.page = 1
	if v == "" {
		delete(c.filters, key)
	} else {
		c.filters[key] = v
	}
	return c.url()
}

// withYear narrows p to one year (the year facet).
func (p params) withYear(y string) string {
	c := p.clone()
	c.page = 1
	c.filters["from"], c.filters["to"] = y, y
	return c.url()
}

// withPage is the URL of another page of the same hits.
func (p params) withPage(n int) string {
	c := p.clone()
	c.page = n
	return c.url()
}

// download is the URL of the export of p's findings in format.
func (p params) download(format string) string {
	v := url.Values{}
	if p.q != "" {
		v.Set("q", p.q)
	}
	for _, k := range filterKeys {
		if s := p.filters[k]; s != "" && k != "unit" {
			v.Set(k, s)
		}
	}
	v.Set("format", format)
	return "/api/export?" + v.Encode()
}

// year reports the single year p is narrowed to, if it is.
func (p params) year() string {
	f, t := p.filters["from"], p.filters["to"]
	if f != "" && f == t && len(f) == 4 {
		return f
	}
	return ""
}
