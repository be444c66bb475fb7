package pdftext

// Layout: positioned glyphs -> words -> line fragments -> reading order.
//
// Words are built in content-stream order (producers draw words whole), then
// placed spatially: fragments are runs of words on one baseline with no
// column-sized gap; a recursive XY cut orders fragments, preferring a
// vertical cut (a whitespace gutter crossing the whole region with wide
// text on both sides: columns, table columns) over a horizontal one (the
// widest whitespace band first: header, paragraphs, rows). What cannot be
// cut is read row by row.

import (
	"math"
	"sort"
	"strings"
)

// Tuning, as fractions of the font size.
const (
	wordGap     = 0.15 // a larger gap between glyphs starts a new word
	baseTol     = 0.3  // baseline difference still on the same line (words)
	rowTol      = 0.5  // baseline difference still on the same row (fragments)
	fragGap     = 1.0  // a larger gap between words splits a line into fragments
	gutterMin   = 1.2  // minimum whitespace gutter for a vertical cut
	sideMin     = 4.0  // minimum width of text on each side of a gutter
	ascent      = 0.7  // glyph top above the baseline
	descent     = 0.2  // glyph bottom below the baseline
	rowBand     = 0.6  // whitespace band that is cut before looking for gutters
	paraPitch   = 1.6  // baseline pitch above which a blank line is kept
	paraExtra   = 0.45 // pitch above the usual pitch that marks a paragraph
	overlapBack = 0.5  // a glyph this far left of the word's end starts a new word
)

// maxCutFrags bounds the fragments of a region ordered by XY cuts (the
// cuts cost O(n²) in the worst case); larger regions are read row by row.
const maxCutFrags = 4000

type word struct {
	x0, x1, y, size float64
	start, end      int // text in layout.buf
	spaceAfter      bool
}

type frag struct {
	x0, x1, y, size float64
	top, bottom     float64
	words           []word
}

type line struct {
	text      string
	y, size   float64
	newColumn bool
}

type layout struct {
	buf   []byte
	words []word
}

// layoutPage returns the page text: lines in reading order separated by
// '\n', paragraphs by a blank line.
func layoutPage(glyphs []glyph) string {
	if len(glyphs) == 0 {
		return ""
	}
	var counts [4]int
	for _, g := range glyphs {
		counts[g.dir]++
	}
	dirs := []uint8{0, 1, 2, 3}
	sort.SliceStable(dirs, func(i, j int) bool { return counts[dirs[i]] > counts[dirs[j]] })
	var out []string
	for _, dir := range dirs {
		if counts[dir] == 0 {
			continue
		}
		l := &layout{}
		l.buildWords(glyphs, dir)
		if t := l.text(); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n\n")
}

// buildWords groups glyphs of direction dir into words, in stream order.
func (l *layout) buildWords(glyphs []glyph, dir uint8) {
	var cur *word
	flush := func() {
		if cur != nil && cur.end > cur.start {
			l.words = append(l.words, *cur)
		}
		cur = nil
	}
	for i := range glyphs {
		g := &glyphs[i]
		if g.dir != dir {
			continue
		}
		if g.space || strings.TrimSpace(g.text) == "" {
			if cur != nil {
				cur.spaceAfter = true
			}
			flush()
			continue
		}
		if cur != nil {
			tol := math.Max(cur.size, g.size)
			gap := g.x - cur.x1
			if math.Abs(g.y-cur.y) > baseTol*tol || gap > wordGap*tol || gap < -overlapBack*tol {
				flush()
			}
		}
		if cur == nil {
			cur = &word{x0: g.x, x1: g.x, y: g.y, size: g.size, start: len(l.buf), end: len(l.buf)}
		}
		l.buf = append(l.buf, g.text...)
		cur.end = len(l.buf)
		if e := g.x + g.w; e > cur.x1 {
			cur.x1 = e
		}
		if g.size > cur.size {
			cur.size = g.size
		}
	}
	flush()
}

// text orders the words and renders them.
func (l *layout) text() string {
	frags := l.fragments()
	var lines []line
	l.cut(frags, &lines, false)
	return renderLines(lines)
}

// fragments clusters words into rows by baseline, then splits rows at wide gaps.
func (l *layout) fragments() []frag {
	ws := l.words
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].y > ws[j].y })
	var frags []frag
	for i := 0; i < len(ws); {
		j := i + 1
		for j < len(ws) && ws[i].y-ws[j].y <= rowTol*math.Min(ws[i].size, ws[j].size) {
			j++
		}
		row := ws[i:j]
		sort.SliceStable(row, func(a, b int) bool { return row[a].x0 < row[b].x0 })
		var f *frag
		for k := range row {
			w := row[k]
			if f != nil && w.x0-f.x1 > fragGap*math.Max(f.size, w.size) {
				frags = append(frags, *f)
				f = nil
			}
			if f == nil {
				f = &frag{x0: w.x0, x1: w.x1, y: w.y, size: w.size, top: w.y + ascent*w.size, bottom: w.y - descent*w.size}
			}
			f.words = append(f.words, w)
			f.x1 = math.Max(f.x1, w.x1)
			f.size = math.Max(f.size, w.size)
			f.top = math.Max(f.top, w.y+ascent*w.size)
			f.bottom = math.Min(f.bottom, w.y-descent*w.size)
		}
		if f != nil {
			frags = append(frags, *f)
		}
		i = j
	}
	return frags
}

