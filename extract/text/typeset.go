package text

// Typesetting leaves marks in a PDF's text that are no part of the words:
// a font may map the Latin ligatures to their own code points ("ﬁnd"), a
// typesetter's hyphenation points survive as soft hyphens ("inspec­tion"),
// and a justified column breaks a word at one ("manag­" / "ement"). Rules
// match words, so the marks are undone once, here, for every reader and
// every rule (classify's title and date lines included): a rule never
// sees a ligature or a soft hyphen.
//
// Only foldings that cannot change a word are made (the NFKC forms of the
// ligatures, the hyphen code points as an ASCII hyphen): quotes, dashes
// and bullets keep their glyphs, which the rules read.

import (
	"strings"
	"unicode/utf8"
)

// softHyphen is U+00AD, a hyphenation point that prints only at a line end.
const softHyphen = '\u00AD'

// typesetRune returns what r stands for in a word ("" to drop it, r itself
// when it needs no folding) and whether it needed folding.
func typesetRune(r rune) (string, bool) {
	switch r {
	case softHyphen, '\u200C', '\u200D', '\u2060': // soft hyphen, zero-width (non-)joiner, word joiner
		return "", true
	case '\uFB00':
		return "ff", true
	case '\uFB01':
		return "fi", true
	case '\uFB02':
		return "fl", true
	case '\uFB03':
		return "ffi", true
	case '\uFB04':
		return "ffl", true
	case '\uFB05', '\uFB06': // long s t, s t
		return "st", true
	case '\u2010', '\u2011': // hyphen, non-breaking hyphen
		return "-", true
	}
	return "", false
}

// Typeset returns s with the marks of typesetting undone: ligatures spelt
// out, soft hyphens and zero-width joiners dropped, hyphen code points as
// "-". Text without them is returned as it is.
func Typeset(s string) string {
	i := 0
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if _, ok := typesetRune(r); ok {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if f, ok := typesetRune(r); ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// joinSoftBreaks joins each line of a page that ends with a soft hyphen to
// the next one with no space: the hyphen marked where a justified column
// broke the word, so the halves are one word ("manag­" / "ement").
func joinSoftBreaks(ls []string) []string {
	out := ls[:0:0]
	for i := 0; i < len(ls); i++ {
		l := strings.TrimRight(ls[i], " \t\u00a0")
		for strings.HasSuffix(l, "\u00ad") && i+1 < len(ls) && strings.TrimSpace(ls[i+1]) != "" {
			i++
			l = strings.TrimSuffix(l, "\u00ad") + strings.TrimLeft(ls[i], " \t\u00a0")
			l = strings.TrimRight(l, " \t\u00a0")
		}
		out = append(out, l)
	}
	return out
}
