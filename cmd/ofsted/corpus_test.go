package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir finds the shared corpus of real documents beside the
// repository, or skips: it is not part of the project.
func corpusDir(t *testing.T) string {
	t.Helper()
	d := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(filepath.Join(d, "labels.csv")); err != nil {
		t.Skipf("no shared corpus at %s: end-to-end test on real documents skipped", d)
	}
	abs, _ := filepath.Abs(d)
	return abs
}

// TestCorpusEndToEnd runs ingest, search and export on real documents: the
// committee pack and news texts, and the two web pages saved as PDFs.
func TestCorpusEndToEnd(t *testing.T) {
	corpus := corpusDir(t)
	c := newCLI(t)
	idx := filepath.Join(t.TempDir(), "idx")
	code, out, errs := c.run("ingest", filepath.Join(corpus, "text"), filepath.Join(corpus, "pdf", "not-a-pdf"), "--index", idx, "--quiet")
	if code != exitSomeFailed {
		t.Fatalf("ingest: exit %d, want %d (two HTML pages saved as .pdf)\n%s%s", code, exitSomeFailed, out, errs)
	}
	if strings.Count(out, ": not a PDF: HTML content") != 2 || !strings.Contains(out, "ingested 5,") {
		t.Errorf("ingest summary:\n%s", out)
	}
	code, out, _ = c.run("search", `"strategy discussions"`, "--index", idx, "--format", "json")
	if code != exitOK {
		t.Fatalf("search: exit %d", code)
	}
	var res struct {
		Total int `json:"total"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Total == 0 {
		t.Errorf("search: %v, %d hits\n%.300s", err, res.Total, out)
	}
	// The pack yields its embedded report and three letters, each with findings.
	_, exp, _ := c.run("export", "--index", idx, "--type", "monitoring_visit,ilacs_inspection")
	for _, want := range []string{"monitoring_visit,Nottingham,E06000018,2023-04-04", "ilacs_inspection,Nottingham,E06000018"} {
		if !strings.Contains(exp, want) {
			t.Errorf("export lacks %q", want)
		}
	}
}
