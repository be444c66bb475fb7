package main

// TestUnseen holds the extraction to documents written like the ones it
// has never seen. testdata/unseen/<class>/<case>.txt (or .html) is a
// document written by us in the layout of a real one, one class per way
// extraction fails on unseen documents (issue 10): type, framework, lists,
// sentences, monitoring, authority, news, dates. Beside it,
// <case>.want.json states only what that case is about. Every file is
// extracted through a name like a download's (00007.txt), so nothing can
// come from its name. Checks that fail today are listed in
// testdata/unseen/known-gaps.txt (see ratchet_test.go).

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ofsted/ofsted/extract"
)

// unseenWant is what a fixture's want.json may state about a document.
// Absent fields are not checked.
type unseenWant struct {
	About          string `json:"about"` // what the case is about, for people
	Type           string `json:"type"`
	AuthorityCode  string `json:"authority_code"`
	Published      string `json:"published"`
	PublishedFrom  string `json:"published_from"`
	VisitStart     string `json:"visit_start"`
	VisitEnd       string `json:"visit_end"`
	LeadInspector  string `json:"lead_inspector"`
	VisitNumber    int    `json:"visit_number"`
	WarningsMin    int    `json:"warnings_min"`
	NoJudgements   bool   `json:"no_judgements"`
	JudgementsOnly bool   `json:"judgements_only"` // no judgement beyond those in Judgements
	// Judgements maps a domain to the grade the document gives it.
	Judgements map[string]string `json:"judgements"`
	// Recommendations is every recommendation or priority-action item, in
	// order; a present empty list means the document has none.
	Recommendations *[]string `json:"recommendations"`
	Strengths       []string  `json:"strengths"`
	Weaknesses      []string  `json:"weaknesses"`
	// Neutral sentences must be neither a strength nor a weakness.
	Neutral []string `json:"neutral"`
	// Themes maps a sentence to a theme some finding on it must carry.
	Themes map[string]string `json:"themes"`
	Focus  []string          `json:"focus"`
	// Progress are statements of a council's progress (committee papers).
	Progress []string `json:"progress"`
	// Embedded are the documents expected after the file's own (a letter
	// inside a web page, a report inside a pack), each matched to the
	// first later document of its type.
	Embedded []unseenWant `json:"embedded"`
}

const unseenDir = "../../testdata/unseen"

const unseenGapsHeader = `Known gaps of TestUnseen (cmd/ofsted/unseen_test.go): checks of the testdata/unseen
fixtures that fail today. One line per check: FIXTURE CHECK<TAB>what was found instead.
The test fails when a check not listed here fails, and when a listed check passes:
delete its line. Regenerate with: go test ./cmd/ofsted -run 'Unseen|Metamorphic' -update-gaps`

// unseenFixture is one fixture file and its expectations.
type unseenFixture struct {
	name string // class/case
	path string
	want unseenWant
}

func unseenFixtures(t *testing.T) []unseenFixture {
	t.Helper()
	wants, err := filepath.Glob(filepath.Join(unseenDir, "*", "*.want.json"))
	if err != nil || len(wants) == 0 {
		t.Fatalf("no fixtures in %s: %v", unseenDir, err)
	}
	sort.Strings(wants)
	themes := themeNames(t)
	var out []unseenFixture
	for _, w := range wants {
		base := strings.TrimSuffix(w, ".want.json")
		fx := unseenFixture{name: filepath.ToSlash(strings.TrimPrefix(base, unseenDir+string(filepath.Separator)))}
		for _, ext := range []string{".txt", ".html"} {
			if _, err := os.Stat(base + ext); err == nil {
				fx.path = base + ext
			}
		}
		if fx.path == "" {
			t.Fatalf("%s: no %s.txt or .html beside it", w, filepath.Base(base))
		}
		b, err := os.ReadFile(w)
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&fx.want); err != nil {
			t.Fatalf("%s: %v", w, err)
		}
		for _, err := range validateWant(fx.want, themes) {
			t.Errorf("%s: %v", w, err)
		}
		out = append(out, fx)
	}
	// A fixture without expectations checks nothing: say so.
	for _, ext := range []string{"*.txt", "*.html"} {
		docs, _ := filepath.Glob(filepath.Join(unseenDir, "*", ext))
		for _, d := range docs {
			if _, err := os.Stat(strings.TrimSuffix(d, filepath.Ext(d)) + ".want.json"); err != nil {
				t.Errorf("%s has no .want.json beside it", d)
			}
		}
	}
	return out
}

