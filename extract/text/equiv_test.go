package text

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The hand-written text helpers must give exactly what the regexps they
// replaced gave; these are the regexp versions.

var refSpaces = regexp.MustCompile(`[\s\x{00A0}\x{2000}-\x{200B}\x{202F}\x{FEFF}]+`)

func normSpaceRef(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	s = strings.Map(func(r rune) rune {
		if r == '\t' {
			return ' '
		}
		if unicode.IsControl(r) && r != '\n' {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(refSpaces.ReplaceAllString(s, " "))
}

var equivSeeds = []string{
	"", " ", "plain text", "  lead and trail  ", "tab\there", "a\rb", "a \r b", "a\fb\vc", "x\u0085y",
	"no\u00a0break", "zero\u200bwidth", "\ufeffbom", "\u3000ideographic\u3000", "bad \xff byte", "a\x7fb",
	"line\nbreak", "\u2028sep\u2029", "ſ\u212a", "Ends with space ", "double  space",
}

func TestNormSpaceMatchesRegexp(t *testing.T) {
	for _, s := range equivSeeds {
		if got, want := NormSpace(s), normSpaceRef(s); got != want {
			t.Errorf("NormSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzNormSpace(f *testing.F) {
	for _, s := range equivSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NormSpace(s), normSpaceRef(s); got != want {
			t.Errorf("NormSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestFoldASCII(t *testing.T) {
	for _, s := range equivSeeds {
		if got, want := Fold(s), strings.Map(foldRune, s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestRepeatKeyASCII(t *testing.T) {
	for _, s := range append(equivSeeds, "Inspection of Anytown children's services 12", "  Page 3\tof 12  ", "a1b2c3d4", "x\vy z") {
		if got, want := repeatKey(s), repeatKeyUnicode(s); got != want {
			t.Errorf("repeatKey(%q) = %q, want %q", s, got, want)
		}
	}
}
