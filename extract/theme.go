package extract

// Themes are the practice areas a finding is about, named in a fixed
// vocabulary so that findings can be filtered across documents. Each theme
// is a row of data: words that name it (local names and abbreviations
// included) and near-misses that look like it but are not (a "supervision
// order" is not staff supervision). A theme matches when one of its
// patterns occurs in the text once its near-misses are blanked out.

import (
	"fmt"
	"strings"
	"sync"

	"github.com/ofsted/ofsted/extract/text"
)

// themeRule is one theme of the taxonomy.
type themeRule struct {
	Name string
	Any  []string // patterns (case-insensitive, word-bounded regexps); one must match
	Not  []string // near-misses removed before matching
}

// themeRules is the taxonomy, in the order themes are reported.
var themeRules = []themeRule{
	{Name: "strategy_discussions", Any: []string{`strategy (discussions?|meetings?)`, `section 47`, `s\.?47`, `child protection enquir(y|ies)`}},
	{Name: "front_door", Any: []string{`front door`, `(?-i:MASH|SPA|MACH|iCART|ICART|IFD)`, `multi-agency safeguarding hub`, `single point of access`, `integrated front door`, `contacts? and referrals?`, `(incoming|initial|new) contacts`, `responses? to contacts`, `contacts? (to|into) (the )?(local authority|council|trust|children['’]s services|service|front door)`}, Not: []string{`(camhs|mental health|health|emotional (health|well-?being)) single point of access`, `single point of access (for|to|into) (camhs|mental health|health|emotional)`}},
	{Name: "thresholds", Any: []string{`thresholds?`}},
	{Name: "assessments", Any: []string{`assessments?`}, Not: []string{`risk assessment conference`, `health assessments?`, `assessment of need`}},
	{Name: "plans_reviews", Any: []string{`(care|child protection|child in need|pathway|children's|children’s|their) plans?`, `planning`, `reviews? of (their |children['’]s )?plans?`, `looked after reviews?`, `child protection conferences?`}},
	{Name: "supervision", Any: []string{`supervision`, `management oversight`, `managerial oversight`}, Not: []string{`supervision orders?`, `supervising social workers?`}},
	{Name: "caseloads", Any: []string{`caseloads?`, `workloads?`, `workforce (stability|instability)`, `recruitment and retention`, `agency (staff|social workers?)`, `turnover`}},
	{Name: "private_fostering", Any: []string{`private(ly)? fostere?d?(ing)?`, `private fostering`}},
	{Name: "kinship", Any: []string{`kinship`, `connected carers?`, `special guardian(ship)?`, `family and friends carers?`}},
	{Name: "plo", Any: []string{`(?-i:PLO)`, `public law outline`, `pre-proceedings`, `letters? before (proceedings|action)`, `care proceedings`}},
	{Name: "exploitation_missing", Any: []string{`exploitation`, `exploited`, `county lines`, `extra-familial harm`, `go(es|ing)? missing`, `missing from (home|care)`, `went missing`}},
	{Name: "return_home_interviews", Any: []string{`return(-| )home (interviews?|conversations?)`, `return interviews?`, `(?-i:RHIs?)`}},
	{Name: "missing_education", Any: []string{`missing (from )?education`, `elective home education`, `electively home educated`, `children missing education`}},
	{Name: "care_leavers", Any: []string{`care leavers?`, `care-experienced`, `staying put`, `pathway plans?`, `leaving care`, `personal advisers?`}},
	{Name: "homeless_16_17", Any: []string{`(16|sixteen)-? ?(and|or|to) ?17(-| )?years?(-| )olds?`, `aged 16 (or|and|to) 17`, `young (people|person)( \S+){0,5} homeless(ness)?`, `homeless (young people|16|teenagers|children|adolescents)`, `(present(s|ed|ing)?|presentation) as homeless`, `homeless young`}},
	{Name: "sufficiency", Any: []string{`sufficiency`, `placement (choice|availability|shortages?)`, `unregistered`, `unregulated`}},
	{Name: "disabled_children", Any: []string{`disabled children`, `children with (a )?disabilit(y|ies)`, `children with disabilities`, `(?-i:SEND)`}},
	{Name: "lado", Any: []string{`(?-i:LADO)`, `designated officer`, `allegations( made)? against (professionals|staff|adults|people|those)`, `allegations management`, `managing allegations`}},
	{Name: "early_help", Any: []string{`early help`, `family help`}},
	{Name: "corporate_parenting", Any: []string{`corporate parent(ing|s)?`}},
	{Name: "quality_assurance", Any: []string{`quality assurance`, `audits?`, `performance (management|information|data)`}},
}

