package find

// Recommendations are list items under a heading ("What needs to improve?",
// "Areas for improvement", "Recommendations", "Areas for priority action",
// ...). A list is a run of items that start with the same bullet glyph (or,
// in SIF reports, with consecutive paragraph numbers); a different glyph
// inside the list is a sub-bullet and belongs to its item. Lines that do
// not start an item continue the current one, across page breaks, until
// something ends the list: another heading, or a new paragraph after an item
// that ended a sentence. A heading with no item after it (a contents line)
// yields nothing; lines before the first item are the list's introduction.

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"
	"github.com/ofsted/ofsted/extract/text"
)

var (
	reNoItems  = regexp.MustCompile(`(?i)^there (are|were|is) no (areas|recommendations|priority)`)
	reEndPunct = regexp.MustCompile(`[.!?;)’”"]$`)
)

// isImperative reports whether w is a verb that starts numbered SIF
// recommendations; findings paragraphs with the next number start otherwise.
func isImperative(w string) bool {
	switch strings.ToLower(w) {
	case "ensure", "improve", "strengthen", "develop", "continue", "extend", "review", "increase",
		"implement", "embed", "create", "align", "collate", "accelerate", "monitor", "prioritise",
		"report", "scrutinise", "further", "establish", "make", "provide", "reduce", "undertake",
		"consider", "evaluate", "secure", "take", "use", "work", "complete", "address", "clarify",
		"agree", "raise", "build", "promote", "revise", "update", "introduce", "enable", "identify",
		"assess", "analyse", "support", "record", "challenge", "progress", "produce", "publish",
		"seek", "set", "share", "track", "urgently", "audit", "engage", "put", "reinforce", "tackle",
		"refresh", "explore", "expand", "commission", "widen", "broaden", "recruit", "retain", "invest",
		"involve", "consult", "capture", "integrate", "coordinate", "co-ordinate", "communicate", "deliver",
		"devise", "adopt", "apply", "arrange", "respond", "restructure", "sustain", "maintain", "minimise",
		"maximise", "measure", "obtain", "prepare", "prevent", "protect", "rectify", "refine", "resolve",
		"streamline", "target", "train", "validate", "verify", "encourage", "enhance", "facilitate",
		"finalise", "formalise", "gather", "offer", "expedite", "reconsider", "re-evaluate", "reassess":
		return true
	}
	return false
}

