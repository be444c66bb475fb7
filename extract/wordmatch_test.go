package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wordTables returns every word table of the rule tables with a name.
func wordTables() map[string]*wordTable {
	r := swTable()
	out := map[string]*wordTable{
		"neutral": r.neutral.words, "notEval": r.notEval.words, "doubleNeg": r.doubleNeg.words,
		"weak": r.weak.words, "strong": r.strong.words,
		"themeAny": themeTable().anyWords, "themeNot": themeTable().notWords,
	}
	return out
}

// wholeMatch is what a word table must answer: the bit set of its
// patterns' own regexps.
func wholeMatch(t *wordTable, s string) uint64 {
	var got uint64
	for i, re := range t.whole {
		if re.MatchString(s) {
			got |= 1 << i
		}
	}
	return got
}

func checkWordTables(t *testing.T, s string) {
	t.Helper()
	for name, wt := range wordTables() {
		for _, x := range []string{s, strings.ToLower(s)} {
			if got, want := wt.match(x), wholeMatch(wt, x); got != want {
				t.Errorf("%s.match(%q) = %b, want %b", name, x, got, want)
			}
		}
	}
}

func TestWordTableMatchesRegexps(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"Empty", ""},
		{"NotAlways", "Plans are not always reviewed."},
		{"StartAnchored", "This letter summarises the findings."},
		{"DatedEvent", "In March 2022, the council appointed a new director."},
		{"WordInsideWord", "Knotted wellbeing unwelcome"},
		{"Apostrophe", "Leaders don’t know and children's plans aren't clear."},
		{"CaseSensitiveAbbreviation", "The MASH and the mash, the SEND and send."},
		{"LongS", "ſtrategy diſcuſſions and \u212aelvin"},
		{"InvalidUTF8", "delays \xff in \xfe assessments"},
		{"Digits", "16- and 17-year-olds, s.47 and s47 enquiries"},
		{"Punctuation", "(delay)--drift;backlog/waiting lists."},
	} {
		t.Run(tc.name, func(t *testing.T) { checkWordTables(t, tc.text) })
	}
}

// TestWordTableFixtures checks every line of the test fixtures (and of the
// corpus texts, when present) against the patterns' regexps.
func TestWordTableFixtures(t *testing.T) {
	files, _ := filepath.Glob("../testdata/find/*.txt")
	more, _ := filepath.Glob("../testdata/sample/*.txt")
	files = append(files, more...)
	if c, err := filepath.Abs("../../shared/corpus/text"); err == nil {
		more, _ := filepath.Glob(filepath.Join(c, "*.txt"))
		files = append(files, more...)
	}
	if len(files) == 0 {
		t.Skip("no fixture texts found")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			checkWordTables(t, l)
		}
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
	for _, s := range []string{"not always timely", "No delays, no drift.", "the MASH", "ſ\u212a", "caseloads are too high", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return
		}
		checkWordTables(t, s)
	})
}

// TestWordTablesIndexEveryCue checks that no rule-table alternative falls
// back to an unanchored scan of every sentence (a leading \b, or no literal
// prefix, does that): the tables run on every sentence of every document,
// and one such alternative cost a fifth of the rules' time.
func TestWordTablesIndexEveryCue(t *testing.T) {
	for name, wt := range wordTables() {
		for _, a := range wt.scan {
			t.Errorf("%s: alternative %s is scanned, not indexed by its literal prefix", name, wt.alts[a].re)
		}
	}
}
