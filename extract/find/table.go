package find

// Judgements come from the grade table at the start of ILACS and SIF
// reports. PDF extraction renders the table either row by row (label, grade,
// label, grade) or column by column (all labels, then all grades), and wraps
// cells across lines ("Requires improvement" / "to be good"). So the table
// is read as one string: labels and grades are found in order and each grade
// goes to the oldest label still waiting for one. The table ends at the first
// run of prose between two cells, so grades in the prose that follows (or
// in a list of previous inspections' judgements) are never taken. The
// row labels of every framework and the grade wordings come from
// extract/framework's tables (compiled in vocabulary.go): a relabelled
// row is a table entry, not a change here.

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/text"
)

// tableText returns the text of the region of ls where a grade table
// is: the first pages of a report, up to the heading that follows the
// table; the whole text of a document that restates a report (a copied
// table may sit anywhere in it). Table rows are flattened to one line per
// cell and cells that interrupt a label are moved after it.
func tableText(ls []text.Line, typ extract.Type) text.Joined {
	first := ls[0].Page
	var region []text.Line
	for _, l := range ls {
		if !typ.Restates() && (l.Page > first+2 || (len(region) > 3 && reTableEnd.MatchString(l.Text))) {
			break
		}
		region = append(region, l)
	}
	return text.Join(untangleCells(unpipe(region)))
}

// tableRows returns one judgement finding per row of the grade table in
// j, in the order of the rows (a domain may come twice: the caller keeps
// the first).
func tableRows(j text.Joined) []extract.Finding {
	v := vocabulary()
	type pending struct {
		domain extract.Domain
		label  string
		off    int
	}
	var queue []pending
	var rows []extract.Finding
	last := -1 // end of the previous cell; -1 before the table starts
	for _, m := range v.cells.FindAllStringSubmatchIndex(j.Text, -1) {
		if last >= 0 && len(reWords.FindAllString(j.Text[last:m[0]], -1)) > 3 {
			if len(rows) > 0 {
				break // prose after the table
			}
			queue = queue[:0] // words between cells before any row: not the table yet
		}
		g := 0
		for g = 1; g < len(m)/2; g++ {
			if m[2*g] >= 0 {
				break
			}
		}
		cell := j.Text[m[0]:m[1]]
		if wordAfterLower(j.Text, m[1]) || (g <= len(v.cellDomains) && wordBeforeLower(j.Text, m[0])) {
			continue // prose: "contribute to overall effectiveness are", "receive good help"
		}
		if g <= len(v.cellDomains) {
			d := v.cellDomains[g-1]
			if d == extract.DomainLSCB && last < 0 {
				continue // the cover's "Review of the effectiveness of the LSCB"
			}
			queue = append(queue, pending{d, cell, m[0]})
		} else if len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			if v.cellGrades[g-len(v.cellDomains)-1] == "" {
				last = m[1]
				continue // "Not judged"
			}
			rows = append(rows, extract.Finding{Kind: extract.KindJudgement, Domain: p.domain, Grade: v.cellGrades[g-len(v.cellDomains)-1],
				Text: p.label + " | " + cell, Page: j.PageAt(p.off), Rule: "judgement.table"})
		} else if last < 0 {
			continue // a grade before any label: not the table
		}
		last = m[1]
	}
	return rows
}

// wordAfterLower reports whether the word after offset i of s starts with a
// lower-case letter.
func wordAfterLower(s string, i int) bool {
	if i >= len(s) || s[i] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i+1:])
	return unicode.IsLower(r)
}

// wordBeforeLower reports whether the word before offset i of s is a
// function word that puts what follows in a sentence ("contribute to
// overall effectiveness").
func wordBeforeLower(s string, i int) bool {
	before := strings.TrimRight(s[:i], " ")
	w := text.LastWord(before)
	if w == "" || !strings.HasSuffix(before, w) {
		return false
	}
	switch w {
	case "to", "of", "for", "and", "in", "on", "the", "its", "their", "that", "with", "is", "are", "was", "by", "our":
		return true
	}
	return false
}

