package text

// Cleaning turns pages of extracted text into a flat list of lines with the
// page each came from, minus everything that is page furniture: running
// headers and footers, the Ofsted address block of letters, bare page
// numbers and any line repeated on most pages. It runs before lists and
// sentences are cut, so that a footer falling mid-sentence does not break a
// finding in two.

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Line is one cleaned line of text and the 1-based page of the file it
// is on. An empty Text marks a paragraph break (a blank line or a page
// break).
type Line struct {
	Text string
	Page int
	// Short is true when the line stops well before the column's width
	// although the next line's first word would have fitted on it: the
	// break is the author's (a heading, an address line, a label, the end
	// of a paragraph), not the column's. Blank lines around headings and
	// between items are the first thing another PDF producer drops, so
	// rules that need a line's end tell it by this, not by a blank line.
	Short bool
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
	reHeaderDates = regexp.MustCompile(`^\d{1,2}( [A-Z][a-z]+)?( \d{4})? (to|and|–|-) \d{1,2} [A-Z][a-z]+ \d{4}( \d{1,3})?$`)
	reParaGlued   = regexp.MustCompile(`^(\d{1,3})\.(\p{Lu})`)
	reParaAlone   = regexp.MustCompile(`^\d{1,3}\.$`)
	// Markdown heading marks in text converted from web pages ("## What needs to improve?").
	reMarkdownHeading = regexp.MustCompile(`^#{1,6} +`)
	// A line in Markdown bold or italics as a whole ("**Headline findings**").
	reMarkdownEmphasis = regexp.MustCompile(`^(\*\*|__|\*|_)(\S(?:.*?\S)?)(\*\*|__|\*|_)$`)
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

// Clean returns the lines of pages with page furniture removed, paragraph
// numbers standing alone glued to their text, and Line.Short set.
// firstPage is the file page number of pages[0].
func Clean(pages []string, firstPage int) []Line {
	split := make([][]string, len(pages))
	for i, p := range pages {
		ls := strings.Split(p, "\n")
		for j, l := range ls {
			ls[j] = NormSpace(l)
		}
		split[i] = ls
	}
	// Keys are needed only when there are enough pages for lines to repeat.
	var keys [][]string
	if len(pages) >= 5 {
		keys = make([][]string, len(split))
		for i, ls := range split {
			keys[i] = make([]string, len(ls))
			for j, l := range ls {
				keys[i][j] = repeatKey(l)
			}
		}
	}
	repeated := repeatedOf(keys)
	var out []Line
	for i, ls := range split {
		page := firstPage + i
		if i > 0 {
			out = append(out, Line{Page: page}) // page break
		}
		prevHeader := false
		for j, l := range ls {
			if l == "" {
				out = append(out, Line{Page: page})
				continue
			}
			if isFurniture(l) || (repeated != nil && repeated[keys[i][j]]) || (prevHeader && reHeaderDates.MatchString(l)) {
				prevHeader = true
				continue
			}
			prevHeader = false
			if c := l[0]; '0' <= c && c <= '9' {
				l = reParaGlued.ReplaceAllString(l, "$1. $2")
			} else if c == '#' {
				l = reMarkdownHeading.ReplaceAllString(l, "")
			}
			if c := l[0]; c == '*' || c == '_' {
				if m := reMarkdownEmphasis.FindStringSubmatch(l); m != nil && m[1] == m[3] {
					l = m[2]
				}
			}
			out = append(out, Line{Text: l, Page: page})
		}
	}
	out = joinParaNumbers(out)
	markShort(out)
	return out
}

// A line ends short when it and the next line's first word fit in
// shortShare of the column's width. The width is measured, not assumed:
// the full lines of a column cluster just under its width (proportional
// fonts spread them over a few characters), so the width is the top of the
// densest band of widthBand line lengths. A mean or a high percentile would
// follow the long lines that another producer's wider column or joined
// lines give; the densest band does not. Text with no column (a web page
// or saved text with a paragraph on each line, or lines rejoined by a
// converter) has no such band: there a line ends short when it has
// looseLimit characters or fewer, as headings, labels and address lines
// have.
const (
	shortShare    = 0.88
	widthBand     = 6
	minBandShare  = 0.25 // of the lines of three words or more: a column's full lines are 30-50% of them
	minWidthLines = 8
	looseLimit    = 60
)

// markShort sets line.Short on every line of ls.
func markShort(ls []Line) {
	var lens []int
	for _, l := range ls {
		if l.Text != "" && strings.Count(l.Text, " ") >= 2 {
			lens = append(lens, utf8.RuneCountInString(l.Text))
		}
	}
	limit, column := looseLimit, false
	if len(lens) >= minWidthLines {
		if w, share := columnWidth(lens); share >= minBandShare {
			limit, column = int(float64(w)*shortShare), true
		}
	}
	next := ""
	for i := len(ls) - 1; i >= 0; i-- {
		t := ls[i].Text
		if t == "" {
			continue
		}
		n := utf8.RuneCountInString(t)
		if next != "" && column {
			n += 1 + utf8.RuneCountInString(FirstToken(next))
		}
		ls[i].Short = n <= limit
		next = t
	}
}

// columnWidth returns the top of the densest band of widthBand lengths
// and the share of lens in it.
func columnWidth(lens []int) (int, float64) {
	slices.Sort(lens)
	best, width := 0, lens[len(lens)-1]
	lo := 0
	for hi, n := range lens {
		for lens[lo] <= n-widthBand {
			lo++
		}
		if c := hi - lo + 1; c >= best {
			best, width = c, n
		}
	}
	return width, float64(best) / float64(len(lens))
}

func isFurniture(l string) bool {
	for _, re := range reFurniture {
		if re.MatchString(l) {
			return true
		}
	}
	return false
}

// repeatedOf returns the keys of lines that occur on most pages of a
// document of at least five pages: running headers and footers that no
// pattern knows. pages holds the repeatKey of every line of every page.
func repeatedOf(pages [][]string) map[string]bool {
	if len(pages) < 5 {
		return nil
	}
	count := map[string]int{}
	seen := map[string]bool{}
	for _, ks := range pages {
		clear(seen)
		for _, k := range ks {
			if k != "" && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	out := map[string]bool{}
	min := (len(pages)*6 + 9) / 10 // 60%, rounded up
	if min < 4 {
		min = 4
	}
	for k, n := range count {
		if n >= min {
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