// validateWant reports the values of an expectation that no extraction
// could ever produce (a misspelt domain, grade, type, theme or date), so
// that no check fails for a typo.
func validateWant(w unseenWant, themes map[string]bool) []error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if w.Type != "" && !inVocab(w.Type, extract.Types()) {
		bad("unknown type %q", w.Type)
	}
	for dom, grade := range w.Judgements {
		if !inVocab(dom, extract.Domains()) {
			bad("unknown domain %q", dom)
		}
		if !inVocab(grade, extract.Grades()) {
			bad("unknown grade %q", grade)
		}
	}
	for _, d := range []string{w.Published, w.VisitStart, w.VisitEnd} {
		if _, err := time.Parse("2006-01-02", d); d != "" && err != nil {
			bad("date %q is not YYYY-MM-DD", d)
		}
	}
	from := []string{extract.PublishedFromText, extract.PublishedFromMetadata, extract.PublishedFromFileName, extract.PublishedFromCreated}
	if w.PublishedFrom != "" && !inVocab(w.PublishedFrom, from) {
		bad("unknown published_from %q", w.PublishedFrom)
	}
	for _, th := range w.Themes {
		if !themes[th] {
			bad("unknown theme %q", th)
		}
	}
	if w.NoJudgements && (len(w.Judgements) > 0 || w.JudgementsOnly) {
		bad("no_judgements with judgements")
	}
	for _, e := range w.Embedded {
		if len(e.Embedded) > 0 {
			bad("an embedded document has embedded documents")
		}
		errs = append(errs, validateWant(e, themes)...)
	}
	return errs
}

// themeNames reads the theme names from docs/themes.md, the generated
// table of every theme the extraction tags findings with, rather than from
// the code that defines them, which is being moved.
func themeNames(t *testing.T) map[string]bool {
	t.Helper()
	path := filepath.Join("..", "..", "docs", "themes.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("theme names for checking want.json files: %v", err)
	}
	names := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "| `"); ok {
			if name, _, ok := strings.Cut(rest, "`"); ok {
				names[name] = true
			}
		}
	}
	if len(names) < 10 {
		t.Fatalf("%s lists %d themes: is it still the theme table?", path, len(names))
	}
	return names
}

// inVocab reports whether v is one of a vocabulary's values.
func inVocab[T ~string](v string, vocab []T) bool {
	for _, x := range vocab {
		if string(x) == v {
			return true
		}
	}
	return false
}

// extractOpaque copies each file to a folder under a name like a
// download's, keeping its extension, runs `ofsted extract --format json`
// on all of them, and returns the documents of each input path.
func extractOpaque(t *testing.T, paths []string) map[string][]extract.Document {
	t.Helper()
	dir := t.TempDir()
	alias := map[string]string{}
	var args []string
	for i, p := range paths {
		a := filepath.Join(dir, fmt.Sprintf("%05d%s", i, filepath.Ext(p)))
		copyFile(t, p, a)
		alias[a] = p
		args = append(args, a)
	}
	return extractFiles(t, args, alias)
}

