package framework

// The headings that give a report its structure: the lists of what must
// improve (each with the kind of finding its items are and the rule name
// they carry), and the section headings that end a list, hold no
// findings, announce strengths or weaknesses, or leave the judgement
// sections. Each is a regexp fragment matched without regard to case, on
// a whole line or at its start as each function says.

import (
	"strings"

	"github.com/ofsted/ofsted/extract"
)

// ListHeading is one kind of list of what must improve.
type ListHeading struct {
	Kind extract.Kind
	// Rule names the findings' rule; SIFRule, when set, names it in a
	// single inspection framework report.
	Rule, SIFRule string
	// Headings are the list's headings as they stand on a line of their
	// own, after an optional section number and before an optional
	// question mark, colon or footnote digit ("4. Areas for
	// improvement:", "What needs to improve?1").
	Headings []string
	// Intros are its names in a sentence that introduces a bulleted list
	// ("... the following areas for development:").
	Intros []string
	// Cues are the words a heading of this kind holds, all of them (see
	// ListHeadingOf).
	Cues []string
}

// ListHeadings returns the lists of what must improve, in the order their
// cues are tried.
func ListHeadings() []ListHeading {
	return []ListHeading{
		{Kind: extract.KindPriorityAction, Rule: "priority.priority-and-immediate-action",
			Headings: []string{`priority and immediate actions?`}, Cues: []string{"priority", "immediate"}},
		{Kind: extract.KindPriorityAction, Rule: "priority.areas-for-priority-action",
			Headings: []string{`areas? for priority actions?`}, Intros: []string{`areas? for priority action`}, Cues: []string{"priority"}},
		{Kind: extract.KindRecommendation, Rule: "recommend.what-needs-to-improve",
			Headings: []string{`what needs to improve(?: in this (?:local authority|area of social work practice|area))?`},
			Intros:   []string{`what needs to improve`}, Cues: []string{"what needs to improve"}},
		{Kind: extract.KindRecommendation, Rule: "recommend.areas-for-improvement", SIFRule: "recommend.sif-areas-for-improvement",
			Headings: []string{`areas? for improvement`}, Intros: []string{`areas? for improvement`}, Cues: []string{"improvement"}},
		{Kind: extract.KindRecommendation, Rule: "recommend.areas-for-development", SIFRule: "recommend.sif-areas-for-development",
			Headings: []string{`areas for development`}, Intros: []string{`areas? for development`}, Cues: []string{"development"}},
		{Kind: extract.KindRecommendation, Rule: "recommend.areas-for-further-focus", SIFRule: "recommend.sif-areas-for-further-focus",
			Headings: []string{`areas highlighted for further focus`}, Intros: []string{`areas? highlighted for further focus`}, Cues: []string{"focus"}},
		{Kind: extract.KindRecommendation, Rule: "recommend.recommendations", SIFRule: "recommend.sif-recommendations",
			Headings: []string{`recommendations`}, Intros: []string{`recommendations`}},
	}
}

// ListHeadingOf returns the kind of list a heading (or an introduction's
// words) names: the first row of ListHeadings whose cues the heading all
// holds, in lower case. The last row has no cues: a heading that holds
// none of the others' is a list of recommendations.
func ListHeadingOf(h string) ListHeading {
	h = strings.ToLower(h)
	rows := ListHeadings()
	for _, r := range rows {
		all := true
		for _, c := range r.Cues {
			all = all && strings.Contains(h, c)
		}
		if all {
			return r
		}
	}
	return rows[len(rows)-1]
}

// SectionHeadings are the headings (whole lines) that end any list: the
// sections of reports and letters that follow one.
func SectionHeadings() []string {
	return []string{
		`strengths`, `findings`, `key (strengths|findings).*`, `(main|headline) findings`, `findings and evaluation of progress`,
		`overview`, `inspection findings.*`, `summary( for children.*)?`, `executive summary`, `next steps`,
		`information about this .*`, `the experiences and progress of .*`, `the impact of leaders .*`,
		`leadership, management and governance`, `introduction`, `context`, `what (is working well|has improved).*`,
		`the local safeguarding children board.*`, `the effectiveness of the .*`,
		`what is it like to be a child or young person with (send|special educational needs.*) in this area\??`,
		`what is the (local )?area( partnership)? doing that is effective\??`, `what does the (local )?area( partnership)? need to do better\??`,
	}
}

// SkipSections are the headings (whole lines) of sections about the
// inspection, not about practice: no findings are taken from them.
func SkipSections() []string {
	return []string{
		`information about (this|the) (inspection|local authority|area).*`, `contents`, `table of contents`,
		`(the )?inspection team`, `about this inspection`, `glossary`, `appendix.*`, `annex.*`, `version control.*`,
		`the inspection judgements.*`, `inspection judgements about .*`, `areas covered( by (the|this) (visit|inspection))?`,
	}
}

// HeadlineSections are the headings (whole lines) of the summary at the
// head of a letter: its sentences are headline findings.
func HeadlineSections() []string {
	return []string{`headline findings?`}
}

// StrengthHeadings are the heading starts that announce a list or a
// section of strengths: an area SEND report's "What is the area
// partnership doing that is effective?", a JTAI's practice study of
// highly effective practice.
func StrengthHeadings() []string {
	return []string{
		`(key )?(strengths|areas of strength|what is working well|what (is|has been) (done well|improved)|what has improved.*|good practice)\b`,
		`what is the (local )?area( partnership)? doing that is effective\b`,
		`(practice|case) study: (areas? of )?highly effective practice\b`,
		`the local authority['’]s strengths\b`,
	}
}

// WeaknessHeadings are the heading starts that announce a list or a
// section of weaknesses (so does any list of what must improve): an area
// SEND report's "What does the area partnership need to do better?", a
// JTAI's practice study of an area for improvement.
func WeaknessHeadings() []string {
	return []string{
		`(key )?(weaknesses|areas of weakness|areas for (development|improvement)|what is not working well|what needs (to improve|improving))\b`,
		`what does the (local )?area( partnership)? need to do better\b`,
		`(practice|case) study: areas? (for|of) (improvement|priority action)\b`,
	}
}

// ContextSections are the headings (whole lines) of the sections of an
// Ofsted report or letter that describe the area, the inspection or what
// happens next rather than practice: a single inspection framework
// report's facts about the area, a JTAI's context and next steps, an
// area SEND report's outcome and facts about the partnership. Their
// sentences are never strengths or weaknesses (a theme they name is still
// a mention).
func ContextSections() []string {
	return []string{
		`previous ofsted inspections`, `local leadership`, `children living in this area`,
		`child protection in this area`, `children looked after in this area`, `other information about this area`,
		`information about the local area( partnership)?`, `context`, `next steps`, `inspection outcome`,
	}
}

// BackMatter is the sentence that opens the matter printed after an
// Ofsted report's body (its back cover: who Ofsted is, how to get the
// report in other formats, the licence): nothing after it is a finding.
func BackMatter() string {
	return `^the office for standards in education, children['’]s services and skills \(ofsted\) regulates and inspects`
}

// OutsideDomainHeadings are the heading starts that leave the judgement
// sections: what follows them is about no one domain.
func OutsideDomainHeadings() []string {
	return []string{
		`overall effectiveness`, `judgement`, `grade`, `executive summary`, `summary for children.*`,
		`summary of (findings|judgements)`, `what needs to improve.*`, `strengths`, `areas for improvement`,
		`main findings`, `next steps`, `introduction`, `context`, `the local authority`, `information about .*`,
	}
}
