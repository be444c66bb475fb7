package main

// A ratchet lets a test state what extraction should do before it does it.
// The unseen-document fixtures (unseen_test.go) and the layout
// perturbations (metamorphic_test.go) check far more than today's rules
// get right, on purpose: they are the target of the work on issue 10. So
// each keeps a checked-in list of the checks known to fail ("known gaps").
// The test fails when a check that is not on the list fails (a regression)
// and when a listed check passes (progress not yet recorded): the list can
// only shrink, and every change to it shows in review. -update-gaps
// rewrites the list from the current results.

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var updateGaps = flag.Bool("update-gaps", false, "rewrite testdata/unseen/known-gaps.txt and perturb-gaps.txt from the current results")

// checkResult is the outcome of one check of one fixture.
type checkResult struct {
	fixture string // e.g. "type/county-council-wrap"
	check   string // e.g. "type", "recommendation.2", "narrow.judgements"
	ok      bool
	reason  string // why it failed: what was found instead
}

func (c checkResult) key() string { return c.fixture + " " + c.check }

// readGaps reads a known-gaps list: "FIXTURE CHECK<TAB>reason" lines;
// blank lines and lines starting with '#' are comments. A missing file is
// an empty list.
func readGaps(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return map[string]string{}
	}
	if err != nil {
		t.Fatalf("read known gaps: %v", err)
	}
	defer f.Close()
	gaps := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, reason, _ := strings.Cut(line, "\t")
		if len(strings.Fields(key)) != 2 {
			t.Fatalf("%s:%d: want FIXTURE CHECK<TAB>reason, got %q", path, n, line)
		}
		gaps[strings.Join(strings.Fields(key), " ")] = reason
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read known gaps %s: %v", path, err)
	}
	return gaps
}

// writeGaps writes the failing checks of results as the known-gaps list,
// sorted, under a header that says what the list is.
func writeGaps(t *testing.T, path, header string, results []checkResult) {
	t.Helper()
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(header), "\n") {
		b.WriteString("# " + l + "\n")
	}
	var lines []string
	for _, r := range results {
		if !r.ok {
			lines = append(lines, r.key()+"\t"+oneLine(r.reason, 140))
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatalf("write known gaps: %v", err)
	}
}

// judgeRatchet fails t for every problem compareGaps finds with the list
// at path; with -update-gaps it rewrites the list instead. It returns the
// number of known gaps among the results.
func judgeRatchet(t *testing.T, path, header string, results []checkResult) int {
	t.Helper()
	if *updateGaps {
		writeGaps(t, path, header, results)
		return len(results) - passing(results)
	}
	known, problems := compareGaps(readGaps(t, path), results)
	for _, p := range problems {
		t.Errorf("%s (list: %s)", p, path)
	}
	if len(problems) > 0 {
		t.Errorf("%d differences from %s: mend them, or accept the current results with\n"+
			"  go test ./cmd/ofsted -run 'Unseen|Metamorphic' -update-gaps\nand review the diff of the list", len(problems), path)
	}
	return known
}

// compareGaps compares results with a known-gaps list and returns the
// number of known gaps among them and, sorted by check, every problem: a
// failing check that is not listed, a listed check that passes (delete its
// line), and a listed check that was not run at all (a renamed fixture or
// check).
func compareGaps(gaps map[string]string, results []checkResult) (known int, problems []string) {
	checked := map[string]bool{}
	for _, r := range results {
		k := r.key()
		checked[k] = true
		_, listed := gaps[k]
		switch {
		case !r.ok && listed:
			known++
		case !r.ok:
			problems = append(problems, k+": fails and is not a known gap: "+r.reason)
		case listed:
			problems = append(problems, k+": passes now: delete its line from the known gaps (or run with -update-gaps)")
		}
	}
	for k := range gaps {
		if !checked[k] {
			problems = append(problems, k+": is a known gap but no longer checked: delete its line")
		}
	}
	sort.Strings(problems)
	return known, problems
}

