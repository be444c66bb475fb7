package framework

// Every judgement domain with the words that name it. A grade table's row
// is recognised by its key words (leaders, help and protection, in care,
// care leavers, adoption, the LSCB, overall), whatever the words that
// connect them: frameworks relabel their rows ("The impact of leaders on
// social work practice ..." became "... on practice ..."), committee
// papers and news pages shorten them, and a PDF wraps them anywhere. The
// rows as each framework prints them are in frameworks.go. The
// section-heading reader and the news and committee prose reader compile
// their patterns from this table too.

import "github.com/ofsted/ofsted/extract"

// DomainLabels is a judgement domain with the words that name it. Each
// entry is a regexp fragment without capturing groups, matched without
// regard to case; where one entry of a domain is a prefix of another,
// the longer comes first (alternation is leftmost-first).
type DomainLabels struct {
	Domain extract.Domain
	// Keys are the key words of a grade-table row label that names the
	// domain, matched on word boundaries anywhere in the label. A label
	// that names several domains is the domain of the framework row that
	// names the same ones ("children in care and care leavers" is in_care
	// in the 2018 framework); see Frameworks.
	Keys []string
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
			Keys:   []string{`overall effectiveness`, `overall judgements?`, `overall`},
			Prose:  []string{`overall effectiveness`, `overall`},
		},
		{
			Domain: extract.DomainLeaders,
			Keys:   []string{`leadership,? management and governance`, `leadership`, `leaders`, `management and governance`},
			Headings: []string{
				`(the )?impact of leaders on (social work )?practice`,
				`leadership,? management and governance\b`,
			},
			Prose: []string{`impact of leaders`, `leadership(?:,? management)?(?: and governance)?`, `leaders`},
		},
		{
			Domain: extract.DomainHelp,
			// "help and protection", "help, support and protection",
			// "help and early protection": the two words, a few between;
			// "children who need help".
			Keys: []string{`help(?:[\s,]+\pL+){0,3}?[\s,]+protection`, `(?:need|needs|needing) help`},
			Headings: []string{
				`(the )?experiences and progress of (children who need help(,? support)? and protection|children in need of help and protection)`,
				`children who need help and protection\b`,
			},
			Prose: []string{`children (?:who need|in need of) help and protection`, `help and protection`, `protection of children`, `children in need`},
		},
		{
			Domain: extract.DomainInCare,
			Keys:   []string{`children in care`, `in (?:our )?care`, `looked[- ]after`, `achieving permanence`, `children we (?:care for|look after)`},
			Headings: []string{
				`(the )?experiences and progress of (children in care|children looked after)`,
				`children looked after and achieving permanence\b`,
			},
			Prose: []string{`children in care and care leavers`, `children looked after`, `looked[- ]after children`, `children in care`},
		},
		{
			Domain:   extract.DomainCareLeaver,
			Keys:     []string{`care leavers?`, `leaving care`, `care[- ]experienced`},
			Headings: []string{`(the )?experiences and progress of (children )?care leavers`},
			Prose:    []string{`care leavers`},
		},
		{
			Domain:   extract.DomainAdoption,
			Keys:     []string{`adoption performance`, `adoption`},
			Headings: []string{`adoption performance\b`},
		},
		{
			Domain:   extract.DomainLSCB,
			Keys:     []string{`local safeguarding children board`, `safeguarding children board`, `lscb`},
			Headings: []string{`(review of )?the effectiveness of the (local safeguarding children board|lscb)`},
		},
	}
}
