package text

// A document is built of logical lines: a heading, a paragraph, a list
// item, a table cell. PDF text gives them broken into as many lines as the
// producer's column had room for, and the blank lines between them are the
// first thing another producer drops. Blocks recovers the logical lines
// from what does not change with the layout:
//
//   - A line that starts with a marker (a bullet glyph, a paragraph number,
//     a letter) starts an item; a known heading or a table cell stands on
//     its own.
//   - A line that starts in lower case, or follows one that carries its
//     sentence on (a comma, "and", "of"), goes on with the block before.
//   - A blank line ends a block; a page break does not, whatever is on
//     either side of it (the next page starts with its running header or
//     a bare number, which cleaning removed, and cleaning tells a blank
//     line from the end of a page).
//   - With no blank line, a block goes on over sentence ends, unless the
//     next line is a heading by its shape: after a sentence's end, short,
//     capitalised, ending no sentence and no clause, and followed by a line
//     that starts anew (a marker, a blank line, a capital after a heading
//     that ends in a lower-case word or a question mark, or that is all
//     capitalised words; a capital after a capitalised word is otherwise a
//     name running on over the break).
//
// Never is a block ended because a line looks short: the width of a
// column is the producer's, not the author's.

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// BlockKind is what a Block is.
type BlockKind uint8

// The kinds of block.
const (
	ParaBlock    BlockKind = iota // a paragraph
	HeadingBlock                  // a heading, a label or a line of an address: text that is not prose
	BulletBlock                   // an item drawn with a glyph (Marker)
	NumberBlock                   // a numbered paragraph or item (Marker: its number as written, "3", "2.1")
	LetterBlock                   // an item of a lettered list (Marker: its letter)
	CellBlock                     // a table cell the caller knows (Breaks.Cell)
)

// A Block is one logical line of a document: its lines joined (a word
// hyphenated at a line end repaired) and its marker taken off.
type Block struct {
	Kind   BlockKind
	Marker string
	Text   string
	Page   int  // the page of its first line
	Blank  bool // a blank line stands between it and the block before
	Break  bool // a page break stands between it and the block before
	starts []int
	pages  []int
}

// Item reports whether b is an item of a list drawn with glyphs or
// letters (a numbered block may be a paragraph; its list decides).
func (b Block) Item() bool { return b.Kind == BulletBlock || b.Kind == LetterBlock }

// PageAt returns the page of the line that byte off of b.Text is on.
func (b Block) PageAt(off int) int {
	p := b.Page
	for i, s := range b.starts {
		if s > off {
			break
		}
		p = b.pages[i]
	}
	return p
}

// LineStarts returns the byte offsets in b.Text at which the block's lines
// after the first started. A rule that must split a block where nothing
// but a line start says so (unbulleted items set one after another) reads
// them; nothing else should.
func (b Block) LineStarts() []int {
	if len(b.starts) < 2 {
		return nil
	}
	return b.starts[1:]
}

func (b *Block) add(t string, page int, ws WordSet) {
	b.Text = JoinText(b.Text, t, ws)
	b.starts = append(b.starts, len(b.Text)-len(t))
	b.pages = append(b.pages, page)
}

// Breaks says which lines a document's own vocabulary sets apart: this
// package knows the shape of lines, not the headings of any kind of
// document.
type Breaks struct {
	// Heading reports whether t (a line, with the lines that carry it on
	// in lower case) is a known heading: it stands on its own unless the
	// line before carries its sentence on.
	Heading func(t string) bool
	// Cell reports whether t is a table cell that is never part of a
	// paragraph (a grade).
	Cell func(t string) bool
}

// gapLine is a non-blank line with what stands between it and the line
// before.
type gapLine struct {
	text  string
	page  int
	blank bool // a blank line
	brk   bool // a page break
}

// blockReader holds the lines Blocks reads.
type blockReader struct {
	ls      []gapLine
	br      Breaks
	lower   map[string]bool // see lowerWords
	lastNum int             // the number of the last numbered block
}

