package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/read"
)

// limits bounds the work spent on one file.
type limits struct {
	timeout   time.Duration // per file; 0 means none
	maxBytes  int64
	memMB     int64 // memory limit of a worker process, MiB; 0 means none
	inProcess bool  // parse in this process (debugging): no memory limit, a hung reader is abandoned, not killed
}

// addLimitFlags adds the per-file limits shared by ingest and extract.
func addLimitFlags(c *cobra.Command, lim *limits) {
	c.Flags().DurationVar(&lim.timeout, "timeout", 60*time.Second, "time limit per file")
	c.Flags().Int64Var(&lim.maxBytes, "max-size", read.DefaultMaxBytes, "size limit per file, in bytes")
	c.Flags().Int64Var(&lim.memMB, "memory-limit", 2048, "memory limit per worker process, in MiB")
	c.Flags().BoolVar(&lim.inProcess, "in-process", false, "parse in this process instead of worker processes (debugging)")
	c.Flags().MarkHidden("in-process")
}

// processor returns the function that analyses one file under lim, and a
// function to call when done with it.
func processor(jobs int, lim limits) (func(ctx context.Context, path string, decide func(string) verdict) result, func(), error) {
	if lim.inProcess {
		return func(ctx context.Context, path string, decide func(string) verdict) result {
			return process(ctx, path, lim, decide)
		}, func() {}, nil
	}
	pool, err := newWorkerPool(jobs, lim, lim.memMB)
	if err != nil {
		return nil, nil, err
	}
	return pool.process, pool.close, nil
}

// result is what the pipeline made of one file.
type result struct {
	path    string // as given
	size    int64
	modTime time.Time
	sha256  string
	src     *extract.Source // what the readers gave: text and metadata
	docs    []extract.Document
	err     error
	// unchanged is set when the file's content and the parser are those
	// of its record: nothing was read.
	unchanged bool
	// elsewhere is set when the file's content belongs to another shard
	// (ingest --shard): nothing was read.
	elsewhere bool
}

// verdict is what is to be done with a file once its hash is known.
type verdict int

const (
	readFile      verdict = iota
	fileUnchanged         // the record has this content: read nothing
	fileElsewhere         // another shard's: read nothing
)

// errTimeout reports a file that took longer than the per-file limit.
var errTimeout = errors.New("timed out")

// hashFile returns the hex SHA-256 of the file's content with its size and
// modification time.
func hashFile(path string) (sum string, size int64, mod time.Time, err error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, time.Time{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", 0, time.Time{}, err
	}
	if !st.Mode().IsRegular() {
		return "", 0, time.Time{}, fmt.Errorf("%w: not a regular file", read.ErrUnsupported)
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", 0, time.Time{}, err
	}
	return hex.EncodeToString(h.Sum(nil)), st.Size(), st.ModTime(), nil
}

// process runs the whole pipeline on one file: read (pages of text),
// classify (documents, their types, authorities and dates), find (the
// findings of each document). It never panics and never runs past the
// time limit: a reader that hangs is abandoned and the file reported.
//
// decide, when not nil, is asked with the file's hash before any parsing:
// unless it says to read the file, the result is marked unchanged or
// elsewhere and nothing is read.
func process(ctx context.Context, path string, lim limits, decide func(sha256 string) verdict) result {
	r, finished := hashStep(path, decide)
	if finished {
		return r
	}
	if lim.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.timeout)
		defer cancel()
	}
	done := make(chan result, 1)
	go func() {
		done <- analyse(ctx, r, lim)
	}()
	select {
	case out := <-done:
		return out
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			r.err = fmt.Errorf("%w after %s", errTimeout, lim.timeout)
		} else {
			r.err = ctx.Err()
		}
		return r
	}
}

// hashStep hashes the file at path and asks decide what to do with it. It
// reports done when nothing more is to be done: the file could not be
// read (r.err), is unchanged (r.unchanged) or another shard's
// (r.elsewhere).
func hashStep(path string, decide func(sha256 string) verdict) (r result, done bool) {
	r = result{path: path}
	sum, size, mod, err := hashFile(path)
	if err != nil {
		r.err = err
		return r, true
	}
	r.sha256, r.size, r.modTime = sum, size, mod
	if decide == nil {
		return r, false
	}
	switch decide(sum) {
	case fileUnchanged:
		r.unchanged = true
		return r, true
	case fileElsewhere:
		r.elsewhere = true
		return r, true
	}
	return r, false
}

// analyse is the part of process that runs untrusted parsers: it is the
// recover boundary for everything below it.
func analyse(ctx context.Context, r result, lim limits) (out result) {
	defer func() {
		if p := recover(); p != nil {
			out = r
			out.err = fmt.Errorf("internal error: %v\n%s", p, debug.Stack())
		}
	}()
	src, err := read.File(ctx, r.path, read.Options{MaxBytes: lim.maxBytes})
	if err != nil {
		r.err = err
		return r
	}
	r.src = src
	r.docs = classify.Analyse(src)
	return r
}
