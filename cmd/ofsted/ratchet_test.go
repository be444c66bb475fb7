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

// judgeRatchet fails t for every failing check not in gaps, every listed
// gap that now passes, and every listed gap that was not checked at all (a
// renamed fixture or check); with -update-gaps it rewrites the list
// instead. It returns the number of known gaps among the results.
func judgeRatchet(t *testing.T, path, header string, results []checkResult) int {
	t.Helper()
	if *updateGaps {
		writeGaps(t, path, header, results)
		n := 0
		for _, r := range results {
			if !r.ok {
				n++
			}
		}
		return n
	}
	gaps := readGaps(t, path)
	checked := map[string]bool{}
	known := 0
	for _, r := range results {
		k := r.key()
		checked[k] = true
		_, listed := gaps[k]
		switch {
		case !r.ok && listed:
			known++
		case !r.ok:
			t.Errorf("%s: fails and is not a known gap: %s", k, r.reason)
		case listed:
			t.Errorf("%s: passes now: remove it from %s (or run with -update-gaps)", k, path)
		}
	}
	var stale []string
	for k := range gaps {
		if !checked[k] {
			stale = append(stale, k)
		}
	}
	sort.Strings(stale)
	for _, k := range stale {
		t.Errorf("%s: listed in %s but no longer checked: remove it", k, path)
	}
	return known
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
