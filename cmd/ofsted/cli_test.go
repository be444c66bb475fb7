package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		tty   bool
		quiet bool
		step  time.Duration
		want  string // substring; "" means no output at all
	}{
		{"TerminalBar", true, false, time.Second, "] 3/3 files"},
		{"LogLines", false, false, 11 * time.Second, "ingest: 1/3 files"},
		{"ShortLogRunIsSilent", false, false, time.Millisecond, ""},
		{"Quiet", true, true, time.Second, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			now := clock
			p := newProgress(&b, tc.tty, tc.quiet, 3)
			p.now = func() time.Time { return now }
			p.start, p.last = now, now
			for i := 0; i < 3; i++ {
				now = now.Add(tc.step)
				p.step()
			}
			p.finish()
			if tc.want == "" && b.Len() > 0 {
				t.Errorf("want no output, got %q", b.String())
			}
			if tc.want != "" && !strings.Contains(b.String(), tc.want) {
				t.Errorf("output %q lacks %q", b.String(), tc.want)
			}
		})
	}
}

func TestExitStatus(t *testing.T) {
	c := newCLI(t)
	idx := filepath.Join(t.TempDir(), "idx")
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"UnknownCommand", []string{"frobnicate"}, exitUsage},
		{"UnknownFlag", []string{"search", "--nope", "x"}, exitUsage},
		{"BadType", []string{"search", "x", "--type", "report", "--index", idx}, exitUsage},
		{"BadGrade", []string{"export", "--grade", "excellent", "--index", idx}, exitUsage},
		{"BadDate", []string{"search", "x", "--from", "last year", "--index", idx}, exitUsage},
		{"UnknownAuthority", []string{"search", "x", "--authority", "Atlantis", "--index", idx}, exitUsage},
		{"NoIndex", []string{"search", "x", "--index", idx}, exitError},
		{"MissingFile", []string{"extract", "/no/such/file.pdf"}, exitSomeFailed},
		{"Help", []string{"--help"}, exitOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, out, errs := c.run(tc.args...); code != tc.want {
				t.Errorf("exit %d, want %d\n%s%s", code, tc.want, out, errs)
			}
		})
	}
}

// TestExtractJSON checks the shape of `extract --format json`: one object
// per input file per line, in input order, with exactly the fields the
// documentation promises.
func TestExtractJSON(t *testing.T) {
	c := newCLI(t)
	sample := sampleDir(t)
	files := []string{filepath.Join(sample, "ilacs-2023.pdf"), filepath.Join("..", "..", "testdata", "bad", "error-page.pdf"), filepath.Join(sample, "news-2024.html")}
	code, out, errs := c.run(append([]string{"extract", "--format", "json"}, files...)...)
	if code != exitSomeFailed {
		t.Fatalf("exit %d, want %d (one bad file)\n%s", code, exitSomeFailed, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(files) {
		t.Fatalf("%d lines, want %d", len(lines), len(files))
	}
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if m["file"] != files[i] {
			t.Errorf("line %d: file %v, want %s", i, m["file"], files[i])
		}
		if len(m["sha256"].(string)) != 64 {
			t.Errorf("line %d: sha256 %v", i, m["sha256"])
		}
		_, hasErr := m["error"]
		if hasErr != (i == 1) {
			t.Errorf("line %d: error present = %v", i, hasErr)
		}
	}
	var rec fileJSON
	json.Unmarshal([]byte(lines[0]), &rec)
	d := rec.Documents[0]
	if d.Type != "ilacs_inspection" || d.Authority.Code != "E06000018" || d.VisitStart != "2023-07-10" || d.PageStart != 1 {
		t.Errorf("first document: %+v", d)
	}
	var raw map[string]any
	json.Unmarshal([]byte(lines[0]), &raw)
	doc := raw["documents"].([]any)[0].(map[string]any)
	for _, k := range []string{"type", "title", "authority", "published", "visit_start", "visit_end", "lead_inspector", "page_start", "page_end", "findings"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("document lacks %q", k)
		}
	}
	f := doc["findings"].([]any)[0].(map[string]any)
	for _, k := range []string{"kind", "domain", "grade", "text", "page", "rule", "themes"} {
		if _, ok := f[k]; !ok {
			t.Errorf("finding lacks %q", k)
		}
	}
	if !strings.Contains(lines[1], `"error":"not a PDF: HTML content"`) {
		t.Errorf("HTML saved as PDF: %s", lines[1])
	}
}

// TestExtractWarnings checks that what extraction did not understand is
// reported with the document, in JSON and in the summary for people.
func TestExtractWarnings(t *testing.T) {
	c := newCLI(t)
	file := filepath.Join(unseenDir, "framework", "unknown-domain-row.txt")
	for _, tc := range []struct{ format, want string }{
		{"json", `"warnings":["grade table: row \"The experiences and progress of young carers\" graded`},
		{"text", `    warning:        grade table: row "The experiences and progress of young carers" graded`},
	} {
		code, out, errs := c.run("extract", "--format", tc.format, file)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", tc.format, code, errs)
		}
		if !strings.Contains(out, tc.want) {
			t.Errorf("%s output lacks %q:\n%s", tc.format, tc.want, out)
		}
	}
}

func TestFilterFlags(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    filterFlags
		want string // Type|Kind|Grade|Authority
	}{
		{"Lists", filterFlags{typ: "ILACS_inspection, focused_visit", kind: "strength,weakness"}, "ilacs_inspection,focused_visit|strength,weakness||"},
		{"GradeAsWritten", filterFlags{grade: "Requires improvement to be good,good"}, "||requires_improvement,good|"},
		{"AuthorityByAlias", filterFlags{authority: "Nottingham City Council"}, "|||E06000018"},
		{"AuthorityByCode", filterFlags{authority: "e10000024"}, "|||E10000024"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := tc.f.query("")
			if err != nil {
				t.Fatal(err)
			}
			if got := q.Type + "|" + q.Kind + "|" + q.Grade + "|" + q.Authority; got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}
