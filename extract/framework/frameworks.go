package framework

// Ofsted's judgement frameworks for local authority children's services,
// by the date of the visits they apply to, with the judgements each
// makes and the words its report gives them. What changes from one
// framework to the next is data here: the single inspection framework
// (SIF, November 2013 to 2017) graded adoption and reviewed the LSCB
// alongside and stated its overall judgement in a sentence; the ILACS
// framework of 2018 graded children in care and care leavers together
// (in_care); from 2023 care leavers have their own grade; the reformed
// framework for visits from April 2026 relabels the rows and has no
// overall-effectiveness row. A 2027 framework is one more entry and a
// test.
//
// The readers do not need the framework to read a row: a row is
// recognised by the key words of its label (domains.go), whatever the
// framework. The frameworks say which domains a report of a date grades
// (so that a missing row is reported), which sentences state a judgement
// instead of a row, which combination of key words is which domain, and
// which type of report prints a row (classify's grade-table signal).

import "github.com/ofsted/ofsted/extract"

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
}

// Framework is one judgement framework.
type Framework struct {
	Name string
	// Type is the type of report the framework produces.
	Type extract.Type
	// From is the first day of the visits it applies to and Until the
	// first day it no longer does ("" for the current framework), as
	// YYYY-MM-DD.
	From, Until string
	// Rows are its judgements, in the order its reports print them.
	Rows []Row
}

// Frameworks returns the judgement frameworks, oldest first. Each
// applies from the day the one before it stops applying.
func Frameworks() []Framework {
	return []Framework{
		{
			Name: "SIF", Type: extract.TypeSIF, From: "2013-11-01", Until: "2018-01-01",
			Rows: []Row{
				{extract.DomainOverall, "", InSentence},
				{extract.DomainHelp, "Children who need help and protection", InTable},
				{extract.DomainInCare, "Children looked after and achieving permanence", InTable},
				{extract.DomainAdoption, "Adoption performance", InTable},
				{extract.DomainCareLeaver, "Experiences and progress of care leavers", InTable},
				{extract.DomainLeaders, "Leadership, management and governance", InTable},
				{extract.DomainLSCB, "The Local Safeguarding Children Board", InSentence},
			},
		},
		{
			Name: "ILACS 2018", Type: extract.TypeILACS, From: "2018-01-01", Until: "2023-01-01",
			Rows: []Row{
				{extract.DomainLeaders, "The impact of leaders on social work practice with children and families", InTable},
				{extract.DomainHelp, "The experiences and progress of children who need help and protection", InTable},
				{extract.DomainInCare, "The experiences and progress of children in care and care leavers", InTable},
				{extract.DomainOverall, "Overall effectiveness", InTable},
			},
		},
		{
			Name: "ILACS 2023", Type: extract.TypeILACS, From: "2023-01-01", Until: "2026-04-01",
			Rows: []Row{
				{extract.DomainLeaders, "The impact of leaders on social work practice with children and families", InTable},
				{extract.DomainHelp, "The experiences and progress of children who need help and protection", InTable},
				{extract.DomainInCare, "The experiences and progress of children in care", InTable},
				{extract.DomainCareLeaver, "The experiences and progress of care leavers", InTable},
				{extract.DomainOverall, "Overall effectiveness", InTable},
			},
		},
		{
			Name: "ILACS 2026", Type: extract.TypeILACS, From: "2026-04-01",
			Rows: []Row{
				{extract.DomainLeaders, "The impact of leaders on practice with children and families", InTable},
				{extract.DomainHelp, "The experiences and progress of children who need help, support and protection", InTable},
				{extract.DomainInCare, "The experiences and progress of children in care", InTable},
				{extract.DomainCareLeaver, "The experiences and progress of care leavers", InTable},
			},
		},
	}
}

// FrameworkAt returns the framework that applies to a visit on date
// (YYYY-MM-DD; a longer ISO date is cut to its day), and false when none
// does or the date is not one.
func FrameworkAt(date string) (Framework, bool) {
	if len(date) < 10 || date[4] != '-' || date[7] != '-' {
		return Framework{}, false
	}
	date = date[:10]
	for _, f := range Frameworks() {
		if date >= f.From && (f.Until == "" || date < f.Until) {
			return f, true
		}
	}
	return Framework{}, false
}

// Grades reports whether f makes a judgement of domain d, and where its
// report states it.
func (f Framework) Grades(d extract.Domain) (Stated, bool) {
	for _, r := range f.Rows {
		if r.Domain == d {
			return r.Stated, true
		}
	}
	return 0, false
}

// TableHeadings are the header cells of a grade table (whole lines, or
// a row's two cells): they name the columns, not a judgement.
func TableHeadings() []string {
	return []string{`(?:areas? (?:of|for) (?:the )?)?judgements?(?: areas?)?(?: grades?)?`, `grades?`}
}