// cut orders fragments by recursive XY cuts and appends their lines.
func (l *layout) cut(fs []frag, out *[]line, newColumn bool) {
	if len(fs) == 0 {
		return
	}
	if len(fs) > 1 && len(fs) <= maxCutFrags {
		// A wide band of whitespace across the region comes first: it
		// separates table rows, and headings from what follows; a gutter
		// then separates columns.
		if above, below, gap := horizontalCut(fs); gap >= rowBand*medianSize(fs) {
			l.cut(above, out, newColumn)
			l.cut(below, out, false)
			return
		}
		if left, right, ok := verticalCut(fs); ok {
			l.cut(left, out, newColumn)
			l.cut(right, out, true)
			return
		}
		if above, below, gap := horizontalCut(fs); gap > 0 {
			l.cut(above, out, newColumn)
			l.cut(below, out, false)
			return
		}
	}
	// Rows, top to bottom; fragments of a row left to right.
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].y > fs[j].y })
	for i := 0; i < len(fs); {
		j := i + 1
		for j < len(fs) && fs[i].y-fs[j].y <= rowTol*math.Min(fs[i].size, fs[j].size) {
			j++
		}
		row := fs[i:j]
		sort.SliceStable(row, func(a, b int) bool { return row[a].x0 < row[b].x0 })
		*out = append(*out, l.renderRow(row, newColumn && i == 0))
		i = j
	}
}

// verticalCut splits fs at the widest gutter that crosses all of them.
func verticalCut(fs []frag) (left, right []frag, ok bool) {
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return fs[idx[a]].x0 < fs[idx[b]].x0 })
	size := medianSize(fs)
	minX := fs[idx[0]].x0
	maxX := minX
	for _, f := range fs {
		maxX = math.Max(maxX, f.x1)
	}
	best, bestAt := 0.0, -1.0
	reach := fs[idx[0]].x1
	for k := 1; k < len(idx); k++ {
		f := fs[idx[k]]
		if gap := f.x0 - reach; gap >= gutterMin*size && gap > best &&
			reach-minX >= sideMin*size && maxX-f.x0 >= sideMin*size {
			best, bestAt = gap, f.x0
		}
		reach = math.Max(reach, f.x1)
	}
	if bestAt < 0 {
		return nil, nil, false
	}
	for _, f := range fs {
		if f.x0 < bestAt {
			left = append(left, f)
		} else {
			right = append(right, f)
		}
	}
	return left, right, true
}

// horizontalCut splits fs at the widest whitespace band crossing all of
// them, and returns the band's height (0: none).
func horizontalCut(fs []frag) (above, below []frag, gap float64) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].top > fs[j].top })
	best, at := 0.0, -1
	low := fs[0].bottom
	for k := 1; k < len(fs); k++ {
		if gap := low - fs[k].top; gap > 0 && gap > best {
			best, at = gap, k
		}
		low = math.Min(low, fs[k].bottom)
	}
	if at < 0 {
		return nil, nil, 0
	}
	return fs[:at], fs[at:], best
}

func medianSize(fs []frag) float64 {
	s := make([]float64, len(fs))
	for i, f := range fs {
		s[i] = f.size
	}
	sort.Float64s(s)
	return s[len(s)/2]
}

// renderRow joins the words of one row.
func (l *layout) renderRow(row []frag, newColumn bool) line {
	var b strings.Builder
	ln := line{y: row[0].y, newColumn: newColumn}
	var prev *word
	for i := range row {
		for k := range row[i].words {
			w := &row[i].words[k]
			if prev != nil {
				gap := w.x0 - prev.x1
				if prev.spaceAfter || gap > wordGap*math.Max(prev.size, w.size) || k == 0 {
					b.WriteByte(' ')
				}
			}
			b.Write(l.buf[w.start:w.end])
			ln.size = math.Max(ln.size, w.size)
			prev = w
		}
	}
	ln.text = b.String()
	return ln
}

// renderLines joins lines, keeping a blank line where a paragraph or a
// column starts.
func renderLines(lines []line) string {
	usual, body := usualPitch(lines)
	var b strings.Builder
	for i, ln := range lines {
		if i > 0 {
			p := lines[i-1]
			pitch := p.y - ln.y
			size := math.Max(p.size, ln.size)
			para := ln.newColumn || pitch < -0.1*size || pitch > paraPitch*size ||
				(usual > 0 && pitch > usual+paraExtra*size && math.Abs(p.size-body) < 0.5 && math.Abs(ln.size-body) < 0.5)
			b.WriteByte('\n')
			if para {
				b.WriteByte('\n')
			}
		}
		b.WriteString(ln.text)
	}
	return b.String()
}

// usualPitch returns the most common baseline distance between
// consecutive lines of the same size (rounded to half points), and that size.
func usualPitch(lines []line) (pitch, size float64) {
	type key struct{ pitch, size int }
	counts := map[key]int{}
	var best key
	bestN := 0
	for i := 1; i < len(lines); i++ {
		p := lines[i-1].y - lines[i].y
		if p <= 0 || p > 3*lines[i].size || math.Abs(lines[i-1].size-lines[i].size) >= 0.5 {
			continue
		}
		k := key{int(math.Round(p * 2)), int(math.Round(lines[i].size * 2))}
		counts[k]++
		if counts[k] > bestN {
			best, bestN = k, counts[k]
		}
	}
	return float64(best.pitch) / 2, float64(best.size) / 2
}