// extractFiles runs the CLI's extract on files and returns the documents
// of each, keyed by alias[file] (or the file itself).
func extractFiles(t *testing.T, files []string, alias map[string]string) map[string][]extract.Document {
	t.Helper()
	c := newCLI(t)
	code, out, errs := c.run(append([]string{"extract", "--format", "json"}, files...)...)
	if code != exitOK {
		t.Fatalf("extract: exit %d\n%s", code, oneLine(errs, 500))
	}
	got := map[string][]extract.Document{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var r fileJSON
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("extract output is not JSON lines: %v", err)
		}
		key := r.File
		if a, ok := alias[key]; ok {
			key = a
		}
		got[key] = r.Documents
	}
	if len(got) != len(files) {
		t.Fatalf("extract answered for %d of %d files", len(got), len(files))
	}
	return got
}

func TestUnseen(t *testing.T) {
	fixtures := unseenFixtures(t)
	var paths []string
	for _, fx := range fixtures {
		paths = append(paths, fx.path)
	}
	got := extractOpaque(t, paths)
	var results []checkResult
	byClass := newTally("checks", "pass", "fail")
	for _, fx := range fixtures {
		rs := checkUnseen(fx.want, got[fx.path])
		for i := range rs {
			rs[i].fixture = fx.name
			byClass.add(strings.Split(fx.name, "/")[0], rs[i].ok)
		}
		results = append(results, rs...)
	}
	known := judgeRatchet(t, filepath.Join(unseenDir, "known-gaps.txt"), unseenGapsHeader, results)
	t.Logf("unseen fixtures: %d checks, %d pass, %d known gaps (%d fixtures)\n%s",
		len(results), passing(results), known, len(fixtures), byClass)
}

// checkUnseen checks the documents extracted from one file against its
// expectations: the first document against want, each of want.Embedded
// against the first later document of its type.
func checkUnseen(want unseenWant, docs []extract.Document) []checkResult {
	if len(docs) == 0 {
		docs = []extract.Document{{}}
	}
	rs := checkUnseenDoc("", want, &docs[0])
	used := map[int]bool{}
	for i, w := range want.Embedded {
		prefix := fmt.Sprintf("doc%d.", i+1)
		var d *extract.Document
		for j := 1; j < len(docs); j++ {
			if !used[j] && (w.Type == "" || string(docs[j].Type) == w.Type) {
				used[j], d = true, &docs[j]
				break
			}
		}
		if d == nil {
			rs = append(rs, checkResult{check: prefix + "found", reason: fmt.Sprintf("no embedded %s among %d documents", orDash(w.Type), len(docs))})
			continue
		}
		rs = append(rs, checkUnseenDoc(prefix, w, d)...)
	}
	return rs
}