// Blocks returns the logical lines of ls (see the top of this file); br
// names the headings and cells of the caller's documents, ws is the
// document's words for hyphen repair.
func Blocks(ls []Line, ws WordSet, br Breaks) []Block {
	r := blockReader{br: br, lastNum: -1}
	blank, page := false, 0
	for _, l := range ls {
		if l.Text == "" {
			blank = true
			continue
		}
		r.ls = append(r.ls, gapLine{text: l.Text, page: l.Page, blank: blank, brk: page != 0 && l.Page != page})
		blank, page = false, l.Page
	}
	var out []Block
	cur := -1
	open := func(i int, k BlockKind, marker, t string) {
		l := r.ls[i]
		out = append(out, Block{Kind: k, Marker: marker, Page: l.page, Blank: l.blank, Break: l.brk})
		cur = len(out) - 1
		out[cur].add(t, l.page, ws)
	}
	more := func(i, end int) {
		for ; i < end; i++ {
			out[cur].add(r.ls[i].text, r.ls[i].page, ws)
		}
	}
	for i := 0; i < len(r.ls); i++ {
		l := r.ls[i]
		t := l.text
		var c *Block
		if cur >= 0 {
			c = &out[cur]
		}
		prose := c != nil && c.Kind != HeadingBlock && c.Kind != CellBlock
		carry := prose && CarriesOn(c.Text)
		ended := c == nil || !prose || SentenceEnd(c.Text)
		if g, rest := Bullet(t); g != "" && !r.dashInSentence(g, c, l) {
			open(i, BulletBlock, g, rest)
			continue
		}
		if !carry {
			if end := r.knownHeading(i); end > i {
				open(i, HeadingBlock, "", t)
				more(i+1, end)
				i = end - 1
				continue
			}
		}
		if num, rest := numberOf(t); num != "" {
			// a number starts a paragraph or an item after a sentence's
			// end or a blank line, or where it follows the last one
			// ("... because" / "1. Haringey does not ..."); elsewhere it
			// is a figure that ended a sentence ("... after they turn" /
			// "21. Personal advisers ...")
			n, _ := strconv.Atoi(num)
			if !carry && (ended || l.blank) || n == 1 || n == r.lastNum+1 {
				open(i, NumberBlock, num, rest)
				r.lastNum = n
				continue
			}
		}
		if letter, rest, ok := LetteredItem(t); ok && !carry && (ended || l.blank || c.Kind == BulletBlock || c.Kind == NumberBlock || c.Kind == LetterBlock) {
			open(i, LetterBlock, letter, rest)
			continue
		}
		if r.br.Cell(t) && !carry && (ended || !StartsLower(t)) {
			open(i, CellBlock, "", t)
			continue
		}
		if !carry && dateLine(t) {
			open(i, HeadingBlock, "", t) // a dateline
			continue
		}
		if !carry && capitals(t) {
			open(i, HeadingBlock, "", t) // a line in capitals: a heading, a bar of links
			continue
		}
		if !carry {
			if h, end := r.span(i); LabelLine(h) {
				open(i, HeadingBlock, "", t)
				more(i+1, end)
				i = end - 1
				continue
			}
		}
		if c != nil && !l.blank && continues(t) {
			more(i, i+1) // a sentence or a heading goes on
			continue
		}
		if c != nil && !l.blank && prose {
			// a paragraph or an item goes on over its sentence ends,
			// unless a heading follows it
			end := i
			if ended {
				end = r.shapeHeading(i, true)
			}
			if end == i {
				more(i, i+1)
				continue
			}
			open(i, HeadingBlock, "", t)
			more(i+1, end)
			i = end - 1
			continue
		}
		if end := r.shapeHeading(i, false); end > i {
			open(i, HeadingBlock, "", t)
			more(i+1, end)
			i = end - 1
			continue
		}
		open(i, ParaBlock, "", t)
	}
	return out
}

// LabelLine reports whether t is a field of a form or a cover page: a
// short capitalised label, a colon, and its value on the same line
// ("Inspection dates: 4 to 8 March 2024", "Lead inspector: Jo Bloggs").
// Such a line stands on its own, blank lines around it or not.
func LabelLine(t string) bool {
	k := strings.Index(t, ": ")
	if k <= 0 || !StartsUpper(t) || StartsLower(t) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(r) {
		return false
	}
	label, value := t[:k], strings.TrimSpace(t[k+2:])
	if n := len(strings.Fields(label)); n > 5 || value == "" || strings.ContainsAny(label, ".,;") {
		return false
	}
	return len(strings.Fields(t)) <= 16 && !strings.HasSuffix(t, ".") && !strings.Contains(t, ". ") && !CarriesOn(t)
}

// labelAt reports whether line i, with the lines that carry it on in
// lower case, is a label line.
func (r *blockReader) labelAt(i int) bool {
	h, _ := r.span(i)
	return LabelLine(h)
}

// dashInSentence reports whether a dash (or an asterisk) at the start of
// line l is punctuation in the sentence of the block before rather than
// an item's bullet: no blank line before it, and a paragraph before it
// that ends no sentence (after an item, it is the bullet of the next item
// or of a list inside it).
func (r *blockReader) dashInSentence(g string, c *Block, l gapLine) bool {
	if !dash(g) || c == nil || l.blank || SentenceEnd(c.Text) {
		return false
	}
	return c.Kind == ParaBlock || c.Kind == NumberBlock
}

