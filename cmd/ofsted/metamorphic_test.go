package main

// TestMetamorphic checks that what is extracted does not depend on layout:
// for every real-layout fixture (testdata/unseen, testdata/find, and the
// text of testdata/sample) each perturbation of perturb_test.go must leave
// the findings unchanged. Findings are compared as ../shared/perturb
// compares them: type, authority, visit dates, lead inspector, judgements
// (domain -> grade), recommendation items, strength and weakness
// sentences, themes; texts as lower-case words, pages ignored. Changes
// known today are listed in testdata/unseen/perturb-gaps.txt, one line per
// fixture, perturbation and field (see ratchet_test.go).

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

const perturbGapsHeader = `Known gaps of TestMetamorphic (cmd/ofsted/metamorphic_test.go): findings that change
today when only the layout changes. One line per fixture, perturbation and field:
FIXTURE PERTURBATION.FIELD<TAB>base -> perturbed. The test fails when a change not listed
here appears, and when a listed one is gone: delete its line. Regenerate with:
go test ./cmd/ofsted -run 'Unseen|Metamorphic' -update-gaps`

// layoutFixture is the text of one real-layout fixture.
type layoutFixture struct {
	name string // e.g. "unseen/lists/jtai-strengths-same-bullet", "find/sif_2016", "sample/ilacs-2023.pdf"
	text string
}

// layoutFixtures gathers the text of every fixture written in a real
// layout: the unseen fixtures in plain text, testdata/find (without its
// "type:" line, which is for extract's own tests), and each sample
// document's text as the readers see it.
func layoutFixtures(t *testing.T) []layoutFixture {
	t.Helper()
	var out []layoutFixture
	unseen, _ := filepath.Glob(filepath.Join(unseenDir, "*", "*.txt"))
	sort.Strings(unseen)
	for _, p := range unseen {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(unseenDir, p)
		out = append(out, layoutFixture{"unseen/" + filepath.ToSlash(strings.TrimSuffix(rel, ".txt")), string(b)})
	}
	find, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "find", "*.txt"))
	sort.Strings(find)
	for _, p := range find {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		_, body, _ := strings.Cut(string(b), "\n")
		out = append(out, layoutFixture{"find/" + strings.TrimSuffix(filepath.Base(p), ".txt"), body})
	}
	samples, err := os.ReadDir(sampleDir(t))
	if err != nil {
		t.Fatal(err)
	}
	c := newCLI(t)
	for _, e := range samples {
		code, text, _ := c.run("text", filepath.Join(sampleDir(t), e.Name()))
		if code != exitOK { // readme-notes.odt is not a document
			continue
		}
		out = append(out, layoutFixture{"sample/" + e.Name(), text})
	}
	if len(out) < 10 {
		t.Fatalf("only %d layout fixtures found", len(out))
	}
	return out
}

