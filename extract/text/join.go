package text

// PDF text comes in lines that a column wrapped: a word hyphenated at the
// end of one line goes on at the start of the next, and a paragraph, list
// item or heading spans as many lines as the producer's column width gave
// it. Joining lines back is shared by every rule, so that what a rule reads
// does not depend on where a line happened to break.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A WordSet is the set of lower-case words of a document, used to decide
// whether a line-end hyphen splits one word or joins a compound.
type WordSet map[string]bool

// WordsOf returns the lower-case words (letters and hyphens) of ls.
func WordsOf(ls []Line) WordSet {
	ws := WordSet{}
	for _, l := range ls {
		for _, w := range strings.FieldsFunc(strings.ToLower(l.Text), func(r rune) bool {
			return !unicode.IsLetter(r) && r != '-'
		}) {
			ws[w] = true
		}
	}
	return ws
}

// isSuffix reports whether s is a word ending that is not a word on its
// own: a line-end hyphen before one of them splits a word
// ("recom-\nmendation" is rare, but "assess-\nments" happens).
func isSuffix(s string) bool {
	switch s {
	case "tion", "tions", "sion", "sions", "ment", "ments",
		"ing", "ings", "ness", "ity", "ities", "ly",
		"ance", "ence", "ances", "ences", "ous", "ive",
		"ation", "ations", "ised", "ising", "ized", "izing",
		"ible", "able", "ial", "ially", "ally", "ity.":
		return true
	}
	return false
}

// JoinText appends next to text, rejoining a line-end hyphen (a soft
// hyphen, U+00AD, always joins the halves of one word): the hyphen is
// kept ("pre-proceedings", "decision-making") unless the halves are clearly
// one word (the joined word occurs elsewhere in the document and the
// hyphenated one does not, or the second half is a bare suffix).
func JoinText(text, next string, ws WordSet) string {
	if text == "" {
		return next
	}
	if next == "" {
		return text
	}
	if strings.HasSuffix(text, "\u00ad") {
		return strings.TrimSuffix(text, "\u00ad") + next // a soft hyphen: one word
	}
	if strings.HasSuffix(text, "-") && !strings.HasSuffix(text, " -") && !strings.HasSuffix(text, "--") {
		head := LastWord(strings.TrimSuffix(text, "-"))
		tail := FirstWord(next)
		r, _ := utf8.DecodeRuneInString(next)
		if head != "" && tail != "" && unicode.IsLower(r) {
			lh, lt := strings.ToLower(head), strings.ToLower(tail)
			if (ws[lh+lt] && !ws[lh+"-"+lt]) || isSuffix(lt) {
				return strings.TrimSuffix(text, "-") + next
			}
			return text + next
		}
		if head != "" && unicode.IsLetter(r) {
			return text + next // "16-\n17" style or "Multi-\nAgency": keep the hyphen
		}
	}
	return text + " " + next
}

// Breaks says which lines a document's own vocabulary sets apart, for
// Unwrap. This package knows the shape of lines, not the headings of any
// kind of document: the caller says what its headings and table cells are.
type Breaks struct {
	// Heading reports whether t is a known section heading: it starts a
	// line of its own (unless the line before carries its sentence on)
	// and ends one (unless the next starts in lower case).
	Heading func(t string) bool
	// Cell reports whether t is a table cell that is never part of a
	// paragraph (a grade): it starts a line of its own, and ends one
	// unless the next starts in lower case.
	Cell func(t string) bool
}

// Unwrap joins the lines that a column wrapped into one line each, so
// that a paragraph, a list item or a heading is one line whatever width
// the producer set: a list or a paragraph then ends where the text says
// (a heading, an item, a blank line, the end of a sentence on a short
// line), never where a line merely happened to break. A line joins the one
// before unless that one ends a sentence (an unbulleted item often follows
// its predecessor's last sentence on the next line) or stands on its own:
// it ends short and so do the lines joined to it (a heading or a label,
// perhaps wrapped over two lines). A line that starts in lower case, or
// follows one that ends on a comma or on a word that carries a sentence on,
// always joins. A bullet, a numbered or lettered item, a cell and a
// heading (as b says) always start a line of their own.
func Unwrap(ls []Line, ws WordSet, b Breaks) []Line {
	out := make([]Line, 0, len(ls))
	allShort := false // every line joined into out's last so far ended short
	for i, l := range ls {
		if i == 0 || l.Text == "" || ls[i-1].Text == "" || b.startsLine(l.Text, ls[i-1].Text) ||
			b.Heading(ls[i-1].Text) && !StartsLower(l.Text) || b.Cell(ls[i-1].Text) && !StartsLower(l.Text) {
			out = append(out, l)
			allShort = l.Short
			continue
		}
		prev := ls[i-1]
		last := &out[len(out)-1]
		item := false
		if g, _ := Bullet(last.Text); g != "" {
			item = true // an item goes on to the next item, heading or blank line
		}
		joins := CarriesOn(prev.Text) || StartsLower(l.Text) ||
			!SentenceEnd(prev.Text) && (item || !(prev.Short && allShort))
		if !joins {
			// a heading or a label follows a short line (a paragraph's
			// last, another label); after a full line that ends a
			// sentence, a short line is the head of the next sentence
			out = append(out, l)
			allShort = l.Short && prev.Short
			continue
		}
		last.Text = JoinText(last.Text, l.Text, ws)
		last.Short = l.Short
		allShort = allShort && l.Short
	}
	return out
}

// startsLine reports whether t, after the line prev, begins a line of its
// own: a bullet, a numbered or lettered item, a cell, or a known section
// heading (a heading's words that merely end a wrapped sentence, "... on
// the basis of" / "recommendations", are not one).
func (b Breaks) startsLine(t, prev string) bool {
	if g, _ := Bullet(t); g != "" || b.Cell(t) {
		return true
	}
	return reNumbered.MatchString(t) || reLetterItem.MatchString(t) || reListLetter.MatchString(t) ||
		b.Heading(t) && !CarriesOn(prev)
}

// Joined is lines joined by spaces, with the page of each byte offset: a
// table whose cells PDF extraction scattered over lines is read as one
// string.
type Joined struct {
	Text   string
	starts []int // offset of each line in Text
	pages  []int
}

// Join joins the non-empty lines of ls with spaces (none after a line
// that ends with a soft hyphen).
func Join(ls []Line) Joined {
	var j Joined
	var b strings.Builder
	soft := false
	for _, l := range ls {
		if l.Text == "" {
			continue
		}
		if b.Len() > 0 && !soft {
			b.WriteByte(' ')
		}
		j.starts = append(j.starts, b.Len())
		j.pages = append(j.pages, l.Page)
		t := l.Text
		soft = strings.HasSuffix(t, "\u00ad") // a soft hyphen: the word goes on
		b.WriteString(strings.TrimSuffix(t, "\u00ad"))
	}
	j.Text = b.String()
	return j
}

// PageAt returns the page of the line that byte off of j.Text is on.
func (j Joined) PageAt(off int) int {
	p := 0
	for i, s := range j.starts {
		if s > off {
			break
		}
		p = j.pages[i]
	}
	return p
}
