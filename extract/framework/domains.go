package framework

// Every judgement domain with every label Ofsted's frameworks and the
// prose that reports them give it. The grade-table reader, the
// section-heading reader and the news and committee prose reader all
// compile their patterns from this one table, so a relabelled row of a
// new framework is one more string here (and a test).

import "github.com/ofsted/ofsted/extract"

// DomainLabels is a judgement domain with the labels it is given. Each
// label is a regexp fragment matched without regard to case; where one
// label of a domain is a prefix of another, the longer comes first
// (alternation is leftmost-first). Labels of different domains never
// start alike, so the order of the rows does not matter.
type DomainLabels struct {
	Domain extract.Domain
	// Table are the row labels of the grade tables of every framework,
	// found anywhere in the table's text (no capturing groups: each
	// domain's labels are one group of the table's regexp).
	Table []string
	// Headings are the headings of the report section that sets the
	// domain out, matched at the start of a line. Overall effectiveness
	// has none: its heading ends the domain sections.
	Headings []string
	// Prose are the names news and committee prose use for the domain,
	// matched on word boundaries. Adoption and the LSCB have none: prose
	// does not report them apart from the rest.
	Prose []string
}

// Domains returns the domain table, in the model's order of domains.
func Domains() []DomainLabels {
	return []DomainLabels{
		{
			Domain: extract.DomainOverall,
			Table:  []string{`overall effectiveness`},
			Prose:  []string{`overall effectiveness`, `overall`},
		},
		{
			Domain: extract.DomainLeaders,
			Table: []string{
				`the impact of leaders on social work practice with children and families`, // ILACS
				`leadership,? management and governance`,                                   // SIF
			},
			Headings: []string{
				`(the )?impact of leaders on social work practice`,
				`leadership,? management and governance\b`,
			},
			Prose: []string{`impact of leaders`, `leadership(?:,? management)?(?: and governance)?`, `leaders`},
		},
		{
			Domain: extract.DomainHelp,
			Table: []string{
				`the experiences and progress of children who need help and protection`, // ILACS
				`children who need help and protection`,                                 // SIF
			},
			Headings: []string{
				`(the )?experiences and progress of (children who need help and protection|children in need of help and protection)`,
				`children who need help and protection\b`,
			},
			Prose: []string{`children (?:who need|in need of) help and protection`, `help and protection`, `protection of children`, `children in need`},
		},
		{
			Domain: extract.DomainInCare,
			Table: []string{
				`the experiences and progress of children in care and care leavers`, // ILACS to 2022
				`the experiences and progress of children in care`,                  // ILACS from 2023
				`children looked after and achieving permanence`,                    // SIF
			},
			Headings: []string{
				`(the )?experiences and progress of (children in care|children looked after)`,
				`children looked after and achieving permanence\b`,
			},
			Prose: []string{`children in care and care leavers`, `children looked after`, `looked[- ]after children`, `children in care`},
		},
		{
			Domain:   extract.DomainCareLeaver,
			Table:    []string{`(?:the )?experiences and progress of (?:children )?care leavers`},
			Headings: []string{`(the )?experiences and progress of (children )?care leavers`},
			Prose:    []string{`care leavers`},
		},
		{
			Domain:   extract.DomainAdoption,
			Table:    []string{`adoption performance`}, // SIF
			Headings: []string{`adoption performance\b`},
		},
		{
			Domain:   extract.DomainLSCB,
			Table:    []string{`the effectiveness of the (?:lscb|local safeguarding children board)(?: \(lscb\))?`}, // SIF
			Headings: []string{`(review of )?the effectiveness of the (local safeguarding children board|lscb)`},
		},
	}
}
