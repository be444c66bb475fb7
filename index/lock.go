package index

// One writer at a time: the writer holds an exclusive flock on DIR/lock
// for as long as it is open and writes its PID into the file; readers hold
// a shared flock on the same file. Nobody ever waits on the lock without a
// bound: readers fail at once with ErrLocked, naming the writer's PID; a
// writer that finds only readers retries for a few seconds (searches and
// exports are short) before giving up. flock locks die with their process,
// so a writer killed with -9 leaves no stale lock, only a stale PID in the
// file, which is ignored because the flock decides.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrLocked is returned (wrapped in a *LockedError) when another process
// is writing the index.
var ErrLocked = errors.New("index is locked")

// ErrNoIndex is returned when a read-only open finds no index.
var ErrNoIndex = errors.New("no index")

// LockedError says which process holds the index.
type LockedError struct {
	Dir string
	PID int // 0 when unknown (for example: readers hold the index)
}

func (e *LockedError) Error() string {
	switch {
	case e.PID > 0:
		return fmt.Sprintf("index %s is being written by process %d", e.Dir, e.PID)
	default:
		return fmt.Sprintf("index %s is in use by another process", e.Dir)
	}
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// writerWait is how long a writer retries while only readers hold the lock.
const writerWait = 5 * time.Second

type lockFile struct {
	f *os.File
}

func lockPath(dir string) string { return filepath.Join(dir, "lock") }

// waitPath names the file a writer holds, with its PID, while it waits
// for readers to let go of the index (see Live).
func waitPath(dir string) string { return filepath.Join(dir, "lock.wait") }

// lockWriter takes the exclusive writer lock of dir.
func lockWriter(dir string) (*lockFile, error) {
	f, err := os.OpenFile(lockPath(dir), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open lock %s: %w", dir, err)
	}
	deadline := time.Now().Add(writerWait)
	waiting := false
	defer func() {
		if waiting {
			os.Remove(waitPath(dir))
		}
	}()
	for {
		ok, err := tryLock(f, true)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", dir, err)
		}
		if ok {
			break
		}
		pid := readPID(f)
		if (pid > 0 && processAlive(pid)) || time.Now().After(deadline) {
			f.Close()
			return nil, &LockedError{Dir: dir, PID: pid}
		}
		if !waiting {
			// Only readers hold the index: ask long-lived ones (a
			// Live view, in a server) to let go.
			waiting = os.WriteFile(waitPath(dir), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644) == nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := f.Truncate(0); err != nil {
		f.Close()
		return nil, fmt.Errorf("write lock %s: %w", dir, err)
	}
	if _, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0); err != nil {
		f.Close()
		return nil, fmt.Errorf("write lock %s: %w", dir, err)
	}
	return &lockFile{f: f}, nil
}

// lockReader takes a shared lock of dir, failing at once when a writer
// holds it.
func lockReader(dir string) (*lockFile, error) {
	f, err := os.OpenFile(lockPath(dir), os.O_RDONLY, 0)
	if errors.Is(err, os.ErrNotExist) {
		// A directory that never had a writer: nothing to lock against
		// (and a read-only open must not create files).
		return &lockFile{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open lock %s: %w", dir, err)
	}
	ok, err := tryLock(f, false)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	if !ok {
		pid := readPID(f)
		f.Close()
		return nil, &LockedError{Dir: dir, PID: pid}
	}
	return &lockFile{f: f}, nil
}

func readPID(f *os.File) int {
	b := make([]byte, 32)
	n, _ := f.ReadAt(b, 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(b[:n])))
	if err != nil {
		return 0
	}
	return pid
}

// release drops the lock; a writer first clears its PID.
func (l *lockFile) release(writer bool) error {
	if l == nil || l.f == nil {
		return nil
	}
	if writer {
		_ = l.f.Truncate(0)
	}
	unlock(l.f)
	err := l.f.Close()
	l.f = nil
	return err
}
