package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/index"
)

type ingestOptions struct {
	paths      []string
	dir        string
	jobs       int
	lim        limits
	quiet      bool
	prune      bool
	force      bool
	shard      shard
	tty        bool
	cpuProfile string
	stdout     io.Writer
	stderr     io.Writer
}

func newIngestCmd(e *env) *cobra.Command {
	o := ingestOptions{stdout: e.stdout, stderr: e.stderr}
	var dir, shardFlag string
	c := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read files and folders into the index",
		Long: `Ingest walks each PATH (folders recursively), reads every .pdf, .html/.htm and .txt/.md
file, finds its documents and findings, and stores them in the index. Other files are
counted as skipped. A re-run reads only new and changed files (by content hash) and
replaces the documents of a changed file. Files that cannot be read are listed with the
reason; the exit status is then 3.

--shard K/N ingests only the files whose content hash falls in shard K of N (1 <= K <= N),
so that N machines or disks can each index a share of one big folder without talking to
each other; search, export and show then take every shard's --index and answer as one.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			d, err := indexDir(e, dir)
			if err != nil {
				return err
			}
			if o.jobs < 1 {
				return usagef("--jobs must be at least 1")
			}
			if o.shard, err = parseShard(shardFlag); err != nil {
				return err
			}
			o.paths, o.dir, o.tty = args, d, e.isTTY(e.stderr)
			return runIngest(c.Context(), o)
		},
	}
	indexFlag(c, &dir)
	c.Flags().IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "files processed in parallel")
	addLimitFlags(c, &o.lim)
	c.Flags().BoolVarP(&o.quiet, "quiet", "q", false, "print only the summary and failures")
	c.Flags().BoolVar(&o.prune, "prune", false, "remove documents whose files are gone from the given folders")
	c.Flags().BoolVar(&o.force, "force", false, "read every file again, changed or not")
	c.Flags().StringVar(&shardFlag, "shard", "", "ingest only the files whose content hash falls in shard `K/N`")
	c.Flags().StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of this process to `FILE` (with --in-process, it covers parsing)")
	c.Flags().MarkHidden("cpuprofile")
	return c
}

// ingestSummary counts what an ingest did.
type ingestSummary struct {
	seen, ingested, unchanged, skipped, failed, pruned int
	reanalysed                                         int // unchanged files analysed again by newer rules
	elsewhere                                          int // other shards' files
	documents, findings                                int
	failures                                           []result
	elapsed                                            time.Duration
}

func runIngest(ctx context.Context, o ingestOptions) error {
	start := time.Now()
	// The index writer allocates heavily and briefly (analysis, segment
	// building): collect less often, within a fixed ceiling, so that
	// memory stays flat however large the folder.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(512 << 20))
	if o.cpuProfile != "" {
		stop, err := startCPUProfile(o.cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	ix, err := index.Open(o.dir)
	if err != nil {
		return err // the index names itself, and the writer's process when locked
	}
	defer ix.Close()

	w := walk(o.paths)
	var s ingestSummary
	s.seen = len(w.files) + len(w.skipped) + len(w.failed)
	s.skipped = len(w.skipped)
	s.failures = append(s.failures, w.failed...)

	// Decide what needs reading. A file whose size, time and parser match
	// its record is unchanged without being hashed; otherwise its hash
	// decides, so a file that was only touched is not read again.
	// A file whose record was made by older rules but the same reader is
	// analysed again from its stored pages, without reading it. With
	// --shard, a file noted as another shard's, unchanged since, is
	// passed by without hashing it either.
	type prior struct{ sha, err string }
	priors := make(map[string]prior)
	var todo, reanalyse []string
	rw := newRecordWriter(ix)
	for _, path := range w.files {
		rec, ok, err := ix.Stat(path)
		if err != nil {
			return fmt.Errorf("read record of %s: %w", path, err)
		}
		var fi os.FileInfo
		if !o.force {
			fi, _ = os.Stat(path)
		}
		same := ok && fi != nil && fi.Size() == rec.Size && fi.ModTime().Equal(rec.ModTime)
		if same && o.shard.n > 0 && !o.shard.holds(rec.SHA256) {
			// Recorded here under other shards: no longer this shard's.
			if err := rw.elsewhere(path, rec, o.shard); err != nil {
				return err
			}
			s.elsewhere++
			continue
		}
		if !ok && o.shard.n > 0 && fi != nil {
			st, spec, noted, err := ix.Elsewhere(path)
			if err != nil {
				return err
			}
			if noted && spec == o.shard.String() && fi.Size() == st.Size && fi.ModTime().Equal(st.ModTime) {
				s.elsewhere++
				continue
			}
		}
		switch {
		case same && rec.Parser == extract.Version:
			s.unchanged++
			if rec.Error != "" {
				s.failures = append(s.failures, result{path: path, err: errors.New(rec.Error + " (unchanged since last run)")})
			}
			continue
		case same && rec.Error == "" && extract.SameReader(rec.Parser):
			reanalyse = append(reanalyse, path)
			continue
		case ok && !o.force && rec.Parser == extract.Version:
			priors[path] = prior{rec.SHA256, rec.Error}
		}
		todo = append(todo, path)
	}
	if err := rw.commit(); err != nil {
		return err
	}
	if len(reanalyse) > 0 {
		n, err := reanalyseStored(ctx, ix, reanalyse, o.jobs)
		if err != nil {
			return err
		}
		s.reanalysed = n
	}

	proc, done, err := processor(o.jobs, o.lim)
	if err != nil {
		return err
	}
	defer done()
	bar := newProgress(o.stderr, o.tty, o.quiet, len(todo))
	work := func(ctx context.Context, path string) result {
		p, ok := priors[path]
		return proc(ctx, path, func(sum string) verdict {
			switch {
			case o.shard.n > 0 && !o.shard.holds(sum):
				return fileElsewhere
			case ok && p.sha == sum:
				return fileUnchanged
			}
			return readFile
		})
	}
	err = forEachResult(ctx, todo, o.jobs, work, func(r result) error {
		defer bar.step()
		if r.elsewhere {
			s.elsewhere++
			st := index.FileStat{Size: r.size, ModTime: r.modTime, SHA256: r.sha256}
			return rw.elsewhere(r.path, st, o.shard)
		}
		if r.unchanged {
			s.unchanged++
			if p := priors[r.path]; p.err != "" {
				s.failures = append(s.failures, result{path: r.path, err: errors.New(p.err + " (unchanged since last run)")})
			}
			return rw.touch(r.path, r.modTime) // so that the next run need not hash it
		}
		rec := index.Record{
			Path: r.path, Size: r.size, ModTime: r.modTime, SHA256: r.sha256,
			Parser: extract.Version, Documents: r.docs, Stored: time.Now().UTC(),
		}
		rec.SetSource(r.src)
		if r.err != nil {
			s.failures = append(s.failures, r)
			rec.Error = errorText(r.err)
			rec.SetSource(nil)
			rec.Documents = nil
			if r.sha256 == "" { // not even readable: nothing to record
				return nil
			}
		} else {
			s.ingested++
			s.documents += len(r.docs)
			for _, d := range r.docs {
				s.findings += len(d.Findings)
			}
		}
		return rw.put(rec)
	})
	// What was read is kept, interrupted or not.
	if cerr := rw.commit(); cerr != nil && (err == nil || errors.Is(err, context.Canceled)) {
		err = cerr
	}
	bar.finish()
	if err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	interrupted := err != nil
	if o.prune && !interrupted {
		n, perr := prune(ix, o.paths, w)
		if perr != nil {
			return perr
		}
		s.pruned = n
	}
	if !interrupted {
		if _, lerr := ix.LinkSameAs(ctx); lerr != nil {
			return fmt.Errorf("link copies in %s: %w", o.dir, lerr)
		}
	}
	if ferr := ix.Flush(); ferr != nil {
		return fmt.Errorf("flush index %s: %w", o.dir, ferr)
	}
	s.failed = len(s.failures)
	s.elapsed = time.Since(start)
	writeSummary(o.stdout, &s, o.dir)
	if interrupted {
		return context.Canceled
	}
	if s.failed > 0 {
		return errSomeFailed
	}
	return nil
}

// prune deletes the records of files under the walked folders that no
// longer exist. Only files under the given paths are considered, so that
// ingesting one folder never removes another's documents.
func prune(ix *index.Index, roots []string, w walkResult) (int, error) {
	present := make(map[string]bool, len(w.files))
	for _, f := range w.files {
		present[f] = true
	}
	var absRoots []string
	for _, r := range roots {
		if a, err := filepath.Abs(r); err == nil {
			absRoots = append(absRoots, a)
		}
	}
	paths, err := ix.Paths()
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range paths {
		if present[p] || !under(p, absRoots) {
			continue
		}
		if _, err := os.Lstat(p); err == nil {
			continue
		}
		if err := ix.Delete(p); err != nil {
			return n, fmt.Errorf("prune %s: %w", p, err)
		}
		n++
	}
	return n, nil
}

func under(p string, roots []string) bool {
	for _, r := range roots {
		if p == r || strings.HasPrefix(p, strings.TrimSuffix(r, string(os.PathSeparator))+string(os.PathSeparator)) {
			return true
		}
	}
	return false
}

func writeSummary(w io.Writer, s *ingestSummary, dir string) {
	fmt.Fprintf(w, "seen %d, ingested %d, unchanged %d, skipped %d, failed %d", s.seen, s.ingested, s.unchanged, s.skipped, s.failed)
	if s.reanalysed > 0 {
		fmt.Fprintf(w, ", re-analysed %d (new rules, stored text)", s.reanalysed)
	}
	if s.elsewhere > 0 {
		fmt.Fprintf(w, ", other shards' %d", s.elsewhere)
	}
	if s.pruned > 0 {
		fmt.Fprintf(w, ", pruned %d", s.pruned)
	}
	fmt.Fprintf(w, "\ndocuments %d, findings %d (new or changed files), time %s\nindex: %s\n",
		s.documents, s.findings, s.elapsed.Round(time.Millisecond), dir)
	if len(s.failures) > 0 {
		fmt.Fprintf(w, "\nfailed files:\n")
		for _, f := range s.failures {
			fmt.Fprintf(w, "  %s: %s\n", f.path, errorText(f.err))
		}
	}
}

// reanalyseStored runs the current rules on the stored pages of paths and
// stores the new documents; no file is read. The rules are this project's
// own code (fuzzed, and bounded in time), so they run in this process.
func reanalyseStored(ctx context.Context, ix *index.Index, paths []string, jobs int) (int, error) {
	work := func(ctx context.Context, path string) result {
		rec, ok, err := ix.Record(path)
		if err == nil && !ok {
			err = errors.New("no record")
		}
		if err != nil {
			return result{path: path, err: fmt.Errorf("read record of %s: %w", path, err)}
		}
		r := result{path: path, size: rec.Size, modTime: rec.ModTime, sha256: rec.SHA256, src: rec.Source()}
		r.docs = classify.Analyse(r.src)
		return r
	}
	n := 0
	rw := newRecordWriter(ix)
	err := forEachResult(ctx, paths, jobs, work, func(r result) error {
		if r.err != nil {
			return r.err
		}
		rec := index.Record{Path: r.path, Size: r.size, ModTime: r.modTime, SHA256: r.sha256,
			Parser: extract.Version, Documents: r.docs, Stored: time.Now().UTC()}
		rec.SetSource(r.src)
		n++
		return rw.put(rec)
	})
	if cerr := rw.commit(); err == nil {
		err = cerr
	}
	return n, err
}
