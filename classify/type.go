package classify

// The type of a document is a scored decision. Many small signals, each
// reading one thing about how a kind of document is built (its title, a
// grade table, the headings of its framework, a letter's salutation and
// signature, "Inspection dates", a committee paper's furniture, a news
// page's byline and reported speech), return evidence: a type, a weight
// and a short reason. Evidence is summed per type; the best type wins if
// it clears a floor, and ties go to the heavier single piece of evidence,
// then to a fixed order. No one line decides: a title that wraps, carries
// footnote digits or names a trust still meets the grade table, the
// headings and the dates of its framework, and a news page that quotes an
// Ofsted title still has its byline and reported speech.
//
// Some evidence says only "an Ofsted document" (the Ofsted address block,
// "Inspection dates", "Lead inspector", a Crown copyright line) or "a
// letter" (salutation and signature). It goes to every type of that group
// that has evidence of its own, so it strengthens a decision without
// inventing one.
//
// The decision is recorded in Document.TypeReason: the winner's evidence
// and, when close, the runner-up's, so that a wrong type can be explained.

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ofsted/ofsted/extract"
)

// Evidence groups: evidence for every Ofsted type, or every letter type,
// that has evidence of its own.
const (
	groupOfsted extract.Type = "ofsted document"
	groupLetter extract.Type = "letter"
)

// typeFloor is the least score a type needs to be chosen; below it a
// document is "other" (a web page is news).
const typeFloor = 3

// closeMargin is how near a runner-up must come to be named in the reason.
const closeMargin = 4

// evidence is one signal's vote for a type.
type evidence struct {
	typ    extract.Type
	weight int
	reason string
}

// typeInput is what the signals read: the document's own lines (those of
// documents embedded in it excluded), its head, and the title block.
type typeInput struct {
	format string
	own    []line
	head   []line
	block  titleBlock
	titles []titleMatch
	// Made once, on first use, for the signals that read them.
	lineKeys            []string
	flatText, lowerText string
}

// signal is one named source of evidence.
type signal struct {
	name string
	fn   func(in *typeInput) []evidence
}

// groupMembers are the types group evidence may go to.
func groupMembers(g extract.Type) []extract.Type {
	switch g {
	case groupOfsted:
		return []extract.Type{extract.TypeILACS, extract.TypeSIF, extract.TypeFocused, extract.TypeMonitoring, extract.TypeJTAI, extract.TypeSEND, extract.TypeOther}
	case groupLetter:
		return []extract.Type{extract.TypeFocused, extract.TypeMonitoring, extract.TypeJTAI, extract.TypeSEND}
	}
	return nil
}

// typeOrder breaks exact ties: the furniture of a council paper or a news
// page is never part of an Ofsted document, while both quote Ofsted.
func typeOrder() []extract.Type {
	return []extract.Type{extract.TypeCommittee, extract.TypeNews, extract.TypeILACS, extract.TypeSIF, extract.TypeFocused,
		extract.TypeMonitoring, extract.TypeJTAI, extract.TypeSEND, extract.TypeOther}
}

// tally is the evidence for one type.
type tally struct {
	typ   extract.Type
	score int
	top   int // the heaviest single piece
	ev    []evidence
}

// decide sums evidence per type and returns the tallies best first.
func decide(ev []evidence) []tally {
	by := map[extract.Type]*tally{}
	get := func(t extract.Type) *tally {
		if by[t] == nil {
			by[t] = &tally{typ: t}
		}
		return by[t]
	}
	add := func(t *tally, e evidence) {
		t.score += e.weight
		t.top = max(t.top, e.weight)
		t.ev = append(t.ev, e)
	}
	for _, e := range ev {
		if groupMembers(e.typ) == nil {
			add(get(e.typ), e)
		}
	}
	for _, e := range ev {
		for _, t := range groupMembers(e.typ) {
			if by[t] != nil && by[t].score > 0 {
				add(by[t], e)
			}
		}
	}
	order := map[extract.Type]int{}
	for i, t := range typeOrder() {
		order[t] = i
	}
	var out []tally
	for _, t := range by {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.top != b.top {
			return a.top > b.top
		}
		return order[a.typ] < order[b.typ]
	})
	return out
}

// reason renders the decision: the winner's evidence, heaviest first, and
// a close runner-up's.
func reason(ts []tally, winner extract.Type) string {
	var b strings.Builder
	var w *tally
	for i := range ts {
		if ts[i].typ == winner {
			w = &ts[i]
		}
	}
	if w == nil {
		b.WriteString("no type reached the floor")
	} else {
		b.WriteString(evidenceList(w.ev))
	}
	for _, t := range ts {
		if t.typ == winner || t.score <= 0 {
			continue
		}
		if w != nil && w.score-t.score > closeMargin {
			break
		}
		fmt.Fprintf(&b, " | next: %s %d (%s)", t.typ, t.score, evidenceList(t.ev))
		break
	}
	return truncate(b.String(), 600)
}

func evidenceList(ev []evidence) string {
	ev = append([]evidence(nil), ev...)
	sort.SliceStable(ev, func(i, j int) bool { return ev[i].weight > ev[j].weight })
	parts := make([]string, len(ev))
	for i, e := range ev {
		parts[i] = fmt.Sprintf("%s (%+d)", e.reason, e.weight)
	}
	return strings.Join(parts, "; ")
}

// detected is the outcome of type detection.
type detected struct {
	typ     extract.Type
	title   string
	at      int    // byte offset of the title in the head's flat text, -1 if none
	subject string // the phrase of the title naming the authority
	reason  string
	scored  bool // a type reached the floor
}

// detectType weighs the signals over a document's own lines.
func detectType(src *extract.Source, own []line) detected {
	h := head(own)
	in := &typeInput{format: src.Format, own: own, head: h, block: newTitleBlock(h)}
	in.titles = titleMatches(in.block)
	var ev []evidence
	for _, s := range typeSignals() {
		ev = append(ev, s.fn(in)...)
	}
	ts := decide(ev)
	out := detected{typ: extract.TypeOther, at: -1}
	if len(ts) > 0 && ts[0].score >= typeFloor {
		out.typ, out.scored = ts[0].typ, true
	} else if src.Format == "html" {
		out.typ = extract.TypeNews
	}
	out.reason = reason(ts, out.typ)
	switch out.typ {
	case extract.TypeCommittee:
		out.title = committeeTitle(src, h)
	case extract.TypeNews:
		t := strings.TrimSpace(src.Title)
		if t == "" {
			if i := storyHeadlineAt(h); i >= 0 {
				t = h[i].text
			} else {
				t = headline(h)
			}
		}
		out.title = truncate(cleanLine(t), 300)
	default:
		// The type's title: its heaviest, then the earliest.
		best := -1
		for i, m := range in.titles {
			if titleRules()[m.rule].typ == out.typ && (best < 0 || titleWeight(in.titles, i) > titleWeight(in.titles, best)) {
				best = i
			}
		}
		if best >= 0 {
			m := in.titles[best]
			out.at = in.block.hfOffset(m.at)
			out.title = titleText(in.block.text[m.at:m.end])
			out.subject = m.subject
		}
	}
	return out
}
