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
	"regexp"
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
	reStrengthLeadIn = regexp.MustCompile(`(?i)\b(strengths?|highlighted|working well|good practice|positive(s| features)?|achievements|progress (has been|was) made)\b[^.]*:$`)
	reWeakLeadIn     = regexp.MustCompile(`(?i)\b(weaknesses|areas? (for|of|requiring) (development|improvement|concern|further (development|improvement))|shortfalls|concerns?|need(s)? to improve|not yet|still need)\b[^.]*:$`)
	// End of a letter: nothing after the signature is body text.
	reLetterEnd = regexp.MustCompile(`(?i)^(yours sincerely|yours faithfully)\b`)

	reGluedPageNum = regexp.MustCompile(`^\d{1,3}(\p{L})`)
)

// block is a paragraph, list item or heading being assembled.
type block struct {
	text    string
	pages   []int // page of each byte offset run: starts[i] -> pages[i]
	starts  []int
	heading bool
	grade   bool // a grade cell of a judgement table ("Requires improvement")
	item    bool
}

func (b *block) add(t string, page int, ws text.WordSet) {
	before := len(b.text)
	b.text = text.JoinText(b.text, t, ws)
	// the joined text keeps everything before; what follows starts at the
	// first byte that differs (joinText may drop a hyphen).
	off := before
	if off > len(b.text) {
		off = len(b.text)
	}
	b.starts = append(b.starts, off)
	b.pages = append(b.pages, page)
}

func (b *block) pageAt(off int) int {
	p := 0
	for i, s := range b.starts {
		if s > off && i > 0 {
			break
		}
		p = b.pages[i]
	}
	return p
}

// isHeadingLine reports whether ls[i] is a heading: a known section
// heading, or a short capitalised line with no sentence punctuation that
// starts a block (after a blank line or a sentence end) and is not carried
// on in lower case.
func isHeadingLine(ls []text.Line, i int, prevEnded bool) bool {
	t := ls[i].Text
	v := vocabulary()
	if sectionHeading(t) || v.skip.MatchString(t) {
		return true
	}
	if !prevEnded {
		return false
	}
	// a domain heading may wrap: "The experiences and progress of" / "children in care"
	joined := t
	for j := i + 1; j < len(ls) && j <= i+2 && ls[j].Text != "" && text.StartsLower(ls[j].Text); j++ {
		joined += " " + ls[j].Text
	}
	for _, h := range v.domainHeadings {
		if h.re.MatchString(joined) && !text.SentenceEnd(joined) {
			return true
		}
	}
	if v.strength.MatchString(t) && !text.SentenceEnd(t) && len(strings.Fields(t)) <= 8 {
		return true
	}
	if g, _ := text.Bullet(t); g != "" {
		return false
	}
	if text.ParaNumber(t) != "" {
		return false
	}
	return text.HeadingAt(ls, i)
}

// blocks groups cleaned lines into headings, paragraphs and list items.
func blocks(ls []text.Line, ws text.WordSet) []block {
	ls = unwrap(ls, ws)
	var out []block
	var cur *block
	flush := func() {
		if cur != nil && strings.TrimSpace(cur.text) != "" {
			out = append(out, *cur)
		}
		cur = nil
	}
	prevEnded := true // the text before ls[i] ended a sentence or a block
	lastPage := 0
	pageFirst := true
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		if l.Page != lastPage {
			pageFirst = true
			lastPage = l.Page
		}
		t := l.Text
		if t == "" {
			if cur != nil && (text.SentenceEnd(cur.text) || nextTextPage(ls, i) == cur.pages[len(cur.pages)-1]) {
				flush()
				prevEnded = true
			}
			continue
		}
		if pageFirst {
			pageFirst = false
			t = reGluedPageNum.ReplaceAllString(t, "$1")
		}
		if tableCell(t) {
			flush()
			out = append(out, block{heading: true, grade: true, text: t})
			prevEnded = true
			continue
		}
		if isHeadingLine(ls, i, prevEnded || cur == nil) {
			flush()
			h := block{heading: true}
			h.add(t, l.Page, ws)
			// a heading wraps onto lower-case lines ("... help and" / "protection")
			for i+1 < len(ls) && ls[i+1].Text != "" && text.StartsLower(ls[i+1].Text) && !text.SentenceEnd(h.text) && len(strings.Fields(h.text)) < 16 {
				i++
				h.add(ls[i].Text, ls[i].Page, ws)
			}
			out = append(out, h)
			prevEnded = true
			continue
		}
		if g, rest := text.Bullet(t); g != "" {
			flush()
			cur = &block{item: true}
			cur.add(rest, l.Page, ws)
			prevEnded = false
			continue
		}
		if m := text.ParaNumber(t); m != "" && (prevEnded || cur == nil) {
			flush()
			cur = &block{}
			cur.add(strings.TrimSpace(t[len(m):]), l.Page, ws)
			prevEnded = text.SentenceEnd(t)
			continue
		}
		if m := text.ListLetter(t); m != "" && (prevEnded || cur == nil) {
			flush()
			cur = &block{item: true}
			cur.add(strings.TrimSpace(t[len(m):]), l.Page, ws)
			prevEnded = text.SentenceEnd(t)
			continue
		}
		if cur == nil {
			cur = &block{}
		}
		alone := len(cur.starts) == 0 && standsAlone(ls, i)
		cur.add(t, l.Page, ws)
		prevEnded = text.SentenceEnd(t)
		if alone {
			// an address line, a label, a date: a block of its own
			// even with no blank line after it
			flush()
			prevEnded = true
		}
	}
	flush()
	return out
}

// standsAlone reports whether ls[i], starting a block, is a block by
// itself: it ends short, not on a word that carries a sentence on, and the
// next line starts anew (a capital, a digit, a bullet).
func standsAlone(ls []text.Line, i int) bool {
	if !ls[i].Short || i+1 >= len(ls) || ls[i+1].Text == "" {
		return false
	}
	if text.CarriesOn(ls[i].Text) || strings.Contains(ls[i].Text, ". ") {
		return false
	}
	next := ls[i+1].Text
	if g, _ := text.Bullet(next); g != "" {
		return true
	}
	return text.StartsUpper(next)
}

// nextTextPage returns the page of the first non-blank line after ls[i],
// or -1: a blank line before text on the same page ends a paragraph, a page
// break does not.
func nextTextPage(ls []text.Line, i int) int {
	for j := i + 1; j < len(ls); j++ {
		if ls[j].Text != "" {
			return ls[j].Page
		}
	}
	return -1
}

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
	for _, b := range blocks(ls, ws) {
		bt := text.NormSpace(b.text)
		if b.grade {
			continue
		}
		if b.heading {
			if reLetterEnd.MatchString(bt) {
				break
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
		if isSentenceBlock(b, bt) {
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
		if !b.item {
			// a paragraph after a list ends the list context, unless it
			// is itself a lead-in
			list = ""
			scope = false
		} else if scope {
			continue
		}
		texts, offs := text.Sentences(bt)
		for k, t := range texts {
			if !b.item && !text.SentenceEnd(t) {
				continue // a fragment: table cells, a cover line, an address
			}
			if !isSentence(t) {
				continue
			}
			out = append(out, sentence{text: t, page: b.pageAt(offs[k]), section: section, domain: domain, item: b.item, list: list})
		}
		if !b.item && strings.HasSuffix(bt, ":") {
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
func isSentenceBlock(b block, t string) bool {
	return b.item || (text.SentenceEnd(t) && len(strings.Fields(t)) >= 4)
}
