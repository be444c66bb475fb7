package framework

// Themes are the practice areas a finding is about, named in a fixed
// vocabulary so that findings can be filtered across documents. Each theme
// is a row of data: words that name it (local names and abbreviations
// included) and near-misses that look like it but are not (a "supervision
// order" is not staff supervision). A theme matches when one of its
// patterns occurs in the text once its near-misses are blanked out.

import (
	"fmt"
	"strings"
)

// Theme is one theme of the taxonomy.
type Theme struct {
	Name   string
	Covers string   // what the theme covers, in words (docs/themes.md)
	Any    []string // patterns (case-insensitive, word-bounded regexps); one must match
	Not    []string // near-misses removed before matching
}

// Themes returns the taxonomy, in the order themes are reported.
func Themes() []Theme {
	return []Theme{
		{Name: "strategy_discussions", Covers: "strategy discussions and meetings, section 47 / child protection enquiries",
			Any: []string{`strategy (discussions?|meetings?)`, `section 47`, `s\.?47`, `child protection enquir(y|ies)`}},
		{Name: "front_door", Covers: "the front door: MASH, single points of access and contact and referral handling",
			Any: []string{`front door`, `(?-i:MASH|SPA|MACH|iCART|ICART|IFD)`, `multi-agency safeguarding hub`, `single point of access`, `integrated front door`, `contacts? and referrals?`, `(incoming|initial|new) contacts`, `responses? to contacts`, `contacts? (to|into) (the )?(local authority|council|trust|children['’]s services|service|front door)`}, Not: []string{`(camhs|mental health|health|emotional (health|well-?being)) single point of access`, `single point of access (for|to|into) (camhs|mental health|health|emotional)`}},
		{Name: "thresholds", Covers: "thresholds for help and intervention",
			Any: []string{`thresholds?`}},
		{Name: "assessments", Covers: "assessments of children's needs (not health assessments)",
			Any: []string{`assessments?`}, Not: []string{`risk assessment conference`, `health assessments?`, `assessment of need`}},
		{Name: "plans_reviews", Covers: "plans and their review: care, child protection, child in need and pathway plans, conferences",
			Any: []string{`(care|child protection|child in need|pathway|children's|children’s|their) plans?`, `planning`, `reviews? of (their |children['’]s )?plans?`, `looked after reviews?`, `child protection conferences?`}},
		{Name: "supervision", Covers: "staff supervision and management oversight (not supervision orders)",
			Any: []string{`supervision`, `management oversight`, `managerial oversight`}, Not: []string{`supervision orders?`, `supervising social workers?`}},
		{Name: "caseloads", Covers: "caseloads, workloads and workforce stability",
			Any: []string{`caseloads?`, `workloads?`, `workforce (stability|instability)`, `recruitment and retention`, `agency (staff|social workers?)`, `turnover`}},
		{Name: "private_fostering", Covers: "private fostering",
			Any: []string{`private(ly)? fostere?d?(ing)?`, `private fostering`}},
		{Name: "kinship", Covers: "kinship care, connected carers, special guardianship",
			Any: []string{`kinship`, `connected carers?`, `special guardian(ship)?`, `family and friends carers?`}},
		{Name: "plo", Covers: "the Public Law Outline, pre-proceedings and care proceedings",
			Any: []string{`(?-i:PLO)`, `public law outline`, `pre-proceedings`, `letters? before (proceedings|action)`, `care proceedings`}},
		{Name: "exploitation_missing", Covers: "exploitation, county lines, extra-familial harm, children who go missing",
			Any: []string{`exploitation`, `exploited`, `county lines`, `extra-familial harm`, `go(es|ing)? missing`, `missing from (home|care)`, `went missing`}},
		{Name: "return_home_interviews", Covers: "return home interviews after a missing episode",
			Any: []string{`return(-| )home (interviews?|conversations?)`, `return interviews?`, `(?-i:RHIs?)`}},
		{Name: "missing_education", Covers: "children missing education and elective home education",
			Any: []string{`missing (from )?education`, `elective home education`, `electively home educated`, `children missing education`}},
		{Name: "care_leavers", Covers: "care leavers, staying put, pathway plans, personal advisers",
			Any: []string{`care leavers?`, `care-experienced`, `staying put`, `pathway plans?`, `leaving care`, `personal advisers?`}},
		{Name: "homeless_16_17", Covers: "16- and 17-year-olds who present as homeless",
			Any: []string{`(16|sixteen)-? ?(and|or|to) ?17(-| )?years?(-| )olds?`, `aged 16 (or|and|to) 17`, `young (people|person)( \S+){0,5} homeless(ness)?`, `homeless (young people|16|teenagers|children|adolescents)`, `(present(s|ed|ing)?|presentation) as homeless`, `homeless young`}},
		{Name: "sufficiency", Covers: "sufficiency of placements (not placement stability)",
			Any: []string{`sufficiency`, `placement (choice|availability|shortages?)`, `unregistered`, `unregulated`}},
		{Name: "disabled_children", Covers: "disabled children and children with SEND",
			Any: []string{`disabled children`, `children with (a )?disabilit(y|ies)`, `children with disabilities`, `(?-i:SEND)`}},
		{Name: "lado", Covers: "the designated officer (LADO) and allegations against adults who work with children",
			Any: []string{`(?-i:LADO)`, `designated officer`, `allegations( made)? against (professionals|staff|adults|people|those)`, `allegations management`, `managing allegations`}},
		{Name: "early_help", Covers: "early help and family help",
			Any: []string{`early help`, `family help`}},
		{Name: "corporate_parenting", Covers: "corporate parenting",
			Any: []string{`corporate parent(ing|s)?`}},
		{Name: "quality_assurance", Covers: "quality assurance, audits, performance information",
			Any: []string{`quality assurance`, `audits?`, `performance (management|information|data)`}},
	}
}

// KnownTheme reports whether name is a theme of the taxonomy.
func KnownTheme(name string) bool {
	for _, r := range Themes() {
		if r.Name == name {
			return true
		}
	}
	return false
}

// ThemeNames lists the themes of the taxonomy in order.
func ThemeNames() []string {
	var out []string
	for _, r := range Themes() {
		out = append(out, r.Name)
	}
	return out
}

// ThemeMarkdown renders the taxonomy as the markdown table of
// docs/themes.md (kept in step by TestThemesDoc).
func ThemeMarkdown() string {
	var b strings.Builder
	b.WriteString("# Practice themes\n\n")
	b.WriteString("Generated from `extract/framework/themes.go` (`go test ./extract/framework -run TestThemesDoc -update`); do not edit by hand.\n\n")
	b.WriteString("Every finding except judgements is tagged with the themes whose phrases occur in its text. ")
	b.WriteString("Phrases are case-insensitive regular expressions matched on word boundaries ")
	b.WriteString("(`(?-i:...)` marks an abbreviation matched in capitals only); near-misses are blanked out ")
	b.WriteString("before matching, so a sentence that only names a near-miss gets no theme.\n\n")
	b.WriteString("| id | covers | phrases | near-misses (not this theme) |\n|---|---|---|---|\n")
	esc := func(ps []string) string {
		var q []string
		for _, p := range ps {
			q = append(q, "`"+strings.ReplaceAll(p, "|", "\\|")+"`")
		}
		return strings.Join(q, ", ")
	}
	for _, r := range Themes() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.Name, r.Covers, esc(r.Any), esc(r.Not))
	}
	return b.String()
}
