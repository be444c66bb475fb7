package classify

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

// findCorpus walks up from the package directory to shared/corpus.
func findCorpus(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		c := filepath.Join(dir, "shared", "corpus")
		if _, err := os.Stat(filepath.Join(c, "labels.csv")); err == nil {
			return c
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("corpus not found (looked for shared/corpus/labels.csv above the package): skipping corpus measures")
		}
		dir = parent
	}
}

// pdfText runs pdftotext on a corpus PDF, caching the text in the temp dir
// (keyed by path, size and modification time) so that reruns are fast.
func pdfText(path string) (string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	h := sha256.Sum256([]byte(fmt.Sprintf("%s|%d|%d", path, st.Size(), st.ModTime().UnixNano())))
	cache := filepath.Join(os.TempDir(), "ofsted-classify-pdftotext", hex.EncodeToString(h[:12])+".txt")
	if b, err := os.ReadFile(cache); err == nil {
		return string(b), nil
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		return "", fmt.Errorf("pdftotext %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(cache), 0o755); err == nil {
		_ = os.WriteFile(cache, out, 0o644)
	}
	return string(out), nil
}

// corpusSource builds the Source the readers would give for a corpus file.
func corpusSource(corpus, file string) (*extract.Source, error) {
	path := filepath.Join(corpus, file)
	if strings.HasSuffix(strings.ToLower(file), ".pdf") {
		text, err := pdfText(path)
		if err != nil {
			return nil, err
		}
		return &extract.Source{Path: path, Format: "pdf", Pages: strings.Split(text, "\f")}, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return &extract.Source{Path: path, Format: "text", Pages: []string{string(b)}}, nil
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
		return 1
	}
	return float64(m.hits) / float64(m.total)
}

// TestCorpus runs Classify over every labelled corpus file and checks the
// accuracy of type, authority and dates, and every embedded pack document.
func TestCorpus(t *testing.T) {
	corpus := findCorpus(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed: skipping corpus measures")
	}
	f, err := os.Open(filepath.Join(corpus, "labels.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	header := rows[0]
	col := func(r []string, name string) string {
		for i, h := range header {
			if h == name {
				return r[i]
			}
		}
		return ""
	}
	rows = rows[1:]
	docs := make([][]extract.Document, len(rows))
	errs := make([]error, len(rows))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, r := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			src, err := corpusSource(corpus, col(r, "file"))
			if err != nil {
				errs[i] = err
				return
			}
			docs[i] = Classify(src)
		}()
	}
	wg.Wait()

	ms := map[string]*measure{}
	get := func(n string) *measure {
		if ms[n] == nil {
			ms[n] = &measure{name: n}
		}
		return ms[n]
	}
	for i, r := range rows {
		file := col(r, "file")
		if errs[i] != nil {
			t.Errorf("%s: %v", file, errs[i])
			continue
		}
		d := docs[i][0]
		get("type").add(string(d.Type) == col(r, "type"), fmt.Sprintf("%s: %q want %q", file, d.Type, col(r, "type")))
		get("authority").add(d.Authority.Code == col(r, "authority_code"), fmt.Sprintf("%s: %v want %s", file, d.Authority, col(r, "authority_code")))
		for _, k := range []string{"published", "visit_start", "visit_end"} {
			want := col(r, k)
			if want == "" {
				continue
			}
			got := map[string]string{"published": d.Published, "visit_start": d.VisitStart, "visit_end": d.VisitEnd}[k]
			get(k).add(got == want, fmt.Sprintf("%s: %q want %q", file, got, want))
		}
	}

	// Embedded pack documents, as packs.json lists them.
	var packs map[string]struct {
		Embedded []struct {
			Type          string `json:"type"`
			AuthorityCode string `json:"authority_code"`
			Published     string `json:"published"`
			VisitStart    string `json:"visit_start"`
			VisitEnd      string `json:"visit_end"`
			LeadInspector string `json:"lead_inspector"`
		} `json:"embedded"`
	}
	if b, err := os.ReadFile(filepath.Join(corpus, "packs.json")); err == nil {
		if err := json.Unmarshal(b, &packs); err != nil {
			t.Fatal(err)
		}
	}
	for file, p := range packs {
		var got []extract.Document
		for i, r := range rows {
			if col(r, "file") == file && docs[i] != nil {
				got = docs[i][1:]
			}
		}
		if len(got) != len(p.Embedded) {
			t.Errorf("%s: %d embedded documents, want %d", file, len(got), len(p.Embedded))
		}
		for i, e := range p.Embedded {
			ok := i < len(got)
			if ok {
				g := got[i]
				ok = string(g.Type) == e.Type && g.Authority.Code == e.AuthorityCode &&
					(e.Published == "" || g.Published == e.Published) &&
					(e.VisitStart == "" || g.VisitStart == e.VisitStart) &&
					(e.VisitEnd == "" || g.VisitEnd == e.VisitEnd) &&
					(e.LeadInspector == "" || g.LeadInspector == e.LeadInspector)
			}
			miss := fmt.Sprintf("%s: embedded #%d want %+v", file, i+1, e)
			if i < len(got) {
				miss += fmt.Sprintf(" got %s %v %s %s..%s lead %q pages %d-%d", got[i].Type, got[i].Authority, got[i].Published,
					got[i].VisitStart, got[i].VisitEnd, got[i].LeadInspector, got[i].PageStart, got[i].PageEnd)
			}
			get("pack_documents").add(ok, miss)
		}
	}

	floors := map[string]float64{"type": 0.99, "authority": 0.99, "published": 0.95, "visit_start": 0.97, "visit_end": 0.95, "pack_documents": 1}
	for _, n := range []string{"type", "authority", "published", "visit_start", "visit_end", "pack_documents"} {
		m := get(n)
		t.Logf("%-15s %.3f (%d/%d)", n, m.value(), m.hits, m.total)
		for _, miss := range m.misses {
			t.Logf("    miss: %s", miss)
		}
		if m.value() < floors[n] {
			t.Errorf("%s accuracy %.3f below floor %.2f", n, m.value(), floors[n])
		}
	}
}