// checkUnseenDoc checks one document; check names start with prefix.
func checkUnseenDoc(prefix string, w unseenWant, d *extract.Document) []checkResult {
	var rs []checkResult
	add := func(check string, ok bool, reason string, args ...any) {
		rs = append(rs, checkResult{check: prefix + check, ok: ok, reason: fmt.Sprintf(reason, args...)})
	}
	equal := func(check, want, got string) {
		if want != "" {
			add(check, want == got, "got %q", got)
		}
	}
	equal("type", w.Type, string(d.Type))
	equal("authority_code", w.AuthorityCode, d.Authority.Code)
	equal("published", w.Published, d.Published)
	equal("published_from", w.PublishedFrom, d.PublishedFrom)
	equal("visit_start", w.VisitStart, d.VisitStart)
	equal("visit_end", w.VisitEnd, d.VisitEnd)
	if w.LeadInspector != "" {
		add("lead_inspector", strings.Join(unseenWords(w.LeadInspector), " ") == strings.Join(unseenWords(d.LeadInspector), " "), "got %q", d.LeadInspector)
	}
	if w.VisitNumber != 0 {
		add("visit_number", w.VisitNumber == d.VisitNumber, "got %d", d.VisitNumber)
	}
	if w.WarningsMin > 0 {
		add("warnings_min", len(d.Warnings) >= w.WarningsMin, "got %d warnings %q", len(d.Warnings), d.Warnings)
	}

	of := func(kinds ...extract.Kind) []extract.Finding {
		var out []extract.Finding
		for _, f := range d.Findings {
			for _, k := range kinds {
				if f.Kind == k {
					out = append(out, f)
				}
			}
		}
		return out
	}
	judgements := of(extract.KindJudgement)
	var jtext []string
	for _, f := range judgements {
		jtext = append(jtext, string(f.Domain)+"="+string(f.Grade))
	}
	if w.NoJudgements {
		add("no_judgements", len(judgements) == 0, "got %s", strings.Join(jtext, " "))
	}
	for _, dom := range sortedKeys(w.Judgements) {
		grade := w.Judgements[dom]
		ok := false
		for _, f := range judgements {
			ok = ok || (string(f.Domain) == dom && string(f.Grade) == grade)
		}
		add("judgement."+dom, ok, "got [%s]", strings.Join(jtext, " "))
	}
	if w.JudgementsOnly {
		var extra []string
		for _, f := range judgements {
			if w.Judgements[string(f.Domain)] != string(f.Grade) {
				extra = append(extra, string(f.Domain)+"="+string(f.Grade))
			}
		}
		add("judgements_only", len(extra) == 0, "also got %s", strings.Join(extra, " "))
	}

	if w.Recommendations != nil {
		items := *w.Recommendations
		recs := of(extract.KindRecommendation, extract.KindPriorityAction)
		add("recommendations.count", len(recs) == len(items), "got %d items, want %d", len(recs), len(items))
		last, inOrder := -1, true
		for i, item := range items {
			at := findText(recs, item, 1.5)
			add(fmt.Sprintf("recommendation.%d", i+1), at >= 0, "not found: %s", oneLine(item, 70))
			if at >= 0 {
				inOrder = inOrder && at > last
				last = at
			}
		}
		if len(items) > 1 {
			add("recommendations.order", inOrder, "items found out of order")
		}
	}
	sentenceChecks := func(name string, want []string, kind extract.Kind) {
		fs := of(kind)
		for i, s := range want {
			add(fmt.Sprintf("%s.%d", name, i+1), findText(fs, s, 2.5) >= 0, "no %s: %s", kind, oneLine(s, 70))
		}
	}
	sentenceChecks("strength", w.Strengths, extract.KindStrength)
	sentenceChecks("weakness", w.Weaknesses, extract.KindWeakness)
	sentenceChecks("focus", w.Focus, extract.KindFocus)
	sentenceChecks("progress", w.Progress, extract.KindProgress)
	sw := of(extract.KindStrength, extract.KindWeakness)
	for i, s := range w.Neutral {
		at := findText(sw, s, 2.5)
		reason := ""
		if at >= 0 {
			reason = fmt.Sprintf("taken as a %s: %s", sw[at].Kind, oneLine(s, 60))
		}
		add(fmt.Sprintf("neutral.%d", i+1), at < 0, "%s", reason)
	}
	byTheme := map[string]int{}
	for _, s := range sortedKeys(w.Themes) {
		theme := w.Themes[s]
		byTheme[theme]++
		ok := false
		var seen []string
		for _, f := range d.Findings {
			if f.Kind == extract.KindJudgement || !textHolds(s, f.Text, 2.5) {
				continue
			}
			seen = append(seen, f.Themes...)
			for _, th := range f.Themes {
				ok = ok || th == theme
			}
		}
		reason := "no finding on: " + oneLine(s, 60)
		if seen != nil {
			reason = fmt.Sprintf("themes %v on: %s", seen, oneLine(s, 60))
		}
		add(fmt.Sprintf("theme.%s.%d", theme, byTheme[theme]), ok, "%s", reason)
	}
	return rs
}

// findText returns the index of the first finding whose text holds text
// (see textHolds), or -1.
func findText(fs []extract.Finding, text string, maxRatio float64) int {
	for i, f := range fs {
		if textHolds(text, f.Text, maxRatio) {
			return i
		}
	}
	return -1
}

