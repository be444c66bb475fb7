package classify

import (
	"regexp"
	"testing"
)

func TestFirstBytes(t *testing.T) {
	tests := []struct {
		name, pattern, yes, no string
	}{
		{"Literal", `^Public`, "P", "pQx"},
		{"FoldCase", `(?i)^public`, "pP", "qx1"},
		{"Alternation", `^(?:(?i)key|agenda|\d+)`, "kKaA09", "bx "},
		{"OptionalPrefix", `^(?:members? )?briefing`, "mb", "xB"},
		{"Class", `^[-•]\s*x`, "-", "x"},
		{"EmptyMatchAllowsAll", `^(?:x)?`, "xyz0", ""},
		{"NonASCIIFirstByte", `^(?:é|a)`, "a\xc3", "b\xe2"},
		{"FoldToNonASCII", `(?i)^k`, "kK\xe2", "z"},
		{"ReplacementCharMatchesInvalidBytes", `^[^a]`, "b\xff\x80", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := firstBytes(tt.pattern)
			for i := 0; i < len(tt.yes); i++ {
				if !set[tt.yes[i]] {
					t.Errorf("%q not in the set", tt.yes[i])
				}
			}
			for i := 0; i < len(tt.no); i++ {
				if set[tt.no[i]] {
					t.Errorf("%q in the set", tt.no[i])
				}
			}
		})
	}
}

// FuzzFirstBytes checks the property the line tables rely on: a pattern
// that matches a non-empty prefix of s has s's first byte in its set.
func FuzzFirstBytes(f *testing.F) {
	for _, p := range []string{`(?i)key decision\b`, `By \p{Lu}\w+`, `(?:x|y)?z`, `[^a]b`, `.`, `(?i)ſ`, `\bq`} {
		f.Add(p, "Key decision")
		f.Add(p, "ſ")
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		re, err := regexp.Compile(`^(?:` + pattern + `)`)
		if err != nil || s == "" {
			return
		}
		// A pattern can close the group and leave the anchor behind
		// (")0|(?:0" matches "10" at 1): only a match at the start counts.
		if m := re.FindStringIndex(s); m != nil && m[0] == 0 && m[1] > 0 && !firstBytes(`^(?:` + pattern + `)`)[s[0]] {
			t.Errorf("%q matches %q but %q is not a first byte", pattern, s, s[0])
		}
	})
}
