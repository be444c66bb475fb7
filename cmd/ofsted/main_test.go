package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// cli runs the command line in-process, as main would, and returns its
// exit status and output.
type cli struct {
	t   *testing.T
	env map[string]string
}

func (c cli) run(args ...string) (code int, stdout, stderr string) {
	c.t.Helper()
	var out, errb bytes.Buffer
	e := &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		getenv: func(k string) string { return c.env[k] },
		isTTY:  func(io.Writer) bool { return false },
	}
	code = runEnv(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func newCLI(t *testing.T) cli {
	return cli{t: t, env: map[string]string{"HOME": t.TempDir()}}
}

func sampleDir(t *testing.T) string {
	t.Helper()
	d, err := filepath.Abs(filepath.Join("..", "..", "testdata", "sample"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(d); err != nil {
		t.Fatalf("sample folder: %v", err)
	}
	return d
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from golden (run go test ./cmd/ofsted -update to accept):\n%s", name, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return ""
}

func TestIngestSearchExport(t *testing.T) {
	c := newCLI(t)
	sample := sampleDir(t)
	idx := filepath.Join(t.TempDir(), "idx")

	code, out, errs := c.run("ingest", sample, "--index", idx, "--quiet")
	if code != exitOK {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, errs)
	}
	if !strings.Contains(out, "failed 0") || strings.Contains(out, "ingested 0,") {
		t.Errorf("ingest summary:\n%s", out)
	}

	code, out, _ = c.run("ingest", sample, "--index", idx, "--quiet")
	if code != exitOK || !strings.Contains(out, "ingested 0, unchanged ") {
		t.Errorf("second ingest should find everything unchanged: exit %d\n%s", code, out)
	}

	code, out, errs = c.run("search", `"strategy discussions"`, "--index", idx)
	if code != exitOK {
		t.Fatalf("search: exit %d\n%s", code, errs)
	}
	if !strings.Contains(out, "**strategy discussions**") && !strings.Contains(strings.ToLower(out), "**strategy** **discussions**") {
		t.Errorf("search output has no highlighted phrase:\n%s", out)
	}
	if !strings.Contains(out, "authority:") || !strings.Contains(out, "year:") {
		t.Errorf("search output has no facets:\n%s", out)
	}

	code, out, errs = c.run("export", "--index", idx)
	if code != exitOK {
		t.Fatalf("export: exit %d\n%s", code, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("export is not valid CSV: %v", err)
	}
	if got := strings.Join(rows[0], ","); got != strings.Join(csvColumns, ",") {
		t.Errorf("header = %s", got)
	}
	if len(rows) < 20 {
		t.Errorf("export has %d rows, want one per finding (dozens)", len(rows))
	}
	for _, r := range rows[1:] {
		if len(r[11]) > 0 && strings.ContainsRune("=+-@", rune(r[11][0])) {
			t.Errorf("unsafe cell: %q", r[11])
		}
	}
	golden(t, "export.csv", strings.ReplaceAll(out, sample+string(os.PathSeparator), "sample/"))
}

// TestExtractGolden pins what the pipeline finds in each sample document:
// a change to a reader or a rule shows here as a diff of findings.
func TestExtractGolden(t *testing.T) {
	c := newCLI(t)
	entries, err := os.ReadDir(filepath.Join("..", "..", "testdata", "sample"))
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"extract", "--format", "json"}
	for _, e := range entries {
		args = append(args, filepath.Join("..", "..", "testdata", "sample", e.Name()))
	}
	code, out, errs := c.run(args...)
	if code != exitSomeFailed { // readme-notes.odt is not a document
		t.Fatalf("exit %d, want %d\n%s", code, exitSomeFailed, errs)
	}
	golden(t, "extract.jsonl", out)
}
