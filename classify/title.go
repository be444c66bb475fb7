package classify

// Every kind of Ofsted document opens with a fixed title naming the
// authority: "Inspection of X local authority children's services",
// "Focused visit to X children's services", "Area SEND inspection of X
// Local Area Partnership". Real titles wrap wherever the page is narrow
// ("Inspection of Kent County Council" / "children's services"), name the
// council in any of its forms or the trust that runs its services, and
// carry footnote digits ("... care leavers1"). So the title patterns run
// over the title block, the head's lines joined into one string with
// footnote digits stripped, and they are a table (titleRules): a new
// document type is a row, not a code path.
//
// Where a title stands says whether it is one: at the start of a line,
// capitalised and before any paragraph of prose it is the document's own
// title; inside a sentence ("the inspection of Kent children's services
// in 2019 found ...") it is a reference to another document.

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"

	"github.com/ofsted/ofsted/extract/text"
)

const apos = `['’‘]`

// placeTail ends a title naming a place: the council in any form, the
// local authority, or the trust that runs its children's services, then
// "children's [social care] services" (a trust stands alone).
const placeTail = `(?:(?:,? (?:local authority|(?:metropolitan |royal )?(?:borough|city|county|district)(?: borough)? council|council))? children` + apos + `?s (?:social care )?services\b` +
	`|(?: children` + apos + `?s(?: services)?| children` + apos + `?s? and famil(?:y|ies)| families)? trust\b)`

// titleRule is one title pattern. The first submatch, when present, is the
// phrase naming the authority. weight is the evidence a title gives when
// it is the document's own; a reference to such a document gives less.
type titleRule struct {
	typ    extract.Type
	name   string
	re     *regexp.Regexp
	weight int
	// Every match starts at most 20 bytes before one of the needles
	// (lower-case ASCII); the pattern runs only from there.
	needles []string
}

// titleRules is compiled once and never modified. At one position the
// first rule listed claims the title, so the specific forms come before
// the general ones ("Inspection of looked after children's services" is an
// older inspection, not "Inspection of <place> children's services").
var titleRules = sync.OnceValue(func() []titleRule {
	return []titleRule{
		{typ: extract.TypeSEND, name: "area SEND", weight: 6, needles: []string{"send "}, re: regexp.MustCompile(`(?i)\b(?:joint )?(?:area|local area) SEND (?:full |monitoring |re-?)?(?:inspection|visit|revisit)s?(?: report)?(?: (?:of|in) (?:the )?(.{3,90}?)(?: Local Area Partnership| local area\b|$| Inspection dates?| Dates? of))?`)},
		{typ: extract.TypeSEND, name: "local area partnership report", weight: 2, needles: []string{"local area partnership report"}, re: regexp.MustCompile(`(?i)\bLocal Area Partnership report\b`)},
		{typ: extract.TypeJTAI, name: "JTAI", weight: 6, needles: []string{"joint targeted area inspection"}, re: regexp.MustCompile(`(?i)\bjoint targeted area inspection (?:\(JTAI\) )?(?:of (.{3,160}?)(?: This letter\b| Between\b| This inspection\b| The inspection\b|$))?`)},
		{typ: extract.TypeMonitoring, name: "monitoring visit", weight: 6, needles: []string{"monitoring visit "}, re: regexp.MustCompile(`(?i)\bmonitoring visit (?:to|of|at) (?:the )?(.{2,90}?)(?:` + placeTail + `| this letter\b)`)},
		{typ: extract.TypeFocused, name: "focused visit", weight: 6, needles: []string{"focused visit "}, re: regexp.MustCompile(`(?i)\bfocused visit (?:to|of|at) (?:the )?(.{2,90}?)(?:` + placeTail + `| this letter\b)`)},
		{typ: extract.TypeSIF, name: "SIF", weight: 6, needles: []string{"inspection of services for children"}, re: regexp.MustCompile(`(?i)\b(?:re-?)?inspection of services for children in need of help and protection,? children looked after and care leavers`)},
		{typ: extract.TypeOther, name: "older inspection", weight: 6, needles: []string{"inspection of ", "review of the effectiveness", "joint area review"}, re: regexp.MustCompile(`(?i)\binspection of (?:safeguarding and )?looked after children(?:` + apos + `s)? services|\binspection of safeguarding (?:and looked after children )?services|\breview of the effectiveness of the local safeguarding children board|\bjoint area review|\binspection of progress made in the provision of safeguarding services`)},
		{typ: extract.TypeILACS, name: "ILACS", weight: 6, needles: []string{"inspection of "}, re: regexp.MustCompile(`(?i)\binspection of (?:local authority )?children` + apos + `?s (?:social care )?services\b`)},
		{typ: extract.TypeILACS, name: "ILACS", weight: 6, needles: []string{"inspection of "}, re: regexp.MustCompile(`(?i)\binspection of (?:the )?(.{2,90}?)` + placeTail)},
	}
})

