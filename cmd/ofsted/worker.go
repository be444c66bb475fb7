package main

// Parsing runs in worker processes. Go cannot stop a goroutine, so a PDF
// that sends a reader into an endless loop, or makes it allocate without
// bound, would otherwise hang or kill the whole batch. As Apache Tika's
// pipes do, the CLI starts copies of itself ("ofsted worker") that read
// requests on stdin and answer on stdout, one file at a time; the parent
// kills a worker that runs past the per-file time limit or dies, reports
// that file, and starts a fresh worker for the next one. A worker also
// caps its own memory, so a file that eats memory kills only its worker.

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/extract"
)

// workerRequest asks a worker to analyse one file.
type workerRequest struct {
	Path     string `json:"path"`
	MaxBytes int64  `json:"max_bytes"`
}

// workerResponse is a worker's answer: what the pipeline made of the file.
type workerResponse struct {
	Source *extract.Source    `json:"source"`
	Docs   []extract.Document `json:"docs"`
	Error  string             `json:"error,omitempty"`
}

func newWorkerCmd(e *env) *cobra.Command {
	var memMB int64
	c := &cobra.Command{
		Use:    "worker",
		Short:  "Analyse files named on stdin (used by ingest and extract)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runWorker(c.Context(), e.stdin, e.stdout, memMB)
		},
	}
	c.Flags().Int64Var(&memMB, "memory-mb", 0, "memory limit in MiB (0: none)")
	return c
}

// runWorker answers requests until stdin closes.
func runWorker(ctx context.Context, in io.Reader, out io.Writer, memMB int64) error {
	if memMB > 0 {
		limitMemory(memMB << 20)
	}
	dec := json.NewDecoder(bufio.NewReaderSize(in, 1<<16))
	bw := bufio.NewWriterSize(out, 1<<16)
	enc := json.NewEncoder(bw)
	for {
		var req workerRequest
		if err := dec.Decode(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("worker: read request: %w", err)
		}
		injectFault(req.Path)
		r := analyse(ctx, result{path: req.Path}, limits{maxBytes: req.MaxBytes})
		resp := workerResponse{Source: r.src, Docs: r.docs}
		if r.err != nil {
			resp.Error = r.err.Error()
		}
		if err := enc.Encode(resp); err != nil {
			return fmt.Errorf("worker: write response: %w", err)
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("worker: write response: %w", err)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}

// injectFault lets tests make a worker misbehave as a hostile file would:
// OFSTED_WORKER_FAULT="hang:NAME" or "oom:NAME" makes the worker hang or
// allocate without end on a file whose path contains NAME. Real readers
// cannot be made to do that on demand, and the parent's handling of it
// (kill, report, carry on) is what must be tested.
func injectFault(path string) {
	kind, name, ok := strings.Cut(os.Getenv("OFSTED_WORKER_FAULT"), ":")
	if !ok || name == "" || !strings.Contains(path, name) {
		return
	}
	switch kind {
	case "hang":
		select {}
	case "oom":
		var hoard [][]byte
		for {
			b := make([]byte, 64<<20)
			for i := range b {
				b[i] = byte(i)
			}
			hoard = append(hoard, b)
		}
	}
}

// limitMemory stops this worker when its heap passes limit. The Go
// runtime is told of the limit (it collects harder as the heap nears it),
// a watchdog exits with a clear message once the heap is past it, and the
// address space is capped well above it as a backstop for allocations
// faster than the watchdog looks. A file that makes a reader allocate
// without end so kills only its worker; the parent reports the file.
func limitMemory(limit int64) {
	debug.SetMemoryLimit(limit)
	as := uint64(limit) + 4<<30 // the runtime reserves address space beyond what it uses
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: as, Max: as})
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for range time.Tick(50 * time.Millisecond) {
			metrics.Read(sample)
			if v := sample[0].Value; v.Kind() == metrics.KindUint64 && int64(v.Uint64()) > limit {
				fmt.Fprintf(os.Stderr, "%s: heap %d MiB\n", errMemoryLimit, v.Uint64()>>20)
				os.Exit(exitError)
			}
		}
	}()
}

// errMemoryLimit is what a worker says when it stops itself for memory.
var errMemoryLimit = errors.New("memory limit per file reached")

// workerPool hands out worker processes. Each is used by one goroutine at
// a time; a worker that is killed is replaced on next use.
type workerPool struct {
	exe   string
	args  []string
	env   []string
	lim   limits
	memMB int64
	free  chan *workerProc
	mu    sync.Mutex
	all   map[*workerProc]bool
}

func newWorkerPool(n int, lim limits, memMB int64) (*workerPool, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("start workers: %w", err)
	}
	p := &workerPool{exe: exe, lim: lim, memMB: memMB, free: make(chan *workerProc, n), all: make(map[*workerProc]bool)}
	p.args = []string{"worker", fmt.Sprintf("--memory-mb=%d", memMB)}
	// One thread each (the pool has one worker per core), and less
	// frequent collection: a worker's memory is capped (limitMemory).
	p.env = append(os.Environ(), "GOMAXPROCS=1", "GOGC=400")
	for i := 0; i < n; i++ {
		p.free <- nil // started lazily
	}
	return p, nil
}