// themeMatcher holds the compiled taxonomy.
type themeMatcher struct {
	names []string
	any   []text.Pattern
	not   []text.Pattern // zero pattern (nil Re): no near-misses
	// anyWords and notWords find the themes whose patterns (near-misses)
	// match a text in one pass; theme i is bit i.
	anyWords, notWords *text.WordTable
}

func compileWords(pats []string) text.Pattern {
	if len(pats) == 0 {
		return text.Pattern{}
	}
	return text.MustPattern(`(?i)(?:^|[^\pL\pN])(?:` + strings.Join(pats, "|") + `)(?:$|[^\pL\pN])`)
}

func newThemeMatcher(rules []themeRule) themeMatcher {
	var m themeMatcher
	var any, not []string
	for _, r := range rules {
		m.names = append(m.names, r.Name)
		m.any = append(m.any, compileWords(r.Any))
		m.not = append(m.not, compileWords(r.Not))
		any = append(any, strings.Join(r.Any, "|"))
		not = append(not, strings.Join(r.Not, "|"))
	}
	m.anyWords, m.notWords = text.NewWordTable("(?i)", any), text.NewWordTable("(?i)", not)
	return m
}

// themes returns the themes s names, in taxonomy order, or nil.
func (m themeMatcher) themes(s string) []string {
	// The prefilter of a theme's pattern is checked on the original text
	// even when near-misses have been blanked; while the text is unchanged
	// a match implies it, so the fold is made only when needed.
	var out []string
	hit := m.anyWords.Match(s)
	if hit == 0 {
		return nil
	}
	near := m.notWords.Match(s)
	f := ""
	for i, p := range m.any {
		if hit&(1<<i) == 0 {
			continue
		}
		if near&(1<<i) == 0 {
			out = append(out, m.names[i])
			continue
		}
		t := m.not[i].Re.ReplaceAllString(s, " ")
		if f == "" {
			f = text.Fold(s)
		}
		if p.May(f) && p.Re.MatchString(t) {
			out = append(out, m.names[i])
		}
	}
	return out
}

// KnownTheme reports whether name is a theme of the taxonomy.
func KnownTheme(name string) bool {
	for _, r := range themeRules {
		if r.Name == name {
			return true
		}
	}
	return false
}

// ThemeNames lists the themes of the taxonomy in order.
func ThemeNames() []string {
	out := make([]string, len(themeRules))
	for i, r := range themeRules {
		out[i] = r.Name
	}
	return out
}

// themeDescriptions say in words what each theme covers, for docs/themes.md.
var themeDescriptions = map[string]string{
	"strategy_discussions":   "strategy discussions and meetings, section 47 / child protection enquiries",
	"front_door":             "the front door: MASH, single points of access and contact and referral handling",
	"thresholds":             "thresholds for help and intervention",
	"assessments":            "assessments of children's needs (not health assessments)",
	"plans_reviews":          "plans and their review: care, child protection, child in need and pathway plans, conferences",
	"supervision":            "staff supervision and management oversight (not supervision orders)",
	"caseloads":              "caseloads, workloads and workforce stability",
	"private_fostering":      "private fostering",
	"kinship":                "kinship care, connected carers, special guardianship",
	"plo":                    "the Public Law Outline, pre-proceedings and care proceedings",
	"exploitation_missing":   "exploitation, county lines, extra-familial harm, children who go missing",
	"return_home_interviews": "return home interviews after a missing episode",
	"missing_education":      "children missing education and elective home education",
	"care_leavers":           "care leavers, staying put, pathway plans, personal advisers",
	"homeless_16_17":         "16- and 17-year-olds who present as homeless",
	"sufficiency":            "sufficiency of placements (not placement stability)",
	"disabled_children":      "disabled children and children with SEND",
	"lado":                   "the designated officer (LADO) and allegations against adults who work with children",
	"early_help":             "early help and family help",
	"corporate_parenting":    "corporate parenting",
	"quality_assurance":      "quality assurance, audits, performance information",
}

// themeMarkdown renders the taxonomy as the markdown table of
// docs/themes.md (kept in step by TestThemesDoc).
func themeMarkdown() string {
	var b strings.Builder
	b.WriteString("# Practice themes\n\n")
	b.WriteString("Generated from `extract/theme.go` (`go test ./extract -run TestThemesDoc -update`); do not edit by hand.\n\n")
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
	for _, r := range themeRules {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.Name, themeDescriptions[r.Name], esc(r.Any), esc(r.Not))
	}
	return b.String()
}

// themeTable returns the compiled taxonomy (read-only), built on first use.
var themeTable = sync.OnceValue(func() themeMatcher { return newThemeMatcher(themeRules) })
