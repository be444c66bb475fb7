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
			Any: []string{`front door`, `(?-i:MASH|SPA|MACH|iCART|ICART|IFD)`, `multi-agency safeguarding hub`, `single point of access`, `integrated front door`, `contacts? and referrals?`, `(incoming|initial|new) contacts`, `responses? to contacts`, `contacts? (to|into) (the )?(local authority|council|trust|children['’]s services|service|front door)`,
				// the front door under its local names: a contact, duty or
				// advice service that takes referrals
				`(contact|referral|first response|first contact|triage|duty)( (and|&) (advice|contact|referral|duty|assessment|triage|support))? (service|team|hub|point)`, `(advice|support) (and|&) (duty|referral|contact) (service|team|hub)`}, Not: []string{`(camhs|mental health|health|emotional (health|well-?being)) single point of access`, `single point of access (for|to|into) (camhs|mental health|health|emotional)`}},
		{Name: "thresholds", Covers: "thresholds for help and intervention",
			Any: []string{`thresholds?`}},
		{Name: "assessments", Covers: "assessments of children's needs (not health assessments)",
			Any: []string{`assessments?`}, Not: []string{`risk assessment conference`, `health assessments?`, `assessment of need`}},
		{Name: "plans_reviews", Covers: "plans and their review: care, child protection, child in need and pathway plans, conferences",
			Any: []string{`(care|child protection|child in need|pathway|children's|children’s|their) plans?`, `planning`, `reviews? of (their |children['’]s )?plans?`, `looked after reviews?`, `child protection conferences?`,
				// plans in other words, and those who review them
				`plans for (children|young people|each child)`, `independent reviewing officers?`, `(?-i:IROs?)`}},
		{Name: "supervision", Covers: "staff supervision and management oversight (not supervision orders)",
			Any: []string{`supervision`, `management oversight`, `managerial oversight`, `managers['’]? oversight`, `oversight (by|from|of) (team |their |frontline |practice )?managers`}, Not: []string{`supervision orders?`, `supervising social workers?`}},
		{Name: "caseloads", Covers: "caseloads, workloads and workforce stability",
			Any: []string{`caseloads?`, `workloads?`, `workforce (stability|instability)`, `recruitment and retention`, `agency (staff|social workers?)`, `turnover`,
				// in other words: posts empty, staff leaving, changes of
				// worker, agency workers, how many children each worker has
				`vacanc(y|ies)`, `vacant posts?`, `staffing (levels|shortages|capacity|instability|stability|pressures)`, `(workforce|staffing) (pressures|challenges|capacity)`,
				`(stable|unstable|settled|permanent) (\S+ )?(workforce|staffing|staff group)`, `workforce (is|has become|remains) (\S+ )?(stable|unstable)`,
				`recruit(ment|ing)? and retain(ing)?`, `retention of (staff|social workers|practitioners|managers)`, `(staff|social worker|workforce) retention`, `retain(ing)? (staff|social workers|practitioners|its workforce|experienced)`,
				`(social workers|staff|practitioners|managers) (have been|has been|were|are being|had been) recruited`,
				`agency (workers|practitioners|managers)`, `employed (through|by|via) (an? )?agenc(y|ies)`, `through agencies`, `locum`,
				`(staff|social workers|practitioners|workers|managers) (leave|leaving|left|moving on)`, `leave (the|those|their) teams?`,
				`changes? (of|in) (their |a )?social workers?`, `(had|have had|has had|experienced?) (\S+ ){0,2}(several|many|multiple|numerous|frequent|a number of|\d+|two|three|four|five|six|seven|eight|nine|ten) (different )?social workers`,
				`responsible for (an average of |around |about |up to |over |more than )?\d+ children`, `average (caseload|of \d+ children)`, `children (each|per (social )?worker)`, `numbers? of children (per|for each) (social )?worker`},
			Not: []string{`vacanc(y|ies) (in|at|for) (\S+ ){0,2}(children['’]s homes?|homes|foster|placements?|beds?|residential)`, `(placement|bed|foster(ing)?|home) vacanc(y|ies)`}},
		{Name: "private_fostering", Covers: "private fostering",
			Any: []string{`private(ly)? fostere?d?(ing)?`, `private fostering`}},
		{Name: "kinship", Covers: "kinship care, connected carers, special guardianship",
			Any: []string{`kinship`, `connected carers?`, `special guardian(ship)?`, `family and friends carers?`}},
		{Name: "plo", Covers: "the Public Law Outline, pre-proceedings and care proceedings",
			Any: []string{`(?-i:PLO)`, `public law outline`, `pre-proceedings`, `letters? before (proceedings|action)`, `care proceedings`}},
		{Name: "exploitation_missing", Covers: "exploitation, county lines, extra-familial harm, children who go missing",
			Any: []string{`exploitation`, `exploited`, `(?-i:CSE|CCE)`, `county lines`, `extra-familial harm`, `go(es|ing)? missing`, `missing from (home|care)`, `went missing`, `run(s|ning)? away`, `ran away`, `missing episodes?`, `episodes? of (going )?missing`}},
		{Name: "return_home_interviews", Covers: "return home interviews after a missing episode",
			Any: []string{`return(-| )home (interviews?|conversations?)`, `return (interviews?|conversations?)`, `(?-i:RHIs?)`,
				// a talk offered after a child comes back
				`(conversations?|interviews?|talks?|discussions?|chats?) with (\S+ ){1,4}(when|after|once|on) (they|their|children|young people|the child) (come back|came back|return(ed)? (home|to (care|their (foster )?homes?))|are found|were found)`,
				`(interviews?|conversations?|discussions?) (after|following) (a |each |every |their |an )?(missing episodes?|episodes? of (going )?missing|being missing|going missing|running away)`,
				`missing [^.]{0,120}(within \S+ (days|hours) of|after|on) (their )?(coming|returning|return|getting) (home|back)`}},
		{Name: "missing_education", Covers: "children missing education and elective home education",
			Any: []string{`missing (from )?education`, `elective home education`, `electively home educated`, `children missing education`}},
		{Name: "care_leavers", Covers: "care leavers, staying put, pathway plans, personal advisers",
			Any: []string{`care leavers?`, `care[- ]experienced`, `staying put`, `pathway plans?`, `leaving care`, `personal advisers?`, `(?-i:PAs?)`, `after[- ]care (team|service)`, `young adults who (were|have been) (in care|looked after)`}},
		{Name: "homeless_16_17", Covers: "16- and 17-year-olds who present as homeless",
			Any: []string{`(16|sixteen)-? ?(and|or|to) ?17(-| )?years?(-| )olds?`, `aged 16 (or|and|to) 17`, `young (people|person)( \S+){0,5} homeless(ness)?`, `homeless (young people|16|teenagers|children|adolescents)`, `(present(s|ed|ing)?|presentation) as homeless`, `homeless young`}},
		{Name: "sufficiency", Covers: "sufficiency of placements (not placement stability)",
			Any: []string{`sufficiency`, `placement (choice|availability|shortages?)`, `unregistered`, `unregulated`}},
		{Name: "disabled_children", Covers: "disabled children and children with SEND",
			Any: []string{`disabled children`, `children with (a )?disabilit(y|ies)`, `children with disabilities`, `(?-i:SEND)`, `special educational needs`}},
		{Name: "lado", Covers: "the designated officer (LADO) and allegations against adults who work with children",
			Any: []string{`(?-i:LADO)`, `designated officer`, `allegations( made)? against (professionals|staff|adults|people|those)`, `allegations management`, `managing allegations`}},
		{Name: "early_help", Covers: "early help and family help",
			Any: []string{`early help`, `family help`}},
		{Name: "corporate_parenting", Covers: "corporate parenting",
			Any: []string{`corporate parent(ing|s)?`}},
		{Name: "quality_assurance", Covers: "quality assurance, audits, performance information",
			Any: []string{`quality assurance`, `audit(s|ed|ing|ors?)?`, `performance (management|information|data)`}},
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
