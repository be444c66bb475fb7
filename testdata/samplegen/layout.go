package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// Fonts. Real Ofsted PDFs set body text in Tahoma or Arial and draw list
// bullets from a second font (Wingdings); the sample does the same with
// Liberation Sans for text and DejaVu Sans for the U+25FC bullet, so a
// reader meets two embedded fonts on one line. fpdf subsets both and writes
// a ToUnicode map for each.
const (
	fontRegular = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"
	fontBold    = "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"
	fontSymbol  = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
)

// mustRead reads a font file, stopping with a hint when it is missing.
func mustRead(path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "ofsted-sample-gen: %v\n(install the fonts: apt-get install fonts-liberation fonts-dejavu-core)\n", err)
		os.Exit(1)
	}
	return b
}

// Bullet is the list glyph of 2018-on Ofsted documents.
const Bullet = "◼"

// Block is one piece of a document's body, laid out in order.
type Block interface{ layout(d *Doc) }

// Heading is a bold line (or lines) kept with the next two lines of text.
type Heading string

// Para is a left-aligned paragraph; text wraps at spaces and after
// hyphens inside words, as Word does.
type Para string

// Numbered is a paragraph with its number in a hanging margin, the layout
// of ILACS and SIF body paragraphs ("12." at the left edge).
type Numbered struct {
	N    int
	Text string
}

// Item is a bulleted list item with a hanging indent.
type Item string

// Space is vertical space in points.
type Space float64

// Lines are short lines set as they are, one per line (address blocks,
// signatures).
type Lines []string

// BoldLines are Lines in bold.
type BoldLines []string

// Title is a large bold line or lines.
type Title []string

// PageBreak starts a new page.
type PageBreak struct{}

// Grid is a bordered two-column table. A cell wraps inside its column;
// Widths are the column widths in points.
type Grid struct {
	Widths [2]float64
	Rows   [][2]string
	Head   bool // first row bold
}

// Columns is a pair of left-aligned columns with no borders (the address
// block of the Ofsted letterhead, the SIF summary table).
type Columns struct {
	X    [2]float64 // x offsets from the left margin
	Rows [][2]string
	Bold bool
}

// Doc lays out blocks on A4 pages with fixed margins. It never lets fpdf
// break pages: the running footer is drawn when a page is started, so that
// like Word's output it comes first in the page's content stream although
// it sits at the bottom of the page.
type Doc struct {
	pdf                      *fpdf.Fpdf
	left, right, top, bottom float64
	size, lead               float64
	y                        float64 // baseline of the last line set
	page                     int
	style                    string                 // current body font style
	fsize                    float64                // current body font size
	Footer                   func(d *Doc, page int) // nil: no footer
	// pagesOf records, per list item text, the pages it was set on.
	pagesOf map[string][]int
}

// NewDoc starts a document with the given metadata.
func NewDoc(title string, created time.Time) *Doc {
	p := fpdf.New("P", "pt", "A4", "")
	p.AddUTF8FontFromBytes("body", "", mustRead(fontRegular))
	p.AddUTF8FontFromBytes("body", "B", mustRead(fontBold))
	p.AddUTF8FontFromBytes("sym", "", mustRead(fontSymbol))
	p.SetAutoPageBreak(false, 0)
	p.SetCompression(true)
	p.SetCatalogSort(true)
	p.SetCreationDate(created)
	p.SetModificationDate(created)
	p.SetTitle(title, true)
	p.SetAuthor("ofsted sample generator (invented content)", true)
	p.SetCreator("ofsted-sample-gen", true)
	p.SetProducer("go-pdf/fpdf", true)
	p.SetLang("en-GB")
	return &Doc{pdf: p, left: 71, right: 71, top: 72, bottom: 80, size: 12, lead: 17, fsize: 12,
		pagesOf: map[string][]int{}}
}

func (d *Doc) width() float64 { w, _ := d.pdf.GetPageSize(); return w - d.left - d.right }