// dateLine reports whether t is a date on a line of its own, with its day,
// time and time zone ("Wednesday, 12 July 2023, 6:00 am", "08:02, 5 APR
// 2022"): a dateline stands on its own. It has a month, a year and a day
// or a time, and nothing else ("31 March" or "(September 2014) at" are
// what a column cut off a sentence).
func dateLine(t string) bool {
	words := strings.FieldsFunc(t, func(r rune) bool {
		return r == ' ' || r == ',' || r == '|' || r == '–' || r == '-' || r == '(' || r == ')'
	})
	if len(words) < 3 || len(words) > 9 {
		return false
	}
	months, days, years, times := 0, 0, 0, 0
	for _, w := range words {
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		switch {
		case monthOrDay(lw):
			months++
		case len(lw) == 4 && isNumber(lw):
			years++
		case isNumber(strings.TrimRight(lw, "stndrh")) && len(lw) <= 4:
			days++
		case strings.Contains(lw, ":") && isNumber(strings.ReplaceAll(strings.TrimRight(lw, "apm"), ":", "")):
			times++
		case lw == "am" || lw == "pm" || lw == "utc" || lw == "gmt" || lw == "bst":
		default:
			return false
		}
	}
	return months > 0 && years > 0 && (days > 0 || times > 0)
}

// monthOrDay reports whether w (lower case) names a month or a weekday,
// written out or cut short.
func monthOrDay(w string) bool {
	for _, n := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if w == n || len(w) >= 3 && strings.HasPrefix(n, w) {
			return true
		}
	}
	return false
}

// capitals reports whether t is two words or more written in capitals
// ("HOME NEWS HULL CITY", "WHAT NEEDS TO IMPROVE"): a line that stands on
// its own, as no sentence is written so.
func capitals(t string) bool {
	words, letters := 0, 0
	for _, w := range strings.Fields(t) {
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
			if unicode.IsLetter(r) {
				letters++
			}
		}
		words++
	}
	return words >= 2 && letters >= 6
}

// continues reports whether line t carries on the line before: it starts
// in lower case, maybe after an opening bracket or quote ("(LSCB) requires
// improvement", "‘obsession’ with school attendance"), and is no item
// marker.
func continues(t string) bool {
	if ListMarker(t) {
		return false
	}
	return StartsLower(strings.TrimLeft(t, "(‘“'\"[")) || acronymStart(t)
}

// acronymStart reports whether t starts with a bracketed acronym ("(LSCB)
// ..."), which goes on with the name before it.
func acronymStart(t string) bool {
	if !strings.HasPrefix(t, "(") {
		return false
	}
	end := strings.IndexByte(t, ')')
	if end < 2 || end > 12 {
		return false
	}
	for _, r := range t[1:end] {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '&' {
			return false
		}
	}
	return true
}

// dash reports whether glyph g is also punctuation: a dash or an asterisk.
func dash(g string) bool { return g == "-" || g == "–" || g == "*" }

// span returns line i joined with the lines after it that carry it on in
// lower case (no blank line between), up to twenty words, and the index
// after the last line taken.
func (r *blockReader) span(i int) (string, int) {
	t := r.ls[i].text
	j := i + 1
	for j < len(r.ls) && !r.ls[j].blank && continues(r.ls[j].text) && len(strings.Fields(t)) < 20 {
		if g, _ := Bullet(r.ls[j].text); g != "" || ListMarker(r.ls[j].text) {
			break
		}
		t += " " + r.ls[j].text
		j++
	}
	return t, j
}

// knownHeading returns the index after a known heading that starts at line
// i with its lower-case continuation lines, or i. A line that is a heading
// by itself but goes on in lower case is the start of a sentence ("The
// local authority" / "has ...").
func (r *blockReader) knownHeading(i int) int {
	if r.br.Heading == nil || continues(r.ls[i].text) {
		return i // no heading starts in lower case
	}
	if h, end := r.span(i); r.br.Heading(h) {
		return end
	}
	return i
}

