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
	// everyday ones included ("child protection", "young people leaving
	// care"), matched on word boundaries. A name of the combined in-care
	// row of 2018-2022 is not one: prose that names children in care and
	// care leavers names two domains, which the framework of the date
	// (frameworks.go) grades together or apart.
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
			Prose: []string{`impact of (?:its |the council['’]s |senior )?leaders(?: on (?:social work )?practice(?: with children and families)?)?`, `leadership(?:,? management)?(?: and governance)?`, `leaders`},
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
			Prose: []string{
				`children (?:and families )?(?:who need|in need of|needing) (?:help and |early help and )?protection`,
				`(?:help|helps|helping),? (?:support |supports )?and protect(?:ion|s|ing)(?: children)?`,
				`early help and child protection`, `child protection`, `protection of children`, `protecting children`,
				`children in need`,
			},
		},
		{
			Domain: extract.DomainInCare,
			Keys:   []string{`children in care`, `in (?:our )?care`, `looked[- ]after`, `achieving permanence`, `children we (?:care for|look after)`},
			Headings: []string{
				`(the )?experiences and progress of (children in care|children looked after)`,
				`children looked after and achieving permanence\b`,
			},
			Prose: []string{`children looked after(?: and achieving permanence)?`, `looked[- ]after children`, `(?:children|children and young people|young people) in (?:its )?care`},
		},
		{
			Domain:   extract.DomainCareLeaver,
			Keys:     []string{`care leavers?`, `leaving care`, `care[- ]experienced`},
			Headings: []string{`(the )?experiences and progress of (children )?care leavers`},
			Prose:    []string{`care leavers`, `(?:young people|children|those) leaving care`, `leaving care(?: services?)?`, `care[- ]experienced (?:young people|young adults|adults)`},
		},
		{
			Domain:   extract.DomainAdoption,
			Keys:     []string{`adoption performance`, `adoption`},
			Headings: []string{`adoption performance\b`},
			Prose:    []string{`adoption(?: performance| services?)?`},
		},
		{
			Domain:   extract.DomainLSCB,
			Keys:     []string{`local safeguarding children board`, `safeguarding children board`, `lscb`},
			Headings: []string{`(review of )?the effectiveness of the (local safeguarding children board|lscb)`},
			Prose:    []string{`(?:the )?local safeguarding children(?:['’]s)? board(?: \(lscb\))?`, `lscb`, `safeguarding children board`},
		},
	}
}
