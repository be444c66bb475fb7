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
	s = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl").Replace(s)
	s = strings.TrimSpace(refSpaces.ReplaceAllString(s, " "))
	soft := strings.HasSuffix(s, "\u00ad")
	s = strings.TrimSpace(refSpaces.ReplaceAllString(strings.ReplaceAll(s, "\u00ad", ""), " "))
	if soft && s != "" {
		s += "\u00ad" // a soft hyphen ending the line stays for JoinText
	}
	return s
}

var equivSeeds = []string{
	"", " ", "plain text", "  lead and trail  ", "tab\there", "a\rb", "a \r b", "a\fb\vc", "x\u0085y",
	"no\u00a0break", "zero\u200bwidth", "\ufeffbom", "\u3000ideographic\u3000", "bad \xff byte", "a\x7fb",
	"line\nbreak", "\u2028sep\u2029", "ſ\u212a", "Ends with space ", "double  space",
	"inspec\u00adtion", "ends soft\u00ad", "soft\u00ad \u00ad ", "\u00ad", "a \u00ad b", "identi\ufb01ed \ufb04ow",
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
