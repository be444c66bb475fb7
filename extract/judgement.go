package extract

// Judgements come from the grade table at the start of ILACS and SIF
// reports. PDF extraction renders the table either row by row (label, grade,
// label, grade) or column by column (all labels, then all grades), and wraps
// cells across lines ("Requires improvement" / "to be good"). So the table
// is read as one string: labels and grades are found in order and each grade
// goes to the oldest label still waiting for one. The table ends at the first
// run of prose between two cells, so grades in the prose that follows (or
// in a list of previous inspections' judgements) are never taken.

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract/text"
)

// tableCells matches the labels (groups 1-7) and grades (groups 8-11) of a
// judgement table. Longer labels come first: alternation is leftmost-first.
var tableCells = regexp.MustCompile(`(?i)` +
	`(the impact of leaders on social work practice with children and families|leadership,? management and governance)|` +
	`(the experiences and progress of children who need help and protection|children who need help and protection)|` +
	`(the experiences and progress of children in care and care leavers|the experiences and progress of children in care|children looked after and achieving permanence)|` +
	`((?:the )?experiences and progress of (?:children )?care leavers)|` +
	`(adoption performance)|` +
	`(overall effectiveness)|` +
	`(the effectiveness of the (?:lscb|local safeguarding children board)(?: \(lscb\))?)|` +
	`(requires? improvement(?: to be good)?)|(inadequate)|(good)|(outstanding)|(not judged)`)

var cellDomains = []Domain{DomainLeaders, DomainHelp, DomainInCare, DomainCareLeaver, DomainAdoption, DomainOverall, DomainLSCB}
var cellGrades = []Grade{GradeRI, GradeInadequate, GradeGood, GradeOutstanding, ""} // "" = not judged

var (
	// SIF: "Children's services in Bedford Borough require improvement to be good".
	// SIF 2014-15: "The overall judgement is that children's services are good".
	reSIFOverall = regexp.MustCompile(`(?i)(?:children['’]s services in [^.]{2,80}?|the overall judgement is(?: that children['’]s services)?) (?:are |is |requires? )?(inadequate|good|outstanding|(?:requires )?improvement(?: to be good)?)`)
	// SIF: "The Local Safeguarding Children Board is good".
	reLSCB = regexp.MustCompile(`(?i)\bthe (?:effectiveness of the )?(?:local safeguarding children board|lscb)(?: \(lscb\))? (?:is|requires)(?: judged to be)? (requires improvement(?: to be good)?|improvement(?: to be good)?|inadequate|good|outstanding)\b`)
	// Where the table region stops.
	reTableEnd = regexp.MustCompile(`(?i)^(executive summary|contents|what needs to improve.*|summary|introduction|the local authority)$`)
	reWords    = regexp.MustCompile(`\p{L}+`)
)

func gradeOf(s string) Grade {
	s = strings.ToLower(s)
	switch {
	case strings.Contains(s, "improvement"):
		return GradeRI
	case strings.Contains(s, "inadequate"):
		return GradeInadequate
	case strings.Contains(s, "outstanding"):
		return GradeOutstanding
	case strings.Contains(s, "good"):
		return GradeGood
	}
	return ""
}

// findJudgements returns one judgement finding per domain graded in the
// report's table (and, for SIF reports, the overall and LSCB sentences).
// Committee papers and news articles that copy a report's table anywhere in
// their text yield its judgements too.
func findJudgements(ls []text.Line, typ Type) []Finding {
	if len(ls) == 0 {
		return nil
	}
	first := ls[0].Page
	var region []text.Line
	for _, l := range ls {
		reportsTable := typ == TypeCommittee || typ == TypeNews // a copied table may sit anywhere
		if !reportsTable && (l.Page > first+2 || (len(region) > 3 && reTableEnd.MatchString(l.Text))) {
			break
		}
		region = append(region, l)
	}
	j := text.Join(untangleCells(unpipe(region)))
	var out []Finding
	have := map[Domain]bool{}
	add := func(f Finding) {
		if !have[f.Domain] {
			have[f.Domain] = true
			out = append(out, f)
		}
	}
	if typ == TypeSIF {
		if m := reSIFOverall.FindStringSubmatchIndex(j.Text); m != nil {
			add(Finding{Kind: KindJudgement, Domain: DomainOverall, Grade: gradeOf(j.Text[m[2]:m[3]]),
				Text: j.Text[m[0]:m[1]], Page: j.PageAt(m[0]), Rule: "judgement.sif-overall"})
		}
	}
	type pending struct {
		domain Domain
		label  string
		off    int
	}
	var queue []pending
	var rows []Finding
	last := -1 // end of the previous cell; -1 before the table starts
	for _, m := range tableCells.FindAllStringSubmatchIndex(j.Text, -1) {
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
		if wordAfterLower(j.Text, m[1]) || (g <= len(cellDomains) && wordBeforeLower(j.Text, m[0])) {
			continue // prose: "contribute to overall effectiveness are", "receive good help"
		}
		if g <= len(cellDomains) {
			d := cellDomains[g-1]
			if d == DomainLSCB && last < 0 {
				continue // the cover's "Review of the effectiveness of the LSCB"
			}
			queue = append(queue, pending{d, cell, m[0]})
		} else if len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			if cellGrades[g-len(cellDomains)-1] == "" {
				last = m[1]
				continue // "Not judged"
			}
			rows = append(rows, Finding{Kind: KindJudgement, Domain: p.domain, Grade: cellGrades[g-len(cellDomains)-1],
				Text: p.label + " | " + cell, Page: j.PageAt(p.off), Rule: "judgement.table"})
		} else if last < 0 {
			continue // a grade before any label: not the table
		}
		last = m[1]
	}
	for _, r := range rows {
		add(r)
	}
	if typ == TypeSIF && !have[DomainLSCB] {
		all := text.Join(ls)
		if m := reLSCB.FindStringSubmatchIndex(all.Text); m != nil {
			add(Finding{Kind: KindJudgement, Domain: DomainLSCB, Grade: gradeOf(all.Text[m[2]:m[3]]),
				Text: all.Text[m[0]:m[1]], Page: all.PageAt(m[0]), Rule: "judgement.lscb"})
		}
	}
	return out
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

var (
	reTrailingGrade = regexp.MustCompile(`^(\S.*\S) (Requires improvement(?: to)?(?: be good)?|Inadequate|Good|Outstanding|Not judged)$`)
	reGradeCell     = regexp.MustCompile(`^((?:Requires|requires) improvement(?: to)?(?: be good)?|Inadequate|Good|Outstanding|Not judged)$`)
)

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
