package find

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

// corpusDir returns $OFSTED_CORPUS, or walks up from the package directory
// to find shared/corpus.
func corpusDir(t testing.TB) string {
	t.Helper()
	if c := os.Getenv("OFSTED_CORPUS"); c != "" {
		return c
	}
	dir, _ := filepath.Abs(".")
	for {
		for _, c := range []string{filepath.Join(dir, "shared", "corpus"), filepath.Join(dir, "..", "shared", "corpus")} {
			if st, err := os.Stat(filepath.Join(c, "labels.csv")); err == nil && !st.IsDir() {
				return c
			}
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skip("corpus not found (looked for shared/corpus above the package): skipping corpus measures")
		}
		dir = up
	}
}

func readCSV(t testing.TB, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			if i < len(r) {
				m[h] = r[i]
			}
		}
		out = append(out, m)
	}
	return out
}

// corpusPages returns the pages of a corpus file: pdftotext's output for a
// PDF (cached in a temp dir), the whole text for anything else.
func corpusPages(t testing.TB, corpus, file string) []string {
	t.Helper()
	path := filepath.Join(corpus, file)
	if !strings.HasSuffix(strings.ToLower(file), ".pdf") {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		return []string{string(b)}
	}
	sum := sha256.Sum256([]byte(file))
	cache := filepath.Join(os.TempDir(), "ofsted-find-cache", hex.EncodeToString(sum[:8])+".txt")
	b, err := os.ReadFile(cache)
	if err != nil {
		b, err = exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			return nil // not a PDF at all (the corpus has some)
		}
		os.MkdirAll(filepath.Dir(cache), 0o755)
		os.WriteFile(cache, b, 0o644)
	}
	pages := strings.Split(string(b), "\f")
	if len(pages) > 1 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

var reNormWord = regexp.MustCompile(`[a-z0-9]+`)

func normWords(s string) map[string]int {
	m := map[string]int{}
	for _, w := range reNormWord.FindAllString(strings.ReplaceAll(strings.ToLower(s), "-", ""), -1) {
		m[w]++
	}
	return m
}

// contains is ../shared/score's contains: >= 80% of part's words occur in
// text, and text is not much longer than part (when maxRatio > 0).
func contains(part, text string, maxRatio float64) bool {
	p, tw := normWords(part), normWords(text)
	np, nt := 0, 0
	for _, n := range p {
		np += n
	}
	for _, n := range tw {
		nt += n
	}
	if np == 0 || (maxRatio > 0 && float64(nt) > maxRatio*float64(np)+10) {
		return false
	}
	hit := 0
	for w, n := range p {
		hit += min(n, tw[w])
	}
	return float64(hit)/float64(np) >= 0.8
}

type measure struct {
	name        string
	hits, total int
	misses      []string
}

func (m *measure) add(ok bool, miss string) {
	m.total++
	if ok {
		m.hits++
	} else {
		m.misses = append(m.misses, miss)
	}
}

func (m *measure) value() float64 {
	if m.total == 0 {
		return 0
	}
	return float64(m.hits) / float64(m.total)
}

func (m *measure) report(t *testing.T, floor float64) {
	t.Helper()
	t.Logf("%-20s %.3f (%d/%d)", m.name, m.value(), m.hits, m.total)
	if testing.Verbose() {
		for _, s := range m.misses {
			t.Logf("    miss: %s", s)
		}
	}
	if m.value() < floor {
		t.Errorf("%s = %.3f, want >= %.3f", m.name, m.value(), floor)
	}
}