// passing counts the checks that pass.
func passing(results []checkResult) int {
	n := 0
	for _, r := range results {
		if r.ok {
			n++
		}
	}
	return n
}

// tally counts outcomes by a grouping key (a fixture's class, a
// perturbation), in the order the groups first appear.
type tally struct {
	unit, yes, no string // what is counted and how each outcome is called
	order         []string
	n             map[string]*[2]int // pass, fail
}

func newTally(unit, yes, no string) *tally {
	return &tally{unit: unit, yes: yes, no: no, n: map[string]*[2]int{}}
}

func (t *tally) add(group string, ok bool) {
	c := t.n[group]
	if c == nil {
		c = &[2]int{}
		t.n[group] = c
		t.order = append(t.order, group)
	}
	if ok {
		c[0]++
	} else {
		c[1]++
	}
}

// String renders one line per group, e.g. "  type   106 checks   57 pass   49 fail (54% pass)".
func (t *tally) String() string {
	var b strings.Builder
	for _, g := range t.order {
		c := t.n[g]
		all := c[0] + c[1]
		fmt.Fprintf(&b, "  %-12s %5d %s %5d %s %5d %s  (%3.0f%% %s)\n", g, all, t.unit, c[0], t.yes, c[1], t.no, 100*float64(c[0])/float64(all), t.yes)
	}
	return b.String()
}

func TestCompareGaps(t *testing.T) {
	results := []checkResult{
		{fixture: "type/a", check: "type", ok: false, reason: `got "other"`},
		{fixture: "type/a", check: "authority_code", ok: true},
		{fixture: "type/b", check: "type", ok: false, reason: `got "news_article"`},
		{fixture: "type/b", check: "published", ok: true},
	}
	for _, tc := range []struct {
		name      string
		gaps      []string
		wantKnown int
		want      []string // the start of each problem, in order
	}{
		{"AllFailuresListed", []string{"type/a type", "type/b type"}, 2, nil},
		{"UnlistedFailure", []string{"type/a type"}, 1, []string{"type/b type: fails and is not a known gap"}},
		{"ListedCheckPasses", []string{"type/a type", "type/b type", "type/b published"}, 2, []string{"type/b published: passes now"}},
		{"ListedCheckGone", []string{"type/a type", "type/b type", "type/c type"}, 2, []string{"type/c type: is a known gap but no longer checked"}},
		{"EmptyList", nil, 0, []string{"type/a type: fails", "type/b type: fails"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gaps := map[string]string{}
			for _, g := range tc.gaps {
				gaps[g] = "reason"
			}
			known, problems := compareGaps(gaps, results)
			if known != tc.wantKnown {
				t.Errorf("known = %d, want %d", known, tc.wantKnown)
			}
			if len(problems) != len(tc.want) {
				t.Fatalf("problems = %q, want %d starting %q", problems, len(tc.want), tc.want)
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(problems[i], w) {
					t.Errorf("problem %d = %q, want it to start %q", i, problems[i], w)
				}
			}
		})
	}
}

func TestReadWriteGaps(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gaps.txt")
	results := []checkResult{
		{fixture: "news/b", check: "judgement.leaders", ok: false, reason: "got [overall_effectiveness=good]\nsecond line"},
		{fixture: "news/a", check: "type", ok: false, reason: `got "other"`},
		{fixture: "news/a", check: "published", ok: true},
	}
	writeGaps(t, path, "What this list is.\nSecond line.", results)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "# What this list is.\n# Second line.\nnews/a type\tgot \"other\"\nnews/b judgement.leaders\tgot [overall_effectiveness=good] second line\n"
	if string(b) != want {
		t.Errorf("written list:\n%q\nwant:\n%q", b, want)
	}
	gaps := readGaps(t, path)
	if len(gaps) != 2 || gaps["news/a type"] != `got "other"` {
		t.Errorf("read back %q", gaps)
	}
	if got := readGaps(t, filepath.Join(t.TempDir(), "none.txt")); len(got) != 0 {
		t.Errorf("a missing list reads as %q, want empty", got)
	}
}
