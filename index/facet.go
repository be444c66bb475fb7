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

// facetCode is the one-byte code of a value of a fixed vocabulary.
type facetCode struct {
	facet, value string
	code         byte
}

// facetCodeTable gives each known value of the fixed vocabularies its code.
// The codes are written into every unit of an index, so they are part of
// the index format: a code is never changed or given to another value,
// and a new value takes a code its facet does not use yet (an index built
// before simply has no unit with it). A value without a code is written out
// in full, which costs bytes, not correctness. Codes are printable ASCII
// from '!' on, clear of the separators.
func facetCodeTable() []facetCode {
	return []facetCode{
		{"type", string(extract.TypeILACS), '!'},
		{"type", string(extract.TypeSIF), '"'},
		{"type", string(extract.TypeFocused), '#'},
		{"type", string(extract.TypeMonitoring), '$'},
		{"type", string(extract.TypeJTAI), '%'},
		{"type", string(extract.TypeSEND), '&'},
		{"type", string(extract.TypeCommittee), '\''},
		{"type", string(extract.TypeNews), '('},
		{"type", string(extract.TypeOther), ')'},

		{"kind", string(extract.KindJudgement), '!'},
		{"kind", string(extract.KindRecommendation), '"'},
		{"kind", string(extract.KindPriorityAction), '#'},
		{"kind", string(extract.KindStrength), '$'},
		{"kind", string(extract.KindWeakness), '%'},
		{"kind", string(extract.KindFocus), '&'},
		{"kind", string(extract.KindHeadline), '\''},
		{"kind", string(extract.KindProgress), '('},
		{"kind", string(extract.KindMention), ')'},

		{"grade", string(extract.GradeOutstanding), '!'},
		{"grade", string(extract.GradeGood), '"'},
		{"grade", string(extract.GradeRI), '#'},
		{"grade", string(extract.GradeInadequate), '$'},

		{"domain", string(extract.DomainOverall), '!'},
		{"domain", string(extract.DomainLeaders), '"'},
		{"domain", string(extract.DomainHelp), '#'},
		{"domain", string(extract.DomainInCare), '$'},
		{"domain", string(extract.DomainCareLeaver), '%'},
		{"domain", string(extract.DomainAdoption), '&'},
		{"domain", string(extract.DomainLSCB), '\''},

		{"theme", "strategy_discussions", '!'},
		{"theme", "front_door", '"'},
		{"theme", "thresholds", '#'},
		{"theme", "assessments", '$'},
		{"theme", "plans_reviews", '%'},
		{"theme", "supervision", '&'},
		{"theme", "caseloads", '\''},
		{"theme", "private_fostering", '('},
		{"theme", "kinship", ')'},
		{"theme", "plo", '*'},
		{"theme", "exploitation_missing", '+'},
		{"theme", "return_home_interviews", ','},
		{"theme", "missing_education", '-'},
		{"theme", "care_leavers", '.'},
		{"theme", "homeless_16_17", '/'},
		{"theme", "sufficiency", '0'},
		{"theme", "disabled_children", '1'},
		{"theme", "lado", '2'},
		{"theme", "early_help", '3'},
		{"theme", "corporate_parenting", '4'},
		{"theme", "quality_assurance", '5'},
	}
}

// facetCodec holds, per facet name, the code of each known value and the
// value of each code. It is built once and never changed.
type facetCodec struct {
	enc map[string]map[string]string
	dec map[string]map[string]string
}

var facetCodes = sync.OnceValue(newFacetCodec)

func newFacetCodec() *facetCodec {
	c := &facetCodec{enc: map[string]map[string]string{}, dec: map[string]map[string]string{}}
	add := func(facet, value, code string) {
		if c.enc[facet] == nil {
			c.enc[facet], c.dec[facet] = map[string]string{}, map[string]string{}
		}
		c.enc[facet][value], c.dec[facet][code] = code, value
	}
	for _, a := range classify.Authorities() {
		add("authority", a.Name, a.Code)
	}
	for _, fc := range facetCodeTable() {
		add(fc.facet, fc.value, string(rune(fc.code)))
	}
	return c
}

// encode writes value v of facet name.
func (c *facetCodec) encode(name, v string) string {
	if code, ok := c.enc[name][v]; ok {
		return code
	}
	if c.enc[name] == nil {
		return v // a facet with no vocabulary (year)
	}
	return facetLit + v
}

// decode reads a value of facet name written by encode.
func (c *facetCodec) decode(name, s string) string {
	if v, ok := strings.CutPrefix(s, facetLit); ok {
		return v
	}
	if v, ok := c.dec[name][s]; ok {
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
				parts[i] = c.encode(f[0], clean.Replace(v))
			}
		case []string:
			vs := make([]string, 0, len(v))
			for _, x := range v {
				if x != "" {
					vs = append(vs, c.encode(f[0], clean.Replace(strings.ToLower(x))))
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
						counts[i][c.decode(facetFields[i][0], v)] += t.Count
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
