package text

// A word table answers "which of these word-bounded patterns occur in this
// text?" for a whole rule table in one pass, with exactly the answers of
// the patterns' regexps: Go's regexp engine cannot skip ahead to a literal
// when a pattern starts with a word-boundary class, so running every
// pattern of a table over every sentence costs a scan per pattern.
//
// Each pattern `(?:^|[^\pL\pN])(?:A1|A2|...)(?:$|[^\pL\pN])` matches a
// text if and only if one of its alternatives does, and an alternative
// matches only where a word starts (at the start of the text or after a
// rune that is neither a letter nor a digit) with one of the literal
// prefixes computed from its syntax tree. The table indexes those prefixes
// by their first two bytes; a scan of the text's word starts looks them
// up and confirms each candidate with the alternative's regexp anchored
// at that position. Alternatives that carry their own assertions (a `^`
// or `\b` whose context an anchored run would lose) and those with no
// literal prefix keep their own unanchored regexp. Texts whose case
// folding changes byte widths (rare scripts, invalid UTF-8) fall back to
// the patterns' own regexps.

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A WordTable is a compiled table of word-bounded patterns (at most 64).
type WordTable struct {
	folded bool             // case-insensitive: prefixes are looked up in the folded text
	whole  []*regexp.Regexp // each pattern as a whole (fallback)
	alts   []wordAlt
	pair   map[uint16][]int32 // first two bytes of a prefix -> (alternative<<8 | prefix index) entries
	single [256][]int32       // prefixes of one byte
	start  []int32            // alternatives anchored at the start of the text
	scan   []int32            // alternatives run unanchored
}

type wordAlt struct {
	owner    int
	prefixes []string
	re       *regexp.Regexp // anchored at a word start, or the whole-text regexp for start/scan alternatives
}

// maxPrefixes bounds the cross product of literal sets in a prefix.
const maxPrefixes = 256

// NewWordTable compiles patterns, each a regexp body to be matched on word
// boundaries; flags ("" or "(?i)") apply to all of them. An empty pattern
// never matches.
func NewWordTable(flags string, pats []string) *WordTable {
	if len(pats) > 64 {
		panic("WordTable: more than 64 patterns")
	}
	t := &WordTable{folded: strings.Contains(flags, "i"), pair: map[uint16][]int32{}}
	for owner, p := range pats {
		if p == "" {
			t.whole = append(t.whole, regexp.MustCompile(`$.`))
			continue
		}
		t.whole = append(t.whole, regexp.MustCompile(flags+`(?:^|[^\pL\pN])(?:`+p+`)(?:$|[^\pL\pN])`))
		alts, ok := splitAlternation(p)
		if !ok {
			alts = []string{p}
		}
		for _, a := range alts {
			t.add(owner, flags, a)
		}
	}
	return t
}

func (t *WordTable) add(owner int, flags, a string) {
	idx := int32(len(t.alts))
	re, err := syntax.Parse(flags+a, syntax.Perl)
	if err != nil {
		panic(err)
	}
	re = re.Simplify()
	switch {
	case leadingBegin(re):
		t.alts = append(t.alts, wordAlt{owner: owner, re: regexp.MustCompile(flags + `(?:` + a + `)(?:$|[^\pL\pN])`)})
		t.start = append(t.start, idx)
		return
	case !hasAssertion(re):
		pre := prefixes(re, t.folded)
		if len(pre) > 0 && len(pre) <= maxPrefixes {
			t.alts = append(t.alts, wordAlt{owner: owner, prefixes: pre, re: regexp.MustCompile(flags + `^(?:` + a + `)(?:$|[^\pL\pN])`)})
			for k, s := range pre {
				e := idx<<8 | int32(k)
				if len(s) == 1 {
					t.single[s[0]] = append(t.single[s[0]], e)
				} else {
					key := uint16(s[0])<<8 | uint16(s[1])
					t.pair[key] = append(t.pair[key], e)
				}
			}
			return
		}
	}
	t.alts = append(t.alts, wordAlt{owner: owner, re: regexp.MustCompile(flags + `(?:^|[^\pL\pN])(?:` + a + `)(?:$|[^\pL\pN])`)})
	t.scan = append(t.scan, idx)
}

// Match returns the set of patterns (bit i for pattern i) that match s.
func (t *WordTable) Match(s string) uint64 {
	var got uint64
	key := s
	if t.folded {
		f, same := foldSame(s)
		if !same {
			return t.MatchEach(s)
		}
		key = f
	}
	for _, i := range t.start {
		a := &t.alts[i]
		if got&(1<<a.owner) == 0 && a.re.MatchString(s) {
			got |= 1 << a.owner
		}
	}
	for _, i := range t.scan {
		a := &t.alts[i]
		if got&(1<<a.owner) == 0 && a.re.MatchString(s) {
			got |= 1 << a.owner
		}
	}
	try := func(p int, es []int32) {
		for _, e := range es {
			a := &t.alts[e>>8]
			if got&(1<<a.owner) != 0 {
				continue
			}
			if strings.HasPrefix(key[p:], a.prefixes[e&0xff]) && a.re.MatchString(s[p:]) {
				got |= 1 << a.owner
			}
		}
	}
	boundary := true // p == 0
	for p := 0; p < len(s); {
		c := s[p]
		n := 1
		var letter bool
		if c < utf8.RuneSelf {
			letter = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[p:])
			letter = unicode.IsLetter(r) || unicode.IsNumber(r)
		}
		if boundary {
			k := key[p]
			if es := t.single[k]; es != nil {
				try(p, es)
			}
			if p+1 < len(key) {
				if es, ok := t.pair[uint16(k)<<8|uint16(key[p+1])]; ok {
					try(p, es)
				}
			}
		}
		boundary = !letter
		p += n
	}
	return got
}

