package index

// A server reads the index for hours, and an analyst runs `ofsted ingest`
// whenever new reports arrive; neither may have to stop the other. bleve's
// scorch and bbolt lock their files for one process at a time, and the
// writer lock keeps readers out while a writer runs, so a reader cannot
// simply stay open beside a writer. Live is a read-only view that gives
// way instead: a writer that finds readers in its way writes its PID to
// DIR/lock.wait while it retries (lock.go); Live polls for that file,
// closes its view as soon as the requests in flight are done, and opens
// a new one once the writer has finished, so that the writer's documents
// appear within a poll interval of its end. While the writer runs, Do
// reports a *LockedError naming it, which a server shows as "being
// updated". The alternative, ingest through the server, would have kept
// pages up during an ingest, but it needs a second ingest path and turns
// the server into the writer, which locks out every other reader (the CLI's
// search and export) for as long as it runs.
//
// Each view opened has a new generation number; what is derived from the
// whole record (the catalogue) is cached for a generation, which is safe
// because nothing can change the index while a view holds it.

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Live is a read-only view of an index for a long-running reader, which
// lets writers in (see the top of this file). Its methods are safe for
// concurrent use.
type Live struct {
	dir  string
	poll time.Duration

	mu         sync.RWMutex // held shared by Do, exclusively to open or close the view
	ix         *Index
	err        error              // why there is no view, when ix is nil
	gen        uint64             // counts the views opened
	closing    context.Context    // done when the view is about to close
	cancelView context.CancelFunc // cancels closing: a writer waits, or Close

	catMu  sync.Mutex // one catalogue computation at a time
	cat    []Entry
	catGen uint64

	stop chan struct{}
	done chan struct{}
}

// OpenLive opens a Live view of the index in dir, checking for waiting
// writers (and, without a view, for the index to come back) every poll.
// It does not fail: while the index cannot be opened (none yet, a writer
// at work), Do returns the reason.
func OpenLive(dir string, poll time.Duration) *Live {
	if poll <= 0 {
		poll = 100 * time.Millisecond
	}
	l := &Live{dir: dir, poll: poll, stop: make(chan struct{}), done: make(chan struct{})}
	l.tryOpen()
	go l.watch()
	return l
}

// Do calls fn with the current view and returns fn's error. When there is
// no view it returns why instead: a *LockedError (matching ErrLocked)
// while a writer has the index, an error matching ErrNoIndex when there is
// none yet. fn must not keep ix beyond the call.
func (l *Live) Do(fn func(ix *Index) error) error {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.ix == nil {
		return l.err
	}
	return fn(l.ix)
}

// Read calls fn with the current view as a Group of one (see Do).
func (l *Live) Read(fn func(g *Group) error) error {
	return l.Do(func(ix *Index) error { return fn(NewGroup(ix)) })
}

// Generation numbers the views opened so far: it changes whenever the
// index may have changed.
func (l *Live) Generation() uint64 {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.gen
}

// Catalogue returns the catalogue of the current view (see
// Index.Catalogue), computed once per view. The slice is shared: callers
// must not change it.
func (l *Live) Catalogue(ctx context.Context) ([]Entry, error) {
	var out []Entry
	err := l.Do(func(ix *Index) error {
		l.catMu.Lock()
		defer l.catMu.Unlock()
		if l.cat != nil && l.catGen == l.gen {
			out = l.cat
			return nil
		}
		// Reading the catalogue of a large index takes a while: a writer
		// that waits meanwhile stops it rather than wait for it.
		cctx, cancel := context.WithCancel(ctx)
		defer cancel()
		defer context.AfterFunc(l.closing, cancel)()
		cat, err := ix.Catalogue(cctx)
		if err != nil {
			if l.closing.Err() != nil {
				return &LockedError{Dir: l.dir}
			}
			return err
		}
		if cat == nil {
			cat = []Entry{}
		}
		l.cat, l.catGen, out = cat, l.gen, cat
		return nil
	})
	return out, err
}

// Close stops watching and closes the view.
func (l *Live) Close() error {
	select {
	case <-l.stop:
		return nil
	default:
	}
	close(l.stop)
	<-l.done
	l.interrupt()
	l.mu.Lock()
	defer l.mu.Unlock()
	var err error
	if l.ix != nil {
		err = l.ix.Close()
		l.ix = nil
	}
	l.err = fmt.Errorf("index %s: view closed", l.dir)
	return err
}

func (l *Live) watch() {
	defer close(l.done)
	t := time.NewTicker(l.poll)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
		}
		pid, waiting := writerWaiting(l.dir)
		l.mu.RLock()
		open := l.ix != nil
		l.mu.RUnlock()
		switch {
		case open && waiting:
			l.release(&LockedError{Dir: l.dir, PID: pid})
		case !open && !waiting:
			l.tryOpen()
		}
	}
}

// tryOpen opens a view, or records why it could not.
func (l *Live) tryOpen() {
	ix, err := OpenReadOnly(l.dir)
	l.mu.Lock()
	defer l.mu.Unlock()
	if err != nil {
		l.err = err
		return
	}
	l.ix, l.err = ix, nil
	l.closing, l.cancelView = context.WithCancel(context.Background())
	l.gen++
	// Compute the catalogue now rather than in the first request that
	// asks for it (it costs a few hundred ms at 20,000 documents).
	go l.Catalogue(context.Background())
}

// interrupt stops what is running on the view and could take long (the
// catalogue), before the view is closed.
func (l *Live) interrupt() {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.cancelView != nil {
		l.cancelView()
	}
}

// release closes the view once the calls of Do in flight are done.
func (l *Live) release(why error) {
	l.interrupt()
	l.mu.Lock()
	ix := l.ix
	l.ix, l.err = nil, why
	l.mu.Unlock()
	if ix != nil {
		_ = ix.Close() // read-only: nothing to flush
	}
}

// writerWaiting reports whether a writer is waiting for readers to let go
// of dir, and its PID. A file left by a writer that died is ignored: its
// process is gone, or (where processes cannot be asked) it is older than
// a writer ever waits.
func writerWaiting(dir string) (int, bool) {
	b, err := os.ReadFile(waitPath(dir))
	if err != nil {
		return 0, false
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	if pid > 0 && processAlive(pid) {
		return pid, true
	}
	st, err := os.Stat(waitPath(dir))
	if err == nil && time.Since(st.ModTime()) < writerWait && !processAliveKnown() {
		return pid, true
	}
	return 0, false
}
