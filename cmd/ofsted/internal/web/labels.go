package web

import (
	"html/template"
	"io/fs"
	"strings"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/index"
)

// labels are the vocabulary's values as people read them.
var labels = map[string]string{
	string(extract.TypeILACS):      "ILACS inspection",
	string(extract.TypeSIF):        "SIF inspection",
	string(extract.TypeFocused):    "Focused visit",
	string(extract.TypeMonitoring): "Monitoring visit",
	string(extract.TypeJTAI):       "JTAI",
	string(extract.TypeSEND):       "Area SEND inspection",
	string(extract.TypeCommittee):  "Committee paper",
	string(extract.TypeNews):       "News article",
	string(extract.TypeOther):      "Other",

	string(extract.KindJudgement):      "Judgement",
	string(extract.KindRecommendation): "Recommendation",
	string(extract.KindPriorityAction): "Priority action",
	string(extract.KindStrength):       "Strength",
	string(extract.KindWeakness):       "Weakness",
	string(extract.KindFocus):          "Focus of the visit",
	string(extract.KindHeadline):       "Headline finding",
	string(extract.KindProgress):       "Progress (the council's account)",

	string(extract.DomainOverall):    "Overall effectiveness",
	string(extract.DomainLeaders):    "Leaders",
	string(extract.DomainHelp):       "Help and protection",
	string(extract.DomainInCare):     "Children in care",
	string(extract.DomainCareLeaver): "Care leavers",
	string(extract.DomainAdoption):   "Adoption",
	string(extract.DomainLSCB):       "LSCB",

	string(extract.GradeOutstanding): "Outstanding",
	string(extract.GradeGood):        "Good",
	string(extract.GradeRI):          "Requires improvement",
	string(extract.GradeInadequate):  "Inadequate",

	extract.PublishedFromText: "its text", extract.PublishedFromMetadata: "the page's metadata",
	extract.PublishedFromFileName: "the file's name", extract.PublishedFromCreated: "the file's creation date",

	"lado": "LADO", "plo": "PLO (pre-proceedings)", "homeless_16_17": "homeless 16- and 17-year-olds",

	index.DirectionImproved: "improved", index.DirectionDeclined: "declined",
	index.DirectionSame: "same", index.DirectionMixed: "mixed",
}

// label names a vocabulary value for people; a theme id reads as words.
func label(v string) string {
	if l, ok := labels[v]; ok {
		return l
	}
	return strings.ReplaceAll(v, "_", " ")
}

// shortGrades fit a table cell.
var shortGrades = map[extract.Grade]string{
	extract.GradeOutstanding: "O", extract.GradeGood: "G", extract.GradeRI: "RI", extract.GradeInadequate: "I",
}

// shortDomains head the summary's columns.
var shortDomains = map[extract.Domain]string{
	extract.DomainOverall: "Overall", extract.DomainLeaders: "Leaders", extract.DomainHelp: "Help & protection",
	extract.DomainInCare: "In care", extract.DomainCareLeaver: "Care leavers", extract.DomainAdoption: "Adoption",
	extract.DomainLSCB: "LSCB",
}

// gradeClass is the CSS class of a grade ("" for none).
func gradeClass(g extract.Grade) string {
	if g == "" {
		return "grade-none"
	}
	return "grade-" + string(g)
}

var funcs = template.FuncMap{
	"label":      func(v any) string { return label(toString(v)) },
	"short":      func(g any) string { return shortGrades[extract.Grade(toString(g))] },
	"gradeClass": func(g any) string { return gradeClass(extract.Grade(toString(g))) },
	"domainHead": func(d extract.Domain) string { return shortDomains[d] },
	"add":        func(a, b int) int { return a + b },
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	},
}

func toString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case extract.Type:
		return string(x)
	case extract.Kind:
		return string(x)
	case extract.Domain:
		return string(x)
	case extract.Grade:
		return string(x)
	}
	return ""
}

// parsePages parses every page template with the layout.
func parsePages() (map[string]*template.Template, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.New(base).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, err
		}
		out[base] = t
	}
	return out, nil
}
