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
	"strconv"
	"strings"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"
	"github.com/ofsted/ofsted/extract/text"
)

var (
	reNoItems  = text.Lazy(`(?i)^there (are|were|is) no (areas|recommendations|priority)`)
	reEndPunct = text.Lazy(`[.!?;)’”"]$`)
	// A committee paper's own recommendation to the meeting it goes to
	// ("Cabinet is recommended to note ...", "That the Committee notes
	// ...", "To approve the action plan"): a motion, not an inspector's
	// recommendation.
	reMotion = text.Lazy(`(?i)^(?:that\s+)?(?:(?:the\s+)?(?:[\w'’]+\s+){0,3}(?:cabinet|committee|board|panel|council|members?|executive|forum|sub-committee|scrutiny|meeting)\s+(?:is|are)\s+(?:asked|recommended|invited|requested|requested|advised)\s+to\b|(?:the\s+)?(?:[\w'’]+\s+){0,3}(?:cabinet|committee|board|panel|council|members?|executive|forum|sub-committee|meeting)\s+(?:note|notes|approve|approves|agree|agrees|endorse|endorses|consider|considers|comment|comments|receive|receives)\b|(?:to\s+)?(?:note|approve|agree|endorse|consider|comment on|receive)\s+(?:the|this|that|its|progress|any)\b)`)
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

// item is one item of a list being read.
type item struct {
	text string
	page int
	num  int    // its number (or letter's code) in a numbered or lettered list
	sub  string // the glyph of the list inside it, once one started
}

// findRecommendations returns one finding per item of every list of what
// must improve.
func findRecommendations(ls []text.Line, typ extract.Type, ws text.WordSet) []extract.Finding {
	v := vocabulary()
	bs := blocksOf(ls, ws)
	var out []extract.Finding
	for i := 0; i < len(bs); i++ {
		var m []string
		if bs[i].Kind == text.HeadingBlock {
			m = v.recHeading.FindStringSubmatch(bs[i].Text)
		} else if strings.HasSuffix(bs[i].Text, ":") && nextStartsBullet(bs, i+1) {
			// "... further areas for development, which ...:" before a
			// bulleted list (recIntro ends with ":$": no other text can
			// match it)
			m = v.recIntro.FindStringSubmatch(bs[i].Text)
		}
		if m == nil {
			continue
		}
		kind, rule := listKind(m[1], typ)
		items, next := readList(bs, i+1, ws, typ != extract.TypeSIF)
		for _, it := range items {
			t := strings.TrimSpace(it.text)
			if t == "" || reNoItems.MatchString(t) {
				continue
			}
			if !typ.Ofsted() && reMotion.MatchString(text.StripSectionNumber(t)) {
				continue // the paper's recommendation to its meeting
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

// The ways a list's items are marked (listReader.mode); any other mode is
// the glyph of a bulleted list's items.
const (
	modeNone     = ""  // no item read yet
	modeLettered = "a" // "a. ...", "b) ..."
	modeFrom1    = "1" // numbered from 1: every numbered item is one
	modeParas    = "#" // numbered paragraphs of a report, items while they read as recommendations
	modeModal    = "¶" // unbulleted "Leaders ... should ..." paragraphs (area SEND reports)
	modePlain    = "P" // plain paragraphs, one per item (some focused-visit letters)
)

// listReader reads the items of one list from the blocks after its
// heading.
type listReader struct {
	bs    []text.Block
	ws    text.WordSet
	from1 bool // a list numbered from 1 has items whatever they say (not in SIF reports)
	mode  string
	items []item
	// orphan is set when a glyph stood alone on its line: its text comes
	// after the table cells that a reader put between them.
	orphan bool
}

func (r *listReader) cur() *item {
	if len(r.items) == 0 {
		return nil
	}
	return &r.items[len(r.items)-1]
}

func (r *listReader) open(t string, page, num int) {
	r.items = append(r.items, item{text: t, page: page, num: num})
}

func (r *listReader) more(t string) {
	if c := r.cur(); c != nil {
		c.text = text.JoinText(c.text, t, r.ws)
	}
}

// ended reports whether the current item ends a sentence or a clause.
func (r *listReader) ended() bool {
	c := r.cur()
	return c == nil || reEndPunct.MatchString(c.text)
}

// readList reads the items of the list that starts at bs[i] and returns
// them with the index of the first block after the list. A list ends at a
// heading (unless items follow it: a subheading inside the list), at a
// letter's close, or at a change of structure: a paragraph after its
// items. Nothing in it depends on where a line broke, except that
// unbulleted items set one after another start at a line's start.
func (r listReader) read(i int) ([]item, int) {
	if plainSection(r.bs, i) {
		r.mode = modePlain
	}
	intro := 0
	for ; i < len(r.bs); i++ {
		b := r.bs[i]
		if reLetterClose.MatchString(b.Text) {
			break
		}
		if b.Kind == text.HeadingBlock {
			if r.mode == modeModal && r.cellsBefore(i) > i {
				i = r.cellsBefore(i) - 1 // a table's other column, repeated on a new page
				continue
			}
			if r.mode != modePlain && r.subheading(i) {
				continue
			}
			break
		}
		if r.mode == modePlain {
			r.open(b.Text, b.Page, 0) // every paragraph an item
			continue
		}
		if !r.take(i, &intro) {
			break
		}
	}
	if r.mode == modeParas && len(r.items) > 0 && !looksLikeRec(r.cur().text) && !reNoItems.MatchString(r.cur().text) {
		r.items = r.items[:len(r.items)-1]
	}
	return r.items, i
}

// readList reads the list that starts at bs[i] (see listReader.read).
func readList(bs []text.Block, i int, ws text.WordSet, from1 bool) ([]item, int) {
	return listReader{bs: bs, ws: ws, from1: from1}.read(i)
}

// take reads block i of a list that is not a heading and reports whether
// the list goes on. intro counts the blocks before the first item.
func (r *listReader) take(i int, intro *int) bool {
	b := r.bs[i]
	c := r.cur()
	switch b.Kind {
	case text.BulletBlock:
		return r.bullet(b)
	case text.LetterBlock:
		if r.mode == modeNone && b.Marker == "a" || r.mode == modeLettered && c != nil && b.Marker == nextLetter(c.num) {
			r.mode = modeLettered
			r.open(b.Text, b.Page, int(b.Marker[0]))
			return true
		}
	case text.NumberBlock:
		n, err := strconv.Atoi(b.Marker)
		if err != nil {
			break
		}
		if r.mode == modeFrom1 || r.from1 && r.mode == modeNone && n == 1 {
			if c != nil && n != c.num+1 {
				return false
			}
			r.mode = modeFrom1
			r.open(b.Text, b.Page, n)
			return true
		}
		if r.mode == modeNone || r.mode == modeParas {
			if c != nil && n != c.num+1 {
				return false
			}
			if c != nil && !looksLikeRec(c.text) && !reNoItems.MatchString(c.text) {
				r.items = r.items[:len(r.items)-1] // a findings paragraph: the list ended before it
				return false
			}
			r.mode = modeParas
			r.open(b.Text, b.Page, n)
			return true
		}
	case text.ParaBlock:
		if r.orphan && c != nil && text.StartsLower(b.Text) {
			r.orphan = false
			r.more(b.Text) // the text of the glyph that stood alone
			return true
		}
		if r.mode == modeModal || r.mode == modeNone {
			if r.modal(b) {
				return true
			}
		}
	}
	// a paragraph (or what reads as one) after the list's items
	t := blockText(b)
	switch {
	case c == nil:
		*intro++
		return *intro <= 2
	case r.mode == modeModal:
		if j := r.cellsBefore(i); j > i {
			return true // the responsible-body column of the table
		}
		return false
	case r.mode == modeParas:
		if b.Blank {
			return false
		}
		r.more(t)
		return true
	}
	if r.footnote(i) {
		return true
	}
	return false
}

// blockText is a block's text with its marker, as the document wrote it.
func blockText(b text.Block) string {
	switch b.Kind {
	case text.BulletBlock:
		return b.Marker + " " + b.Text
	case text.NumberBlock:
		return b.Marker + ". " + b.Text
	case text.LetterBlock:
		return b.Marker + ") " + b.Text
	}
	return b.Text
}

// bullet reads an item drawn with a glyph. The list's glyph is learnt from
// its first item; another glyph is a list inside the current item when that
// item opens one (it ends on a colon or carries its sentence on) or
// already holds one drawn so, and another item of the list otherwise (a
// producer may draw one list with several glyphs).
func (r *listReader) bullet(b text.Block) bool {
	c := r.cur()
	if b.Text == "" && c != nil {
		r.orphan = true
		return true
	}
	if r.mode != modeNone && r.mode != modeLettered && c != nil && lettered(b.Text) && !lettered(r.items[0].text) {
		return false // "- d) ..." after "- c) Areas ... were:" and its sub-list: the outer list goes on
	}
	switch r.mode {
	case modeParas, modeModal, modeLettered, modeFrom1:
		if c == nil {
			return false
		}
		cuts := modalCuts(b)
		if r.mode != modeModal || len(cuts) == 0 {
			r.more(b.Text) // a list inside the item
			return true
		}
		r.more(strings.TrimSpace(b.Text[:cuts[0].from])) // its last sub-item, then the next items
		r.openCuts(b, cuts)
		return true
	case modeNone:
		r.mode = b.Marker
		r.open(b.Text, b.Page, 0)
		return true
	}
	if c != nil && b.Marker != r.mode && (c.sub == b.Marker || c.sub == "" && opensList(c.text)) {
		c.sub = b.Marker
		r.more(b.Text)
		return true
	}
	r.open(b.Text, b.Page, 0)
	return true
}

// opensList reports whether an item's text introduces a list of its own:
// it ends on a colon or carries its sentence on (but "...; and" ends an
// item before the last of its list).
func opensList(t string) bool {
	return strings.HasSuffix(t, ":") || text.CarriesOn(t) && !reItemJoin.MatchString(t)
}

// reItemJoin ends the item before the last of a list: "...; and".
var reItemJoin = text.Lazy(`[;,] (?:and|or)$`)

// modal reads a paragraph of unbulleted items (area SEND reports): each
// "Leaders ... should ..." sentence that starts a line after a sentence's
// end (or after the table cells beside it) starts an item; the other
// sentences go on with the item before ("Leaders should also ...", "They
// should ..."), and the table cells are left out. It reports whether the
// paragraph held an item or went on with one.
func (r *listReader) modal(b text.Block) bool {
	cuts := modalCuts(b)
	if len(cuts) == 0 {
		return false
	}
	head := strings.TrimSpace(b.Text[:cuts[0].from])
	switch {
	case head == "":
	case r.mode == modeModal && r.cur() != nil && reEndPunct.MatchString(head):
		r.more(head)
	case r.cur() == nil && reEndPunct.MatchString(head):
		// the list's introduction
	case !strings.ContainsAny(head, ".!?"):
		// the table cells before the item
	default:
		return false
	}
	return r.openCuts(b, cuts)
}

// openCuts opens an item at each cut of b.Text, or goes on with the item
// before, each running to the next cut; it reports whether it read any.
func (r *listReader) openCuts(b text.Block, cuts []modalCut) bool {
	read := false
	for k, c := range cuts {
		end := len(b.Text)
		if k+1 < len(cuts) {
			end = cuts[k+1].from
		}
		t := strings.TrimSpace(b.Text[c.at:end])
		if c.goesOn {
			if r.mode == modeModal && r.cur() != nil {
				r.more(t)
				read = true
			}
			continue
		}
		r.mode = modeModal
		r.open(t, b.PageAt(c.at), 0)
		read = true
	}
	return read
}

// modalStart reports whether block b starts with an unbulleted "...
// should ..." item, maybe after the table cells beside it.
func modalStart(b text.Block) bool {
	cuts := modalCuts(b)
	return len(cuts) > 0 && !strings.ContainsAny(b.Text[:cuts[0].from], ".!?")
}

// modalCut is where an unbulleted item starts in a block: its sentence at
// at, the table cells before it (from from on) left out. goesOn is set when
// the sentence goes on with the item before ("Leaders should also ...").
type modalCut struct {
	from, at int
	goesOn   bool
}

// modalCuts returns where unbulleted items start in b: at each line that
// starts a "Leaders ... should ..." sentence after a sentence's end, or
// after lines with none (the table cells beside the item, which all lead
// to the same verb: the item starts at the last of them).
func modalCuts(b text.Block) []modalCut {
	var cuts []modalCut
	verb := -1
	for _, off := range append([]int{0}, b.LineStarts()...) {
		rest := b.Text[off:]
		if !startsModalItem(rest) {
			continue
		}
		v := off + modalVerbAt(rest)
		if len(cuts) > 0 && v == verb {
			cuts[len(cuts)-1].at = off
			continue
		}
		before := strings.TrimSpace(b.Text[:off])
		if before != "" && !reEndPunct.MatchString(before) && strings.ContainsAny(before, ".!?") {
			continue // a line that starts in the middle of a sentence
		}
		cuts = append(cuts, modalCut{from: off, at: off})
		verb = v
	}
	for k := range cuts {
		rest := b.Text[cuts[k].at:]
		cuts[k].goesOn = reModalAlso.MatchString(rest) || startsWithPronoun(rest)
	}
	return cuts
}

// modalVerbAt returns the offset in t of the "should" or "must" of the
// sentence that t starts (startsModalItem(t) must hold).
func modalVerbAt(t string) int {
	return reModal.FindStringSubmatchIndex(t)[2]
}

// sentenceEnds is the text of t up to its last sentence end, or "".
func sentenceEnds(t string) string {
	i := strings.LastIndexAny(t, ".!?")
	if i < 0 {
		return ""
	}
	return t[:i+1]
}

// startsWithPronoun reports whether t starts with a pronoun or a
// demonstrative: its sentence refers back to the one before and goes on
// with it ("They should publish ...", "This should include ...").
func startsWithPronoun(t string) bool {
	switch strings.ToLower(text.FirstWord(t)) {
	case "they", "this", "these", "those", "it", "he", "she", "we", "their", "its", "such":
		return true
	}
	return false
}

// reModalAlso starts a sentence that adds to the item before it.
var reModalAlso = text.Lazy(`^\p{Lu}[^.:;]{0,80}? (?:should|must) also `)

// cellsBefore returns the index of the block that continues a list of
// unbulleted items set in a table (area SEND reports: "Responsible body"
// beside each action) when bs[i:] is a run of the table's other cells:
// blocks that end no sentence, up to one that starts an item. It returns i
// otherwise.
func (r *listReader) cellsBefore(i int) int {
	j := i
	for ; j < len(r.bs) && j < i+12; j++ {
		b := r.bs[j]
		if b.Kind == text.ParaBlock && (modalStart(b) || r.orphan && text.StartsLower(b.Text)) {
			return j
		}
		if b.Kind != text.ParaBlock && b.Kind != text.HeadingBlock || strings.ContainsAny(b.Text, ".!?:;") ||
			len(strings.Fields(b.Text)) > 16 || sectionHeading(b.Text) {
			return i
		}
	}
	return i
}

// subheading reports whether the heading bs[i] is inside the list: items
// of the list follow it (a known section heading is inside only before
// the list's first item or in a report's numbered paragraphs).
func (r *listReader) subheading(i int) bool {
	t := r.bs[i].Text
	if vocabulary().recHeading.MatchString(t) {
		return false
	}
	if sectionHeading(t) && r.cur() != nil && r.mode != modeParas {
		return false
	}
	return nextStartsItem(r.bs, i+1, r.mode, numOf(r.cur()), r.from1)
}

// footnote reports whether bs[i] is a footnote at the foot of a page
// between two items of a bulleted list: plain blocks up to a page break
// after which the list's items go on.
func (r *listReader) footnote(i int) bool {
	if r.mode == modeNone || r.mode == modeParas || r.mode == modeFrom1 || r.mode == modeLettered {
		return false
	}
	for j := i + 1; j < len(r.bs) && j < i+4; j++ {
		b := r.bs[j]
		if b.Kind == text.BulletBlock {
			return b.Break || j > i+1 && r.bs[i+1].Break
		}
		if b.Kind != text.ParaBlock {
			return false
		}
	}
	return false
}

// reLetterClose is where a letter's last section ends: the closing
// paragraph and the sign-off.
var reLetterClose = text.Lazy(`(?i)^(?:ofsted will take the findings|yours (?:sincerely|faithfully)|i am copying this letter)`)

// plainSection reports whether the section starting at bs[i] is a list of
// plain paragraphs, one per item, as in some focused-visit letters under
// "What needs to improve in this area of social work practice": it starts
// with a capitalised paragraph (not an introduction ending in a colon),
// and nothing up to the next heading or the letter's close starts a
// bulleted, numbered, lettered or modal ("Leaders should ...") item.
func plainSection(bs []text.Block, i int) bool {
	first := true
	for n := 0; i < len(bs) && n < 100; i, n = i+1, n+1 {
		b := bs[i]
		if reLetterClose.MatchString(b.Text) || b.Kind == text.HeadingBlock {
			return !first
		}
		if first {
			if b.Kind != text.ParaBlock || !text.StartsUpper(b.Text) || strings.HasSuffix(b.Text, ":") {
				return false
			}
			first = false
		}
		if b.Kind != text.ParaBlock || modalStart(b) {
			return false
		}
	}
	return !first && i == len(bs) // the section runs to the end of the text
}

// nextStartsItem reports whether block bs[i] (or the one after it, past one
// more heading) starts an item of the list: one drawn with a glyph in a
// bulleted list, the next paragraph number, or a modal paragraph in a list
// of them. mode "" accepts any.
func nextStartsItem(bs []text.Block, i int, mode string, num int, from1 bool) bool {
	for skipped := 0; i < len(bs); i++ {
		b := bs[i]
		switch b.Kind {
		case text.BulletBlock:
			return mode != modeParas && mode != modeFrom1 && mode != modeLettered && mode != modeModal
		case text.NumberBlock:
			n, err := strconv.Atoi(b.Marker)
			if err != nil {
				return false
			}
			if mode == modeFrom1 || mode == modeNone && n == 1 && from1 {
				return num == 0 || n == num+1
			}
			return (mode == modeNone || mode == modeParas) && (num == 0 || n == num+1) && looksLikeRec(b.Text)
		case text.LetterBlock:
			return mode == modeNone && b.Marker == "a" || mode == modeLettered
		case text.HeadingBlock:
			if skipped > 0 || sectionHeading(b.Text) {
				return false
			}
			skipped++
			continue
		case text.ParaBlock:
			return mode == modeModal && modalStart(b)
		}
		return false
	}
	return false
}

func numOf(it *item) int {
	if it == nil {
		return 0
	}
	return it.num
}

var reModal = text.Lazy(`^\p{Lu}[^.:;]{0,80}? (should|must) `)

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

// nextStartsBullet reports whether block bs[i] starts a bulleted list or a
// lettered one ("a. ...").
func nextStartsBullet(bs []text.Block, i int) bool {
	return i < len(bs) && (bs[i].Kind == text.BulletBlock || bs[i].Kind == text.LetterBlock && bs[i].Marker == "a")
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
