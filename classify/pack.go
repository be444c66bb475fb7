package classify

// A committee pack (agenda, minutes, reports and appendices bound into one
// file) often appends the Ofsted report and letters it discusses, and a
// news story or a council's web page may reproduce a letter after its own
// text. They are found by their openings: a report's title (alone or
// wrapped onto a second line, as the title rules read it) followed closely
// by its "Inspection dates" or "Lead inspector" label; a letter's
// "Dear ..." followed by a visit or inspection heading, from the date line
// above it when there is one; a letter's heading followed by the sentence
// every Ofsted letter opens with ("This letter summarises ..."). Each runs to the next opening, a "This page
// is intentionally left blank" separator, a report's "© Crown copyright"
// line or a letter's signature, whichever comes first.
//
// An opening at the top of a file is the file itself (an Ofsted report
// opens with its title, a letter with an address block); an opening below
// a page's own text is a document embedded in it, and the type of the page
// is weighed without it.

import (
	"github.com/ofsted/ofsted/extract"

	"github.com/ofsted/ofsted/extract/text"
)

var (
	reportLabelRe = text.Lazy(`(?i)^(?:inspection dates?|lead inspector|dates? of inspection)\b`)
	letterOpensRe = text.Lazy(`(?i)^this letter (?:summarises|sets out|outlines|reports)\b`)
	letterHeadRe  = text.Lazy(`(?i)^(?:monitoring visit|focused visit|joint targeted area inspection|joint local area send inspection|area send)\b`)
	blankPageRe   = text.Lazy(`(?i)^this page is intentionally (?:left )?blank\.?$`)
	copyrightRe   = text.Lazy(`(?i)^© crown copyright\b`)
)

// splitPack returns the spans [start, end) of lines that open like an
// embedded Ofsted report or letter.
func splitPack(ls []line) [][2]int {
	var starts []int
	for i := range ls {
		if s, ok := embeddedStart(ls, i); ok && (len(starts) == 0 || s > starts[len(starts)-1]) {
			starts = append(starts, s)
		}
	}
	var spans [][2]int
	for k, s := range starts {
		limit := len(ls)
		if k+1 < len(starts) {
			limit = starts[k+1]
		}
		end := limit
		for j := s + 1; j < limit; j++ {
			t := ls[j].text
			if blankPageRe.MatchString(t) {
				end = j
				break
			}
			if copyrightRe.MatchString(t) {
				end = j + 1
				break
			}
			if signoffRe.MatchString(t) {
				// The signature: a name and the inspector's title.
				end = min(limit, j+3)
				for x := j + 1; x < min(limit, j+4); x++ {
					if hmiRe.MatchString(ls[x].text) {
						end = x + 1
						break
					}
				}
				break
			}
		}
		if end > s {
			spans = append(spans, [2]int{s, end})
		}
	}
	return spans
}

// embeddedStart reports whether line i opens an embedded document, and the
// index of its first line.
func embeddedStart(ls []line, i int) (int, bool) {
	t := ls[i].text
	for j := i + 1; j < min(len(ls), i+6); j++ {
		if reportLabelRe.MatchString(ls[j].text) {
			if reportTitleAt(ls, i) {
				return i, true
			}
			break
		}
	}
	// A letter reproduced without its salutation: its heading, then the
	// sentence that opens every Ofsted letter.
	if letterHeadRe.MatchString(t) && !dearBetween(ls, max(-1, i-4), i) {
		for k := i + 1; k < min(len(ls), i+3); k++ {
			if letterOpensRe.MatchString(ls[k].text) {
				return i, true
			}
		}
	}
	if dearRe.MatchString(t) {
		for k := i + 1; k < min(len(ls), i+4); k++ {
			if !letterHeadRe.MatchString(ls[k].text) {
				continue
			}
			// From the letter's date line: the first date line above
			// with no other salutation between.
			for d := max(0, i-15); d < i; d++ {
				if dateLineRe.MatchString(ls[d].text) && !dearBetween(ls, d, i) {
					return d, true
				}
			}
			return i, true
		}
	}
	return 0, false
}

func dearBetween(ls []line, from, to int) bool {
	for x := from + 1; x < to; x++ {
		if dearRe.MatchString(ls[x].text) {
			return true
		}
	}
	return false
}

// reportTitleAt reports whether line i opens with a report's title (an
// ILACS, SIF or area SEND title), alone or wrapped onto the next two
// lines. Every such title has "inspection" near its start (the
// prefilter's needle avoids s, whose case folds are not ASCII only).
func reportTitleAt(ls []line, i int) bool {
	t := ls[i].text
	if len(t) > 200 || !containsFoldASCII(t[:min(len(t), 40)], "pection") {
		return false
	}
	two := t + " " + nextText(ls, i)
	for _, text := range []string{t, two, two + " " + nextText(ls, i+1)} {
		for _, r := range titleRules() {
			if r.typ != extract.TypeILACS && r.typ != extract.TypeSIF && r.typ != extract.TypeSEND || r.weight < 6 {
				continue
			}
			if m := r.re.FindStringIndex(text); m != nil && m[0] == 0 {
				return true
			}
		}
	}
	return false
}

func nextText(ls []line, i int) string {
	if i+1 < len(ls) {
		return ls[i+1].text
	}
	return ""
}

// ownLines are the lines of a file less the documents embedded in it,
// when the rest says by itself that the file is a council paper or a news
// page (a pack's cover and agenda, a byline and reported speech). An opening at the top
// of the file, or below only a letter's address block, is the file itself.
func ownLines(src *extract.Source, ls []line, spans [][2]int) []line {
	if len(spans) == 0 || spans[0][0] == 0 {
		return ls
	}
	var out []line
	at := 0
	for _, sp := range spans {
		out = append(out, ls[at:sp[0]]...)
		at = sp[1]
	}
	out = append(out, ls[at:]...)
	if t := detectType(src, out); t.scored && (t.typ == extract.TypeCommittee || t.typ == extract.TypeNews) {
		return out
	}
	return ls
}
