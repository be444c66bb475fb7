package extract

// Type is what kind of document a file (or a part of a file) is.
// The values are the project's shared vocabulary: they appear unchanged in
// JSON, CSV, command-line flags and the index.
type Type string

// Document types.
const (
	TypeILACS      Type = "ilacs_inspection" // ILACS inspection report, 2018 on
	TypeSIF        Type = "sif_inspection"   // single inspection framework report, 2013-2018
	TypeFocused    Type = "focused_visit"    // ILACS focused-visit letter
	TypeMonitoring Type = "monitoring_visit" // monitoring-visit letter
	TypeJTAI       Type = "jtai"             // joint targeted area inspection letter
	TypeSEND       Type = "send_inspection"  // area SEND inspection report
	TypeCommittee  Type = "committee_paper"  // council committee paper or pack
	TypeNews       Type = "news_article"     // local news article
	TypeOther      Type = "other"            // anything else
	TypeUnknown    Type = ""                 // not decided yet
)

// Types lists every document type in a stable order (for flag help and
// validation). Each call returns a new slice, so no caller can change
// another's vocabulary.
func Types() []Type {
	return []Type{TypeILACS, TypeSIF, TypeFocused, TypeMonitoring, TypeJTAI, TypeSEND, TypeCommittee, TypeNews, TypeOther}
}

// What is true of each type of document, in one table (facts), so that
// no package keeps its own list of, say, which types are Ofsted's: a new
// type is a row here.
type typeFact uint8

const (
	factOfsted     typeFact = 1 << iota // an Ofsted report or letter
	factGraded                          // carries judgements of its own (a grade table)
	factRestates                        // restates an inspection reported elsewhere (a copied table, prose grades)
	factEvaluative                      // its body sentences are read as strengths and weaknesses
)

// facts is the table of what is true of each type.
func (t Type) facts() typeFact {
	switch t {
	case TypeILACS, TypeSIF:
		return factOfsted | factGraded | factEvaluative
	case TypeFocused, TypeMonitoring, TypeJTAI, TypeSEND:
		return factOfsted | factEvaluative
	case TypeCommittee:
		return factRestates | factEvaluative
	case TypeNews:
		return factRestates
	}
	return 0 // TypeOther, TypeUnknown
}

// Ofsted reports whether t is a type of Ofsted report or letter: one that
// can be embedded in a committee pack and have copies elsewhere.
func (t Type) Ofsted() bool { return t.facts()&factOfsted != 0 }

// Graded reports whether documents of type t carry judgements of their
// own, in a grade table near their start.
func (t Type) Graded() bool { return t.facts()&factGraded != 0 }

// Restates reports whether documents of type t restate an inspection
// reported elsewhere (a committee paper, a news article): a copy of its
// grade table may sit anywhere in them, and prose reports its grades.
func (t Type) Restates() bool { return t.facts()&factRestates != 0 }

// Evaluative reports whether the body sentences of documents of type t
// are read as strengths and weaknesses.
func (t Type) Evaluative() bool { return t.facts()&factEvaluative != 0 }

// Kind is what a finding says: a graded judgement, something that must
// improve, a strength or weakness found in the text, or a sentence that
// only names a practice theme (a mention), so that a search by theme
// finds every sentence about it, judged or not.
type Kind string

// Finding kinds.
const (
	KindJudgement      Kind = "judgement"
	KindRecommendation Kind = "recommendation" // what needs to improve, areas for improvement, recommendations
	KindPriorityAction Kind = "priority_action"
	KindStrength       Kind = "strength"
	KindWeakness       Kind = "weakness"
	KindFocus          Kind = "focus"    // an area a visit looked at
	KindHeadline       Kind = "headline" // a sentence of a letter's "Headline findings"
	KindProgress       Kind = "progress" // what a council reports it has done about an area for improvement
	KindMention        Kind = "mention"  // a body sentence that names a practice theme without judging it
)

// Kinds lists every finding kind in a stable order, in a new slice.
func Kinds() []Kind {
	return []Kind{KindJudgement, KindRecommendation, KindPriorityAction, KindStrength, KindWeakness, KindFocus, KindHeadline, KindProgress, KindMention}
}

// Domain is the part of children's services a judgement grades.
type Domain string

// Judgement domains. ILACS before 2023 graded children in care and care
// leavers together (in_care); from 2023 care leavers have their own grade.
// SIF reports also grade adoption and the LSCB.
const (
	DomainOverall    Domain = "overall_effectiveness"
	DomainLeaders    Domain = "leaders"
	DomainHelp       Domain = "help_and_protection"
	DomainInCare     Domain = "in_care"
	DomainCareLeaver Domain = "care_leavers"
	DomainAdoption   Domain = "adoption"
	DomainLSCB       Domain = "lscb"
)

