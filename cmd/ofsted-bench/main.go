// Command ofsted-bench measures ofsted against poppler's pdftotext on the
// same files, in one run, on this machine, and prints the figures as
// ratios, which is how the README reports them: absolute times depend on
// the machine, ratios much less.
//
//	go run ./cmd/ofsted-bench                      # ../shared/corpus
//	go run ./cmd/ofsted-bench -dir ~/reports
//	go run ./cmd/ofsted-bench -generate 20000      # a generated folder: flat memory?
//	go run ./cmd/ofsted-bench -web DIR             # only the web page, over an index built before
//
// It times, on the same PDFs: pdftotext over each file sequentially (the
// reference), `ofsted extract` over all of them, `ofsted ingest` into a
// fresh index (files per second, peak resident memory), a re-run with
// nothing changed, `ofsted reindex` from the record, `ofsted export` of
// every finding; then runs searches against that index, in this process
// and as `ofsted search` commands, and reports latency percentiles, peak
// memory and index bytes per file.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/ofsted/ofsted/index"
)

func main() {
	dir := flag.String("dir", filepath.Join("..", "shared", "corpus"), "folder of documents to measure on")
	bin := flag.String("bin", "", "ofsted binary (default: build ./cmd/ofsted)")
	generate := flag.Int("generate", 0, "instead of -dir, generate a folder of this many files (copies of testdata/sample with varied text)")
	searches := flag.Int("searches", 100, "searches to time")
	keep := flag.Bool("keep", false, "keep the work folder (generated files, index) and print where it is")
	web := flag.String("web", "", "only time the web page (ofsted serve) over this existing index")
	flag.Parse()
	if *web != "" {
		if err := runWeb(*web, *bin, *searches, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "ofsted-bench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*dir, *bin, *generate, *searches, *keep, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "ofsted-bench:", err)
		os.Exit(1)
	}
}

func run(dir, bin string, generate, searches int, keep bool, w io.Writer) error {
	tmp, err := os.MkdirTemp("", "ofsted-bench-")
	if err != nil {
		return err
	}
	if keep {
		defer fmt.Fprintf(w, "work folder kept: %s\n", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	if bin == "" {
		bin = filepath.Join(tmp, "ofsted")
		if out, err := exec.Command("go", "build", "-o", bin, "./cmd/ofsted").CombinedOutput(); err != nil {
			return fmt.Errorf("build: %v\n%s", err, out)
		}
	}
	if generate > 0 {
		dir = filepath.Join(tmp, "generated")
		if err := generateFolder(dir, generate); err != nil {
			return err
		}
	}
	pdfs, all, err := list(dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "folder: %s (%d files, %d PDFs)\n\n", dir, len(all), len(pdfs))

	var ref time.Duration
	pages := 0
	if _, err := exec.LookPath("pdftotext"); err == nil && len(pdfs) > 0 {
		start := time.Now()
		for _, p := range pdfs {
			out, _ := exec.Command("pdftotext", "-q", p, "-").Output()
			pages += strings.Count(string(out), "\f")
		}
		ref = time.Since(start)
		fmt.Fprintf(w, "pdftotext, sequential:   %8.2fs  %7.1f pages/s  %6.1f files/s   (reference)\n",
			ref.Seconds(), float64(pages)/ref.Seconds(), float64(len(pdfs))/ref.Seconds())
	} else {
		fmt.Fprintf(w, "pdftotext not found (apt-get install poppler-utils): no reference\n")
	}
	ratio := func(d time.Duration) string {
		if ref == 0 {
			return ""
		}
		return fmt.Sprintf("  %.2f x pdftotext", d.Seconds()/ref.Seconds())
	}

	if len(pdfs) > 0 {
		args := append([]string{"extract", "--format", "json"}, pdfs...)
		d, rss, err := timed(bin, args...)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "ofsted extract (PDFs):   %8.2fs  %7.1f pages/s  %6.1f files/s%s  peak RSS %s\n",
			d.Seconds(), float64(pages)/d.Seconds(), float64(len(pdfs))/d.Seconds(), ratio(d), mib(rss))
	}

	idx := filepath.Join(tmp, "index")
	d, rss, err := timed(bin, "ingest", dir, "--index", idx, "--quiet")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "ofsted ingest (all):     %8.2fs  %7.1f files/s%s  peak RSS %s\n",
		d.Seconds(), float64(len(all))/d.Seconds(), ratio(d), mib(rss))
	d2, _, err := timed(bin, "ingest", dir, "--index", idx, "--quiet")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "ofsted ingest (re-run):  %8.2fs  (all unchanged)\n", d2.Seconds())
	d3, rss3, err := timed(bin, "reindex", "--index", idx, "--quiet")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "ofsted reindex:          %8.2fs  %7.1f files/s  peak RSS %s\n", d3.Seconds(), float64(len(all))/d3.Seconds(), mib(rss3))
	d4, rss4, err := timed(bin, "export", "--index", idx, "--dedupe=false")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "ofsted export (all):     %8.2fs  peak RSS %s\n", d4.Seconds(), mib(rss4))

	size, err := dirSize(idx)
	if err != nil {
		return err
	}
	ix, err := index.OpenReadOnly(idx)
	if err != nil {
		return err
	}
	defer ix.Close()
	paths, err := ix.Paths()
	if err != nil {
		return err
	}
	docs := len(paths)
	if docs > 0 {
		fmt.Fprintf(w, "index size:              %s, %s per file\n", mib(size), kib(size/int64(docs)))
	}

	queries := benchQueries()
	var lat []time.Duration
	for i := 0; i < searches; i++ {
		q := index.Query{Text: queries[i%len(queries)], Limit: 20}
		if i%3 == 1 {
			q.From = "2019"
		}
		start := time.Now()
		if _, err := ix.Search(context.Background(), q); err != nil {
			return fmt.Errorf("search %q: %w", q.Text, err)
		}
		lat = append(lat, time.Since(start))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) > 0 {
		fmt.Fprintf(w, "search (%d, in-process): p50 %s  p95 %s  max %s\n", len(lat),
			pct(lat, 0.50), pct(lat, 0.95), lat[len(lat)-1].Round(10*time.Microsecond))
	}
	// What an analyst waits for: the command, from process start to exit
	// (readers share the index, so the open one above does not block it).
	var cli []time.Duration
	var cliRSS int64
	for i := 0; i < min(searches, 20); i++ {
		d, rss, err := timed(bin, "search", queries[i%len(queries)], "--index", idx, "--limit", "20", "--format", "json")
		if err != nil {
			return fmt.Errorf("ofsted search: %w", err)
		}
		cli = append(cli, d)
		cliRSS = max(cliRSS, rss)
	}
	sort.Slice(cli, func(i, j int) bool { return cli[i] < cli[j] })
	if len(cli) > 0 {
		fmt.Fprintf(w, "search (%d, ofsted search command): p50 %s  p95 %s  peak RSS %s\n", len(cli), pct(cli, 0.50), pct(cli, 0.95), mib(cliRSS))
	}
	return benchServe(w, bin, idx, queries, searches)
}

