package extract

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
)

// sentence is one sentence of body text with where it sits.
type sentence struct {
	text    string
	page    int
	section string // the heading above it ("" before the first)
	domain  Domain // the judgement section's domain, "" outside one
	item    bool   // a bulleted list item (or a sentence of one)
	list    Kind   // KindStrength/KindWeakness when the list's heading or lead-in says so
}

var (
	// Judgement-section headings of ILACS and SIF reports (matched on a
	// block that starts a line); the order matters: the first match wins.
	domainHeadings = []struct {
		re     *regexp.Regexp
		domain Domain
	}{
		{regexp.MustCompile(`(?i)^(the )?experiences and progress of (children who need help and protection|children in need of help and protection)`), DomainHelp},
		{regexp.MustCompile(`(?i)^children who need help and protection\b`), DomainHelp},
		{regexp.MustCompile(`(?i)^(the )?experiences and progress of (children )?care leavers`), DomainCareLeaver},
		{regexp.MustCompile(`(?i)^(the )?experiences and progress of (children in care|children looked after)`), DomainInCare},
		{regexp.MustCompile(`(?i)^children looked after and achieving permanence\b`), DomainInCare},
		{regexp.MustCompile(`(?i)^adoption performance\b`), DomainAdoption},
		{regexp.MustCompile(`(?i)^(the )?impact of leaders on social work practice`), DomainLeaders},
		{regexp.MustCompile(`(?i)^leadership,? management and governance\b`), DomainLeaders},
		{regexp.MustCompile(`(?i)^(review of )?the effectiveness of the (local safeguarding children board|lscb)`), DomainLSCB},
	}
	// Sections whose text is about the inspection, not about practice:
	// no findings are taken from them.
	reSkipSection = regexp.MustCompile(`(?i)^(information about (this|the) (inspection|local authority|area).*|contents|table of contents|(the )?inspection team|about this inspection|glossary|appendix.*|annex.*|version control.*|the inspection judgements.*|inspection judgements about .*|areas covered( by (the|this) (visit|inspection))?)$`)
	// The summary at the head of a letter: its sentences are headline
	// findings, not strengths or weaknesses.
	reHeadlineSection = regexp.MustCompile(`(?i)^headline findings?$`)
	// Headings that announce a list of strengths or weaknesses.
	reStrengthHeading = regexp.MustCompile(`(?i)^(key )?(strengths|areas of strength|what is working well|what (is|has been) (done well|improved)|what has improved.*|good practice)\b`)
	reWeakHeading     = regexp.MustCompile(`(?i)^(key )?(weaknesses|areas of weakness|areas for (development|improvement)|what is not working well|what needs (to improve|improving))\b`)
	// A lead-in line that announces a list ("Inspectors highlighted:").
	reStrengthLeadIn = regexp.MustCompile(`(?i)\b(strengths?|highlighted|working well|good practice|positive(s| features)?|achievements|progress (has been|was) made)\b[^.]*:$`)
	reWeakLeadIn     = regexp.MustCompile(`(?i)\b(weaknesses|areas? (for|of|requiring) (development|improvement|concern|further (development|improvement))|shortfalls|concerns?|need(s)? to improve|not yet|still need)\b[^.]*:$`)
	// End of a letter: nothing after the signature is body text.
	reLetterEnd = regexp.MustCompile(`(?i)^(yours sincerely|yours faithfully)\b`)
	// Headings that leave the judgement sections.
	reOutsideDomain = regexp.MustCompile(`(?i)^(overall effectiveness|judgement|grade|executive summary|summary for children.*|summary of (findings|judgements)|what needs to improve.*|strengths|areas for improvement|main findings|next steps|introduction|context|the local authority|information about .*)\b`)

	reParaNum      = regexp.MustCompile(`^\(?\d{1,3}(\.\d{1,2})?[.)]\s+`)
	reGluedPageNum = regexp.MustCompile(`^\d{1,3}(\p{L})`)
	reListLetter   = regexp.MustCompile(`^\(?[a-z]\)\s+`)
)

// sentenceEnd reports whether t ends a sentence (closing quotes and
// brackets after the point allowed).
func sentenceEnd(t string) bool {
	t = strings.TrimRight(t, "”’\"')] ")
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '!' || r == '?' || r == ':'
}

