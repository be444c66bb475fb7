package text

// Cleaning turns pages of extracted text into a flat list of lines with the
// page each came from, minus everything that is page furniture: running
// headers and footers, the Ofsted address block of letters, bare page
// numbers and any line repeated on most pages. It runs before lists and
// sentences are cut, so that a footer falling mid-sentence does not break a
// finding in two.

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Line is one cleaned line of text and the 1-based page of the file it
// is on. An empty Text marks a blank line the author set between two
// lines (see Clean: a page break alone is none).
type Line struct {
	Text string
	Page int
}

var (
	// Page furniture matched line by line.
	reFurniture = []*regexp.Regexp{
		regexp.MustCompile(`^\d{1,3}$`),                                                     // bare page number
		regexp.MustCompile(`^(?i)page \d+( of \d+)?$`),                                      // "Page 3 of 12"
		regexp.MustCompile(`(?i)^inspection of .{1,90} children['’]s services( \d{1,3})?$`), // ILACS running header
		regexp.MustCompile(`(?i)^(area send )?inspection report: .{1,80}$`),                 // SEND running footer
		regexp.MustCompile(`(?i)^(piccadilly gate|store street|manchester|m1 2wd|agora|6 cumberland place|nottingham|ng1 6hj)$`),
		regexp.MustCompile(`(?i)^(t|tel|text ?phone|f|fax)\s*:?\s*0\d{3} ?\d{3} ?\d{4}$`),
		regexp.MustCompile(`(?i)^(e|email)?\s*:?\s*\S+@ofsted\.gov\.uk$`),
		regexp.MustCompile(`(?i)^(w\s*:?\s*)?(https?://)?www\.(gov\.uk/ofsted|ofsted\.gov\.uk)/?$`),
		regexp.MustCompile(`(?i)^(piccadilly gate|store street).{0,80}(ofsted|\d{4} ?\d{3} ?\d{4}|m1 2wd)`),
	}
	// A date line that follows a running header ("4 to 15 December 2023 2").
	reHeaderDates = Lazy(`^\d{1,2}( [A-Z][a-z]+)?( \d{4})? (to|and|–|-) \d{1,2} [A-Z][a-z]+ \d{4}( \d{1,3})?$`)
	reParaGlued   = Lazy(`^(\d{1,3})\.(\p{Lu})`)
	reParaAlone   = Lazy(`^\d{1,3}\.$`)
	// A page number glued to the first word of a page ("3people"): digits
	// before a lower-case word of three letters or more.
	reGluedPageNum = Lazy(`^\d{1,3}(\p{Ll}{3})`)
	// Markdown heading marks in text converted from web pages ("## What needs to improve?").
	reMarkdownHeading = Lazy(`^#{1,6} +`)
	// A line in Markdown bold or italics as a whole ("**Headline findings**").
	reMarkdownEmphasis = Lazy(`^(\*\*|__|\*|_)(\S(?:.*?\S)?)(\*\*|__|\*|_)$`)
)

// NormSpace collapses runs of white space (including no-break and zero-width
// spaces) to single spaces, trims the ends and drops invalid UTF-8 and
// control characters. It also undoes what typesetting leaves in a PDF's
// text: soft hyphens (U+00AD, a break the typesetter may take) are
// dropped and the Latin ligatures (U+FB00-U+FB04) spelt out, so that
// "inspec\u00adtion" and "identi\ufb01ed" read as words. A soft hyphen
// that ends the line stays, for JoinText to join the word's halves.
func NormSpace(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	// One pass does what mapping tabs to spaces, dropping control
	// characters and collapsing runs of white space would do in turn; a dropped
	// control character leaves the spaces around it one run.
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c < ' ' || c == 0x7f || c == ' ' && (i == 0 || i+1 == len(s) || s[i+1] == ' ') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	soft := false // the last rune kept or dropped that is no space was a soft hyphen
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n':
			space = true
			continue
		case unicode.IsControl(r):
			continue
		case isSpaceRun(r):
			space = true
			continue
		case r == 0x00AD:
			soft = true
			continue
		case r >= 0xFB00 && r <= 0xFB04:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString([...]string{"ff", "fi", "fl", "ffi", "ffl"}[r-0xFB00])
			soft = false
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		soft = false
	}
	if space {
		b.WriteByte(' ')
	}
	out := strings.TrimSpace(b.String())
	if soft && out != "" {
		out += "\u00ad" // at the end of the line: JoinText joins the word's halves
	}
	return out
}