// benchQueries are the searches timed, from rare words to common phrases.
func benchQueries() []string {
	return []string{`"strategy discussions"`, "supervision", `"children in need"`, "MASH OR \"front door\"",
		"care leavers pathway", "LADO", "assessments -timely", "exploitation", `"management oversight"`, "placement sufficiency"}
}

// runWeb times the web page alone, over an index built before.
func runWeb(idx, bin string, n int, w io.Writer) error {
	if bin == "" {
		tmp, err := os.MkdirTemp("", "ofsted-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		bin = filepath.Join(tmp, "ofsted")
		if out, err := exec.Command("go", "build", "-o", bin, "./cmd/ofsted").CombinedOutput(); err != nil {
			return fmt.Errorf("build: %v\n%s", err, out)
		}
	}
	fmt.Fprintf(w, "index: %s\n", idx)
	return benchServe(w, bin, idx, benchQueries(), n)
}

func pct(l []time.Duration, p float64) time.Duration {
	return l[int(float64(len(l)-1)*p)].Round(10 * time.Microsecond)
}

// timed runs the binary and returns its wall time and the peak resident
// memory of it or any of its worker processes.
func timed(bin string, args ...string) (time.Duration, int64, error) {
	cmd := exec.Command(bin, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	cmd.Stdout = io.Discard
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 3) {
		return d, 0, fmt.Errorf("%s %s: %v\n%s", filepath.Base(bin), args[0], err, stderr.String())
	}
	// wait4's usage covers the process and the workers it waited for.
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss * 1024
	}
	return d, rss, nil
}

func list(dir string) (pdfs, all []string, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".pdf":
			pdfs = append(pdfs, p)
			all = append(all, p)
		case ".html", ".htm", ".txt", ".md":
			all = append(all, p)
		}
		return nil
	})
	sort.Strings(pdfs)
	return pdfs, all, err
}

func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	return n, err
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
func kib(n int64) string { return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10)) }
