package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ofsted/ofsted/index"
)

// server is an `ofsted serve` running in this process for a test.
type server struct {
	url  string
	out  *syncBuffer
	stop func() error // stops it and returns runServe's error
}

// syncBuffer is a buffer the server and the test may use at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServer runs runServe on a free loopback port over the index in dir.
func startServer(t testing.TB, dir string, public bool) *server {
	t.Helper()
	return startServerWith(t, dir, public, nil)
}

// startServerWith is startServer with the pages' handler wrapped.
func startServerWith(t testing.TB, dir string, public bool, wrap func(http.Handler) http.Handler) *server {
	t.Helper()
	return startServerOver(t, []string{dir}, public, wrap)
}

// startServerOver is startServerWith over several indexes read as one.
func startServerOver(t testing.TB, dirs []string, public bool, wrap func(http.Handler) http.Handler) *server {
	t.Helper()
	dir := strings.Join(dirs, ", ")
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	urls := make(chan string, 1)
	done := make(chan error, 1)
	o := serveOptions{dirs: dirs, addr: "127.0.0.1:0", public: public, poll: 20 * time.Millisecond,
		stdout: out, stderr: out, ready: func(u string) { urls <- u }, wrap: wrap}
	go func() { done <- runServe(ctx, o) }()
	s := &server{out: out}
	select {
	case s.url = <-urls:
	case err := <-done:
		cancel()
		t.Fatalf("serve %s: %v\n%s", dir, err, out)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatalf("serve %s: not listening after 30s (hang guard)", dir)
	}
	var once sync.Once
	var stopErr error
	s.stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case stopErr = <-done:
			case <-time.After(30 * time.Second):
				stopErr = fmt.Errorf("serve %s: not stopped 30s after Ctrl-C (hang guard)", dir)
			}
		})
		return stopErr
	}
	t.Cleanup(func() { s.stop() })
	return s
}

// getJSON fetches path from the server and decodes it into v, returning
// the status.
func (s *server) getJSON(t testing.TB, path string, v any) int {
	t.Helper()
	res, err := http.Get(s.url + strings.TrimPrefix(path, "/"))
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	if res.StatusCode == http.StatusOK && v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("GET %s: %v\n%.300s", path, err, b)
		}
	}
	return res.StatusCode
}

func TestServeRefusesNonLoopback(t *testing.T) {
	c := newCLI(t)
	for _, tt := range []struct{ name, addr string }{
		{"AllInterfaces", ":0"},
		{"AnyAddress", "0.0.0.0:0"},
		{"LANAddress", "192.168.1.20:8080"},
		{"HostName", "ofsted.example.org:8080"},
		{"NoPort", "127.0.0.1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := c.run("serve", "--addr", tt.addr, "--index", t.TempDir())
			if code != exitUsage {
				t.Errorf("serve --addr %s: exit %d, want %d\n%s", tt.addr, code, exitUsage, errs)
			}
			if tt.name != "NoPort" && !strings.Contains(errs, "--public") {
				t.Errorf("the refusal does not say how to allow it: %s", errs)
			}
		})
	}
	for _, addr := range []string{"127.0.0.1:0", "localhost:0", "[::1]:0"} {
		if err := checkServeAddr(addr, false); err != nil {
			t.Errorf("%s refused: %v", addr, err)
		}
	}
}

func TestServePublicWarns(t *testing.T) {
	s := startServer(t, t.TempDir(), true)
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	out := s.out.String()
	if !strings.Contains(out, "warning") || !strings.Contains(out, "--public") || !strings.Contains(out, "ofsted: stopped") {
		t.Errorf("output:\n%s", out)
	}
}

// TestServeFinishesRequestsOnStop checks that Ctrl-C lets a request in
// flight finish: a request whose handler has started is answered in full
// before the server stops.
func TestServeFinishesRequestsOnStop(t *testing.T) {
	c := newCLI(t)
	idx := filepath.Join(t.TempDir(), "idx")
	if code, out, errs := c.run("ingest", sampleDir(t), "--index", idx, "--quiet"); code != exitOK {
		t.Fatalf("ingest: %d\n%s%s", code, out, errs)
	}
	started, release := make(chan struct{}), make(chan struct{})
	s := startServerWith(t, idx, false, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/api/summary" {
				close(started)
				<-release
			}
			next.ServeHTTP(w, r)
		})
	})
	type answer struct {
		status int
		body   []byte
		err    error
	}
	answers := make(chan answer, 1)
	go func() {
		res, err := http.Get(s.url + "api/summary")
		if err != nil {
			answers <- answer{err: err}
			return
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		answers <- answer{res.StatusCode, b, err}
	}()
	<-started
	stopped := make(chan error, 1)
	go func() { stopped <- s.stop() }()
	select {
	case err := <-stopped:
		t.Fatalf("the server stopped with a request in flight (%v)", err)
	case <-time.After(200 * time.Millisecond):
	}
	close(release)
	a := <-answers
	if a.err != nil || a.status != 200 || !bytes.Contains(a.body, []byte(`"rows"`)) {
		t.Errorf("request in flight: %v %d %.100s", a.err, a.status, a.body)
	}
	if err := <-stopped; err != nil {
		t.Errorf("stop: %v", err)
	}
}