// isSpaceRun reports whether r is white space (the class
// [\s\x{00A0}\x{2000}-\x{200B}\x{202F}\x{FEFF}]), a rune that is not a
// control character.
func isSpaceRun(r rune) bool {
	switch r {
	case ' ', 0x00A0, 0x202F, 0xFEFF:
		return true
	}
	return 0x2000 <= r && r <= 0x200B
}

// repeatKey is how a line is compared with lines on other pages: lower case,
// digits dropped, so that "Inspection of X ... 3" matches "... 4".
func repeatKey(s string) string {
	// ASCII text (nearly all of it) is keyed in one pass; the general
	// path below gives the same key.
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		return repeatKeyUnicode(s)
	}
	b := make([]byte, 0, len(s))
	letters := 0
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			continue
		case c == ' ' || '\t' <= c && c <= '\r':
			space = len(b) > 0
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			letters++
		case 'a' <= c && c <= 'z':
			letters++
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	if letters < 4 {
		return ""
	}
	return string(b)
}

func repeatKeyUnicode(s string) string {
	var b strings.Builder
	letters := 0
	for _, r := range strings.ToLower(s) {
		if unicode.IsDigit(r) {
			continue
		}
		if unicode.IsLetter(r) {
			letters++
		}
		b.WriteRune(r)
	}
	if letters < 4 {
		return ""
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Clean returns the lines of pages with page furniture removed, the marks
// of typesetting undone (Typeset; a word a soft hyphen broke at a line end
// joined again) and paragraph numbers standing alone glued to their text.
// firstPage is the file page number of pages[0].
//
// A page break is no paragraph break: an empty Line marks a blank line the
// author set, and a page break gives one only when a blank line was set
// there too. Which blank lines are the author's is told by how pages are
// built, not by their width: every page's text ends with a newline (so one
// empty line at a page break is the break itself), and the blank lines that
// framed a running header or footer go with it. A page break added or moved
// (a taller margin, another paper size) then changes no Line but the page
// numbers.
func Clean(pages []string, firstPage int) []Line {
	split := make([][]string, len(pages))
	for i, p := range pages {
		ls := strings.Split(p, "\n")
		if strings.ContainsRune(p, softHyphen) {
			ls = joinSoftBreaks(ls)
		}
		for j, l := range ls {
			ls[j] = NormSpace(Typeset(l))
		}
		split[i] = ls
	}
	// Keys are needed only when there are enough pages for lines to repeat.
	var keys [][]string
	if len(pages) >= minRepeatPages {
		keys = make([][]string, len(split))
		for i, ls := range split {
			keys[i] = make([]string, len(ls))
			for j, l := range ls {
				keys[i][j] = repeatKey(l)
			}
		}
	}
	repeated := repeatedOf(keys)
	cut := make([]pageCut, len(split))
	for i, ls := range split {
		var k, prev []string
		if repeated != nil {
			k = keys[i]
		}
		if i > 0 {
			prev = split[i-1]
		}
		cut[i] = cutPage(ls, prev, repeated, k)
	}
	conv := pageEndBlanks(cut)
	var out []Line
	blanks := 0  // empty lines since the last text line, over page breaks
	crossed := 0 // page breaks since the last text line
	for i, ls := range split {
		page := firstPage + i
		if i > 0 {
			crossed++
		}
		c := cut[i]
		first := true
		for j := c.top; j < c.bottom; j++ {
			l := ls[j]
			if c.furniture[j] {
				continue
			}
			if l == "" {
				blanks++
				continue
			}
			if blanks > conv*crossed && len(out) > 0 {
				out = append(out, Line{Page: page})
			}
			blanks, crossed = 0, 0
			if first {
				first = false
				l = unglueFirst(l)
			}
			if c := l[0]; '0' <= c && c <= '9' {
				l = reParaGlued.ReplaceAllString(l, "$1. $2")
			} else if c == '#' {
				l = reMarkdownHeading.ReplaceAllString(l, "")
			}
			if l == "" {
				continue
			}
			if c := l[0]; c == '*' || c == '_' {
				if m := reMarkdownEmphasis.FindStringSubmatch(l); m != nil && m[1] == m[3] {
					l = m[2]
				}
			}
			out = append(out, Line{Text: l, Page: page})
		}
		blanks += c.trail
	}
	return joinParaNumbers(out)
}

// pageCut is what cleaning reads of a page: its furniture, the lines from
// top to bottom, and the blank lines at its head and foot that framed no
// furniture (lead and trail).
type pageCut struct {
	furniture   []bool
	top, bottom int
	lead, trail int
	// framedTop and framedFoot are set when furniture was taken from the
	// head or the foot of the page.
	framedTop, framedFoot bool
}

// cutPage marks the furniture of a page (ls, with keys its repeatKeys when
// repeated lines are known; prev is the page before) and finds its edges. The blank lines above
// the first text line are read unless they framed a running header
// (furniture among them); those below the last are its foot.
func cutPage(ls, prev []string, repeated map[string]bool, keys []string) pageCut {
	c := pageCut{furniture: make([]bool, len(ls))}
	prevHeader := false
	for j, l := range ls {
		if l == "" {
			continue
		}
		c.furniture[j] = isFurniture(l) || (repeated != nil && repeated[keys[j]]) || (prevHeader && reHeaderDates.MatchString(l))
		prevHeader = c.furniture[j]
	}
	if f := footnotesAt(ls, prev, c.furniture); f < len(ls) {
		for j := f; j < len(ls); j++ {
			c.furniture[j] = true // the page's footnotes are no part of its flow
		}
		for j := f - 1; j >= 0 && ls[j] == ""; j-- {
			c.furniture[j] = true
		}
	}
	lead := 0
	for lead < len(ls) && (ls[lead] == "" || c.furniture[lead]) {
		lead++
	}
	if c.framedTop = framed(c.furniture[:lead]); c.framedTop {
		c.top = lead
	} else {
		c.lead = lead
	}
	c.bottom = len(ls)
	for c.bottom > lead && (ls[c.bottom-1] == "" || c.furniture[c.bottom-1]) {
		c.bottom--
	}
	if c.framedFoot = framed(c.furniture[c.bottom:]); !c.framedFoot {
		c.trail = len(ls) - c.bottom
	}
	return c
}

// pageEndBlanks returns how many empty lines a page break brings in a
// document when no blank line stands there: the fewest found between two
// pages where no furniture was taken. Readers differ (a PDF reader ends
// every page's text with a newline, pdftotext with a blank line as well),
// and only a page break with more than that holds a blank line the author
// set: a page break added in the middle of a page (a taller margin) then
// changes nothing.
func pageEndBlanks(cut []pageCut) int {
	conv := -1
	for i := 1; i < len(cut); i++ {
		if cut[i-1].framedFoot || cut[i].framedTop || cut[i].top == cut[i].bottom {
			continue
		}
		if n := cut[i-1].trail + cut[i].lead; conv < 0 || n < conv {
			conv = n
		}
	}
	if conv < 0 {
		return 1
	}
	return conv
}

// framed reports whether any of a page's edge lines is furniture: then the
// blank lines among them framed it and are no paragraph break.
func framed(furniture []bool) bool {
	for _, f := range furniture {
		if f {
			return true
		}
	}
	return false
}

// A footnote's number stands alone on a line at the foot of the page
// ("5"), its text after it; the text it annotates carries the number glued
// to a word ("Encompass5 is", "schools,3 of whom").
// maxFootnoteLines is the most lines a page's footnotes take.
const maxFootnoteLines = 16

var (
	reFootnoteNumber = Lazy(`^\d{1,2}$`)
	reFootnoteRef    = Lazy(`[\p{L}),’”'"?!](\d{1,2})(?:[\s.,;:)]|$)`)
)

// footnotesAt returns the index of the first line of a page's footnotes,
// or len(ls) when it has none. The footnotes are the lines from a number
// standing alone to the foot of the page, when each number standing alone
// among them is one more than the one before, is referred to in the text
// above them (or on the page before: a page break added in the middle of
// a page puts them apart), and has text after it; they are a few lines at
// the foot of a page, never most of it.
func footnotesAt(ls, prev []string, furniture []bool) int {
	lines := 0
	for _, l := range ls {
		if l != "" {
			lines++
		}
	}
	refs := map[string]bool{}
	for _, l := range prev {
		for _, m := range reFootnoteRef.FindAllStringSubmatch(l, -1) {
			refs[m[1]] = true
		}
	}
	seen := 0
	for j, l := range ls {
		if l == "" {
			continue
		}
		seen++
		rest := lines - seen + 1 // this line and those after it
		if reFootnoteNumber.MatchString(l) {
			if rest <= maxFootnoteLines && rest*2 <= lines && refs[l] && footnotesFrom(ls, furniture, j, refs) {
				return j
			}
			continue
		}
		if !furniture[j] {
			for _, m := range reFootnoteRef.FindAllStringSubmatch(l, -1) {
				refs[m[1]] = true
			}
		}
	}
	return len(ls)
}

// footnotesFrom reports whether ls[j:] are footnotes (see footnotesAt).
func footnotesFrom(ls []string, furniture []bool, j int, refs map[string]bool) bool {
	want, _ := strconv.Atoi(ls[j])
	texts := -1 // text lines since the last number (-1: none read yet)
	for ; j < len(ls); j++ {
		l := ls[j]
		switch {
		case l == "":
		case reFootnoteNumber.MatchString(l):
			if texts == 0 {
				return false // a number with no text: a figure, not a footnote
			}
			if n, _ := strconv.Atoi(l); n != want || !refs[l] {
				// the page's number under its footnotes, or no footnotes
				return texts > 0 && onlyFurniture(ls[j+1:], furniture[j+1:])
			}
			want++
			texts = 0
		case furniture[j]:
		default:
			texts++
		}
	}
	return texts > 0
}

// onlyFurniture reports whether ls holds nothing but blank lines and
// furniture.
func onlyFurniture(ls []string, furniture []bool) bool {
	for j, l := range ls {
		if l != "" && !furniture[j] && !reFootnoteNumber.MatchString(l) {
			return false
		}
	}
	return true
}

// unglueFirst drops a page number that PDF extraction glued to the first
// word of a page ("3people"): digits straight before a lower-case word of
// three letters or more. Ordinals and times ("1st", "10am") are kept.
func unglueFirst(l string) string {
	m := reGluedPageNum.FindStringSubmatchIndex(l)
	if m == nil {
		return l
	}
	return l[m[2]:]
}

func isFurniture(l string) bool {
	for _, re := range reFurniture {
		if re.MatchString(l) {
			return true
		}
	}
	return false
}

// minRepeatPages is the fewest pages on which a repeated line is running
// furniture.
const minRepeatPages = 4

// repeatedOf returns the keys of lines that run on the pages of a
// document: running headers and footers that no pattern knows. pages
// holds the repeatKey of every line of every page. A line is running when
// it is on 60% of the pages of a document of five pages or more, or on 40%
// of the pages and always among the first or last three lines of a page,
// where running lines sit: a taller margin or a smaller paper breaks pages
// that the running lines were not printed on, and the line is still
// furniture. Either way it is on four pages at least.
func repeatedOf(pages [][]string) map[string]bool {
	if len(pages) < minRepeatPages {
		return nil
	}
	count := map[string]int{}
	inside := map[string]bool{} // seen away from a page's edges
	seen := map[string]bool{}
	var at []int
	for _, ks := range pages {
		clear(seen)
		at = at[:0] // indexes of the page's non-empty keys
		for j, k := range ks {
			if k != "" {
				at = append(at, j)
			}
		}
		for n, j := range at {
			k := ks[j]
			if n >= 3 && n < len(at)-3 {
				inside[k] = true
			}
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	out := map[string]bool{}
	most := max(minRepeatPages, (len(pages)*6+9)/10) // 60%, rounded up
	edge := max(minRepeatPages, (len(pages)*4+9)/10) // 40%, rounded up
	for k, n := range count {
		if n >= most && len(pages) >= 5 || n >= edge && !inside[k] {
			out[k] = true
		}
	}
	return out
}

// joinParaNumbers glues a paragraph number standing alone on its line
// ("8." then a blank line then "Ensure ...") to the text that follows.
func joinParaNumbers(ls []Line) []Line {
	out := ls[:0:0]
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		if reParaAlone.MatchString(l.Text) {
			j := i + 1
			for j < len(ls) && ls[j].Text == "" && j-i < 6 {
				j++
			}
			if j < len(ls) && ls[j].Text != "" && !reParaAlone.MatchString(ls[j].Text) {
				out = append(out, Line{Text: l.Text + " " + ls[j].Text, Page: l.Page})
				i = j
				continue
			}
		}
		out = append(out, l)
	}
	return out
}