// textHolds reports whether finding holds at least 90% of the words of
// part, compared as lower-case words (hyphens and punctuation dropped, as
// ../shared/score compares them), and is not much longer than part (at
// most maxRatio times its words, plus ten): a finding that swallowed the
// next item or paragraph does not count as finding this one.
func textHolds(part, finding string, maxRatio float64) bool {
	p, f := unseenWords(part), unseenWords(finding)
	if len(p) == 0 || float64(len(f)) > maxRatio*float64(len(p))+10 {
		return false
	}
	have := map[string]int{}
	for _, w := range f {
		have[w]++
	}
	common := 0
	for _, w := range p {
		if have[w] > 0 {
			have[w]--
			common++
		}
	}
	return float64(common) >= 0.9*float64(len(p))
}

// unseenWords splits text into lower-case words of letters and digits,
// with hyphens dropped first ("decision-making" is "decisionmaking").
func unseenWords(s string) []string {
	s = strings.ToLower(strings.ReplaceAll(s, "-", ""))
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestUnseenWords pins the comparison the checks rest on.
func TestUnseenWords(t *testing.T) {
	for _, tc := range []struct {
		name, part, finding string
		ratio               float64
		want                bool
	}{
		{"Same", "The quality of plans.", "the quality of plans", 1.5, true},
		{"HyphenDropped", "Pre-proceedings work.", "Preproceedings work", 1.5, true},
		{"OneWordMissingOfTen", "a b c d e f g h i j", "a b c d e f g h i", 1.5, true},
		{"TwoWordsMissingOfTen", "a b c d e f g h i j", "a b c d e f g h", 1.5, false},
		{"MuchLonger", "The quality of plans.", "The quality of plans. " + strings.Repeat("More words here. ", 5), 1.5, false},
		{"LongerWithinRatio", "The quality of plans.", "The quality of plans and of reviews.", 1.5, true},
		{"Empty", "", "anything", 1.5, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := textHolds(tc.part, tc.finding, tc.ratio); got != tc.want {
				t.Errorf("textHolds(%q, %q) = %v, want %v (words %q)", tc.part, tc.finding, got, tc.want, unseenWords(tc.part))
			}
		})
	}
	if got := strings.Join(unseenWords("Children’s MASH, s47 and decision-making"), " "); got != "children s mash s47 and decisionmaking" {
		t.Errorf("unseenWords = %q", got)
	}
}

func TestValidateWant(t *testing.T) {
	themes := map[string]bool{"caseloads": true}
	for _, tc := range []struct {
		name string
		want unseenWant
		errs int
	}{
		{"Valid", unseenWant{Type: "jtai", Published: "2024-02-29", PublishedFrom: "text", Judgements: map[string]string{"leaders": "good"}, Themes: map[string]string{"s": "caseloads"}}, 0},
		{"MisspeltType", unseenWant{Type: "ilacs"}, 1},
		{"MisspeltDomainAndGrade", unseenWant{Judgements: map[string]string{"leadership": "requires_improvment"}}, 2},
		{"BadDate", unseenWant{VisitStart: "2024-02-30"}, 1},
		{"UnknownTheme", unseenWant{Themes: map[string]string{"s": "workforce"}}, 1},
		{"UnknownSource", unseenWant{PublishedFrom: "footer"}, 1},
		{"NoJudgementsWithJudgements", unseenWant{NoJudgements: true, Judgements: map[string]string{"leaders": "good"}}, 1},
		{"EmbeddedChecked", unseenWant{Embedded: []unseenWant{{Type: "letter"}}}, 1},
		{"EmbeddedTwoDeep", unseenWant{Embedded: []unseenWant{{Embedded: []unseenWant{{}}}}}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if errs := validateWant(tc.want, themes); len(errs) != tc.errs {
				t.Errorf("validateWant = %v, want %d errors", errs, tc.errs)
			}
		})
	}
}
