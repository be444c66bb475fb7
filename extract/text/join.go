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
			if (strings.HasPrefix(next, "and ") || strings.HasPrefix(next, "or ")) && !ws[lh+lt] {
				return text + " " + next // a suspended hyphen: "gang- and drug-related", "short- or long-term"
			}
			return text + next
		}
		if head != "" && unicode.IsLetter(r) {
			return text + next // "16-\n17" style or "Multi-\nAgency": keep the hyphen
		}
	}
	return text + " " + next
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