// A footnote mark stuck to a word or a question mark ("care leavers1",
// "improve?1"); not a postcode ("M1 2WD"), a year or a section number.
var footnoteRe = text.Lazy(`([a-z]{3}|\?)\d{1,2}\b`)

// titleBlock is the head of a document read as one string: its lines
// joined by spaces, footnote marks stripped.
type titleBlock struct {
	text   string
	starts []int // offset in text of each head line
	hfAt   []int // offset in the head's flat text (flat(h)) of each line
	lines  []line
}

func newTitleBlock(h []line) titleBlock {
	var b strings.Builder
	tb := titleBlock{lines: h}
	hf := 0
	for i, l := range h {
		if i > 0 {
			b.WriteByte(' ')
			hf++
		}
		tb.starts = append(tb.starts, b.Len())
		tb.hfAt = append(tb.hfAt, hf)
		t := l.text
		if strings.ContainsAny(t, "0123456789") {
			t = footnoteRe.ReplaceAllString(t, "$1")
		}
		b.WriteString(t)
		hf += len(l.text)
		if b.Len() > maxHead {
			break
		}
	}
	tb.text = truncate(b.String(), maxHead)
	return tb
}

// lineOf is the index of the head line holding offset o of the block.
func (tb titleBlock) lineOf(o int) int {
	return max(0, sort.SearchInts(tb.starts, o+1)-1)
}

// hfOffset maps an offset of the block to the head's flat text.
func (tb titleBlock) hfOffset(o int) int {
	if len(tb.starts) == 0 {
		return o
	}
	k := tb.lineOf(o)
	return tb.hfAt[k] + min(o-tb.starts[k], len(tb.lines[k].text))
}

// titleWindow is the most text a title with its subject spans.
const titleWindow = 400

// needleAt returns the offsets of the needles in lower, in order.
func needleAt(lower string, needles []string) []int {
	var at []int
	for _, nd := range needles {
		for q := 0; q < len(lower); {
			i := strings.Index(lower[q:], nd)
			if i < 0 {
				break
			}
			at = append(at, q+i)
			q += i + len(nd)
		}
	}
	sort.Ints(at)
	return at
}

// titleMatch is one title rule matching the block.
type titleMatch struct {
	rule    int // index in titleRules
	at, end int // offsets in the block
	subject string
	own     bool // where a document's own title stands (see ownTitle)
}

// titleMatches returns the title rules' matches in the block in order of
// position; at a position the first rule listed claims the title, and a
// match inside a claimed title is part of it.
func titleMatches(tb titleBlock) []titleMatch {
	var all []titleMatch
	lower := asciiLower(tb.text)
	for i, r := range titleRules() {
		done := 0 // the end of the last match
		for _, at := range needleAt(lower, r.needles) {
			from := runeStart(tb.text, max(done, at-20))
			if at < done {
				continue
			}
			m := r.re.FindStringSubmatchIndex(tb.text[from:min(len(tb.text), from+titleWindow)])
			if m == nil {
				continue
			}
			tm := titleMatch{rule: i, at: from + m[0], end: from + m[1]}
			if len(m) >= 4 && m[2] >= 0 {
				tm.subject = tb.text[from+m[2] : from+m[3]]
			}
			all = append(all, tm)
			done = tm.end
		}
	}
	// Order by position, then by the rules' order.
	for i := 1; i < len(all); i++ {
		for j := i; j > 0 && (all[j].at < all[j-1].at || all[j].at == all[j-1].at && all[j].rule < all[j-1].rule); j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}
	var out []titleMatch
	claimed := -1
	for _, m := range all {
		if m.at < claimed {
			continue
		}
		m.own = ownTitle(tb, m.at)
		out = append(out, m)
		claimed = m.end
	}
	return out
}

