package find

// Every finding but a judgement is tagged with the themes of the
// taxonomy (extract/framework's Themes) whose patterns occur in its text
// once the theme's near-misses are blanked out. The taxonomy is compiled
// once into word tables, so that a text is matched against every theme
// in one pass.

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract/framework"
	"github.com/ofsted/ofsted/extract/text"
)

// themeMatcher holds the compiled taxonomy.
type themeMatcher struct {
	names []string
	any   []text.Pattern
	not   []text.Pattern // zero pattern (nil Re): no near-misses
	// anyWords and notWords find the themes whose patterns (near-misses)
	// match a text in one pass; theme i is bit i.
	anyWords, notWords *text.WordTable
}

func compileWords(pats []string) text.Pattern {
	if len(pats) == 0 {
		return text.Pattern{}
	}
	return text.MustPattern(`(?i)(?:^|[^\pL\pN])(?:` + strings.Join(pats, "|") + `)(?:$|[^\pL\pN])`)
}

func newThemeMatcher(rules []framework.Theme) themeMatcher {
	var m themeMatcher
	var any, not []string
	for _, r := range rules {
		m.names = append(m.names, r.Name)
		m.any = append(m.any, compileWords(r.Any))
		m.not = append(m.not, compileWords(r.Not))
		any = append(any, strings.Join(r.Any, "|"))
		not = append(not, strings.Join(r.Not, "|"))
	}
	m.anyWords, m.notWords = text.NewWordTable("(?i)", any), text.NewWordTable("(?i)", not)
	return m
}

// themes returns the themes s names, in taxonomy order, or nil.
func (m themeMatcher) themes(s string) []string {
	// The prefilter of a theme's pattern is checked on the original text
	// even when near-misses have been blanked; while the text is unchanged
	// a match implies it, so the fold is made only when needed.
	var out []string
	hit := m.anyWords.Match(s)
	if hit == 0 {
		return nil
	}
	near := m.notWords.Match(s)
	f := ""
	for i, p := range m.any {
		if hit&(1<<i) == 0 {
			continue
		}
		if near&(1<<i) == 0 {
			out = append(out, m.names[i])
			continue
		}
		t := m.not[i].Re.ReplaceAllString(s, " ")
		if f == "" {
			f = text.Fold(s)
		}
		if p.May(f) && p.Re.MatchString(t) {
			out = append(out, m.names[i])
		}
	}
	return out
}

// themeTable returns the compiled taxonomy (read-only), built on first use.
var themeTable = sync.OnceValue(func() themeMatcher { return newThemeMatcher(framework.Themes()) })

// A document names some of its services by acronyms it defines itself
// ("the children's single point of access (C-SPA)", "IFD (integrated
// front door)"): the acronym names, in that document, the themes its
// expansion names. An acronym the document defines as a near-miss of a
// theme ("the CAMHS single point of access (SPA)") does not name that
// theme there, whatever the taxonomy's own abbreviations say; one whose
// expansion names nothing keeps the taxonomy's reading ("SEND").

// docAcronym is an acronym a document defines.
type docAcronym struct {
	name     string   // as written: "C-SPA"
	add, not []string // themes its expansion names; themes its definition rules out
}

// docThemes is the taxonomy with one document's own acronyms.
type docThemes struct {
	m        themeMatcher
	acronyms []docAcronym
}

// forDocument returns the taxonomy with the acronyms the text of ls
// defines.
func (m themeMatcher) forDocument(ls []text.Line) docThemes {
	var b strings.Builder
	for _, l := range ls {
		if l.Text != "" {
			b.WriteString(l.Text)
			b.WriteByte(' ')
		}
	}
	d := docThemes{m: m}
	seen := map[string]bool{}
	for _, def := range acronymDefinitions(b.String()) {
		if seen[def.name] {
			continue
		}
		seen[def.name] = true
		// The words before a definition are read for near-misses only:
		// "the CAMHS single point of access (SPA)" is not the front door,
		// but "the early help single point of access (SPA)" is not early
		// help either.
		add := m.themes(def.expansion)
		kept := m.themes(def.context + " " + def.expansion)
		var pos []string
		for _, t := range add {
			if slices.Contains(kept, t) {
				pos = append(pos, t)
			}
		}
		not := m.nearMisses(def.context + " " + def.expansion)
		if len(pos) == 0 && len(not) == 0 {
			continue // names nothing: the taxonomy reads it
		}
		d.acronyms = append(d.acronyms, docAcronym{name: def.name, add: pos, not: not})
	}
	return d
}

// themes returns the themes s names in this document, in taxonomy order,
// or nil.
func (d docThemes) themes(s string) []string {
	s = unligature(s)
	var extra []string
	for _, a := range d.acronyms {
		blanked, ok := blankWord(s, a.name)
		if !ok {
			continue
		}
		s = blanked
		for _, t := range d.m.themes(a.name) {
			if !slices.Contains(a.not, t) {
				extra = append(extra, t)
			}
		}
		extra = append(extra, a.add...)
	}
	out := d.m.themes(s)
	if len(extra) == 0 {
		return out
	}
	var all []string
	for _, name := range d.m.names {
		if slices.Contains(out, name) || slices.Contains(extra, name) {
			all = append(all, name)
		}
	}
	return all
}

// nearMisses returns the themes whose near-misses occur in s.
func (m themeMatcher) nearMisses(s string) []string {
	var out []string
	for i, p := range m.not {
		if p.Re != nil && p.Re.MatchString(s) {
			out = append(out, m.names[i])
		}
	}
	return out
}

