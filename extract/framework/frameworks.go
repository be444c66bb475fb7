package framework

// Ofsted's judgement frameworks for local authority children's services,
// by the date of the inspections they apply to, with the judgements each
// makes and the words its reports give them. What changes from one
// framework to the next is data here: the single inspection framework
// (SIF, November 2013 to 2017) graded adoption, reviewed the LSCB
// alongside and stated its overall judgement in a sentence; the ILACS
// framework of 2018 graded children in care and care leavers together
// (in_care); from 2023 care leavers have their own grade; the reformed
// framework for visits from April 2026 relabels the rows and has no
// overall-effectiveness row. A 2027 framework is one more entry and a
// test.
//
// The grade-table reader does not need the framework to read a row: a
// row is recognised by the key words of its label (domains.go), whatever
// the framework. The frameworks say which judgements a report of a date
// grades (so that a missing row is reported, and prose that counts "all
// five areas" knows which), which are stated in a sentence instead of a
// row, which combination of key words is which domain, and which type of
// report prints a row (classify's grade-table signal).

import (
	"slices"

	"github.com/ofsted/ofsted/extract"
)

// Stated is where a framework's report states a judgement.
type Stated uint8

const (
	// InTable: a row of the grade table at the head of the report.
	InTable Stated = iota
	// InSentence: a sentence near the head of the report ("Children's
	// services in X require improvement to be good", "The Local
	// Safeguarding Children Board is good").
	InSentence
)

// Row is one judgement a framework makes.
type Row struct {
	Domain extract.Domain
	// Label is the row's label as the framework's reports print it; for
	// a judgement stated in a sentence, the sentence's subject when it
	// names the domain ("The Local Safeguarding Children Board is
	// good"), "" when it does not ("Children's services in X are good").
	Label  string
	Stated Stated
	// Review marks the judgement of another body than the council's
	// services (the SIF's review of the LSCB): not one of the areas the
	// inspection grades.
	Review bool
}

// Framework is one of Ofsted's frameworks for inspecting local authority
// children's services.
type Framework struct {
	Name string
	// Type is the type of report the framework produces.
	Type extract.Type
	// From is the date (YYYY-MM-DD) of the first inspections under it; it
	// applies until the next framework's From.
	From string
	// Rows are its judgements, overall effectiveness first.
	Rows []Row
	// Domains are the judgements its reports grade as areas of the
	// council's services (Rows less a review of another body): the
	// "areas" prose counts ("good in all four areas"). Frameworks fills
	// it from Rows.
	Domains []extract.Domain
	// Within maps a domain the framework does not grade apart to the
	// judgement that covers it (the row whose label names both).
	Within map[extract.Domain]extract.Domain
}

// Frameworks returns the frameworks, oldest first.
func Frameworks() []Framework {
	O, L, H, C, CL, A, LSCB := extract.DomainOverall, extract.DomainLeaders, extract.DomainHelp, extract.DomainInCare, extract.DomainCareLeaver, extract.DomainAdoption, extract.DomainLSCB
	fs := []Framework{
		{
			Name: "SIF", Type: extract.TypeSIF, From: "2013-11-01",
			Rows: []Row{
				{Domain: O, Stated: InSentence},
				{Domain: H, Label: "Children who need help and protection"},
				{Domain: C, Label: "Children looked after and achieving permanence"},
				{Domain: A, Label: "Adoption performance"},
				{Domain: CL, Label: "Experiences and progress of care leavers"},
				{Domain: L, Label: "Leadership, management and governance"},
				{Domain: LSCB, Label: "The Local Safeguarding Children Board", Stated: InSentence, Review: true},
			},
		},
		{
			Name: "ILACS 2018", Type: extract.TypeILACS, From: "2018-01-01",
			Rows: []Row{
				{Domain: O, Label: "Overall effectiveness"},
				{Domain: L, Label: "The impact of leaders on social work practice with children and families"},
				{Domain: H, Label: "The experiences and progress of children who need help and protection"},
				{Domain: C, Label: "The experiences and progress of children in care and care leavers"},
			},
			Within: map[extract.Domain]extract.Domain{CL: C},
		},
		{
			Name: "ILACS 2023", Type: extract.TypeILACS, From: "2023-01-01",
			Rows: []Row{
				{Domain: O, Label: "Overall effectiveness"},
				{Domain: L, Label: "The impact of leaders on social work practice with children and families"},
				{Domain: H, Label: "The experiences and progress of children who need help and protection"},
				{Domain: C, Label: "The experiences and progress of children in care"},
				{Domain: CL, Label: "The experiences and progress of care leavers"},
			},
		},
		{
			// The reformed framework: rows relabelled, no overall
			// effectiveness judgement.
			Name: "ILACS 2026", Type: extract.TypeILACS, From: "2026-04-01",
			Rows: []Row{
				{Domain: L, Label: "The impact of leaders on practice with children and families"},
				{Domain: H, Label: "The experiences and progress of children who need help, support and protection"},
				{Domain: C, Label: "The experiences and progress of children in care"},
				{Domain: CL, Label: "The experiences and progress of care leavers"},
			},
		},
	}
	for i := range fs {
		for _, r := range fs[i].Rows {
			if !r.Review {
				fs[i].Domains = append(fs[i].Domains, r.Domain)
			}
		}
	}
	return fs
}

// FrameworkAt returns the framework of inspections carried out on date
// (YYYY-MM-DD, or a prefix of it), and false before the first.
func FrameworkAt(date string) (Framework, bool) {
	fs := Frameworks()
	for i := len(fs) - 1; i >= 0; i-- {
		if date != "" && date >= fs[i].From[:min(len(date), len(fs[i].From))] {
			return fs[i], true
		}
	}
	return Framework{}, false
}

// FrameworkOfCount returns the framework of inspections around date that
// grades n areas: the framework of the date when it does, else the latest
// before it that does (a story cannot report a later framework's
// inspection), else the earliest after it (the date may be wrong). False
// when none grades n.
func FrameworkOfCount(date string, n int) (Framework, bool) {
	fs := Frameworks()
	at := slices.IndexFunc(fs, func(f Framework) bool { return date < f.From })
	if at < 0 {
		at = len(fs)
	}
	for i := at - 1; i >= 0; i-- {
		if len(fs[i].Domains) == n {
			return fs[i], true
		}
	}
	for i := at; i < len(fs); i++ {
		if len(fs[i].Domains) == n {
			return fs[i], true
		}
	}
	return Framework{}, false
}

// Grades reports whether f grades domain d apart, as an area of the
// council's services.
func (f Framework) Grades(d extract.Domain) bool { return slices.Contains(f.Domains, d) }

// Row returns f's judgement of domain d (a review of another body
// included), and false when f makes none.
func (f Framework) Row(d extract.Domain) (Row, bool) {
	for _, r := range f.Rows {
		if r.Domain == d {
			return r, true
		}
	}
	return Row{}, false
}

// TableHeadings are the header cells of a grade table (whole lines, or
// a row's two cells): they name the columns, not a judgement.
func TableHeadings() []string {
	return []string{`(?:areas? (?:of|for) (?:the )?)?judgements?(?: areas?)?(?: grades?)?`, `grades?`}
}
