package index

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

const killHelperEnv = "OFSTED_INDEX_KILL_HELPER"

// TestKillWriter runs a writer in a child process, kills it with SIGKILL
// in the middle of its Puts, and checks that every record the child was
// told was stored is there, and searchable exactly once, after reopening.
func TestKillWriter(t *testing.T) {
	if dir := os.Getenv(killHelperEnv); dir != "" {
		killHelper(dir)
		return
	}
	if testing.Short() {
		t.Skip("spawns a writer process; skipped with -short")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillWriter$")
	cmd.Env = append(os.Environ(), killHelperEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()

	// Past the first automatic flush (flushRecords), so the kill finds
	// records both indexed and pending.
	const want = flushRecords + 40
	var stored []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if p, ok := strings.CutPrefix(sc.Text(), "stored "); ok {
			stored = append(stored, p)
		}
		if len(stored) == 5 {
			// The child holds the writer lock.
			_, err := Open(dir)
			var le *LockedError
			if !errors.As(err, &le) || le.PID != cmd.Process.Pid {
				t.Errorf("Open while the child writes: %v, want ErrLocked with PID %d", err, cmd.Process.Pid)
			}
			_, err = OpenReadOnly(dir)
			if !errors.Is(err, ErrLocked) {
				t.Errorf("OpenReadOnly while the child writes: %v, want ErrLocked", err)
			}
		}
		if len(stored) == want {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if len(stored) < want {
		t.Fatalf("child stored %d records before dying, want %d", len(stored), want)
	}

	// A reader sees the record at once, and knows the index lags.
	ro, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatalf("OpenReadOnly after kill: %v", err)
	}
	if n, err := ro.Unindexed(); err != nil || n <= 0 {
		t.Errorf("Unindexed after kill = %d, %v; want > 0", n, err)
	}
	ro.Close()

	start := time.Now()
	ix := openT(t, dir)
	defer ix.Close()
	t.Logf("reopen with catch-up took %v", time.Since(start))
	paths, err := ix.Paths()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, p := range paths {
		have[p] = true
	}
	for _, p := range stored {
		if !have[p] {
			t.Errorf("record %s reported stored is lost", p)
		}
	}
	an, err := newAnalyzers(ix.mapping)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, p := range paths {
		rec, _, err := ix.Record(p)
		if err != nil {
			t.Fatal(err)
		}
		n := len(units(&rec, an))
		total += n
		ids, err := ix.unitsOf(p)
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) != n {
			t.Errorf("%s: %d units indexed, want %d", p, len(ids), n)
		}
	}
	if res := searchT(t, ix, Query{}); res.Total != total {
		t.Errorf("index holds %d units, want %d", res.Total, total)
	}
	if n, _ := ix.Unindexed(); n != 0 {
		t.Errorf("Unindexed after catch-up = %d", n)
	}
}

// killHelper writes records until it is killed.
func killHelper(dir string) {
	ix, err := Open(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 100000; i++ {
		rec := genRecord(r, i%(flushRecords+10)) // some paths are put twice
		rec.Parser = fmt.Sprint("v", i)
		if err := ix.Put(rec); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("stored %s\n", rec.Path)
	}
	os.Exit(0)
}