// findAll runs Find on each file (in parallel) with the given type.
func findAll(t *testing.T, corpus string, types map[string]extract.Type) map[string][]extract.Finding {
	out := map[string][]extract.Finding{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for f, typ := range types {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			pages := corpusPages(t, corpus, f)
			got := Find(&extract.Document{Type: typ}, &extract.Source{Path: f, Pages: pages})
			mu.Lock()
			out[f] = got
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out
}

// measuredCorpus returns the corpus folder for a test that measures the
// rules on it, skipping the test with -short, without the corpus, or
// without pdftotext (which the texts are read with).
func measuredCorpus(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("corpus measures are slow; skipped with -short")
	}
	corpus := corpusDir(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed: skipping corpus measures")
	}
	return corpus
}

func TestCorpusJudgements(t *testing.T) {
	corpus := measuredCorpus(t)
	labels := readCSV(t, filepath.Join(corpus, "labels.csv"))
	types := map[string]extract.Type{}
	for _, r := range labels {
		if (r["type"] == string(extract.TypeILACS) || r["type"] == string(extract.TypeSIF)) && r["grades_from"] != "" {
			types[r["file"]] = extract.Type(r["type"])
		}
	}
	got := findAll(t, corpus, types)
	recall, precision := &measure{name: "judgement_recall"}, &measure{name: "judgement_precision"}
	exact := &measure{name: "file_grades_exact"}
	for _, r := range labels {
		fs, ok := got[r["file"]]
		if !ok {
			continue
		}
		have := map[extract.Domain]extract.Grade{}
		for _, f := range fs {
			if f.Kind == extract.KindJudgement {
				if _, dup := have[f.Domain]; dup {
					t.Errorf("%s: two judgements for %s", r["file"], f.Domain)
				}
				have[f.Domain] = f.Grade
			}
		}
		want := map[extract.Domain]extract.Grade{}
		for _, d := range extract.Domains() {
			if g := r[string(d)]; g != "" {
				want[d] = extract.Grade(g)
			}
		}
		for d, g := range want {
			recall.add(have[d] == g, fmt.Sprintf("%s: %s=%s want %s", r["file"], d, have[d], g))
		}
		for d, g := range have {
			precision.add(want[d] == g, fmt.Sprintf("%s: %s=%s want %s", r["file"], d, g, want[d]))
		}
		exact.add(fmt.Sprint(have) == fmt.Sprint(want), fmt.Sprintf("%s: %v want %v", r["file"], have, want))
	}
	recall.report(t, 0.99)
	precision.report(t, 0.99)
	exact.report(t, 0.95)
}

func TestCorpusRecommendations(t *testing.T) {
	corpus := measuredCorpus(t)
	gold := readCSV(t, filepath.Join(corpus, "gold", "recs.csv"))
	types := map[string]extract.Type{}
	items := map[string][]map[string]string{}
	var files []string
	for _, r := range gold {
		if _, ok := types[r["file"]]; !ok {
			files = append(files, r["file"])
		}
		types[r["file"]] = extract.Type(r["doc_type"])
		if r["item_no"] != "0" {
			items[r["file"]] = append(items[r["file"]], r)
		}
	}
	got := findAll(t, corpus, types)
	exact := &measure{name: "recs_docs_exact"}
	recall, precision := &measure{name: "recs_recall"}, &measure{name: "recs_precision"}
	for _, f := range files {
		var found []extract.Finding
		for _, x := range got[f] {
			if x.Kind == extract.KindRecommendation || x.Kind == extract.KindPriorityAction {
				found = append(found, x)
			}
		}
		exact.add(len(found) == len(items[f]), fmt.Sprintf("%s: %d want %d", f, len(found), len(items[f])))
		for _, r := range items[f] {
			ok := false
			for _, x := range found {
				ok = ok || contains(r["text"], x.Text, 0)
			}
			recall.add(ok, fmt.Sprintf("%s: #%s %.80s", f, r["item_no"], r["text"]))
		}
		for _, x := range found {
			ok := false
			for _, r := range items[f] {
				ok = ok || contains(r["text"], x.Text, 1.5) || contains(x.Text, r["text"], 0)
			}
			precision.add(ok, fmt.Sprintf("%s: p%d %.100s", f, x.Page, x.Text))
		}
	}
	exact.report(t, 0.9)
	recall.report(t, 0.97)
	precision.report(t, 0.98)
}