// process runs the pipeline on path in a worker process. It has the same
// contract as process: hashing and the unchanged check stay here, only
// parsing is sent away.
func (p *workerPool) process(ctx context.Context, path string, decide func(string) verdict) result {
	r, done := hashStep(path, decide)
	if done {
		return r
	}
	var w *workerProc
	select {
	case w = <-p.free:
	case <-ctx.Done():
		r.err = ctx.Err()
		return r
	}
	if w == nil || w.dead {
		var err error
		if w, err = p.start(); err != nil {
			p.free <- nil
			r.err = err
			return r
		}
	}
	resp, err := w.do(ctx, workerRequest{Path: path, MaxBytes: p.lim.maxBytes}, p.lim.timeout)
	if err != nil {
		w.kill()
		p.forget(w)
		p.free <- nil
		r.err = err
		return r
	}
	p.free <- w
	r.src, r.docs = resp.Source, resp.Docs
	if resp.Error != "" {
		r.err = errors.New(resp.Error)
	}
	return r
}

func (p *workerPool) start() (*workerProc, error) {
	cmd := exec.Command(p.exe, p.args...)
	cmd.Env = p.env
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("start worker: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("start worker: %w", err)
	}
	w := &workerProc{cmd: cmd, in: stdin, stderr: &headBuffer{max: 4096}}
	cmd.Stderr = w.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start worker: %w", err)
	}
	w.out = json.NewDecoder(bufio.NewReaderSize(stdout, 1<<16))
	p.mu.Lock()
	p.all[w] = true
	p.mu.Unlock()
	return w, nil
}

func (p *workerPool) forget(w *workerProc) {
	p.mu.Lock()
	delete(p.all, w)
	p.mu.Unlock()
}

// close ends every worker: closing stdin lets it finish and exit.
func (p *workerPool) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for w := range p.all {
		w.in.Close()
		done := make(chan struct{})
		go func() { w.wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			w.kill()
		}
		delete(p.all, w)
	}
}

// workerProc is one running worker process.
type workerProc struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *json.Decoder
	stderr *headBuffer
	dead   bool
	// waitOnce makes cmd.Wait run once whoever asks first (close's waiter
	// or kill): exec.Cmd.Wait must not be called twice, and two calls at
	// once race (golang/go#28461); a second caller waits for the first.
	waitOnce sync.Once
}

// wait waits for the worker process to exit, once.
func (w *workerProc) wait() {
	w.waitOnce.Do(func() { w.cmd.Wait() })
}

type decoded struct {
	resp workerResponse
	err  error
}

// do sends one request and waits for its answer, the time limit, or ctx.
func (w *workerProc) do(ctx context.Context, req workerRequest, timeout time.Duration) (workerResponse, error) {
	b, _ := json.Marshal(req)
	if _, err := w.in.Write(append(b, '\n')); err != nil {
		return workerResponse{}, w.crashed(err)
	}
	ch := make(chan decoded, 1)
	go func() {
		var d decoded
		d.err = w.out.Decode(&d.resp)
		ch <- d
	}()
	var timer <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		timer = t.C
	}
	select {
	case d := <-ch:
		if d.err != nil {
			return workerResponse{}, w.crashed(d.err)
		}
		return d.resp, nil
	case <-timer:
		return workerResponse{}, fmt.Errorf("%w after %s (reader stopped)", errTimeout, timeout)
	case <-ctx.Done():
		return workerResponse{}, ctx.Err()
	}
}

// crashed explains a worker that died mid-file, from its exit status and
// the end of what it printed.
func (w *workerProc) crashed(err error) error {
	w.kill()
	msg := strings.TrimSpace(w.stderr.String())
	switch {
	case strings.Contains(msg, errMemoryLimit.Error()) || strings.Contains(msg, "out of memory") || strings.Contains(msg, "cannot allocate memory"):
		return fmt.Errorf("reader ran out of memory (%w)", errMemoryLimit)
	case msg != "":
		// The first line says why (a Go runtime error, a panic outside
		// the recover boundary); the rest is a stack dump.
		first, _, _ := strings.Cut(msg, "\n")
		return fmt.Errorf("reader crashed: %s", oneLine(first, 200))
	}
	return fmt.Errorf("reader crashed: %v", err)
}

func (w *workerProc) kill() {
	if w.dead {
		return
	}
	w.dead = true
	if w.cmd.Process != nil {
		w.cmd.Process.Kill()
		w.wait()
	}
}

// headBuffer keeps the first max bytes written to it: where a crashing
// Go program says why, before its stack dump.
type headBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (h *headBuffer) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if room := h.max - len(h.b); room > 0 {
		h.b = append(h.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (h *headBuffer) String() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return string(h.b)
}