// ownTitle reports whether a title at offset at stands where a document's
// own title does: at the start of a line, capitalised, with no paragraph
// of prose above it (a letter's address block and salutation are not
// prose; a web page's or news story's opening paragraphs are).
func ownTitle(tb titleBlock, at int) bool {
	k := tb.lineOf(at)
	if tb.starts[k] != at || at >= len(tb.text) || !isUpperASCII(tb.text[at]) {
		return false
	}
	prose := 0
	for _, l := range tb.lines[:k] {
		if proseLine(l.text) {
			prose++
		}
	}
	return prose < 2
}

func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }

// proseLine reports whether a line reads as part of a paragraph: eight
// words or more, most of them in lower case. (Not by its full stop: a
// paragraph wrapped in a narrow column has lines with none.)
func proseLine(s string) bool {
	if len(s) < 40 {
		return false
	}
	words := strings.Fields(s)
	if len(words) < 8 {
		return false
	}
	lower := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			lower++
		}
	}
	return 2*lower > len(words)
}

// titleText is the matched title, up to the end of its phrase.
func titleText(s string) string {
	t := strings.TrimSpace(s)
	for _, stop := range []string{" This letter", " Between", " This inspection", " The inspection"} {
		t = strings.TrimSuffix(t, stop)
	}
	return truncate(t, 300)
}

// committeeTitle is the document title of a committee paper: metadata,
// else the first line that is more than a pack label.
func committeeTitle(src *extract.Source, h []line) string {
	if t := strings.TrimSpace(src.Title); t != "" {
		return truncate(cleanLine(t), 300)
	}
	// Report templates label the title ("Title: ...", "Subject: ...").
	for _, l := range h {
		if m := labelTitleRe.FindStringSubmatch(l.text); m != nil {
			return truncate(strings.TrimSpace(m[1]), 300)
		}
	}
	var rest []line
	for _, l := range h {
		if !paperLabelRe.MatchString(l.text) {
			rest = append(rest, l)
		}
	}
	t := headline(rest)
	// A title in capitals wraps onto lines in capitals.
	for i, l := range rest {
		if l.text != t || !allCaps(t) {
			continue
		}
		for _, n := range rest[i+1:] {
			if !allCaps(n.text) || len(t)+len(n.text) > 300 {
				break
			}
			t += " " + n.text
		}
		break
	}
	return t
}

// allCaps reports whether s has letters and none in lower case.
func allCaps(s string) bool {
	return strings.ToUpper(s) == s && strings.ToLower(s) != s
}

// bodyLine is the name of a council's meeting standing alone on a line,
// the name as its submatch: a label of the paper, not its title.
const bodyLine = `(?:the )?(cabinet|executive board|full council|council|executive)`

var (
	// A labelled report title in a paper's head.
	labelTitleRe = text.Lazy(`(?i)^(?:report )?(?:title|subject)(?: of report)?\s*:\s*(\S.{2,})$`)
	// Lines of a paper's head that are labels, not its title.
	paperLabelRe = text.Lazy(`(?i)^(?:agenda item\b|item(?: no\.?)? \d|report (?:to|of|by|author)\b|(?:date of )?meeting\b|date\b|wards?\b|key decision\b|classification\b|status\b|public\b|open\b|[\w’' ]{0,60}\bcouncil$|` + bodyLine + `$)`)
)

// headline is the first line of the head that reads like a title: three
// words or more, not a date, not a pack label, not a web page's or news
// site's furniture. Page furniture above a headline ("1.3 C", "West
// Bridgford", a dateline, "Skip to main content") is passed over.
func headline(h []line) string {
	if i := headlineAt(h); i >= 0 {
		return truncate(h[i].text, 300)
	}
	if len(h) > 0 {
		return truncate(h[0].text, 300)
	}
	return ""
}

// headlineAt is the index of the headline in the head, -1 if none.
func headlineAt(h []line) int {
	for i, l := range h {
		if strings.EqualFold(l.text, "public document pack") || len(strings.Fields(l.text)) < 3 || dateLineRe.MatchString(l.text) || newsFurniture(l.text) {
			continue
		}
		return i
	}
	return -1
}

// storyHeadlineAt is the index of a story's headline: as headlineAt, past
// a site's navigation bar in capitals ("HOME NEWS SPORT WHAT'S ON") when a
// line in sentence or title case follows.
func storyHeadlineAt(h []line) int {
	first := headlineAt(h)
	for i := first; i >= 0 && i < len(h); i++ {
		if j := headlineAt(h[i:]); j >= 0 {
			if i += j; !allCaps(h[i].text) {
				return i
			}
		} else {
			break
		}
	}
	return first
}