// docIDs lists the document IDs the server's API lists, sorted, failing on
// duplicates.
func docIDs(t *testing.T, s *server) ([]string, int) {
	t.Helper()
	var res struct {
		Total     int           `json:"total"`
		Documents []index.Entry `json:"documents"`
	}
	status := s.getJSON(t, "/api/documents", &res)
	if status != http.StatusOK {
		return nil, status
	}
	var ids []string
	seen := map[string]bool{}
	for _, d := range res.Documents {
		key := d.ID + " " + d.Path
		if seen[key] {
			t.Errorf("document %s listed twice", key)
		}
		seen[key] = true
		ids = append(ids, d.ID)
	}
	sort.Strings(ids)
	return ids, status
}

// TestServeWhileIngesting runs ingests while the server is serving and
// being asked for pages: each ingest must succeed (the server gives the
// index up), pages must either answer or say the index is being updated,
// and once each ingest ends the server must show exactly what a fresh
// reader of the index sees: every new document, once.
func TestServeWhileIngesting(t *testing.T) {
	c := newCLI(t)
	sample := sampleDir(t)
	first, second := t.TempDir(), t.TempDir()
	entries, err := os.ReadDir(sample)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range entries {
		to := first
		if i%2 == 1 {
			to = second
		}
		copyFile(t, filepath.Join(sample, e.Name()), filepath.Join(to, e.Name()))
	}
	web, err := filepath.Abs(filepath.Join("..", "..", "testdata", "web"))
	if err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(t.TempDir(), "idx")
	if code, out, errs := c.run("ingest", first, "--index", idx, "--quiet"); code != exitOK {
		t.Fatalf("ingest: %d\n%s%s", code, out, errs)
	}
	s := startServer(t, idx, false)
	before, status := docIDs(t, s)
	if status != http.StatusOK || len(before) == 0 {
		t.Fatalf("before: status %d, %d documents", status, len(before))
	}

	// Ask for pages all along.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	statuses := map[int]int{}
	for _, path := range []string{"/", "/?q=strategy", "/summary", "/api/search?q=plans", "/api/summary"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := http.Get(s.url + strings.TrimPrefix(path, "/"))
				if err != nil {
					t.Errorf("GET %s: %v", path, err)
					return
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				mu.Lock()
				statuses[res.StatusCode]++
				mu.Unlock()
				time.Sleep(5 * time.Millisecond)
			}
		}()
	}

	for round, folders := range [][]string{{first, second}, {first, second, web}} {
		args := append([]string{"ingest"}, folders...)
		code, out, errs := c.run(append(args, "--index", idx, "--quiet")...)
		if code != exitOK {
			t.Fatalf("round %d: ingest while serving: exit %d\n%s%s", round, code, out, errs)
		}
		// What a fresh reader sees is the truth the server must reach.
		ix, err := index.OpenReadOnly(idx)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		cat, err := ix.Catalogue(context.Background())
		ix.Close()
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, e := range cat {
			want = append(want, e.ID)
		}
		sort.Strings(want)
		deadline := time.Now().Add(30 * time.Second)
		for {
			got, status := docIDs(t, s)
			if status == http.StatusOK && strings.Join(got, " ") == strings.Join(want, " ") {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("round %d: 30s after the ingest of %v the server lists %d documents (status %d), the index %d (hang guard)",
					round, folders, len(got), status, len(want))
			}
			time.Sleep(20 * time.Millisecond)
		}
		if len(want) <= len(before) {
			t.Fatalf("round %d: the ingest added nothing (%d documents, %d before)", round, len(want), len(before))
		}
		before = want
	}
	close(stop)
	wg.Wait()
	for st, n := range statuses {
		if st != http.StatusOK && st != http.StatusServiceUnavailable {
			t.Errorf("%d responses with status %d", n, st)
		}
	}
	if statuses[http.StatusOK] == 0 {
		t.Error("no page answered while ingests ran")
	}
	// The new documents are searchable, not only listed.
	var res struct {
		Total int `json:"total"`
	}
	if s.getJSON(t, `/api/search?q=%22specificity+of+child+in+need+plans%22`, &res); res.Total == 0 {
		t.Error("a phrase of a document ingested while serving is not found")
	}
	t.Logf("responses while ingesting: %v", statuses)
}
