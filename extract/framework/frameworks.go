package framework

// Which judgements an inspection grades depends on the framework it was
// carried out under. Prose that reports an inspection leans on that: "good
// in all five areas" names the five judgements of the framework of its
// day; "good for care leavers" in a story of 2020 reports the judgement on
// children in care and care leavers, which ILACS graded as one until
// 2023. Each framework is a row here, with the date its inspections began.

import (
	"slices"

	"github.com/ofsted/ofsted/extract"
)

// Framework is one of Ofsted's frameworks for inspecting local authority
// children's services.
type Framework struct {
	Name string
	// From is the date (YYYY-MM-DD) of the first inspections under it; it
	// applies until the next framework's From.
	From string
	// Domains are the judgements its reports grade: the "areas" prose
	// counts ("good in all four areas"). A SIF's review of the LSCB is a
	// review of another body, not an area of the council's services.
	Domains []extract.Domain
	// Within maps a domain the framework does not grade apart to the
	// judgement that covers it.
	Within map[extract.Domain]extract.Domain
}

// Frameworks returns the frameworks, oldest first.
func Frameworks() []Framework {
	O, L, H, C, CL, A := extract.DomainOverall, extract.DomainLeaders, extract.DomainHelp, extract.DomainInCare, extract.DomainCareLeaver, extract.DomainAdoption
	return []Framework{
		{Name: "SIF", From: "2013-11-01", Domains: []extract.Domain{O, H, C, A, CL, L}},
		{Name: "ILACS 2018", From: "2018-01-01", Domains: []extract.Domain{O, L, H, C}, Within: map[extract.Domain]extract.Domain{CL: C}},
		{Name: "ILACS 2023", From: "2023-01-01", Domains: []extract.Domain{O, L, H, C, CL}},
		// Reformed framework: no overall effectiveness judgement.
		{Name: "ILACS 2026", From: "2026-04-01", Domains: []extract.Domain{L, H, C, CL}},
	}
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

// Grades reports whether f grades domain d apart.
func (f Framework) Grades(d extract.Domain) bool { return slices.Contains(f.Domains, d) }