// block is a paragraph, list item or heading being assembled.
type block struct {
	text    string
	pages   []int // page of each byte offset run: starts[i] -> pages[i]
	starts  []int
	heading bool
	grade   bool // a grade cell of a judgement table ("Requires improvement")
	item    bool
}

func (b *block) add(t string, page int, ws wordSet) {
	before := len(b.text)
	b.text = joinText(b.text, t, ws)
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
func isHeadingLine(ls []line, i int, prevEnded bool) bool {
	t := ls[i].text
	if sectionHeading(t) || reSkipSection.MatchString(t) {
		return true
	}
	if !prevEnded {
		return false
	}
	// a domain heading may wrap: "The experiences and progress of" / "children in care"
	joined := t
	for j := i + 1; j < len(ls) && j <= i+2 && ls[j].text != "" && startsLower(ls[j].text); j++ {
		joined += " " + ls[j].text
	}
	for _, h := range domainHeadings {
		if h.re.MatchString(joined) && !sentenceEnd(joined) {
			return true
		}
	}
	if reStrengthHeading.MatchString(t) && !sentenceEnd(t) && len(strings.Fields(t)) <= 8 {
		return true
	}
	if g, _ := bulletOf(t); g != "" {
		return false
	}
	if reParaNum.MatchString(t) {
		return false
	}
	return headingAt(ls, i)
}

// blocks groups cleaned lines into headings, paragraphs and list items.
func blocks(ls []line, ws wordSet) []block {
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
		if l.page != lastPage {
			pageFirst = true
			lastPage = l.page
		}
		t := l.text
		if t == "" {
			if cur != nil && (sentenceEnd(cur.text) || nextTextPage(ls, i) == cur.pages[len(cur.pages)-1]) {
				flush()
				prevEnded = true
			}
			continue
		}
		if pageFirst {
			pageFirst = false
			t = reGluedPageNum.ReplaceAllString(t, "$1")
		}
		if reGradeCell.MatchString(t) || t == "to be good" || t == "be good" {
			flush()
			out = append(out, block{heading: true, grade: true, text: t})
			prevEnded = true
			continue
		}
		if isHeadingLine(ls, i, prevEnded || cur == nil) {
			flush()
			h := block{heading: true}
			h.add(t, l.page, ws)
			// a heading wraps onto lower-case lines ("... help and" / "protection")
			for i+1 < len(ls) && ls[i+1].text != "" && startsLower(ls[i+1].text) && !sentenceEnd(h.text) && len(strings.Fields(h.text)) < 16 {
				i++
				h.add(ls[i].text, ls[i].page, ws)
			}
			out = append(out, h)
			prevEnded = true
			continue
		}
		if g, rest := bulletOf(t); g != "" {
			flush()
			cur = &block{item: true}
			cur.add(rest, l.page, ws)
			prevEnded = false
			continue
		}
		if m := reParaNum.FindString(t); m != "" && (prevEnded || cur == nil) {
			flush()
			cur = &block{}
			cur.add(strings.TrimSpace(t[len(m):]), l.page, ws)
			prevEnded = sentenceEnd(t)
			continue
		}
		if m := reListLetter.FindString(t); m != "" && (prevEnded || cur == nil) {
			flush()
			cur = &block{item: true}
			cur.add(strings.TrimSpace(t[len(m):]), l.page, ws)
			prevEnded = sentenceEnd(t)
			continue
		}
		if cur == nil {
			cur = &block{}
		}
		alone := len(cur.starts) == 0 && standsAlone(ls, i)
		cur.add(t, l.page, ws)
		prevEnded = sentenceEnd(t)
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
func standsAlone(ls []line, i int) bool {
	if !ls[i].short || i+1 >= len(ls) || ls[i+1].text == "" {
		return false
	}
	if carriesOn(ls[i].text) || strings.Contains(ls[i].text, ". ") {
		return false
	}
	next := ls[i+1].text
	if g, _ := bulletOf(next); g != "" {
		return true
	}
	return startsUpper(next)
}

// nextTextPage returns the page of the first non-blank line after ls[i],
// or -1: a blank line before text on the same page ends a paragraph, a page
// break does not.
func nextTextPage(ls []line, i int) int {
	for j := i + 1; j < len(ls); j++ {
		if ls[j].text != "" {
			return ls[j].page
		}
	}
	return -1
}

func startsLower(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

// abbreviations never end a sentence when followed by a point.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "eg": true, "ie": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"no": true, "nos": true, "st": true, "s": true, "vs": true, "v": true, "approx": true, "cllr": true,
	"prof": true, "rev": true, "para": true, "paras": true, "p": true, "pp": true, "fig": true, "ref": true,
	"cf": true, "etc.,": true, "sr": true, "jr": true, "co": true, "inc": true, "ltd": true, "al": true,
}

// splitText cuts a block's text into sentences; it returns the byte offset
// of each sentence's start along with its text.
func splitText(s string) (texts []string, offs []int) {
	start := 0
	emit := func(end int) {
		t := strings.TrimSpace(s[start:end])
		if t != "" {
			lead := len(s[start:end]) - len(strings.TrimLeft(s[start:end], " "))
			texts = append(texts, t)
			offs = append(offs, start+lead)
		}
		start = end
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !strings.ContainsRune("”’\"')]", r) {
				break
			}
			j += n
		}
		if j >= len(s) || s[j] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[j+1:])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("“‘\"'(", r)) {
			continue
		}
		if c == '.' {
			w := strings.ToLower(lastToken(s[:i]))
			if abbreviations[w] || abbreviations[strings.TrimSuffix(w, ".")] {
				continue
			}
			if tok := lastToken(s[:i]); utf8.RuneCountInString(tok) == 1 && unicode.IsUpper([]rune(tok)[0]) {
				continue // an initial: "J. Smith"
			}
		}
		emit(j)
	}
	emit(len(s))
	return texts, offs
}