func TestMetamorphic(t *testing.T) {
	fixtures := layoutFixtures(t)
	perts := perturbations()
	dir := t.TempDir()
	alias := map[string]string{}
	var files []string
	write := func(variant string, i int, text string) string {
		p := filepath.Join(dir, variant, fmt.Sprintf("%05d.txt", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		alias[p] = variant + "/" + fixtures[i].name
		files = append(files, p)
		return alias[p]
	}
	// variantOf[i][name] is the key of fixture i's variant, "" when the
	// perturbation leaves its text as it was.
	variantOf := make([]map[string]string, len(fixtures))
	for i, fx := range fixtures {
		variantOf[i] = map[string]string{"base": write("base", i, fx.text)}
		for _, p := range perts {
			if v := p.apply(fx.text); v != fx.text {
				variantOf[i][p.name] = write(p.name, i, v)
			}
		}
	}
	got := extractFiles(t, files, alias)

	var results []checkResult
	byPert, byFixture := newTally("checks", "pass", "fail"), newTally("fixtures", "unchanged", "changed")
	untouched := map[string]int{}
	for i, fx := range fixtures {
		base := findingSignature(got[variantOf[i]["base"]])
		for _, p := range perts {
			key, ok := variantOf[i][p.name]
			if !ok {
				untouched[p.name]++
				continue
			}
			sig := findingSignature(got[key])
			same := true
			for _, field := range signatureFields(base, sig) {
				reason := signatureChange(base[field], sig[field])
				byPert.add(p.name, reason == "")
				same = same && reason == ""
				results = append(results, checkResult{fixture: fx.name, check: p.name + "." + field, ok: reason == "", reason: reason})
			}
			byFixture.add(p.name, same)
		}
	}
	known := judgeRatchet(t, filepath.Join(unseenDir, "perturb-gaps.txt"), perturbGapsHeader, results)
	var notes []string
	for _, p := range perts {
		if n := untouched[p.name]; n > 0 {
			notes = append(notes, fmt.Sprintf("%s %d", p.name, n))
		}
	}
	t.Logf("metamorphic: %d fixtures, %d field checks, %d pass, %d known gaps\n"+
		"fixtures whose findings did not change, per perturbation (as ../shared/perturb counts):\n%s"+
		"field checks per perturbation:\n%s"+
		"fixtures a perturbation leaves as they were (not counted): %s",
		len(fixtures), len(results), passing(results), known, byFixture, byPert, strings.Join(notes, ", "))
}

// signatureFields is every field of either signature, sorted.
func signatureFields(a, b map[string][]string) []string {
	set := map[string]bool{}
	for k := range a {
		set[k] = true
	}
	for k := range b {
		set[k] = true
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// signatureChange says how a field's values changed ("" when they did
// not): what the perturbed text lost and gained, the first of each.
func signatureChange(base, got []string) string {
	if strings.Join(base, "\n") == strings.Join(got, "\n") {
		return ""
	}
	count := map[string]int{}
	for _, v := range got {
		count[v]++
	}
	var lost, gained []string
	for _, v := range base {
		if count[v] > 0 {
			count[v]--
		} else {
			lost = append(lost, v)
		}
	}
	for _, v := range got {
		if count[v] > 0 {
			count[v]--
			gained = append(gained, v)
		}
	}
	var parts []string
	if len(lost) > 0 {
		parts = append(parts, fmt.Sprintf("lost %d: %q", len(lost), oneLine(lost[0], 60)))
	}
	if len(gained) > 0 {
		parts = append(parts, fmt.Sprintf("gained %d: %q", len(gained), oneLine(gained[0], 60)))
	}
	return strings.Join(parts, "; ")
}

// findingSignature is what the metamorphic test compares: the fields of
// ../shared/perturb's signature, each a sorted list of values. The file's
// first document has plain field names, document i>0 "docI.field".
func findingSignature(docs []extract.Document) map[string][]string {
	sig := map[string][]string{"documents": {fmt.Sprint(len(docs))}}
	for i, d := range docs {
		p := ""
		if i > 0 {
			p = fmt.Sprintf("doc%d.", i)
		}
		sig[p+"type"] = []string{string(d.Type)}
		sig[p+"authority"] = []string{d.Authority.Code}
		sig[p+"visit_start"] = []string{d.VisitStart}
		sig[p+"visit_end"] = []string{d.VisitEnd}
		sig[p+"lead_inspector"] = []string{d.LeadInspector}
		judgements, themes := map[string]bool{}, map[string]bool{}
		var recs, sw []string
		for _, f := range d.Findings {
			words := strings.Join(unseenWords(f.Text), " ")
			switch f.Kind {
			case extract.KindJudgement:
				judgements[string(f.Domain)+"="+string(f.Grade)] = true
			case extract.KindRecommendation, extract.KindPriorityAction:
				recs = append(recs, words)
			case extract.KindStrength, extract.KindWeakness:
				sw = append(sw, string(f.Kind)+": "+words)
			}
			for _, th := range f.Themes {
				themes[th] = true
			}
		}
		sig[p+"judgements"] = signatureSet(judgements)
		sig[p+"recommendations"] = sortedCopy(recs)
		sig[p+"strengths_weaknesses"] = sortedCopy(sw)
		sig[p+"themes"] = signatureSet(themes)
	}
	return sig
}

func sortedCopy(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return s
}

func signatureSet(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
