package find

// The vocabulary of Ofsted's documents that more than one rule needs: the
// headings that end a list or a section, the cells of a grade table, the
// sentence that introduces a visit's areas, the words of a grade. Rules
// tell these lines apart through the functions here, never through each
// other's.

import (
	"regexp"
	"strings"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/text"
)

var (
	reRecHeading = regexp.MustCompile(`(?i)^(?:\d{1,2}\.?\s+)?(what needs to improve(?: in this (?:local authority|area of social work practice|area))?|areas? for improvement|areas? for priority actions?|priority and immediate actions?|recommendations|areas for development|areas highlighted for further focus)\s*[?:]?\s*\d?$`)
	// Headings that end a list whatever came before them.
	reSectionHeading = regexp.MustCompile(`(?i)^(strengths|findings|key (strengths|findings).*|(main|headline) findings|findings and evaluation of progress|overview|inspection findings.*|summary( for children.*)?|executive summary|next steps|information about this .*|the experiences and progress of .*|the impact of leaders .*|leadership, management and governance|introduction|context|what (is working well|has improved).*|the local safeguarding children board.*|the effectiveness of the .*)$`)
	reGradeCell      = regexp.MustCompile(`^((?:Requires|requires) improvement(?: to)?(?: be good)?|Inadequate|Good|Outstanding|Not judged)$`)
	// A sentence that introduces a list of the areas a visit looked at.
	reScopeIntro = regexp.MustCompile(`(?i)^(?:(?:the|this) (?:focused |monitoring )?visit|inspectors|we|they|the inspectors?)\b.*\b(?:looked at|reviewed|evaluated|considered|focused on|focusing on|focus on|examined|scrutinised|specifically|following areas)\b[^.]*:$`)
)

// sectionHeading reports whether t is a heading that ends a list: another
// list's heading or a section's.
func sectionHeading(t string) bool {
	return reRecHeading.MatchString(t) || reSectionHeading.MatchString(t)
}

// tableCell reports whether t is a grade cell of a judgement table
// ("Requires improvement", "to be good"): a cell is never part of a
// paragraph, whatever the lines around it.
func tableCell(t string) bool {
	return reGradeCell.MatchString(t) || t == "to be good" || t == "be good"
}

// unwrap is text.Unwrap with the headings and grade cells of Ofsted's
// documents as the lines that stand on their own.
func unwrap(ls []text.Line, ws text.WordSet) []text.Line {
	return text.Unwrap(ls, ws, text.Breaks{Heading: sectionHeading, Cell: tableCell})
}

// gradeOf returns the grade a matched wording names, or "".
func gradeOf(s string) extract.Grade {
	s = strings.ToLower(s)
	switch {
	case strings.Contains(s, "improvement"):
		return extract.GradeRI
	case strings.Contains(s, "inadequate"):
		return extract.GradeInadequate
	case strings.Contains(s, "outstanding"):
		return extract.GradeOutstanding
	case strings.Contains(s, "good"):
		return extract.GradeGood
	}
	return ""
}
