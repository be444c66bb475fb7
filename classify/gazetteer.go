package classify

// The gazetteer resolves names of English local authorities to their current
// ONS codes. Names are compared as sequences of lower-case word tokens
// ("St. Helens" = "St Helens", "Stoke-on-Trent" = "Stoke on Trent",
// "&" = "and"), and a scan over text takes the longest name that starts at
// each token, so "Nottinghamshire" never yields "Nottingham" and
// "Nottingham City" never yields "Nottinghamshire".

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"

	"github.com/ofsted/ofsted/extract/text"
)

//go:generate go run ./internal/gengazetteer -ref ../../shared/corpus/reference -out gazetteer_data.go -regions region_data.go

// gazetteerEntry is one authority in the generated data.
type gazetteerEntry struct {
	Code      string
	Name      string
	Aliases   []string
	OldCodes  []string
	Successor string // a former authority: the current one that took over, if one did
	Until     string // a former authority: the date (YYYY-MM-DD) it ceased
}

// blockers are place names that contain an authority's name but are not that
// authority; the scan consumes them and yields nothing.
func blockers() []string {
	return []string{
		"Greater Manchester", "Manchester Metropolitan University", "Sutton Coldfield",
		"Newcastle under Lyme", "New York", "Cumberland Place", "Store Street Manchester",
		"Piccadilly Gate", "St Ann's Square Manchester", "Kingsway London", "Royal Exchange Buildings",
		"Durham University", "Leeds Beckett", "Bath Spa", "Isle of Man", "Derby Road",
	}
}

// nameSuffixes and namePrefixes are words around an authority's name that
// LookupAuthority strips ("Nottingham City Council" -> "Nottingham").
func nameSuffixes() [][]string {
	return [][]string{{"metropolitan", "borough", "council"}, {"metropolitan", "district", "council"},
		{"city", "council"}, {"county", "council"}, {"borough", "council"}, {"district", "council"},
		{"council"}, {"metropolitan", "borough"}, {"borough"}, {"city"}, {"county"}, {"local", "authority"},
		{"local", "area", "partnership"}, {"children", "s", "services"},
		{"children", "s", "services", "trust"}, {"children", "and", "families", "trust"}, {"children", "s", "trust"}, {"trust"}}
}

func namePrefixes() [][]string {
	return [][]string{{"the"}, {"london", "borough", "of"}, {"royal", "borough", "of"}, {"city", "and", "county", "of"},
		{"city", "of"}, {"county", "of"}, {"borough", "of"}, {"metropolitan", "borough", "of"}}
}

// gazetteer is the index built once from the generated data.
type gazetteer struct {
	all     []extract.Authority          // current authorities, sorted by code
	byCode  map[string]extract.Authority // current and former codes
	former  map[string]gazetteerEntry    // former authorities that keep their code, by code
	byName  map[string]extract.Authority // token key -> authority
	first   map[string][]candidate       // first token -> names, longest first
	maxName int
}

// candidate is one name in the scan index; blocked names have an empty code.
type candidate struct {
	tokens []string
	auth   extract.Authority
}

var loadGazetteer = sync.OnceValue(buildGazetteer)

func buildGazetteer() *gazetteer {
	g := &gazetteer{byCode: map[string]extract.Authority{}, byName: map[string]extract.Authority{}, first: map[string][]candidate{},
		former: map[string]gazetteerEntry{}}
	add := func(e gazetteerEntry, current bool) {
		a := extract.Authority{Name: e.Name, Code: e.Code}
		if current {
			g.all = append(g.all, a)
		}
		g.byCode[e.Code] = a
		for _, c := range e.OldCodes {
			g.byCode[c] = a
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			toks := tokenWords(n)
			if len(toks) == 0 {
				continue
			}
			k := strings.Join(toks, " ")
			if _, dup := g.byName[k]; dup {
				continue
			}
			g.byName[k] = a
			g.addCandidate(toks, a)
		}
	}
	for _, e := range gazetteerEntries() {
		add(e, true)
	}
	for _, e := range formerEntries() {
		add(e, false)
		g.former[e.Code] = e
	}
	for _, b := range blockers() {
		g.addCandidate(tokenWords(b), extract.Authority{})
	}
	return g
}

