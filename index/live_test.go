package index

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"
)

// livePaths returns the paths the view sees, or the error it gives.
func livePaths(l *Live) ([]string, error) {
	var out []string
	err := l.Do(func(ix *Index) error {
		var err error
		out, err = ix.Paths()
		return err
	})
	return out, err
}

// waitFor polls cond until it holds; the deadline is a hang guard, not a
// measure.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestLiveGivesWayToWriter(t *testing.T) {
	dir := t.TempDir()
	ix := openT(t, dir)
	putT(t, ix, letter("a.pdf", "Leeds", "E08000035", "2020-01-01", []string{"first"}))
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	l := OpenLive(dir, 10*time.Millisecond)
	defer l.Close()
	if p, err := livePaths(l); err != nil || len(p) != 1 {
		t.Fatalf("view sees %v, %v; want a.pdf", p, err)
	}
	gen := l.Generation()

	// The writer gets in although the view was open.
	w, err := Open(dir)
	if err != nil {
		t.Fatalf("writer blocked by the live view: %v", err)
	}
	if _, err := livePaths(l); !errors.Is(err, ErrLocked) {
		t.Errorf("while the writer runs, Do = %v, want ErrLocked", err)
	}
	if _, err := OpenReadOnly(dir); !errors.Is(err, ErrLocked) {
		t.Errorf("OpenReadOnly beside the writer = %v, want ErrLocked", err)
	}
	putT(t, w, letter("b.pdf", "Kent", "E10000016", "2021-01-01", []string{"second"}))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the view to reopen with b.pdf", func() bool {
		p, err := livePaths(l)
		return err == nil && len(p) == 2
	})
	if l.Generation() == gen {
		t.Error("generation unchanged after reopening")
	}
	if _, err := os.Stat(waitPath(dir)); !os.IsNotExist(err) {
		t.Errorf("writer left %s behind: %v", waitPath(dir), err)
	}
}

func TestLiveIgnoresDeadWaiter(t *testing.T) {
	dir := t.TempDir()
	ix := openT(t, dir)
	putT(t, ix, letter("a.pdf", "Leeds", "E08000035", "2020-01-01", []string{"first"}))
	ix.Close()
	// A writer killed while it waited leaves its file behind.
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run a short-lived process: %v", err)
	}
	if err := os.WriteFile(waitPath(dir), []byte(strconv.Itoa(cmd.Process.Pid)), 0o644); err != nil {
		t.Fatal(err)
	}
	l := OpenLive(dir, 5*time.Millisecond)
	defer l.Close()
	time.Sleep(50 * time.Millisecond) // several polls
	if p, err := livePaths(l); err != nil || len(p) != 1 {
		t.Errorf("with a dead waiter's file, view sees %v, %v; want a.pdf", p, err)
	}
}

func TestLiveWaitsForIndex(t *testing.T) {
	dir := t.TempDir()
	l := OpenLive(dir, 10*time.Millisecond)
	defer l.Close()
	if _, err := livePaths(l); !errors.Is(err, ErrNoIndex) {
		t.Fatalf("empty folder: Do = %v, want ErrNoIndex", err)
	}
	if _, err := l.Catalogue(t.Context()); !errors.Is(err, ErrNoIndex) {
		t.Fatalf("empty folder: Catalogue = %v, want ErrNoIndex", err)
	}
	ix := openT(t, dir)
	putT(t, ix, letter("a.pdf", "Leeds", "E08000035", "2020-01-01", []string{"first"}))
	ix.Close()
	waitFor(t, "the view to open the new index", func() bool {
		cat, err := l.Catalogue(t.Context())
		return err == nil && len(cat) == 1
	})
}

func TestLiveCatalogueFollowsGeneration(t *testing.T) {
	dir := t.TempDir()
	ix := openT(t, dir)
	putT(t, ix, letter("a.pdf", "Leeds", "E08000035", "2020-01-01", []string{"first"}))
	ix.Close()
	l := OpenLive(dir, 10*time.Millisecond)
	defer l.Close()
	c1, err := l.Catalogue(t.Context())
	if err != nil || len(c1) != 1 {
		t.Fatalf("catalogue %v, %v", c1, err)
	}
	w := openT(t, dir)
	putT(t, w, letter("b.pdf", "Kent", "E10000016", "2021-01-01", []string{"second"}))
	w.Close()
	waitFor(t, "the catalogue to show b.pdf", func() bool {
		c, err := l.Catalogue(t.Context())
		return err == nil && len(c) == 2
	})
}