// MatchEach is what Match must answer, found the slow way: the set of
// patterns whose own regexps match s. Match falls back to it for texts
// whose case folding changes byte widths; tests compare the two.
func (t *WordTable) MatchEach(s string) uint64 {
	var got uint64
	for i, re := range t.whole {
		if re.MatchString(s) {
			got |= 1 << i
		}
	}
	return got
}

// Scanned lists the alternatives that are run as unanchored regexps over
// the whole text, not looked up by a literal prefix (a leading \b or no
// literal prefix does that): each costs a scan of every text matched.
func (t *WordTable) Scanned() []string {
	var out []string
	for _, a := range t.scan {
		out = append(out, t.alts[a].re.String())
	}
	return out
}

// foldSame returns Fold(s) and whether every rune of s folds to a rune of
// the same width (so that byte offsets agree).
func foldSame(s string) (string, bool) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		b := []byte(s)
		for i, c := range b {
			if 'a' <= c && c <= 'z' {
				b[i] = c - 'a' + 'A'
			}
		}
		return string(b), true
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return "", false
		}
		f := foldRune(r)
		if utf8.RuneLen(f) != n {
			return "", false
		}
		b.WriteRune(f)
		i += n
	}
	return b.String(), true
}

// splitAlternation cuts a regexp body at its top-level bars. It refuses
// (false) a body with a flag group that is not scoped ("(?i)" alone
// carries over the bars).
func splitAlternation(p string) ([]string, bool) {
	var out []string
	depth, class, last := 0, false, 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\':
			i++
		case class:
			if c == ']' {
				class = false
			}
		case c == '[':
			class = true
			if i+1 < len(p) && p[i+1] == '^' {
				i++
			}
			if i+1 < len(p) && p[i+1] == ']' {
				i++
			}
		case c == '(':
			if strings.HasPrefix(p[i:], "(?") {
				j := strings.IndexAny(p[i+2:], ":)")
				if j >= 0 && p[i+2+j] == ')' {
					return nil, false
				}
			}
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			out = append(out, p[last:i])
			last = i + 1
		}
	}
	return append(out, p[last:]), true
}

// leadingBegin reports whether every match of re starts with a `^`.
func leadingBegin(re *syntax.Regexp) bool {
	for {
		switch re.Op {
		case syntax.OpBeginText, syntax.OpBeginLine:
			return true
		case syntax.OpCapture:
			re = re.Sub[0]
		case syntax.OpConcat:
			if len(re.Sub) == 0 {
				return false
			}
			re = re.Sub[0]
		default:
			return false
		}
	}
}

// hasAssertion reports whether re contains an assertion whose value
// depends on text before the position it is checked at.
func hasAssertion(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText, syntax.OpBeginLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpEndLine:
		return true
	}
	for _, s := range re.Sub {
		if hasAssertion(s) {
			return true
		}
	}
	return false
}

// prefixes returns literals one of which starts every match of re (folded
// when folded is set), or nil when none can be proved.
func prefixes(re *syntax.Regexp, folded bool) []string {
	if set, ok := exactSet(re, folded); ok {
		if hasEmpty(set) {
			return nil
		}
		return set
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return prefixes(re.Sub[0], folded)
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return prefixes(re.Sub[0], folded)
		}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			p := prefixes(sub, folded)
			if p == nil {
				return nil
			}
			out = append(out, p...)
		}
		return out
	case syntax.OpConcat:
		acc := []string{""}
		for _, sub := range re.Sub {
			if set, ok := exactSet(sub, folded); ok {
				next, ok := cross(acc, set)
				if !ok {
					break
				}
				acc = next
				continue
			}
			if p := prefixes(sub, folded); p != nil {
				if next, ok := cross(acc, p); ok {
					acc = next
				}
			}
			break
		}
		if hasEmpty(acc) {
			return nil
		}
		return acc
	}
	return nil
}

// exactSet returns every string re matches, when that is a small finite
// set of literals.
func exactSet(re *syntax.Regexp, folded bool) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		s := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 {
			if !folded {
				return nil, false
			}
		}
		if folded {
			s = Fold(s)
		}
		return []string{s}, true
	case syntax.OpCharClass:
		var out []string
		seen := map[string]bool{}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 8 {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				s := string(r)
				if folded {
					s = Fold(s)
				}
				if !seen[s] {
					seen[s] = true
					out = append(out, s)
				}
			}
		}
		if len(out) == 0 || len(out) > 16 {
			return nil, false
		}
		return out, true
	case syntax.OpCapture:
		return exactSet(re.Sub[0], folded)
	case syntax.OpQuest:
		s, ok := exactSet(re.Sub[0], folded)
		if !ok {
			return nil, false
		}
		return append([]string{""}, s...), true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			s, ok := exactSet(sub, folded)
			if !ok {
				return nil, false
			}
			out = append(out, s...)
		}
		if len(out) > maxPrefixes {
			return nil, false
		}
		return out, true
	case syntax.OpConcat:
		acc := []string{""}
		for _, sub := range re.Sub {
			s, ok := exactSet(sub, folded)
			if !ok {
				return nil, false
			}
			if acc, ok = cross(acc, s); !ok {
				return nil, false
			}
		}
		return acc, true
	}
	return nil, false
}

func cross(a, b []string) ([]string, bool) {
	if len(a)*len(b) > maxPrefixes {
		return nil, false
	}
	out := make([]string, 0, len(a)*len(b))
	seen := map[string]bool{}
	for _, x := range a {
		for _, y := range b {
			if s := x + y; !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out, true
}

func hasEmpty(set []string) bool {
	for _, s := range set {
		if s == "" {
			return true
		}
	}
	return false
}