func (g *gazetteer) addCandidate(toks []string, a extract.Authority) {
	cs := append(g.first[toks[0]], candidate{tokens: toks, auth: a})
	// Keep longest first so the scan takes the longest match.
	for i := len(cs) - 1; i > 0 && len(cs[i].tokens) > len(cs[i-1].tokens); i-- {
		cs[i], cs[i-1] = cs[i-1], cs[i]
	}
	g.first[toks[0]] = cs
	if len(toks) > g.maxName {
		g.maxName = len(toks)
	}
}

// Authorities returns every current English local authority with children's
// services (153), sorted by ONS code.
func Authorities() []extract.Authority {
	return append([]extract.Authority(nil), loadGazetteer().all...)
}

var onsCode = text.Lazy(`^[EeWw]\d{8}$`)

// LookupAuthority resolves a name, alias or ONS code (current or former),
// ignoring case, punctuation and words such as "Council", "City Council",
// "London Borough of", "Children's Trust". Former codes and names resolve
// to the current authority (Bournemouth to Bournemouth, Christchurch and
// Poole); an authority split between several keeps its own.
func LookupAuthority(nameOrCode string) (extract.Authority, bool) {
	a, ok := lookupAuthority(nameOrCode)
	return asOf(a, ""), ok
}

func lookupAuthority(nameOrCode string) (extract.Authority, bool) {
	g := loadGazetteer()
	s := strings.TrimSpace(nameOrCode)
	if onsCode.MatchString(s) {
		a, ok := g.byCode[strings.ToUpper(s)]
		return a, ok
	}
	toks := tokenWords(s)
	for len(toks) > 0 {
		if a, ok := g.byName[strings.Join(toks, " ")]; ok {
			return a, true
		}
		stripped := false
		for _, suf := range nameSuffixes() {
			if hasSuffix(toks, suf) && len(toks) > len(suf) {
				toks, stripped = toks[:len(toks)-len(suf)], true
				break
			}
		}
		if !stripped {
			for _, pre := range namePrefixes() {
				if hasPrefix(toks, pre) && len(toks) > len(pre) {
					toks, stripped = toks[len(pre):], true
					break
				}
			}
		}
		if !stripped {
			break
		}
	}
	return extract.Authority{}, false
}

func hasSuffix(toks, suf []string) bool {
	if len(suf) > len(toks) {
		return false
	}
	return hasPrefix(toks[len(toks)-len(suf):], suf)
}

func hasPrefix(toks, pre []string) bool {
	if len(pre) > len(toks) {
		return false
	}
	for i := range pre {
		if toks[i] != pre[i] {
			return false
		}
	}
	return true
}

// token is one word of a text with its byte offset.
type token struct {
	lower string
	word  string // as written
	start int
	upper bool // starts with an upper-case letter
}

// tokenize splits text into word tokens: runs of letters and digits, with
// "&" as the word "and".
func tokenize(s string) []token {
	var toks []token
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w := s[start:end]
			r, _ := utf8.DecodeRuneInString(w)
			toks = append(toks, token{lower: strings.ToLower(w), word: w, start: start, upper: unicode.IsUpper(r)})
			start = -1
		}
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case r == '&':
			flush(i)
			toks = append(toks, token{lower: "and", word: "&", start: i})
		default:
			flush(i)
		}
	}
	flush(len(s))
	return toks
}

func tokenWords(s string) []string {
	toks := tokenize(s)
	w := make([]string, len(toks))
	for i, t := range toks {
		w[i] = t.lower
	}
	return w
}

// mention is one authority name found in a text.
type mention struct {
	auth       extract.Authority
	start, end int // byte offsets in the text
	upper      bool
}

// scanAuthorities finds authority names in text, longest match first,
// left to right. Blocked names are skipped.
func scanAuthorities(text string) []mention {
	g := loadGazetteer()
	toks := tokenize(text)
	var out []mention
	for i := 0; i < len(toks); {
		matched := 0
		for _, c := range g.first[toks[i].lower] {
			if i+len(c.tokens) > len(toks) {
				continue
			}
			ok := true
			for j := 1; j < len(c.tokens); j++ {
				if toks[i+j].lower != c.tokens[j] {
					ok = false
					break
				}
			}
			if ok {
				matched = len(c.tokens)
				if c.auth.Code != "" {
					last := toks[i+len(c.tokens)-1]
					out = append(out, mention{auth: c.auth, start: toks[i].start, end: last.start + len(last.word), upper: toks[i].upper})
				}
				break
			}
		}
		if matched == 0 {
			matched = 1
		}
		i += matched
	}
	return out
}