// lastToken returns the run of non-space characters at the end of s,
// without an opening bracket.
func lastToken(s string) string {
	i := strings.LastIndexByte(s, ' ')
	return strings.TrimLeft(s[i+1:], "(“‘\"'")
}

// sentences returns the body sentences of ls with their section, domain
// and list context. Headings, text in skipped sections and fragments that
// do not end a sentence are left out; after a letter's signature nothing
// is read.
func sentences(ls []line, ws wordSet) []sentence {
	var out []sentence
	section, domain := "", Domain("")
	skip := false
	var list Kind  // list context set by a heading or lead-in
	scope := false // in the list of areas a visit looked at (focus findings, read elsewhere)
	// Domain headings since the last paragraph: one heading before prose
	// opens a judgement section; several in a row are the labels of the
	// judgement table or a contents page, and open none.
	var pending []Domain
	for _, b := range blocks(ls, ws) {
		text := normSpace(b.text)
		if b.grade {
			continue
		}
		if b.heading {
			if reLetterEnd.MatchString(text) {
				break
			}
			section = text
			skip = reSkipSection.MatchString(text)
			list = ""
			switch {
			case reStrengthHeading.MatchString(text):
				list = KindStrength
			case reWeakHeading.MatchString(text) || reRecHeading.MatchString(text):
				list = KindWeakness
			}
			matched := false
			for _, h := range domainHeadings {
				if h.re.MatchString(text) {
					pending = append(pending, h.domain)
					matched = true
					break
				}
			}
			if !matched && reOutsideDomain.MatchString(text) {
				domain, pending = "", nil
			}
			continue
		}
		if isSentenceBlock(b, text) {
			switch {
			case len(pending) == 1:
				domain = pending[0]
			case len(pending) > 1:
				domain = ""
			}
			pending = nil
		}
		if reLetterEnd.MatchString(text) {
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
		texts, offs := splitText(text)
		for k, t := range texts {
			if !b.item && !sentenceEnd(t) {
				continue // a fragment: table cells, a cover line, an address
			}
			if !isSentence(t) {
				continue
			}
			out = append(out, sentence{text: t, page: b.pageAt(offs[k]), section: section, domain: domain, item: b.item, list: list})
		}
		if !b.item && strings.HasSuffix(text, ":") {
			switch {
			case reScopeIntro.MatchString(text):
				// "Inspectors reviewed the progress made in the following
				// areas of concern ...:" lists the visit's focus
				scope = true
			case reWeakLeadIn.MatchString(text):
				list = KindWeakness
			case reStrengthLeadIn.MatchString(text):
				list = KindStrength
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
func isSentenceBlock(b block, text string) bool {
	return b.item || (sentenceEnd(text) && len(strings.Fields(text)) >= 4)
}
