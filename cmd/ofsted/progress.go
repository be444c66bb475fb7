package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal, where a redrawn progress bar
// makes sense; logs and pipes get plain periodic lines instead.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progress reports files done out of a total: a bar redrawn in place on a
// terminal, a plain line every few seconds elsewhere, nothing when quiet.
type progress struct {
	w     io.Writer
	tty   bool
	quiet bool
	total int
	done  int
	start time.Time
	last  time.Time
	every time.Duration
	now   func() time.Time
	drawn bool
}

func newProgress(w io.Writer, tty, quiet bool, total int) *progress {
	now := time.Now
	p := &progress{w: w, tty: tty, quiet: quiet, total: total, now: now, start: now(), every: 10 * time.Second}
	p.last = p.start // logs get a line every ten seconds: short runs print none
	if tty {
		p.every = 100 * time.Millisecond
	}
	return p
}

// step records one more file done.
func (p *progress) step() {
	p.done++
	if p.quiet || p.total == 0 {
		return
	}
	t := p.now()
	if t.Sub(p.last) < p.every && (p.done < p.total || !p.tty) {
		return
	}
	p.last = t
	p.draw(t)
}

func (p *progress) draw(t time.Time) {
	el := t.Sub(p.start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(p.done) / el
	}
	eta := "?"
	if rate > 0 {
		eta = (time.Duration(float64(p.total-p.done)/rate) * time.Second).Round(time.Second).String()
	}
	if !p.tty {
		fmt.Fprintf(p.w, "ingest: %d/%d files, %.1f files/s, ETA %s\n", p.done, p.total, rate, eta)
		return
	}
	const width = 30
	fill := width * p.done / p.total
	bar := strings.Repeat("=", fill)
	if fill < width {
		bar += ">" + strings.Repeat(" ", width-fill-1)
	}
	fmt.Fprintf(p.w, "\r[%s] %d/%d files  %.1f files/s  ETA %-8s", bar, p.done, p.total, rate, eta)
	p.drawn = true
}

// finish clears the bar so that the summary starts on a clean line.
func (p *progress) finish() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
