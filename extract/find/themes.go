package find

// Every finding but a judgement is tagged with the themes of the
// taxonomy (extract/framework's Themes) whose patterns occur in its text
// once the theme's near-misses are blanked out. The taxonomy is compiled
// once into word tables, so that a text is matched against every theme
// in one pass.

import (
	"strings"
	"sync"

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
