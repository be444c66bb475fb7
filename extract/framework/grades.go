package framework

// Grades as the documents write them. A grade table's cell and the prose
// of a news story word the four-point scale differently ("Requires
// improvement to be good", "requiring improvement", "improvement
// required"); the wordings of each grade are kept together here.

import (
	"strings"

	"github.com/ofsted/ofsted/extract"
)

// GradeWording is a grade with the ways it is written. An empty Grade is
// a table cell that grades nothing ("Not judged").
type GradeWording struct {
	Grade extract.Grade
	// Cell is the grade as a table cell writes it (a regexp fragment
	// without capturing groups, matched without regard to case).
	Cell string
	// Prose is the grade as news and committee prose write it ("" when
	// prose never does). Wordings of different grades never start alike.
	Prose string
}

// GradeWordings returns the grades and their wordings.
func GradeWordings() []GradeWording {
	return []GradeWording{
		{Grade: extract.GradeRI, Cell: `requires? improvement(?: to be good)?`, Prose: `(?:requires?|requiring|required) improvement(?: to be good)?|improvement required`},
		{Grade: extract.GradeInadequate, Cell: `inadequate`, Prose: `inadequate`},
		{Grade: extract.GradeGood, Cell: `good`, Prose: `good`},
		{Grade: extract.GradeOutstanding, Cell: `outstanding`, Prose: `outstanding`},
		{Grade: "", Cell: `not judged`},
	}
}

// GradeOf returns the grade a matched wording names, or "". Requires
// improvement is tried first, since its full form ends "to be good".
func GradeOf(s string) extract.Grade {
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
