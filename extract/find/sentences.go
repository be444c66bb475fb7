package find

// Sentences are cut from cleaned lines in two steps. First the lines are
// grouped into blocks: paragraphs (a blank line on the same page ends one;
// a page break does not, unless the text before it ended a sentence),
// bulleted list items and headings. Paragraph numbers ("19. Children ...")
// and page numbers glued to the first word of a page ("3people", a PDF
// extraction artefact) are dropped; headings are not sentences but name the
// section the following blocks sit in, and so their domain. Then each
// block is cut at sentence-ending punctuation followed by a capital letter,
// except after abbreviations ("e.g.", "i.e.", "Mr.", "No.") and initials;
// decimal numbers and "s.47" never have a space after the point, so they
// are never cut. Text that does not end a sentence (table cells, cover
// lines, an address) is dropped unless it is a list item.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/text"
)

// sentence is one sentence of body text with where it sits.
type sentence struct {
	text    string
	page    int
	section string         // the heading above it ("" before the first)
	domain  extract.Domain // the judgement section's domain, "" outside one
	item    bool           // a bulleted list item (or a sentence of one)
	list    extract.Kind   // KindStrength/KindWeakness when the list's heading or lead-in says so
}

var (
	// A lead-in line that announces a list ("Inspectors highlighted:").
	reStrengthLeadIn = text.Lazy(`(?i)\b(strengths?|highlighted|working well|good practice|positive(s| features)?|achievements|progress (has been|was) made)\b[^.]*:$`)
	reWeakLeadIn     = text.Lazy(`(?i)\b(weaknesses|areas? (for|of|requiring) (development|improvement|concern|further (development|improvement))|shortfalls|concerns?|need(s)? to improve|not yet|still need)\b[^.]*:$`)
	// End of a letter: nothing after the signature is body text.
	reLetterEnd = text.Lazy(`(?i)^(yours sincerely|yours faithfully)\b`)
)

// sentences returns the body sentences of ls with their section, domain
// and list context. Headings, text in skipped sections and fragments that
// do not end a sentence are left out; after a letter's signature nothing
// is read.
func sentences(ls []text.Line, ws text.WordSet) []sentence {
	v := vocabulary()
	var out []sentence
	section, domain := "", extract.Domain("")
	skip := false
	var list extract.Kind // list context set by a heading or lead-in
	scope := false        // in the list of areas a visit looked at (focus findings, read elsewhere)
	// Domain headings since the last paragraph: one heading before prose
	// opens a judgement section; several in a row are the labels of the
	// judgement table or a contents page, and open none.
	var pending []extract.Domain
	for _, b := range blocksOf(ls, ws) {
		bt := b.Text
		if b.Kind == text.CellBlock {
			continue
		}
		item := b.Item()
		if b.Kind == text.HeadingBlock {
			if reLetterEnd.MatchString(bt) {
				break
			}
			if (skip || v.context.MatchString(section)) && !knownHeading(bt) {
				// a section about the inspection or the area runs on over
				// its own labels and names ("Inspection team" / "Jo
				// Bloggs, Ofsted HMI"; a partnership's bodies on a line of
				// their own) up to the next heading the vocabulary knows
				continue
			}
			section = bt
			skip = v.skip.MatchString(bt)
			list = ""
			switch {
			case v.strength.MatchString(bt):
				list = extract.KindStrength
			case v.weakness.MatchString(bt) || v.recHeading.MatchString(bt):
				list = extract.KindWeakness
			}
			matched := false
			for _, h := range v.domainHeadings {
				if h.re.MatchString(bt) {
					pending = append(pending, h.domain)
					matched = true
					break
				}
			}
			if !matched && v.outsideDomain.MatchString(bt) {
				domain, pending = "", nil
			}
			continue
		}
		if isSentenceBlock(item, bt) {
			switch {
			case len(pending) == 1:
				domain = pending[0]
			case len(pending) > 1:
				domain = ""
			}
			pending = nil
		}
		if reLetterEnd.MatchString(bt) {
			break
		}
		if skip {
			continue
		}
		if !item {
			// a paragraph after a list ends the list context, unless it
			// is itself a lead-in
			list = ""
			scope = false
		} else if scope {
			continue
		}
		texts, offs := text.Sentences(bt)
		for k, t := range texts {
			if !item && !text.SentenceEnd(t) {
				continue // a fragment: table cells, a cover line, an address
			}
			if !isSentence(t) {
				continue
			}
			out = append(out, sentence{text: t, page: b.PageAt(offs[k]), section: section, domain: domain, item: item, list: list})
		}
		if !item && strings.HasSuffix(bt, ":") {
			switch {
			case reScopeIntro.MatchString(bt):
				// "Inspectors reviewed the progress made in the following
				// areas of concern ...:" lists the visit's focus
				scope = true
			case reWeakLeadIn.MatchString(bt):
				list = extract.KindWeakness
			case reStrengthLeadIn.MatchString(bt):
				list = extract.KindStrength
			}
		}
	}
	return out
}

// isSentence reports whether t reads as a sentence: at least four words,
// starting with a capital, a digit or a quote, and mostly letters.
func isSentence(t string) bool {
	if len(strings.Fields(t)) < 4 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("“‘\"'(", r)) {
		return false
	}
	letters, lower := 0, 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsLower(r) {
				lower++
			}
		}
	}
	return letters*2 > len(t) && lower*2 > letters
}

// isSentenceBlock reports whether a block is prose: a list item or text
// that ends a sentence (not a stray table cell).
func isSentenceBlock(item bool, t string) bool {
	return item || (text.SentenceEnd(t) && len(strings.Fields(t)) >= 4)
}