func (d *Doc) newPage() {
	d.pdf.AddPage()
	d.page++
	d.y = d.top
	style, size := d.style, d.fsize
	if d.Footer != nil {
		d.Footer(d, d.page)
	}
	d.font(style, size) // carry the font of the text being set across the break
}

func (d *Doc) font(style string, size float64) {
	d.style, d.fsize = style, size
	d.pdf.SetFont("body", style, size)
}

// need makes sure h more points fit on the page, else starts a new one.
func (d *Doc) need(h float64) {
	_, ph := d.pdf.GetPageSize()
	if d.page == 0 || d.y+h > ph-d.bottom {
		d.newPage()
	}
}

// text sets s with its baseline one line below the cursor.
func (d *Doc) text(x float64, s string) {
	d.need(d.lead)
	d.y += d.lead
	d.pdf.Text(x, d.y, s)
}

// wrap splits s into lines no wider than w in the current font. Words
// break at spaces, and after a hyphen inside a word when the whole word
// does not fit, leaving "decision-" at a line end as Word does.
func (d *Doc) wrap(s string, w float64) []string {
	type seg struct {
		s     string
		space bool // a space goes before this segment
	}
	var segs []seg
	for _, word := range strings.Fields(s) {
		parts := splitHyphens(word)
		for i, p := range parts {
			segs = append(segs, seg{p, i == 0})
		}
	}
	var lines []string
	cur := ""
	for _, sg := range segs {
		cand := sg.s
		if cur != "" {
			if sg.space {
				cand = cur + " " + sg.s
			} else {
				cand = cur + sg.s
			}
		}
		if cur != "" && d.pdf.GetStringWidth(cand) > w {
			lines = append(lines, cur)
			cur = sg.s
			continue
		}
		cur = cand
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// splitHyphens splits "decision-making" into "decision-", "making".
func splitHyphens(w string) []string {
	var out []string
	for {
		i := strings.Index(w, "-")
		if i <= 0 || i == len(w)-1 {
			return append(out, w)
		}
		out = append(out, w[:i+1])
		w = w[i+1:]
	}
}

func (h Heading) layout(d *Doc) {
	d.font("B", d.size)
	lines := d.wrap(string(h), d.width())
	d.need(d.lead * float64(len(lines)+2))
	for _, l := range lines {
		d.text(d.left, l)
	}
	d.font("", d.size)
	d.y += 4
}

func (p Para) layout(d *Doc) {
	d.font("", d.size)
	for _, l := range d.wrap(string(p), d.width()) {
		d.text(d.left, l)
	}
	d.y += 12
}

func (n Numbered) layout(d *Doc) {
	const indent = 30
	d.font("", d.size)
	lines := d.wrap(n.Text, d.width()-indent)
	for i, l := range lines {
		d.need(d.lead)
		d.y += d.lead
		if i == 0 { // the number comes first in the content stream, as in Word's output
			d.pdf.Text(d.left, d.y, fmt.Sprintf("%d.", n.N))
		}
		d.pdf.Text(d.left+indent, d.y, l)
	}
	d.y += 8
}

func (it Item) layout(d *Doc) {
	const indent = 18
	d.font("", d.size)
	lines := d.wrap(string(it), d.width()-indent)
	for i, l := range lines {
		d.need(d.lead)
		d.y += d.lead
		if i == 0 {
			d.pdf.SetFont("sym", "", d.size)
			d.pdf.Text(d.left, d.y, Bullet)
			d.font("", d.size)
		}
		d.pdf.Text(d.left+indent, d.y, l)
		d.pagesOf[string(it)] = appendPage(d.pagesOf[string(it)], d.page)
	}
	d.y += 2
}

func appendPage(p []int, n int) []int {
	if len(p) == 0 || p[len(p)-1] != n {
		return append(p, n)
	}
	return p
}

func (s Space) layout(d *Doc) {
	d.need(0)
	d.y += float64(s)
}

func (l Lines) layout(d *Doc) {
	d.font("", d.size)
	for _, s := range l {
		d.text(d.left, s)
	}
}

func (l BoldLines) layout(d *Doc) {
	d.font("B", d.size)
	for _, s := range l {
		d.text(d.left, s)
	}
	d.font("", d.size)
}

func (t Title) layout(d *Doc) { BigLines{Size: 20, Lines: t}.layout(d) }

// BigLines are bold lines at Size points; Mark, if set, is a footnote
// reference set small and raised after the last line, so that text
// extraction sees it stuck to the last word ("Board1").
type BigLines struct {
	Size  float64
	Lines []string
	Mark  string
}

func (t BigLines) layout(d *Doc) {
	d.font("B", t.Size)
	saved := d.lead
	d.lead = t.Size * 1.2
	for _, s := range t.Lines {
		d.text(d.left, s)
	}
	if t.Mark != "" {
		x := d.left + d.pdf.GetStringWidth(t.Lines[len(t.Lines)-1])
		d.font("B", t.Size*0.55)
		d.pdf.Text(x-0.3, d.y-t.Size*0.4, t.Mark)
	}
	d.lead = saved
	d.font("", d.size)
	d.y += 10
}

func (PageBreak) layout(d *Doc) { d.newPage() }

func (g Grid) layout(d *Doc) {
	const pad = 5
	x0 := d.left
	for r, row := range g.Rows {
		style := ""
		if g.Head && r == 0 {
			style = "B"
		}
		d.font(style, d.size)
		var cells [2][]string
		n := 1
		for c := range 2 {
			cells[c] = d.wrap(row[c], g.Widths[c]-2*pad)
			n = max(n, len(cells[c]))
		}
		h := float64(n)*d.lead + 2*pad
		d.need(h)
		top := d.y
		x := x0
		for c := range 2 {
			d.pdf.Rect(x, top, g.Widths[c], h, "D")
			for i, l := range cells[c] {
				d.pdf.Text(x+pad, top+pad+float64(i+1)*d.lead-3, l)
			}
			x += g.Widths[c]
		}
		d.y = top + h
	}
	d.font("", d.size)
	d.y += 12
}

func (c Columns) layout(d *Doc) {
	style := ""
	if c.Bold {
		style = "B"
	}
	d.font(style, d.size)
	for _, row := range c.Rows {
		d.need(d.lead)
		d.y += d.lead
		for i := range 2 {
			if row[i] != "" {
				d.pdf.Text(d.left+c.X[i], d.y, row[i])
			}
		}
	}
	d.font("", d.size)
}

// Render lays out blocks and writes the PDF to path.
func (d *Doc) Render(path string, blocks []Block) error {
	for _, b := range blocks {
		b.layout(d)
	}
	if err := d.pdf.OutputFileAndClose(path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// PagesOf reports the pages on which a list item was set.
func (d *Doc) PagesOf(item string) []int { return d.pagesOf[item] }

// RunningFooter returns a footer like the 2022-on ILACS one: two small lines
// at the foot of every page but the first, and the page number at the right.
func RunningFooter(line1, line2 string) func(d *Doc, page int) {
	return func(d *Doc, page int) {
		if page == 1 {
			return
		}
		pw, ph := d.pdf.GetPageSize()
		d.font("", 8.5)
		d.pdf.Text(d.left, ph-40, line1)
		d.pdf.Text(d.left, ph-30, line2)
		d.font("", 16)
		d.pdf.Text(pw-d.right-10, ph-33, fmt.Sprint(page))
	}
}

// PageNumberFooter puts a bare page number at the foot of each page, as on
// Ofsted letters and SIF reports.
func PageNumberFooter(fromPage int) func(d *Doc, page int) {
	return func(d *Doc, page int) {
		if page < fromPage {
			return
		}
		pw, ph := d.pdf.GetPageSize()
		d.font("", 10)
		d.pdf.Text(pw-d.right-8, ph-40, fmt.Sprint(page))
	}
}
