package text

import (
	"strings"
	"testing"
)

// sampleTables are word tables in the forms the rule tables use: plain
// words, optional endings, case-sensitive abbreviations, alternatives
// anchored at the start, and one with no literal prefix.
func sampleTables() map[string]*WordTable {
	return map[string]*WordTable{
		"Plain":  NewWordTable("", []string{`not (always|consistently)`, `too (slow|slowly|long)`, `delay(s|ed|ing)?|drift`, `^(this|the) letter`, ``}),
		"Folded": NewWordTable("(?i)", []string{`strategy (discussions?|meetings?)`, `(?-i:MASH|SPA)`, `s\.?47`, `(16|sixteen)-? ?(and|or|to) ?17`, `\d+ days`}),
	}
}

func checkSampleTables(t *testing.T, s string) {
	t.Helper()
	for name, wt := range sampleTables() {
		for _, x := range []string{s, strings.ToLower(s)} {
			if got, want := wt.Match(x), wt.MatchEach(x); got != want {
				t.Errorf("%s.Match(%q) = %b, want %b", name, x, got, want)
			}
		}
	}
}

func TestWordTableMatchesRegexps(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"Empty", ""},
		{"NotAlways", "Plans are not always reviewed."},
		{"StartAnchored", "This letter summarises the findings."},
		{"WordInsideWord", "Knotted notalways undelayed"},
		{"CaseSensitiveAbbreviation", "The MASH and the mash, the SPA and spa."},
		{"LongS", "ſtrategy diſcuſſions and \u212aelvin"},
		{"InvalidUTF8", "delays \xff in \xfe s47"},
		{"Digits", "16- and 17-year-olds, s.47 and s47 enquiries within 15 days"},
		{"Punctuation", "(delay)--drift;too slow/strategy meeting."},
	} {
		t.Run(tc.name, func(t *testing.T) { checkSampleTables(t, tc.text) })
	}
}

func TestWordTableScanned(t *testing.T) {
	got := sampleTables()["Folded"].Scanned()
	if len(got) != 1 || !strings.Contains(got[0], `\d+ days`) {
		t.Errorf("Scanned() = %q, want only the alternative with no literal prefix", got)
	}
	if got := sampleTables()["Plain"].Scanned(); len(got) != 0 {
		t.Errorf("Scanned() = %q, want none", got)
	}
}

func TestSplitAlternation(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
		ok       bool
	}{
		{"Plain", `a|b(c|d)|[|]e`, []string{"a", "b(c|d)", "[|]e"}, true},
		{"Escape", `a\|b|c`, []string{`a\|b`, "c"}, true},
		{"ScopedFlag", `(?-i:MASH)|spa`, []string{"(?-i:MASH)", "spa"}, true},
		{"UnscopedFlag", `a(?i)b|c`, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := splitAlternation(tc.in)
			if ok != tc.ok || strings.Join(got, "\x00") != strings.Join(tc.want, "\x00") {
				t.Errorf("splitAlternation(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// FuzzWordTable checks that a word table answers as its regexps do.
func FuzzWordTable(f *testing.F) {
	for _, s := range []string{"not always timely", "No delays, no drift.", "the MASH", "ſ\u212a", "strategy meetings in 5 days", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return
		}
		checkSampleTables(t, s)
	})
}
