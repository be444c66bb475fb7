package find

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract/text"
)

// wordTables returns every word table of the rule tables with a name.
func wordTables() map[string]*text.WordTable {
	r := swTable()
	out := map[string]*text.WordTable{
		"neutral": r.neutral.words, "plain": r.plain.words, "shortfall": r.shortfall.words,
		"notEval": r.notEval.words, "doubleNeg": r.doubleNeg.words,
		"weak": r.weak.words, "strong": r.strong.words,
		"themeAny": themeTable().anyWords, "themeNot": themeTable().notWords,
		"conditional": r.conditionalWords,
	}
	return out
}

func checkWordTables(t *testing.T, s string) {
	t.Helper()
	for name, wt := range wordTables() {
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
	files, _ := filepath.Glob("../../testdata/find/*.txt")
	more, _ := filepath.Glob("../../testdata/sample/*.txt")
	files = append(files, more...)
	if c, err := filepath.Abs("../../../shared/corpus/text"); err == nil {
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
		for _, a := range wt.Scanned() {
			t.Errorf("%s: alternative %s is scanned, not indexed by its literal prefix", name, a)
		}
	}
}
