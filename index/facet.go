package index

// Facet keys. Facet counting visits each hit's doc values, and its cost
// grows with the number of terms visited and their length; so all facet
// values of a unit go into one short term, split and decoded again when
// the counts come back (a few thousand distinct terms at most, against
// tens of thousands of hits). Values from a fixed vocabulary (types,
// kinds, grades, domains, themes) are written as one byte, an authority as
// its ONS code; anything else is written out after a marker. On a 20,000
// file index a search that hits 50,000 units spends most of its time here.

import (
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/extract"
)

// facetFields maps facet names (Results.Facets keys) to the unit fields
// they count.
var facetFields = [][2]string{
	{"authority", fAuthority}, {"year", fYear}, {"type", fType}, {"kind", fKind},
	{"grade", fGrade}, {"domain", fDomain}, {"theme", fThemes},
}

const (
	facetSep  = "\x1e" // between facets
	facetList = "\x1d" // between the values of one facet (themes)
	facetLit  = "\x1f" // before a value written out, not coded
)

// facetCodec holds, per facet (facetFields order), the code of each known
// value and the value of each code. It is built once and never changed.
type facetCodec struct {
	enc []map[string]string
	dec []map[string]string
}

var facetCodes = sync.OnceValue(newFacetCodec)

func newFacetCodec() *facetCodec {
	c := &facetCodec{enc: make([]map[string]string, len(facetFields)), dec: make([]map[string]string, len(facetFields))}
	vocab := func(i int, values []string) {
		c.enc[i], c.dec[i] = map[string]string{}, map[string]string{}
		for k, v := range values {
			code := string(rune('!' + k)) // printable ASCII, one byte each
			c.enc[i][v], c.dec[i][code] = code, v
		}
	}
	strs := func(n int, f func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	for i, f := range facetFields {
		switch f[0] {
		case "authority":
			c.enc[i], c.dec[i] = map[string]string{}, map[string]string{}
			for _, a := range classify.Authorities() {
				c.enc[i][a.Name], c.dec[i][a.Code] = a.Code, a.Name
			}
		case "type":
			vocab(i, strs(len(extract.Types()), func(k int) string { return string(extract.Types()[k]) }))
		case "kind":
			vocab(i, strs(len(extract.Kinds()), func(k int) string { return string(extract.Kinds()[k]) }))
		case "grade":
			vocab(i, strs(len(extract.Grades()), func(k int) string { return string(extract.Grades()[k]) }))
		case "domain":
			vocab(i, strs(len(extract.Domains()), func(k int) string { return string(extract.Domains()[k]) }))
		case "theme":
			vocab(i, extract.ThemeNames())
		}
	}
	return c
}

// encode writes value v of facet i.
func (c *facetCodec) encode(i int, v string) string {
	if code, ok := c.enc[i][v]; ok {
		return code
	}
	if c.enc[i] == nil {
		return v // a facet with no vocabulary (year)
	}
	return facetLit + v
}

// decode reads a value written by encode.
func (c *facetCodec) decode(i int, s string) string {
	if v, ok := strings.CutPrefix(s, facetLit); ok {
		return v
	}
	if v, ok := c.dec[i][s]; ok {
		return v
	}
	return s
}

// facetKey gathers a unit's facet values, in facetFields order, into one term.
func facetKey(m map[string]any) string {
	c := facetCodes()
	clean := strings.NewReplacer(facetSep, " ", facetList, " ", facetLit, " ")
	parts := make([]string, len(facetFields))
	for i, f := range facetFields {
		switch v := m[f[1]].(type) {
		case string:
			if f[0] != "authority" {
				v = strings.ToLower(v)
			}
			if v != "" {
				parts[i] = c.encode(i, clean.Replace(v))
			}
		case []string:
			vs := make([]string, 0, len(v))
			for _, x := range v {
				if x != "" {
					vs = append(vs, c.encode(i, clean.Replace(strings.ToLower(x))))
				}
			}
			parts[i] = strings.Join(vs, facetList)
		}
	}
	return strings.Join(parts, facetSep)
}

// facetCounts splits the counts of facet keys (see facetKey) into counts
// per facet value: by count (most first) then value, years newest first.
func facetCounts(fr *search.FacetResult) map[string][]Facet {
	c := facetCodes()
	counts := make([]map[string]int, len(facetFields))
	for i := range counts {
		counts[i] = map[string]int{}
	}
	if fr != nil {
		for _, t := range fr.Terms.Terms() {
			rest := t.Term
			for i := 0; i < len(facetFields); i++ {
				part, tail, _ := strings.Cut(rest, facetSep)
				rest = tail
				for part != "" {
					var v string
					v, part, _ = strings.Cut(part, facetList)
					if v != "" {
						counts[i][c.decode(i, v)] += t.Count
					}
				}
			}
		}
	}
	out := make(map[string][]Facet, len(counts))
	for i, m := range counts {
		if len(m) == 0 {
			continue
		}
		name := facetFields[i][0]
		fs := make([]Facet, 0, len(m))
		for v, n := range m {
			fs = append(fs, Facet{Value: v, Count: n})
		}
		if name == "year" {
			sort.Slice(fs, func(i, j int) bool { return fs[i].Value > fs[j].Value })
		} else {
			sort.Slice(fs, func(i, j int) bool {
				return fs[i].Count > fs[j].Count || fs[i].Count == fs[j].Count && fs[i].Value < fs[j].Value
			})
		}
		out[name] = fs
	}
	return out
}