// Domains lists every judgement domain in a stable order, in a new slice.
func Domains() []Domain {
	return []Domain{DomainOverall, DomainLeaders, DomainHelp, DomainInCare, DomainCareLeaver, DomainAdoption, DomainLSCB}
}

// Grade is Ofsted's four-point scale.
type Grade string

// Grades.
const (
	GradeOutstanding Grade = "outstanding"
	GradeGood        Grade = "good"
	GradeRI          Grade = "requires_improvement"
	GradeInadequate  Grade = "inadequate"
)

// Grades lists every grade from best to worst, in a new slice.
func Grades() []Grade {
	return []Grade{GradeOutstanding, GradeGood, GradeRI, GradeInadequate}
}

// Authority is an English local authority with children's services,
// identified by its current ONS code. Unknown authorities have empty fields.
type Authority struct {
	Name string `json:"name"`
	Code string `json:"code"`
}

// Finding is one thing a document says: a judgement, an item that must
// improve, a strength or a weakness. Text is the sentence or list item it
// came from, Page the 1-based page of the source file where it starts, and
// Rule the stable name of the rule that produced it, so that a change in
// output can be traced to a change in a rule.
type Finding struct {
	Kind   Kind     `json:"kind"`
	Domain Domain   `json:"domain"`
	Grade  Grade    `json:"grade"`
	Text   string   `json:"text"`
	Page   int      `json:"page"`
	Rule   string   `json:"rule"`
	Themes []string `json:"themes"`
}

// Document is one document found in a file. A file is at least one
// document (the file as a whole); a committee pack also yields each Ofsted
// report or letter embedded in it, with its own page range.
//
// Dates are ISO 8601 (YYYY-MM-DD) strings, empty when unknown: an unknown
// value is never guessed.
type Document struct {
	Type          Type      `json:"type"`
	Title         string    `json:"title"`
	Authority     Authority `json:"authority"`
	Published     string    `json:"published"`
	VisitStart    string    `json:"visit_start"`
	VisitEnd      string    `json:"visit_end"`
	LeadInspector string    `json:"lead_inspector"`
	Inspectors    []string  `json:"inspectors,omitempty"`
	VisitNumber   int       `json:"visit_number,omitempty"` // monitoring visits: the Nth since the inadequate judgement
	Committee     string    `json:"committee,omitempty"`    // committee papers
	Outlet        string    `json:"outlet,omitempty"`       // news articles
	PageStart     int       `json:"page_start"`
	PageEnd       int       `json:"page_end"`
	Findings      []Finding `json:"findings"`
	// TypeReason says which evidence decided Type (e.g. "title: Inspection
	// of X local authority children's services; grade table"), so that a
	// wrong type can be explained.
	TypeReason string `json:"type_reason,omitempty"`
	// PublishedFrom says where Published came from: one of the
	// PublishedFrom* values.
	PublishedFrom string `json:"published_from,omitempty"`
	// Warnings are things extraction saw but did not understand (a line
	// that looks like a grade table row naming no known domain, say):
	// reported, never silently dropped.
	Warnings []string `json:"warnings,omitempty"`
	SameAs   string   `json:"same_as,omitempty"` // the document ID of another copy of this inspection (set by the index)
}

// Where a document's publication date came from, most trusted first.
const (
	PublishedFromText     = "text"      // a date the document states: a letter's date, "Published ...", a dated footer
	PublishedFromMetadata = "metadata"  // a web page's article:published_time or <time>
	PublishedFromFileName = "file_name" // a full date in the file's name
	PublishedFromCreated  = "created"   // the file's own creation date (PDF /CreationDate); for Ofsted's documents the working day after it
)

// Source is the text of one input file as the readers see it: one string per
// page (a PDF page; HTML and plain text are a single page), with page breaks
// rendered as form feeds when printed.
type Source struct {
	Path   string // as given by the caller
	Format string // "pdf", "html" or "text"
	Title  string // from document metadata (HTML <title>, og:title), may be empty
	Date   string // from document metadata (article:published_time), YYYY-MM-DD, may be empty
	Site   string // from document metadata (og:site_name), may be empty
	// Created is the file's own creation date (a PDF's /CreationDate),
	// YYYY-MM-DD, may be empty: the last resort for a publication date.
	Created string
	Pages   []string // page texts, lines separated by '\n'
}