// untangleCells undoes two renderings of a table row in which the grade
// cell interrupts its label: the grade at the end of the label's first line
// ("The experiences and progress of Good" / "children in care"), or on a
// line of its own between the label's lines. The grade is moved after the
// label's lower-case continuation lines.
func untangleCells(ls []text.Line) []text.Line {
	var split []text.Line
	for _, l := range ls {
		if m := reTrailingGrade.FindStringSubmatch(l.Text); m != nil && !strings.HasSuffix(m[1], ".") {
			split = append(split, text.Line{Text: m[1], Page: l.Page}, text.Line{Text: m[2], Page: l.Page})
			continue
		}
		split = append(split, l)
	}
	out := make([]text.Line, 0, len(split))
	for i := 0; i < len(split); i++ {
		if !reGradeCell.MatchString(split[i].Text) {
			out = append(out, split[i])
			continue
		}
		grade := split[i]
		k := i + 1
		for k < len(split) && (split[k].Text == "" || startsLowerLabel(split[k].Text)) {
			k++
		}
		for _, c := range split[i+1 : k] {
			if c.Text != "" {
				out = append(out, c)
			}
		}
		out = append(out, grade)
		i = k - 1
	}
	return out
}

// startsLowerLabel reports whether t carries on a label in lower case (and
// is not the "to be good" end of a grade).
func startsLowerLabel(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r) && !strings.HasPrefix(t, "to be good") && !strings.HasPrefix(t, "be good")
}

var (
	// Where the table region stops.
	reTableEnd = regexp.MustCompile(`(?i)^(executive summary|contents|what needs to improve.*|summary|introduction|the local authority)$`)
	reWords    = regexp.MustCompile(`\p{L}+`)
)

var (
	reTrailingGrade = regexp.MustCompile(`^(\S.*\S) (Requires improvement(?: to)?(?: be good)?|Inadequate|Good|Outstanding|Not judged)$`)
)

// reGradeStart is a right cell that starts a grade which may wrap.
var reGradeStart = regexp.MustCompile(`(?i)^(requires?|requires? improvement|requires? improvement to|requires? improvement to be)$`)

// reGradeTail is the wrapped end of a grade at the end of a continuation
// line: "protection improvement", "improvement to be good".
var reGradeTail = regexp.MustCompile(`(?i)(?:^|\s)((?:improvement)?(?: ?to)?(?: ?be)?(?: ?good)?)$`)

// unpipe flattens rows of " | " tables into their cells, one line per cell,
// gluing a wrapped row (a next line that starts in lower case, or has an
// empty left cell) back to it. Lines outside tables are kept as they are.
func unpipe(ls []text.Line) []text.Line {
	var out []text.Line
	for i := 0; i < len(ls); i++ {
		l, r, ok := text.SplitRow(ls[i].Text)
		if !ok {
			out = append(out, ls[i])
			continue
		}
		page := ls[i].Page
		for i+1 < len(ls) && ls[i+1].Text != "" {
			next := ls[i+1].Text
			nl, nr, piped := text.SplitRow(next)
			if piped && (nl == "" || text.StartsLower(nl)) {
				l, r = strings.TrimSpace(l+" "+nl), strings.TrimSpace(r+" "+nr)
				i++
				continue
			}
			if !piped && text.StartsLower(next) {
				if reGradeStart.MatchString(r) {
					if m := reGradeTail.FindStringSubmatchIndex(next); m != nil && m[3] > m[2] {
						r = r + " " + strings.TrimSpace(next[m[2]:m[3]])
						next = strings.TrimSpace(next[:m[2]])
					}
				}
				l = strings.TrimSpace(l + " " + next)
				i++
				continue
			}
			break
		}
		if l != "" {
			out = append(out, text.Line{Text: l, Page: page})
		}
		if r != "" {
			out = append(out, text.Line{Text: r, Page: page})
		}
	}
	return out
}
