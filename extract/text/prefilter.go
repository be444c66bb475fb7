package text

// The rule tables are regular expressions matched on every sentence of
// every document, and Go's regexp engine tries a pattern that starts with
// a word boundary or a case-insensitive alternation at every position of
// the text. Most sentences contain none of the words a pattern needs, so
// each pattern carries a prefilter: literal strings of which at least one
// must occur in the lower-cased text for the pattern to match (computed
// from the pattern's syntax tree, as Russ Cox's codesearch does for
// trigrams). A cheap strings.Contains then skips the regexp for most
// sentences; results are exactly those of the regexp alone.

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Pattern is a compiled regexp with its prefilter.
type Pattern struct {
	Re   *regexp.Regexp
	Need []string // case-folded literals, at least one of which must occur; nil: no prefilter
}

// MustPattern compiles expr with its prefilter; it panics on a bad expr,
// as regexp.MustCompile does (the rule tables are fixed).
func MustPattern(expr string) Pattern {
	return NewPattern(regexp.MustCompile(expr))
}

// NewPattern is re with the prefilter of its expression.
func NewPattern(re *regexp.Regexp) Pattern {
	return Pattern{Re: re, Need: Required(re.String())}
}

// May reports whether the pattern can match text, whose folded form
// (Fold(text)) is folded. False is certain; true means the regexp must
// decide.
func (p Pattern) May(folded string) bool {
	if p.Need == nil {
		return true
	}
	for _, n := range p.Need {
		if strings.Contains(folded, n) {
			return true
		}
	}
	return false
}

// Find is FindStringIndex of the regexp on s, skipped when the prefilter
// rules a match out; folded is Fold(s), or the fold of a text s is part of.
func (p Pattern) Find(folded, s string) []int {
	if !p.May(folded) {
		return nil
	}
	return p.Re.FindStringIndex(s)
}

// Fold maps every rune to one representative of its case-folding orbit
// (the smallest), so that text and literals that match case-insensitively
// fold to the same string -- including the odd pairs that simple
// lower-casing misses, such as the long s and the Kelvin sign.
func Fold(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			return strings.Map(foldRune, s)
		}
	}
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func foldRune(r rune) rune {
	if r < 0x80 {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	min := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < min {
			min = f
		}
	}
	return min
}

// Required returns case-folded literals at least one of which occurs in
// every match of expr, or nil when no useful set can be proved.
func Required(expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	set := need(re.Simplify())
	for _, s := range set {
		if len(s) < 2 {
			return nil // too weak to be worth checking
		}
	}
	return set
}

// need computes the literal set of a syntax tree: nil means "nothing is
// required".
func need(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{Fold(string(re.Rune))}
	case syntax.OpCapture:
		return need(re.Sub[0])
	case syntax.OpPlus:
		return need(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return need(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		// Adjacent literals join into one longer literal; otherwise the
		// child with the strongest requirement (longest shortest literal)
		// stands for the whole.
		var best []string
		var run strings.Builder
		flush := func() {
			if run.Len() > 0 {
				if s := []string{run.String()}; better(s, best) {
					best = s
				}
				run.Reset()
			}
		}
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpLiteral {
				for _, r := range sub.Rune {
					run.WriteRune(foldRune(r))
				}
				continue
			}
			flush()
			if s := need(sub); better(s, best) {
				best = s
			}
		}
		flush()
		return best
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			s := need(sub)
			if s == nil {
				return nil
			}
			out = append(out, s...)
		}
		return out
	}
	return nil
}

// better reports whether literal set a is a stronger filter than b.
func better(a, b []string) bool {
	if a == nil {
		return false
	}
	if b == nil {
		return true
	}
	return shortest(a) > shortest(b)
}

func shortest(s []string) int {
	n := -1
	for _, x := range s {
		if n < 0 || len(x) < n {
			n = len(x)
		}
	}
	return n
}