// shapeHeading returns the index after the heading that starts at line i
// by its shape, or i when line i starts none: heading-like (HeadingLike)
// with its lower-case continuation lines, and followed by the end of the
// text, a blank line, a marker (a list's first letter or number), a cell, a label or a known heading, or by
// a line that starts with a capital after a heading that ends in a
// lower-case word or a question mark, or is a name or title in capitals
// ("Ofsted Care Quality Commission").
//
// A line with no blank line after it may also be a paragraph's first line
// (after a blank line) or the start of a paragraph's next sentence (after
// its sentence's end, inProse), cut off where a column broke ("However,
// too many existing" / "EHC plans do not ..."): a capital after such a
// line of four words or more must start a common word (one the document
// writes in lower case elsewhere: "The", not "EHC" or "Ofsted"). A shorter
// line is rarely what is left of a sentence's line, and headings of a word
// or two are often followed by a name ("Decision(s)" / "Cabinet noted
// ..."); after another heading (an address, a title page, a list of
// names) the line is one of a run of logical lines. After a sentence, a
// line ending in a number is a figure, not a page of a contents list.
func (r *blockReader) shapeHeading(i int, inProse bool) int {
	h, end := r.span(i)
	if !HeadingLike(h) {
		return i
	}
	if end == len(r.ls) || r.ls[end].blank {
		return end
	}
	n := r.ls[end].text
	if g, rest := Bullet(n); g != "" && !(dash(g) && StartsLower(rest)) || r.br.Cell(n) || r.knownHeading(end) > end || r.labelAt(end) {
		return end
	}
	if num, _ := numberOf(n); num == "1" || num != "" && num == strconv.Itoa(r.lastNum+1) {
		return end
	}
	if letter, _, ok := LetteredItem(n); ok && letter == "a" {
		return end // the first item of a lettered list
	}
	if first, _ := utf8.DecodeRuneInString(n); !unicode.IsUpper(first) {
		return i
	}
	if (inProse || r.ls[i].blank) && len(strings.Fields(h)) >= 4 && !r.lowerWords()[strings.ToLower(FirstWord(n))] {
		return i
	}
	if strings.HasSuffix(h, "?") {
		return end
	}
	if StartsLower(lastWordOf(h)) && (!inProse || len(strings.Fields(h)) <= 7) {
		return end // a longer line after a sentence is the start of the next ("Over one thousand practitioners from all agencies received" / "Safeguarding Children Board training ...")
	}
	if titleCase(h) && (!inProse || len(strings.Fields(h)) <= 2 && (!article(FirstWord(h)) || ContinuesSentence(FirstWord(n)))) {
		return end // a name or a title ("The LSCB"); after a sentence, a longer one, or one that starts with an article, is the start of the next ("Wandsworth’s Children Living" / "In Care Kouncil ...")
	}
	if !inProse && isNumber(lastWordOf(h)) {
		return end // a line of a contents page: a heading and its page
	}
	return i // a name or a figure runs on over the break
}

// article reports whether w is an article: after a sentence, "The
// Connected" / "Persons team coordinates ..." is the next sentence's
// subject broken over a line, where a short title of its own ("Early
// Help") would start with its noun, or be followed by a sentence that
// starts with a word of its own ("The LSCB" / "An outstanding LSCB ...").
func article(w string) bool {
	switch w {
	case "The", "A", "An":
		return true
	}
	return false
}

// isNumber reports whether w is a number written in digits.
func isNumber(w string) bool {
	_, err := strconv.Atoi(w)
	return err == nil
}

// lowerWords returns the words the document writes in lower case (their
// first letter), computed on first use.
func (r *blockReader) lowerWords() map[string]bool {
	if r.lower != nil {
		return r.lower
	}
	r.lower = map[string]bool{}
	for _, l := range r.ls {
		for _, w := range strings.FieldsFunc(l.text, func(c rune) bool { return !unicode.IsLetter(c) }) {
			if StartsLower(w) {
				r.lower[w] = true
			}
		}
	}
	return r.lower
}

// titleCase reports whether every word of t (every part of a hyphenated
// one) starts with a capital: a title or a name on a line of its own
// ("Ofsted Care Quality Commission", "Sarah Canto, Ofsted HMI", "The
// LSCB"), not the start of a sentence ("Well-attended Team").
func titleCase(t string) bool {
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '-' }) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// lastWordOf returns the last word of t as written: its last run of
// non-space characters without the punctuation around it ("Children’s"
// for "... of Education, Children’s").
func lastWordOf(t string) string {
	f := strings.Fields(t)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimFunc(f[len(f)-1], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// numberOf returns the paragraph or item number that starts t ("3. ",
// "12.", "(3) ", "2.1) ") and the text after it, or "".
func numberOf(t string) (num, rest string) {
	m := ParaNumber(t)
	if m == "" {
		return "", t
	}
	num = strings.TrimRight(strings.TrimLeft(strings.TrimSpace(m), "("), ".)")
	return num, strings.TrimSpace(t[len(m):])
}
