package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/index"
)

// pdfWith builds a PDF with the given numbered objects (1-based) and a
// correct cross-reference table, so that a test can hand the reader any
// object graph it likes.
func pdfWith(objects ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// hostileFolder writes a folder of everything that real folders hold and
// readers choke on, beside two good documents, and returns it with the
// reason each bad file must be reported with.
func hostileFolder(t *testing.T) (string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	sample := sampleDir(t)
	fixtures := filepath.Join("..", "..", "testdata", "pdf")
	copyFile(t, filepath.Join(sample, "focused-visit-2021.pdf"), filepath.Join(dir, "good.pdf"))
	copyFile(t, filepath.Join(sample, "committee-2022.txt"), filepath.Join(dir, "good.txt"))

	want := map[string]string{}
	write := func(name string, data []byte, reason string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		want[name] = reason
	}
	write("empty.pdf", nil, "empty file")
	good, err := os.ReadFile(filepath.Join(sample, "ilacs-2023.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	write("truncated.pdf", good[:len(good)/3], "corrupt PDF")
	write("html-saved-as.pdf", []byte("<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>"), "not a PDF: HTML content")
	write("image-saved-as.pdf", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "not a PDF: PNG image content")
	enc, err := os.ReadFile(filepath.Join(fixtures, "encrypted.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	write("encrypted.pdf", enc, "encrypted")
	scanned, err := os.ReadFile(filepath.Join(fixtures, "imageonly.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	write("scanned.pdf", scanned, "no text layer (scanned?)")
	// Page tree whose kids point back at itself.
	write("loop.pdf", pdfWith(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << >> /Contents 4 0 R >>",
		"<< /Length 3 >>\nstream\nq Q\nendstream",
	), "")
	// Arrays nested a hundred thousand deep.
	write("deep.pdf", pdfWith(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox "+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)+" >>",
	), "")
	// Random bytes flipped through a real report.
	flipped := append([]byte(nil), good...)
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 200; i++ {
		flipped[200+rng.Intn(len(flipped)-200)] ^= byte(1 + rng.Intn(255))
	}
	write("flipped.pdf", flipped, "") // may be read in part: any clean outcome will do
	// Past the size limit: a sparse file, so the test costs no disk.
	f, err := os.Create(filepath.Join(dir, "huge.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("%PDF-1.7\n")
	if err := f.Truncate(500 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	want["huge.pdf"] = "file too large"
	// Windows-1252 HTML with broken markup is read, not failed.
	if err := os.WriteFile(filepath.Join(dir, "legacy.html"), []byte("<html><head><meta charset=windows-1252><title>Caf\xe9 news</title><body><p>Ofsted rated the council \x93good\x94 <b>unclosed <p>Second"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A link loop and a deep tree with a good file at the bottom.
	if err := os.Symlink(dir, filepath.Join(dir, "loop-link")); err != nil {
		t.Fatal(err)
	}
	deep := dir
	for i := 0; i < 120; i++ {
		deep = filepath.Join(deep, "d")
	}
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(sample, "monitoring-visit-2022.pdf"), filepath.Join(deep, "deep-good.pdf"))
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "dangling.pdf")); err != nil {
		t.Fatal(err)
	}
	want["dangling.pdf"] = "no such file"
	if os.Geteuid() != 0 { // root reads anything: the case cannot be made
		write("unreadable.pdf", []byte("%PDF-1.4"), "permission denied")
		os.Chmod(filepath.Join(dir, "unreadable.pdf"), 0)
	}
	return dir, want
}

func TestHostileFolder(t *testing.T) {
	dir, want := hostileFolder(t)
	c := newCLI(t)
	idx := filepath.Join(t.TempDir(), "idx")
	code, out, errs := c.run("ingest", dir, "--index", idx, "--quiet", "--timeout", "30s")
	if code != exitSomeFailed {
		t.Fatalf("exit %d, want %d\n%s\n%s", code, exitSomeFailed, out, errs)
	}
	for name, reason := range want {
		line := ""
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, string(os.PathSeparator)+name+":") {
				line = l
			}
		}
		if line == "" {
			t.Errorf("%s not reported as failed:\n%s", name, out)
			continue
		}
		if reason != "" && !strings.Contains(strings.ToLower(line), strings.ToLower(reason)) {
			t.Errorf("%s: reason %q, want it to say %q", name, line, reason)
		}
	}
	for _, good := range []string{"good.pdf", "good.txt", "deep-good.pdf", "legacy.html"} {
		if strings.Contains(out, string(os.PathSeparator)+good+":") {
			t.Errorf("%s reported as failed:\n%s", good, out)
		}
	}
	// The index is consistent and holds the good documents.
	code, exp, errs := c.run("export", "--index", idx)
	if code != exitOK {
		t.Fatalf("export after hostile ingest: exit %d: %s", code, errs)
	}
	for _, good := range []string{"good.pdf", "good.txt", "deep-good.pdf"} {
		if !strings.Contains(exp, good) {
			t.Errorf("export has no findings from %s", good)
		}
	}
}

// testBinary runs the CLI as a separate process (the test binary acting as
// ofsted, see TestMain), so that it can be killed.
func testBinary(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "OFSTED_TEST_AS_MAIN=1")
	return cmd
}

// copySample copies the sample documents into dir and returns their names.
func copySample(t *testing.T, dir string) []string {
	t.Helper()
	sample := sampleDir(t)
	entries, err := os.ReadDir(sample)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		copyFile(t, filepath.Join(sample, e.Name()), filepath.Join(dir, e.Name()))
		names = append(names, e.Name())
	}
	return names
}

// manyFiles writes n small distinct text documents and the sample PDFs.
func manyFiles(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	copySample(t, dir)
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("Monitoring visit to Nottingham City children's services\n\nNote %d.\n\nWhat needs to improve\n\n• Strategy discussions should always include police colleagues (%d).\n• Supervision records should show the reasons for decisions (%d).\n", i, i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("note-%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("kill -9 test: skipped with -short")
	}
	dir := manyFiles(t, 400)
	idx := filepath.Join(t.TempDir(), "idx")
	cmd := testBinary("ingest", dir, "--index", idx, "--quiet", "--jobs", "2")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill once the record exists and the ingest is well under way.
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(filepath.Join(idx, "records")); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(1500 * time.Millisecond)
	cmd.Process.Kill()
	cmd.Wait()

	c := newCLI(t)
	code, out, errs := c.run("ingest", dir, "--index", idx, "--quiet")
	if code != exitOK {
		t.Fatalf("ingest after kill: exit %d\n%s\n%s", code, out, errs)
	}
	t.Logf("ingest after kill: %s", strings.SplitN(out, "\n", 2)[0])
	// The result equals a clean ingest of the same folder.
	clean := filepath.Join(t.TempDir(), "clean")
	if code, out, errs := c.run("ingest", dir, "--index", clean, "--quiet"); code != exitOK {
		t.Fatalf("clean ingest: exit %d\n%s\n%s", code, out, errs)
	}
	_, got, _ := c.run("export", "--index", idx)
	_, want, _ := c.run("export", "--index", clean)
	if got != want {
		t.Errorf("export after kill -9 and re-run differs from a clean ingest (%d vs %d bytes)", len(got), len(want))
	}
	_, hits, _ := c.run("search", `"strategy discussions"`, "--index", idx, "--format", "csv", "--limit", "10000")
	_, cleanHits, _ := c.run("search", `"strategy discussions"`, "--index", clean, "--format", "csv", "--limit", "10000")
	if strings.Count(hits, "\n") != strings.Count(cleanHits, "\n") {
		t.Errorf("search after kill finds %d hits, clean index %d", strings.Count(hits, "\n"), strings.Count(cleanHits, "\n"))
	}
}

func TestReadWhileIngesting(t *testing.T) {
	if testing.Short() {
		t.Skip("concurrency test: skipped with -short")
	}
	dir := manyFiles(t, 300)
	idx := filepath.Join(t.TempDir(), "idx")
	c := newCLI(t)
	if code, _, errs := c.run("ingest", sampleDir(t), "--index", idx, "--quiet"); code != exitOK {
		t.Fatalf("first ingest: %s", errs)
	}
	cmd := testBinary("ingest", dir, "--index", idx, "--quiet", "--jobs", "1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	time.Sleep(300 * time.Millisecond)
	for _, args := range [][]string{{"search", "strategy"}, {"export"}} {
		start := time.Now()
		r := testBinary(append(args, "--index", idx)...)
		var stderr bytes.Buffer
		r.Stderr = &stderr
		err := r.Run()
		if time.Since(start) > 20*time.Second {
			t.Errorf("%s took %s while an ingest ran: want an answer, not a wait", args[0], time.Since(start))
		}
		if err != nil && !strings.Contains(stderr.String(), "being written by process") {
			t.Errorf("%s during ingest: %v: %s", args[0], err, stderr.String())
		}
		if strings.Contains(stderr.String(), "goroutine ") {
			t.Errorf("%s printed a stack trace:\n%s", args[0], stderr.String())
		}
	}
}

func TestPruneAndReindex(t *testing.T) {
	dir := manyFiles(t, 3)
	idx := filepath.Join(t.TempDir(), "idx")
	c := newCLI(t)
	if code, out, errs := c.run("ingest", dir, "--index", idx, "--quiet"); code != exitOK {
		t.Fatalf("ingest: %s %s", out, errs)
	}
	if err := os.Remove(filepath.Join(dir, "note-0001.txt")); err != nil {
		t.Fatal(err)
	}
	code, out, _ := c.run("ingest", dir, "--index", idx, "--quiet", "--prune")
	if code != exitOK || !strings.Contains(out, "pruned 1") {
		t.Fatalf("ingest --prune: exit %d\n%s", code, out)
	}
	_, exp, _ := c.run("export", "--index", idx)
	if strings.Contains(exp, "note-0001.txt") {
		t.Errorf("pruned file still exported")
	}
	_, before, _ := c.run("search", "supervision", "--index", idx, "--format", "csv", "--limit", "1000")

	// Rebuild the search index from the record alone.
	if err := os.RemoveAll(filepath.Join(idx, "bleve")); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := c.run("reindex", "--index", idx, "--quiet"); code != exitOK {
		t.Fatalf("reindex: %s", errs)
	}
	_, after, _ := c.run("search", "supervision", "--index", idx, "--format", "csv", "--limit", "1000")
	// Scores depend on index statistics (a rebuilt index has no deleted
	// entries), so compare the hits, not their order.
	if hitSet(t, before) != hitSet(t, after) || strings.Count(after, "\n") < 3 {
		t.Errorf("search after reindex differs:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func TestRunawayReaderIsStopped(t *testing.T) {
	if testing.Short() {
		t.Skip("worker kill test: skipped with -short")
	}
	dir := manyFiles(t, 4)
	copyFile(t, filepath.Join(dir, "note-0001.txt"), filepath.Join(dir, "hangs.txt"))
	copyFile(t, filepath.Join(dir, "note-0002.txt"), filepath.Join(dir, "eats-memory.txt"))
	os.WriteFile(filepath.Join(dir, "hangs.txt"), []byte("hang me\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "eats-memory.txt"), []byte("eat me\n"), 0o644)
	idx := filepath.Join(t.TempDir(), "idx")
	// Each fault has its own limit to hit: the hang the 3 s timeout, the
	// runaway allocation the memory limit, with a timeout so generous that
	// a busy machine cannot make the timeout stop it first.
	for _, tc := range []struct{ fault, timeout string }{{"hang:hangs.txt", "3s"}, {"oom:eats-memory.txt", "120s"}} {
		fault := tc.fault
		cmd := testBinary("ingest", dir, "--index", idx, "--quiet", "--timeout", tc.timeout, "--memory-limit", "256", "--force")
		cmd.Env = append(cmd.Env, "OFSTED_WORKER_FAULT="+fault)
		var out bytes.Buffer
		cmd.Stdout = &out
		start := time.Now()
		err := cmd.Run()
		if time.Since(start) > 180*time.Second {
			t.Errorf("%s: ingest took %s", fault, time.Since(start))
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitSomeFailed {
			t.Fatalf("%s: %v, want exit %d\n%s", fault, err, exitSomeFailed, out.String())
		}
		name := strings.SplitN(fault, ":", 2)[1]
		want := map[string]string{"hangs.txt": "timed out after 3s", "eats-memory.txt": "reader ran out of memory"}[name]
		if !strings.Contains(out.String(), name+": "+want) {
			t.Errorf("%s: want %q reported:\n%s", fault, name+": "+want, out.String())
		}
		if !strings.Contains(out.String(), "failed 1") {
			t.Errorf("%s: want exactly one failure, the rest ingested:\n%s", fault, out.String())
		}
	}
}

// hitSet returns the hits of a CSV search result without rank and score,
// sorted, one per line.
func hitSet(t *testing.T, out string) string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("search CSV: %v", err)
	}
	var lines []string
	for _, r := range rows[1:] {
		lines = append(lines, strings.Join(r[2:], "|"))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestNewRulesReuseStoredText checks that a record made by older rules but
// the same reader is analysed again from its stored pages, not read again.
func TestNewRulesReuseStoredText(t *testing.T) {
	dir := manyFiles(t, 2)
	idx := filepath.Join(t.TempDir(), "idx")
	c := newCLI(t)
	if code, out, errs := c.run("ingest", dir, "--index", idx, "--quiet"); code != exitOK {
		t.Fatalf("ingest: %s %s", out, errs)
	}
	_, before, _ := c.run("export", "--index", idx)

	// Age the records' rules version, as an upgrade of the rules would.
	ix, err := index.Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := ix.Paths()
	read := map[string]*extract.Source{} // what reading gave, by path
	for _, p := range paths {
		rec, _, err := ix.Record(p)
		if err != nil {
			t.Fatal(err)
		}
		read[p] = rec.Source()
		rec.Parser = extract.ReaderVersion + "+rules-old"
		if err := ix.Put(rec); err != nil {
			t.Fatal(err)
		}
	}
	ix.Close()
	code, out, errs := c.run("ingest", dir, "--index", idx, "--quiet", "--in-process")
	if code != exitOK {
		t.Fatalf("second ingest: exit %d\n%s%s", code, out, errs)
	}
	// Everything, the HTML page too (its headline, date and outlet are in
	// the record), is analysed again from the stored text.
	if want := fmt.Sprintf("ingested 0, unchanged 0, skipped 1, failed 0, re-analysed %d ", len(paths)); !strings.Contains(out, want) {
		t.Errorf("want %q:\n%s", want, out)
	}
	_, after, _ := c.run("export", "--index", idx)
	if before != after {
		t.Errorf("export changed after re-analysis with the same rules")
	}
	ix, err = index.OpenReadOnly(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	created, dated := 0, 0
	for _, p := range paths {
		rec, _, err := ix.Record(p)
		if err != nil {
			t.Fatal(err)
		}
		was, now := read[p], rec.Source()
		if now.Format != was.Format || now.Title != was.Title || now.Date != was.Date || now.Site != was.Site || now.Created != was.Created {
			t.Errorf("%s: metadata %+v after re-analysis, was %+v", p, now, was)
		}
		if now.Created != "" {
			created++
		}
		if now.Date != "" {
			dated++
		}
	}
	if created == 0 || dated == 0 {
		t.Errorf("%d records with a creation date, %d with a web page's date: the sample has both", created, dated)
	}
}

// TestTouchedFileIsUnchanged checks that a file whose time changed but
// whose content did not is reported unchanged, and its records kept.
func TestTouchedFileIsUnchanged(t *testing.T) {
	dir := manyFiles(t, 2)
	idx := filepath.Join(t.TempDir(), "idx")
	c := newCLI(t)
	if code, out, errs := c.run("ingest", dir, "--index", idx, "--quiet"); code != exitOK {
		t.Fatalf("ingest: %s %s", out, errs)
	}
	_, before, _ := c.run("export", "--index", idx)
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "note-0001.txt"), later, later); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ { // the second run takes the size-and-time path
		code, out, _ := c.run("ingest", dir, "--index", idx, "--quiet")
		if code != exitOK || !strings.Contains(out, "ingested 0, unchanged 8,") {
			t.Fatalf("run %d after touching a file: exit %d\n%s", i+1, code, out)
		}
	}
	if _, after, _ := c.run("export", "--index", idx); after != before {
		t.Errorf("export changed after touching a file")
	}
}
