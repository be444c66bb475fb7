package classify

import (
	"strings"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/text"
)

// line is one line of a source with the 0-based page it is on.
type line struct {
	text string // cleaned: markup removed, spaces collapsed
	page int
	no   int // 0-based line number within the page's raw text
}

// headLines is how many non-empty lines at the top of a document hold its
// title block (letters put an address block and a recipient list first).
const headLines = 45

// maxLine and maxHead bound the text the patterns run over, so that a
// pathological input (one huge line) cannot make classification slow.
const (
	maxLine = 5000
	maxHead = 12000
)

// Classify decides the documents in a source file: the first is the file as
// a whole; documents embedded in it (a committee pack's Ofsted report and
// letters) follow, each with its own page range. Findings are left empty.
func Classify(src *extract.Source) []extract.Document {
	parts := ClassifyParts(src)
	docs := make([]extract.Document, len(parts))
	for i, p := range parts {
		docs[i] = p.Document
	}
	return docs
}

// Part is one document of a file with its own text: for the file as a
// whole the source itself; for an embedded document a Source whose Pages
// hold only that document's lines of pages PageStart..PageEnd (in a
// single-page text file several documents share page 1, so the page range
// alone cannot tell their text apart).
type Part struct {
	Document extract.Document
	Source   *extract.Source
}

// ClassifyParts is Classify returning each document with its own text, so
// that findings can be looked for in an embedded document only.
func ClassifyParts(src *extract.Source) []Part {
	if src == nil {
		return []Part{{Document: extract.Document{Type: extract.TypeOther, PageStart: 1, PageEnd: 1}, Source: &extract.Source{}}}
	}
	lines := sourceLines(src)
	pages := len(src.Pages)
	for pages > 1 && strings.TrimSpace(src.Pages[pages-1]) == "" {
		pages-- // a trailing form feed leaves an empty last page
	}
	if pages == 0 {
		pages = 1
	}
	spans := splitPack(lines)
	whole := analyse(src, lines, ownLines(src, lines, spans), true)
	whole.PageStart, whole.PageEnd = 1, pages
	parts := []Part{{Document: whole, Source: src}}
	if whole.Type == extract.TypeCommittee || whole.Type == extract.TypeNews {
		// The raw lines of each page, split once: a pack can hold many
		// documents on one long page (text converted from a web page).
		raw := make([][]string, len(src.Pages))
		for i, p := range src.Pages {
			raw[i] = strings.Split(p, "\n")
		}
		for _, sp := range spans {
			seg := lines[sp[0]:sp[1]]
			d := analyse(src, seg, seg, false)
			if !d.Type.Ofsted() {
				continue
			}
			d.PageStart, d.PageEnd = seg[0].page+1, seg[len(seg)-1].page+1
			parts = append(parts, Part{Document: d, Source: segmentSource(src, raw, seg)})
		}
	}
	return parts
}

// segmentSource cuts the raw text of a segment out of its source: whole
// pages between its first and last page, partial pages at either end.
func segmentSource(src *extract.Source, pages [][]string, seg []line) *extract.Source {
	first, last := seg[0], seg[len(seg)-1]
	sub := &extract.Source{Path: src.Path, Format: src.Format, Date: src.Date, Site: src.Site}
	for p := first.page; p <= last.page; p++ {
		raw := pages[p]
		from, to := 0, len(raw)
		if p == first.page {
			from = first.no
		}
		if p == last.page {
			to = last.no + 1
		}
		sub.Pages = append(sub.Pages, strings.Join(raw[from:to], "\n"))
	}
	return sub
}

var (
	markupRe = text.Lazy(`<[^>]{1,200}>|\*\*|__|\[([^\]]*)\]\([^)]*\)`)
	spaceRe  = text.Lazy(`[\s\x{00a0}]+`)
)

// cleanLine strips the Markdown and HTML that converted text carries
// ("**Date:**", "<b>1</b>", "# Heading", "[text](url)"), undoes what
// typesetting leaves in a PDF's text (soft hyphens, ligatures: "inspec­tion",
// "brieﬁng") and collapses spaces.
func cleanLine(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	// Each regexp runs only on lines that hold what it needs (a markup
	// character; white space other than single spaces): on the others
	// the replacement would change nothing.
	if strings.ContainsAny(s, "<*_[") {
		s = markupRe.ReplaceAllString(s, "$1")
	}
	s = strings.TrimLeft(s, "#|> \t")
	s = strings.TrimRight(s, "| \t")
	s = text.Typeset(s)
	if strings.ContainsAny(s, "\t\n\f\r\u00a0") || strings.Contains(s, "  ") {
		s = spaceRe.ReplaceAllString(s, " ")
	}
	return strings.TrimSpace(s)
}

// sourceLines returns the non-empty cleaned lines of every page.
func sourceLines(src *extract.Source) []line {
	var out []line
	for p, text := range src.Pages {
		for n, l := range strings.Split(text, "\n") {
			if c := cleanLine(truncate(l, maxLine)); c != "" {
				out = append(out, line{text: c, page: p, no: n})
			}
		}
	}
	return out
}

// flat joins lines with spaces, so that patterns can cross line breaks.
func flat(ls []line) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(l.text)
	}
	return b.String()
}

func head(ls []line) []line {
	if len(ls) > headLines {
		return ls[:headLines]
	}
	return ls
}

// analyse decides one document from its lines. own are the lines that
// are its own, less the documents embedded in it: the type is weighed
// over them, while fields may be looked for in every line. whole is true
// for the file as a whole (file-level fallbacks such as the file name
// apply only to it).
func analyse(src *extract.Source, ls, own []line, whole bool) extract.Document {
	var d extract.Document
	h := head(own)
	hf := truncate(flat(h), maxHead)
	t := detectType(src, own)
	d.Type = t.typ
	d.Title = t.title
	d.TypeReason = t.reason
	switch {
	case d.Type == extract.TypeNews:
		newsFields(&d, src, ls, hf)
	case d.Type == extract.TypeCommittee:
		committeeFields(&d, src, ls, h, hf, whole)
	case t.at >= 0 || d.Type.Ofsted():
		ofstedFields(&d, src, ls, h, hf, t, whole)
	default:
		if src.Title != "" && whole {
			d.Title = cleanLine(src.Title)
		} else if len(ls) > 0 {
			d.Title = truncate(ls[0].text, 200)
		}
		d.Authority = countAuthority(flat(ls))
		d.Published = labelledPublished(flat(ls))
	}
	if d.Title == "" {
		d.Title = headline(h)
	}
	publishedOf(&d, src, whole)
	d.Authority = asOf(d.Authority, documentDate(&d))
	return d
}

// truncate cuts s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimSpace(s[:n])
}