// looksLikeRec reports whether a numbered paragraph reads as a
// recommendation rather than a finding: it starts with an imperative ("Ensure
// ...", "When children go missing, ensure ...") or says what should happen.
func looksLikeRec(t string) bool {
	f := strings.Fields(t)
	if len(f) == 0 {
		return false
	}
	if isImperative(strings.Trim(f[0], ",")) {
		return true
	}
	for i := 1; i < len(f) && i < 30; i++ {
		if strings.HasSuffix(f[i-1], ",") && isImperative(f[i]) {
			return true
		}
		if strings.HasSuffix(f[i-1], ".") {
			break
		}
	}
	// what should happen is said in the item's first sentence; a
	// findings paragraph that mentions an aim later ("... to ensure that
	// ...") is not an item
	if i := strings.Index(t, ". "); i >= 0 {
		t = t[:i+1]
	}
	l := " " + strings.ToLower(t) + " "
	for _, w := range []string{" should ", " must ", " need to ", " needs to ", " to improve", " to ensure "} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

type item struct {
	text  string
	page  int
	num   int
	blank bool // a blank line or page break since the last line of the item
	pageC bool // a page break since the last line of the item
}

// findRecommendations returns one finding per item of every list of what
// must improve.
func findRecommendations(ls []text.Line, typ extract.Type, ws text.WordSet) []extract.Finding {
	v := vocabulary()
	ls = unwrap(ls, ws)
	var out []extract.Finding
	for i := 0; i < len(ls); i++ {
		m := v.recHeading.FindStringSubmatch(ls[i].Text)
		from := i + 1
		if m == nil {
			// "... further areas for development, which ...:" before a bulleted list
			// (recIntro ends with ":$": no other line can match it)
			if strings.HasSuffix(ls[i].Text, ":") {
				m = v.recIntro.FindStringSubmatch(ls[i].Text)
			}
			if m == nil && i+1 < len(ls) && ls[i+1].Text != "" && strings.HasSuffix(ls[i+1].Text, ":") {
				// the introduction wraps onto a second line
				if m = v.recIntro.FindStringSubmatch(ls[i].Text + " " + ls[i+1].Text); m != nil {
					from = i + 2
				}
			}
			if m == nil || !nextStartsBullet(ls, from) {
				continue
			}
		}
		kind, rule := listKind(m[1], typ)
		items, next := readList(ls, from, ws, typ != extract.TypeSIF)
		for _, it := range items {
			t := strings.TrimSpace(it.text)
			if t == "" || reNoItems.MatchString(t) {
				continue
			}
			out = append(out, extract.Finding{Kind: kind, Text: t, Page: it.page, Rule: rule})
		}
		if len(items) > 0 {
			i = next - 1
		}
	}
	return out
}

// listKind returns the kind of finding and the rule of the items of a
// list under heading h (its words, as the heading pattern captured them).
func listKind(h string, typ extract.Type) (extract.Kind, string) {
	l := framework.ListHeadingOf(h)
	if typ == extract.TypeSIF && l.SIFRule != "" {
		return l.Kind, l.SIFRule
	}
	return l.Kind, l.Rule
}

// readList reads the items of the list that starts at ls[i] and returns them
// with the index of the first line after the list.
func readList(ls []text.Line, i int, ws text.WordSet, from1 bool) ([]item, int) {
	var items []item
	var cur *item
	mode := "" // the main bullet glyph, "#" for numbered paragraphs, "1" for a list numbered from 1, "P" for plain paragraphs
	paragraphs := plainSection(ls, i)
	intro := 0
	lastPage := 0
	// open starts an item at ls[i]; more joins ls[i] to the current one.
	open := func(i int, s string, num int) {
		items = append(items, item{text: s, page: ls[i].Page, num: num})
		cur = &items[len(items)-1]
		lastPage = ls[i].Page
	}
	more := func(i int, s string) {
		cur.text = text.JoinText(cur.text, s, ws)
		cur.blank, cur.pageC = false, false
		lastPage = ls[i].Page
	}
	for ; i < len(ls); i++ {
		t := ls[i].Text
		if mode == "P" || paragraphs && cur == nil && t != "" {
			if t == "" {
				cur.blank = true
				if ls[i].Page != lastPage {
					cur.pageC = true
				}
				continue
			}
			if reLetterClose.MatchString(t) || sectionHeading(t) ||
				cur != nil && reEndPunct.MatchString(cur.text) && text.HeadingAt(ls, i) {
				break
			}
			if cur == nil || cur.blank && !cur.pageC && text.StartsUpper(t) && reEndPunct.MatchString(cur.text) {
				mode = "P"
				open(i, t, 0)
				continue
			}
			more(i, t)
			continue
		}
		if t == "" {
			if cur != nil {
				cur.blank = true
				if ls[i].Page != lastPage {
					cur.pageC = true
				}
			}
			continue
		}
		if reLetterClose.MatchString(t) {
			break
		}
		if sectionHeading(t) {
			if (cur == nil || mode == "#") && !vocabulary().recHeading.MatchString(t) && nextStartsItem(ls, i+1, mode, numOf(cur), from1) {
				continue // a subheading inside the list ("Leadership, management and governance")
			}
			break
		}
		if l, rest, ok := text.LetteredItem(t); ok && (mode == "" && l == "a" || mode == "a" && cur != nil && l == nextLetter(cur.num)) {
			// lettered items: "a. The quality of ...", "b) ..."
			mode = "a"
			open(i, rest, int(l[0]))
			continue
		}
		glyph, rest := text.Bullet(t)
		if glyph != "" && mode != "" && mode != "a" && len(items) > 0 && lettered(rest) && !lettered(items[0].text) {
			break // "- d) ..." after "- c) Areas ... were:" and its sub-list: the outer list goes on
		}
		if glyph != "" && mode == "¶" {
			if cur != nil {
				cur.text = text.JoinText(cur.text, rest, ws) // a list inside a paragraph item
				cur.blank, cur.pageC = false, false
			}
			continue
		}
		if glyph != "" && mode != "#" {
			if mode == "" {
				mode = glyph
			}
			if glyph == mode || cur == nil {
				items = append(items, item{text: rest, page: ls[i].Page})
				cur = &items[len(items)-1]
			} else {
				cur.text = text.JoinText(cur.text, rest, ws)
				cur.blank, cur.pageC = false, false
			}
			lastPage = ls[i].Page
			continue
		}
		if num, rest, ok := text.NumberedItem(t); ok && (mode == "1" || from1 && mode == "" && num == "1") {
			// a list numbered from 1 ("1. The quality of plans."): every
			// item is one, whatever it says
			n, _ := strconv.Atoi(num)
			if cur != nil && n != cur.num+1 {
				break
			}
			mode = "1"
			open(i, rest, n)
			continue
		}
		if num, rest, ok := text.NumberedItem(t); ok && (mode == "" || mode == "#") {
			n, _ := strconv.Atoi(num)
			if cur != nil && n != cur.num+1 {
				break
			}
			if cur != nil && !looksLikeRec(cur.text) && !reNoItems.MatchString(cur.text) {
				items = items[:len(items)-1] // a findings paragraph: the list ended before it
				cur = nil
				break
			}
			mode = "#"
			open(i, rest, n)
			continue
		}
		if mode == "¶" && cur != nil && reEndPunct.MatchString(cur.text) && reModalAlso.MatchString(t) {
			// "Leaders ... should also ensure ...": more of the same item
			more(i, t)
			continue
		}
		if (cur == nil && mode == "" || mode == "¶") && startsModalItem(t) && (cur == nil || reEndPunct.MatchString(cur.text)) {
			// unbulleted paragraphs, one per item (area SEND reports)
			mode = "¶"
			open(i, t, 0)
			continue
		}
		if cur == nil {
			intro++
			if intro > 2 || (text.HeadingAt(ls, i) && !nextStartsItem(ls, i+1, mode, 0, from1)) {
				break
			}
			continue
		}
		ended := reEndPunct.MatchString(cur.text)
		if ended && text.HeadingAt(ls, i) && nextStartsItem(ls, i+1, mode, numOf(cur), from1) {
			continue // a subheading inside the list
		}
		if ended && mode == "¶" {
			if j := afterTableCells(ls, i); j > i {
				i = j - 1 // the responsible-body column, repeated on a new page
				continue
			}
		}
		if ended && text.StartsUpper(t) && (text.HeadingAt(ls, i) || (cur.blank && !cur.pageC) || mode == "#" && cur.blank) {
			if j := afterFootnote(ls, i, mode); j > i && !text.HeadingAt(ls, i) {
				i = j - 1 // a footnote at the foot of the page, the list goes on overleaf
				continue
			}
			break
		}
		if ended && cur.blank && !cur.pageC && len(items) > 0 {
			break
		}
		more(i, t)
	}
	if mode == "#" && len(items) > 0 && !looksLikeRec(items[len(items)-1].text) && !reNoItems.MatchString(items[len(items)-1].text) {
		items = items[:len(items)-1]
	}
	return items, i
}

// reModalAlso starts a sentence that adds to the item before it.
var reModalAlso = regexp.MustCompile(`^\p{Lu}[^.:;]{0,80}? (?:should|must) also `)

// afterTableCells returns the index of the line that continues a list of
// unbulleted items set in a table (area SEND reports: "Responsible body"
// beside each action) when ls[i:] is a run of the table's other cells:
// short lines that are not sentences, up to a line that starts an item.
// It returns i otherwise.
func afterTableCells(ls []text.Line, i int) int {
	j := i
	cells := 0
	for ; j < len(ls); j++ {
		t := ls[j].Text
		if t == "" {
			continue
		}
		if startsModalItem(t) {
			break
		}
		if len(strings.Fields(t)) > 6 || reEndPunct.MatchString(t) || sectionHeading(t) {
			return i
		}
		if cells++; cells > 12 {
			return i
		}
	}
	if cells == 0 || j >= len(ls) {
		return i
	}
	return j
}

// reLetterClose is where a letter's last section ends: the closing
// paragraph and the sign-off.
var reLetterClose = regexp.MustCompile(`(?i)^(?:ofsted will take the findings|yours (?:sincerely|faithfully)|i am copying this letter)`)

// plainSection reports whether the section starting at ls[i] is a list of
// plain paragraphs, one per item, as in some focused-visit letters under
// "What needs to improve in this area of social work practice": it starts
// with a capitalised sentence (not an introduction ending in a colon), and
// nothing up to the next heading or the letter's close starts a bulleted,
// numbered, lettered or modal ("Leaders should ...") item.
func plainSection(ls []text.Line, i int) bool {
	first := true
	n := 0
	for ; i < len(ls) && n < 400; i, n = i+1, n+1 {
		t := ls[i].Text
		if t == "" {
			continue
		}
		if reLetterClose.MatchString(t) || sectionHeading(t) {
			return !first
		}
		if first {
			if !text.StartsUpper(t) || strings.HasSuffix(t, ":") || text.HeadingAt(ls, i) {
				return false
			}
			first = false
		}
		if g, _ := text.Bullet(t); g != "" || numbered(t) || lettered(t) || startsModalItem(t) {
			return false
		}
	}
	return !first && i == len(ls) // the section runs to the end of the text
}

// nextStartsItem reports whether the next non-blank line after ls[i-1]
// (skipping one more heading-like line) starts an item of the list: one with
// the list's bullet, or the next paragraph number. mode "" accepts any.
func nextStartsItem(ls []text.Line, i int, mode string, num int, from1 bool) bool {
	skipped := 0
	for ; i < len(ls); i++ {
		t := ls[i].Text
		if t == "" {
			continue
		}
		if sectionHeading(t) {
			return false
		}
		if g, _ := text.Bullet(t); g != "" {
			return mode == "" || g == mode
		}
		if digits, rest, ok := text.NumberedItem(t); ok {
			n, _ := strconv.Atoi(digits)
			if mode == "1" || mode == "" && n == 1 && from1 {
				return num == 0 || n == num+1
			}
			return (mode == "" || mode == "#") && (num == 0 || n == num+1) && looksLikeRec(rest)
		}
		if skipped > 0 || !text.HeadingLike(t) {
			return false
		}
		skipped++
	}
	return false
}

func numOf(it *item) int {
	if it == nil {
		return 0
	}
	return it.num
}

// afterFootnote returns the index of the line that continues the list when
// ls[i:] is a footnote: plain lines up to a page break after which the next
// line starts an item with the list's bullet. It returns i otherwise.
func afterFootnote(ls []text.Line, i int, mode string) int {
	if mode == "" || mode == "#" {
		return i
	}
	page := ls[i].Page
	for j := i; j < len(ls) && j < i+12; j++ {
		t := ls[j].Text
		if ls[j].Page != page {
			if t == "" {
				continue
			}
			if g, _ := text.Bullet(t); g == mode {
				return j
			}
			return i
		}
		if g, _ := text.Bullet(t); g != "" || sectionHeading(t) {
			return i
		}
	}
	return i
}

var reModal = regexp.MustCompile(`^\p{Lu}[^.:;]{0,80}? (should|must) `)

// startsModalItem reports whether t starts an unbulleted item: a capitalised
// sentence that says who should or must do what ("Leaders across the
// partnership should ...").
func startsModalItem(t string) bool {
	first := t
	if i := strings.Index(t, ". "); i >= 0 {
		first = t[:i+1]
	}
	// "Leaders should:" introduces a list; "Leaders should improve X. This
	// should include:" is an item with a list of its own
	return !strings.HasSuffix(first, ":") && reModal.MatchString(t)
}

// nextStartsBullet reports whether the next non-blank line starts with a
// bullet or the first of a lettered list ("a. ...").
func nextStartsBullet(ls []text.Line, i int) bool {
	for ; i < len(ls); i++ {
		if ls[i].Text != "" {
			g, _ := text.Bullet(ls[i].Text)
			if l, _, ok := text.LetteredItem(ls[i].Text); ok && l == "a" {
				return true
			}
			return g != ""
		}
	}
	return false
}

func numbered(t string) bool {
	_, _, ok := text.NumberedItem(t)
	return ok
}

func lettered(t string) bool {
	_, _, ok := text.LetteredItem(t)
	return ok
}

// nextLetter returns the letter after the one whose code is n.
func nextLetter(n int) string {
	if n < 'a' || n >= 'z' {
		return ""
	}
	return string(rune(n + 1))
}