// blankWord returns s with every word-bounded occurrence of w (case
// sensitive) replaced by spaces, and whether there was one.
func blankWord(s, w string) (string, bool) {
	found := false
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			break
		}
		i += from
		j := i + len(w)
		if !wordRuneBefore(s, i) && !wordRuneAt(s, j) {
			s = s[:i] + strings.Repeat(" ", len(w)) + s[j:]
			found = true
		}
		from = j
	}
	return s, found
}

func wordRuneBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func wordRuneAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// acronymDefinition is one definition: the acronym, its expansion and
// the words before the expansion (up to three, within the sentence).
type acronymDefinition struct {
	name, expansion, context string
}

var reWordSplit = text.Lazy(`[\s]+`)

// acronymDefinitions returns the acronyms s defines, in either order
// ("expansion (ACR)", "ACR (expansion)"), whose letters are the initials
// of their expansion's words. It looks only where a parenthesis opens.
func acronymDefinitions(s string) []acronymDefinition {
	var out []acronymDefinition
	for from := 0; ; {
		i := strings.IndexByte(s[from:], '(')
		if i < 0 {
			break
		}
		i += from
		from = i + 1
		j := strings.IndexAny(s[i+1:], "()")
		if j < 0 {
			break
		}
		j += i + 1
		if s[j] != ')' {
			continue
		}
		inside := s[i+1 : j]
		if letters := acronymLetters(inside); letters != nil && len(inside) <= 12 && !strings.ContainsAny(inside, " \t") {
			// "expansion (ACR)"
			words := wordsBefore(s[:i], 16)
			for k := 2; k <= len(words); k++ {
				if alignInitials(letters, words[len(words)-k:]) {
					ctx := words[max(0, len(words)-k-3) : len(words)-k]
					out = append(out, acronymDefinition{name: inside, expansion: strings.Join(words[len(words)-k:], " "), context: strings.Join(ctx, " ")})
					break
				}
			}
			continue
		}
		// "ACR (expansion)"
		if len(inside) < 5 || len(inside) > 120 || i < 3 || s[i-1] != ' ' {
			continue
		}
		k := strings.LastIndexAny(s[:i-1], " \t\n(") + 1
		name := strings.Trim(s[k:i-1], ",;:")
		if letters := acronymLetters(name); letters != nil && len(name) <= 12 {
			words := reWordSplit.Split(strings.TrimSpace(inside), -1)
			if alignInitials(letters, words) {
				out = append(out, acronymDefinition{name: name, expansion: strings.Join(words, " ")})
			}
		}
	}
	return out
}

// acronymLetters returns the lower-case letters of an acronym ("C-SPA":
// c s p a; "PAs": p a), or nil when name is not one (fewer than two
// capitals, or more small letters than capitals).
func acronymLetters(name string) []rune {
	name = strings.TrimSuffix(name, "s")
	var out []rune
	upper, lower := 0, 0
	for _, r := range name {
		switch {
		case unicode.IsUpper(r):
			upper++
			out = append(out, unicode.ToLower(r))
		case unicode.IsLower(r):
			lower++
			out = append(out, r)
		}
	}
	if upper < 2 || lower > upper {
		return nil
	}
	return out
}

// wordsBefore returns up to n words at the end of s, within its last
// sentence or clause.
func wordsBefore(s string, n int) []string {
	if i := strings.LastIndexAny(s, ".;:()“”\""); i >= 0 {
		s = s[i+1:]
	}
	ws := reWordSplit.Split(strings.TrimSpace(s), -1)
	if len(ws) > n {
		ws = ws[len(ws)-n:]
	}
	if len(ws) == 1 && ws[0] == "" {
		return nil
	}
	return ws
}

// functionWords may be passed over by an acronym's letters.
var functionWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "to": true, "in": true, "on": true, "&": true, "with": true, "a": true, "an": true, "and/or": true, "at": true, "by": true}

// alignInitials reports whether letters are the initials of words, in
// order: each word gives its first letter, or each part of a hyphenated
// word gives its own ("multi-agency": m a), and a function word may give
// none; the first word gives the first letter.
func alignInitials(letters []rune, words []string) bool {
	type word struct {
		parts []rune
		fn    bool
	}
	ws := make([]word, 0, len(words))
	for _, w := range words {
		w = strings.Trim(w, ",‘’'\"")
		var parts []rune
		for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' }) {
			r, _ := utf8.DecodeRuneInString(p)
			parts = append(parts, unicode.ToLower(r))
		}
		if len(parts) == 0 {
			return false
		}
		ws = append(ws, word{parts: parts, fn: functionWords[strings.ToLower(w)]})
	}
	if len(ws) == 0 || ws[0].fn {
		return false
	}
	// tried records the (letter, word) states that failed, so that the
	// search stays polynomial in the words.
	tried := map[[2]int]bool{}
	var rec func(li, wi int) bool
	rec = func(li, wi int) bool {
		if wi == len(ws) {
			return li == len(letters)
		}
		if tried[[2]int{li, wi}] {
			return false
		}
		tried[[2]int{li, wi}] = true
		if ws[wi].fn && rec(li, wi+1) {
			return true
		}
		if li == len(letters) {
			return false
		}
		p := ws[wi].parts
		if p[0] == letters[li] && rec(li+1, wi+1) {
			return true
		}
		return len(p) > 1 && li+len(p) <= len(letters) && slices.Equal(p, letters[li:li+len(p)]) && rec(li+len(p), wi+1)
	}
	return rec(0, 0)
}

// ligatures spells out the typographic ligatures some PDF producers leave
// in their text ("eﬀective", "ﬁle"), so that the rules read the words.
var ligatures = strings.NewReplacer("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st")

// unligature returns s with its ligatures spelt out.
func unligature(s string) string {
	if !strings.ContainsAny(s, "ﬀﬁﬂﬃﬄﬅﬆ") {
		return s
	}
	return ligatures.Replace(s)
}
