package find

// The domains a rating in prose grades, read from the words around it
// (prose.go, reported.go):
//
//   - after it: "overall", "for leadership, help and protection and
//     children in care", "for its work with care leavers", "in all five
//     areas", "across the board", "in all areas except care leavers";
//   - else its subject or object: "The impact of leaders and the
//     experiences and progress of care leavers had all been judged
//     outstanding", "judged the overall effectiveness of services to be
//     good", "care leavers, which requires improvement" (a relative
//     clause's antecedent), "rated that area as ..." (the area named
//     last);
//   - else, when the subject is the service, the council or the place, the
//     overall judgement.
//
// A subject that is another institution (a school, a children's home),
// another council ("Neighbouring Islington's children's services") or
// councils in general ("one in ten councils") is not this authority's.

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"
	"github.com/ofsted/ofsted/extract/text"
)

// scope is what the words after a rating say it grades.
type scope struct {
	domains []extract.Domain
	all     bool // every area ("in all five areas", "across the board")
	others  bool // every area not yet named ("good in every other area")
	partial bool // some areas, not said which ("in three of the four areas")
	count   int  // the areas counted ("all five"), 0 when not
	except  []extract.Domain
	also    []extract.Domain // "..., as were the experiences of children in care"
	end     int              // where the scope's words end
}

var (
	// Words between a preposition and a domain's name: "for its work
	// with care leavers", "for the impact of its leaders", "in the way it
	// supports care leavers"; the short form leaves the verb to the name
	// ("in the way it helps and protects children").
	reScopeFiller      = text.Lazy(`(?i)^(?:(?:the|its|their|a|an|his|her)\s+)?(?:(?:work|support|services?|provision|help|practice|response|arrangements)\s+(?:with|for|to)\s+|(?:way|how) (?:it|they|the council) (?:supports?|helps?|works with|cares for|looks after|responds to)\s+|experiences(?: and progress)? of\s+)?(?:(?:the|its|their)\s+)?`)
	reScopeFillerShort = text.Lazy(`(?i)^(?:of\s+)?(?:(?:the|its|their)\s+)?(?:experiences(?: and progress)? of\s+)?(?:(?:way|how) (?:it|they|the council)\s+)?`)
	// A comparison that gives the grade to more domains: ", as were the
	// experiences and progress of children in care", "and so was".
	reAsWere = text.Lazy(`(?i)^['’"”]?\s*,?\s*(?:(?:as|and so) (?:were|was|are|is|did|had|have|has)(?: (?:also|both|all))?|along with|together with|as well as|alongside|like)\s+`)
	// Some of the areas, not said which: "in three of the four areas",
	// "in most areas".
	rePartialAreas = text.Lazy(`(?i)^(?:in|across|for|on)\s+(?:most|some|many|several|a few|a number|two|three|four|five|\w+ of (?:the|its)(?: \w+)?)\s+(?:of (?:the|its) )?(?:areas?|judgements?|judgments?|categories|domains|aspects)\b`)
	// Every area not yet named: "good in every other area".
	reOtherAreas = text.Lazy(`(?i)^(?:in|across|for|on)\s+(?:every|all|each)(?: of)?(?: the| its)? other (?:\w+ )?(?:areas?|judgements?|judgments?|categories|domains|aspects)\b`)
	// The areas all at once: "in all five areas", "across the board",
	// "in every area", "across all four judgements", "on all counts".
	reAllAreas = text.Lazy(`(?i)^(?:in|across|for|on|at)\s+(?:(?:all|each|every one)\s+(?:of\s+)?(?:the\s+|its\s+)?(?:(\w+)\s+)?(?:areas?|judgements?|judgments?|categories|domains|counts|aspects|key areas|service areas|areas? (?:of|it) (?:inspected|judged|its work))|every (?:single )?(?:area|judgement|judgment|category|domain|aspect)|the board)(?:\s+(?:inspected|judged|assessed|looked at))?`)
	// The areas a count excepts: "except care leavers", "apart from".
	reExcept = text.Lazy(`(?i)^,?\s*(?:except(?: for)?|apart from|other than|bar|save for|but|with the exception of)\s+`)
	// What joins the items of a list of domains.
	reScopeJoin = text.Lazy(`(?i)^(?:\s*,\s*(?:and\s+|as well as\s+)?|\s+(?:and|&|as well as|plus)\s+|\s*;\s*)(?:also\s+|both\s+)?`)
	// The preposition that starts a scope.
	reScopePrep = text.Lazy(`(?i)^(?:also\s+|both\s+)?(?:for|in|to|across|on|with|at)\s+`)
	reOverall   = text.Lazy(`(?i)^overall\b`)
	// The subject in the words before a rating: "all four areas".
	reAllSubject = text.Lazy(`(?i)\b(?:all|each|every one) (?:of )?(?:the |its )?(?:(\w+) )?(?:areas|judgements|judgments|categories|domains|aspects)\b|\bevery (?:area|judgement|judgment|category)\b`)
)

// numberWord is a count written in words or digits ("five", "5"), or 0.
func numberWord(w string) int {
	switch strings.ToLower(w) {
	case "two":
		return 2
	case "three":
		return 3
	case "four":
		return 4
	case "five":
		return 5
	case "six":
		return 6
	case "seven":
		return 7
	}
	n, _ := strconv.Atoi(w)
	return n
}

// scopeAfter reads what the words after the rating c say it grades, up
// to hi (the next grade).
func scopeAfter(t string, c construction, hi int) scope {
	sc := scope{end: c.end}
	if c.form == "list" && c.listTo > 0 {
		// "Good: overall effectiveness; the impact of leaders; ...": the
		// list starts at the colon ("The news is good: inspectors found
		// that children in care ..." lists nothing).
		for _, l := range leadingLabels(strings.TrimLeft(t[c.end:c.listTo], " ")) {
			sc.domains = appendDomain(sc.domains, l.domain)
		}
		sc.end = c.listTo
		return sc
	}
	pos := c.end
	rest := func() string { return t[pos:hi] }
	skipQuote := func() {
		pos += len(rest()) - len(strings.TrimLeft(rest(), "'‘’\"“”"))
	}
	skipQuote()
	first := true
	for pos < hi {
		r := rest()
		if !first {
			j := reScopeJoin.FindStringIndex(r)
			if j == nil {
				break
			}
			r = r[j[1]:]
			if ex := reExcept.FindStringIndex(rest()); ex != nil && sc.all {
				r = rest()[ex[1]:]
				for _, l := range leadingLabels(r) {
					sc.except = appendDomain(sc.except, l.domain)
				}
				break
			}
			pos += j[1]
		} else {
			r = strings.TrimLeft(r, " ,")
			pos += len(rest()) - len(r)
		}
		first = false
		if m := reOverall.FindStringIndex(r); m != nil {
			sc.domains = appendDomain(sc.domains, extract.DomainOverall)
			pos += m[1]
			sc.end = pos
			continue
		}
		if m := rePartialAreas.FindStringIndex(r); m != nil {
			sc.partial = true
			break
		}
		if m := reOtherAreas.FindStringIndex(r); m != nil {
			sc.others = true
			pos += m[1]
			sc.end = pos
			continue
		}
		if m := reAllAreas.FindStringSubmatchIndex(r); m != nil {
			sc.all = true
			if m[2] >= 0 {
				sc.count = numberWord(r[m[2]:m[3]])
			}
			pos += m[1]
			sc.end = pos
			if ex := reExcept.FindStringIndex(rest()); ex != nil {
				for _, l := range leadingLabels(rest()[ex[1]:]) {
					sc.except = appendDomain(sc.except, l.domain)
				}
				break
			}
			continue
		}
		p := reScopePrep.FindStringIndex(r)
		if p != nil {
			r = r[p[1]:]
			pos += p[1]
		} else if len(sc.domains) == 0 {
			break // the first item needs its preposition
		}
		l, at, ok := labelAfterFiller(r)
		if !ok {
			break
		}
		sc.domains = appendDomain(sc.domains, l.domain)
		pos += at + l.end
		sc.end = pos
	}
	if m := reAsWere.FindStringIndex(t[sc.end:hi]); m != nil {
		for _, l := range leadingLabels(t[sc.end+m[1] : hi]) {
			sc.also = appendDomain(sc.also, l.domain)
		}
	}
	return sc
}

func appendDomain(ds []extract.Domain, d extract.Domain) []extract.Domain {
	for _, x := range ds {
		if x == d {
			return ds
		}
	}
	return append(ds, d)
}

// label is a domain's name found in prose, at [start, end).
type label struct {
	domain     extract.Domain
	start, end int
}

// labelsIn returns the domain names in s, in order, none overlapping
// another: of two that overlap ("care leavers" in "children in care
// leavers"), the longer, or else the first, is kept.
func labelsIn(s string) []label {
	var all []label
	for _, d := range vocabulary().proseDomains {
		for _, m := range d.re.FindAllStringIndex(s, -1) {
			all = append(all, label{d.domain, m[0], m[1]})
		}
	}
	for i := 1; i < len(all); i++ {
		for j := i; j > 0 && (all[j].start < all[j-1].start || all[j].start == all[j-1].start && all[j].end > all[j-1].end); j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}
	var out []label
	for _, a := range all {
		if n := len(out); n > 0 && a.start < out[n-1].end {
			if a.end-a.start > out[n-1].end-out[n-1].start {
				out[n-1] = a
			}
			continue
		}
		out = append(out, a)
	}
	return out
}

// labelAt returns the longest domain name at the start of s.
func labelAt(s string) (label, bool) {
	best := label{end: -1}
	for _, d := range vocabulary().proseDomains {
		if m := d.re.FindStringIndex(s); m != nil && m[0] == 0 && m[1] > best.end {
			best = label{d.domain, 0, m[1]}
		}
	}
	return best, best.end > 0
}

// labelAfterFiller returns the domain name after the filler words at the
// start of s ("its work with care leavers") and where it starts.
func labelAfterFiller(s string) (label, int, bool) {
	for _, f := range []*text.LazyRegexp{reScopeFiller, reScopeFillerShort} {
		at := f.FindStringIndex(s)[1]
		if l, ok := labelAt(s[at:]); ok {
			return l, at, true
		}
	}
	return label{}, 0, false
}

// leadingLabels returns the list of domain names at the start of s
// ("care leavers and adoption").
func leadingLabels(s string) []label {
	var out []label
	pos := 0
	for {
		l, at, ok := labelAfterFiller(s[pos:])
		if !ok {
			break
		}
		l.start += pos + at
		l.end += pos + at
		out = append(out, l)
		pos = l.end
		j := reScopeJoin.FindStringIndex(s[pos:])
		if j == nil {
			break
		}
		pos += j[1]
	}
	return out
}

// labelBefore returns the domain name that ends b before a list item's
// separator ("Leadership: "), as (start, end) offsets in b.
func labelBefore(b string) (int, int, bool) {
	sep := proseRulesOnce().labelColon.FindStringIndex(b)
	if sep == nil {
		return 0, 0, false
	}
	ls := labelsIn(b[:sep[0]])
	if len(ls) == 0 {
		return 0, 0, false
	}
	l := ls[len(ls)-1]
	if l.end != sep[0] {
		return 0, 0, false
	}
	// The item starts with its label: nothing before it but a
	// determiner, a bullet or the end of the last item.
	head := b[:l.start]
	if i := strings.LastIndexAny(head, ";:.•"); i >= 0 {
		head = head[i+1:]
	}
	if len(strings.Fields(head)) > 3 && !reSubjectGlue.MatchString(head) {
		return 0, 0, false // a sentence, not an item: only a row's own words ("the experiences and progress of") may lead it
	}
	return l.start, l.end, true
}

var (
	// Glue between the domains of a list subject: "The impact of leaders,
	// the experiences and progress of children in care and".
	reSubjectGlue = text.Lazy(`(?i)^(?:\s*(?:,|and|&|as well as|the|experiences|progress|of|impact|its|their|services|service|for|work|with|both|also)\s*)*$`)
	// What may follow a domain's name in its noun phrase without making it
	// a modifier ("child protection plans" is no domain).
	reLabelHead = text.Lazy(`(?i)^(?:['’]s?)?\s*(?:$|[,;:)]|(?:and|or|but|is|are|was|were|has|have|had|remains?|remained|require[sd]?|receive[sd]?|get|gets|also|all|now|still|both|each|services?|work|team|teams|experiences?|progress|were|who|which|that|on|with|in|at|for|of|across|to|as|overall|be|being|been|judged|rated|found)\b)`)
	// Quantifiers that make a subject some of the children, not the service.
	reQuantifier = text.Lazy(`(?i)\b(?:most|many|some|few|several|majority|minority|number|proportion|half|third|quarter|not all|too many|fewer|more)\b`)
	// The service as a subject: the overall judgement.
	reServiceNoun = text.Lazy(`(?i)\b(?:children['’]?s services|children['’]?s social care|social care|social services|services for (?:vulnerable )?children|council|authority|department|directorate|borough|county|city|district|services|service|trust|it|they|them)\b`)
	// Subjects that are another institution than the council's services.
	reInstitution = text.Lazy(`(?i)\b(?:schools?|academ(?:y|ies)|nurser(?:y|ies)|pre-?schools?|colleges?|universit(?:y|ies)|children['’]?s homes?|care homes?|residential (?:home|homes|units?|provision)|hospitals?|surger(?:y|ies)|police|prisons?|young offender|(?:fostering|adoption|regional adoption) agenc(?:y|ies)|fostering services?|agenc(?:y|ies)|providers?|nhs|probation|youth offending|ccg|cafcass|nursing)\b`)
	// Councils in general, or others than this one.
	reGeneral = text.Lazy(`(?i)\bnationally\b|\bacross (?:the country|england|the region)\b|\bin england\b|\bone in (?:\w+)\b|\b\d+ ?(?:%|per ?cent)\b|\b(?:councils|authorities)['’]?\b|\b(?:neighbouring|neighbour|neighbours|nearby|elsewhere|statistical neighbours|comparator)\b|\bother (?:councils|authorities|local authorities|areas)\b`)
	// A council named before "Council", "'s children's services" or
	// "children's services" (a headline's "Bolton children's services"),
	// or after "children's services in" (group 2).
	reCouncilName = text.Lazy(`((?:\p{Lu}[\p{L}'’-]*\s+){0,3}\p{Lu}[\p{L}-]*?)(?:['’]s?\s+children|\s+children['’]?s\s+(?:services|social care)|\s+(?:City |County |Borough |Metropolitan Borough |District )?Council\b)|(?i:children['’]?s (?:services|social care) in (?:the )?)((?:\p{Lu}[\p{L}'’-]*\s+){0,2}\p{Lu}[\p{L}-]*)`)
)

// domains returns the domains rating c of mention m grades (those a
// comparison after it adds included), and false when its subject is not
// this authority's services.
func (r *reporter) domains(t string, m mention, c construction, sc scope, lo int, last, named []extract.Domain) ([]extract.Domain, bool) {
	ds, ok := r.graded(t, m, c, sc, lo, last, named)
	if !ok {
		return nil, false
	}
	for _, d := range sc.also {
		ds = appendDomain(ds, d)
	}
	return ds, true
}

// graded returns the domains rating c of mention m grades, and false
// when its subject is not this authority's services. lo is where its
// subject may start; last the domains of the rating before it in the
// sentence, named those of every rating before it.
func (r *reporter) graded(t string, m mention, c construction, sc scope, lo int, last, named []extract.Domain) ([]extract.Domain, bool) {
	subjAt, subjEnd := lo, c.at
	if c.form == "object" {
		subjAt, subjEnd = c.objAt, c.objEnd
	}
	if subjAt > subjEnd {
		subjAt = subjEnd
	}
	subj := t[subjAt:subjEnd]
	// Whose rating: the subject and the words before it in the clause.
	owner := t[min(lo, subjAt):subjEnd]
	if !r.ownSubject(owner) {
		return nil, false
	}
	switch {
	case c.form == "list" && c.listTo == 0:
		l, _ := labelAt(t[c.labelAt:c.label])
		return []extract.Domain{l.domain}, true
	case sc.all:
		return r.allAreas(sc.count, sc.except, sc.domains), true
	case sc.others:
		return r.allAreas(0, named, sc.domains), true
	case len(sc.domains) > 0:
		return sc.domains, true
	case c.form == "list":
		return nil, false
	case c.form == "ellipsis":
		return last, len(last) > 0
	}
	if am := reAllSubject.FindStringSubmatch(subj); am != nil {
		// "All areas were judged good except care leavers": the
		// exception follows the grade.
		var except []extract.Domain
		if ex := reExcept.FindStringIndex(t[c.end:]); ex != nil {
			for _, l := range leadingLabels(t[c.end+ex[1]:]) {
				except = appendDomain(except, l.domain)
			}
		}
		return r.allAreas(numberWord(am[1]), except, nil), true
	}
	if ds, ok := subjectLabels(t, subjAt, subjEnd); ok {
		return ds, true
	}
	if ds, ok := antecedent(t, subjAt, subjEnd); ok {
		return ds, true
	}
	if reQuantifier.MatchString(subj) {
		return nil, false
	}
	// The service as a whole: a subject that names it (or else, for a
	// subject that starts with its verb, the words before: "..., have
	// now been judged good"), a service named after the grade ("retains
	// 'outstanding' rating for children's services"), a headline.
	whole := subj
	if strings.TrimSpace(strings.Trim(subj, ",")) == "" || reVerbFirst.MatchString(subj) || reCoordinated.MatchString(subj) {
		whole = sentenceSubject(t[:subjEnd])
	}
	switch {
	case c.form == "copula" || c.form == "require":
		if !serviceHead(whole) {
			return nil, false
		}
	case reServiceNoun.MatchString(whole) || properNoun(whole) || serviceAfter(t, sc.end):
	default:
		return nil, false
	}
	if c.form == "service" {
		return nil, false // "receive a good service" with no domain is no judgement
	}
	return []extract.Domain{extract.DomainOverall}, true
}

var (
	// reVerbFirst is a clause that starts with its verb, its subject left
	// in the clause before.
	reVerbFirst = text.Lazy(`(?i)^[\s,]*(?:have|has|are|is|was|were|had|been|now)\b`)
	// reCoordinated is the rest of a clause whose verb phrase is
	// coordinated with the one before ("... rating and is now judged"):
	// the subject is the sentence's.
	reCoordinated = text.Lazy(`(?i)(?:^[^,;]{0,40}?|,)\s*\b(?:and|but)\s*(?:(?:also|now|since|then|is|are|was|were|has|have|had|been|being|still)\s+)*$`)
	// The finite verb that ends a sentence's subject.
	reFiniteVerb = text.Lazy(`(?i)\b(?:is|are|was|were|has|have|had|remains?|remained|will|would|can|could|requires?|required|received|receives)\b`)
)

// sentenceSubject returns the words of s before its first finite verb.
func sentenceSubject(s string) string {
	if loc := reFiniteVerb.FindStringIndex(s); loc != nil {
		return s[:loc[0]]
	}
	return s
}

// ownSubject reports whether a subject is this authority's: not another
// institution, not councils in general or another council.
func (r *reporter) ownSubject(s string) bool {
	if reInstitution.MatchString(s) || reGeneral.MatchString(s) {
		return false
	}
	if r.own == nil {
		return true
	}
	for _, m := range reCouncilName.FindAllStringSubmatch(s, -1) {
		if r.otherCouncil(m[1] + " " + m[2]) {
			return false
		}
	}
	return true
}

// commonCapitals are capitalised words that name no place.
var commonCapitals = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the this that these its their it children childrens children's council county city borough
		metropolitan district royal services service social care ofsted inspectors director councillor cllr cabinet
		member lead executive corporate department education families family young people local authority
		government minister secretary state mr mrs ms dr hmi his her leader chief head report committee
		scrutiny panel board trust safeguarding partnership overall good outstanding inadequate requires
		improvement in on at for a an and of by with last previous however but meanwhile also now`) {
		m[w] = true
	}
	return m
}()

// otherCouncil reports whether name (capitalised words before "Council"
// or "'s children's services") names a council other than this one: a
// word of it is no word of this authority's name, nor an acronym of it.
func (r *reporter) otherCouncil(name string) bool {
	other := false
	for _, w := range strings.FieldsFunc(name, func(c rune) bool { return !unicode.IsLetter(c) && c != '\'' && c != '’' }) {
		lw := strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(w), "'s"), "’s")
		if commonCapitals[lw] || r.own[lw] {
			continue
		}
		if isAcronymOf(w, r.own) {
			continue
		}
		other = true
	}
	return other
}

// isAcronymOf reports whether w (in capitals) is made of the initials of
// the words of a name ("BCP").
func isAcronymOf(w string, name map[string]bool) bool {
	if len(w) < 2 || strings.ToUpper(w) != w {
		return false
	}
	initials := map[byte]bool{}
	for n := range name {
		initials[n[0]] = true
	}
	for i := 0; i < len(w); i++ {
		c := w[i] | 0x20
		if c < 'a' || c > 'z' || !initials[c] {
			return false
		}
	}
	return true
}

// subjectLabels returns the domains named in the subject t[at:end]: the
// name nearest the verb and, before it, those joined to it as a list
// ("The impact of leaders, the experiences and progress of children in
// care and the experiences and progress of care leavers").
func subjectLabels(t string, at, end int) ([]extract.Domain, bool) {
	ls := labelsIn(t[at:end])
	for len(ls) > 0 {
		l := ls[len(ls)-1]
		if reLabelHead.MatchString(t[at+l.end : end]) {
			break
		}
		ls = ls[:len(ls)-1] // a modifier: "child protection plans"
	}
	if len(ls) == 0 {
		return nil, false
	}
	last := ls[len(ls)-1]
	if gap := len(strings.Fields(t[at+last.end : end])); gap > 18 {
		return nil, false
	}
	if reQuantifier.MatchString(t[at:at+last.start]) && !reAllSubject.MatchString(t[at:at+last.start]) {
		return nil, false // "Most children in care receive a good service"
	}
	ds := []extract.Domain{last.domain}
	for i := len(ls) - 2; i >= 0; i-- {
		if !reSubjectGlue.MatchString(t[at+ls[i].end : at+ls[i+1].start]) {
			break
		}
		ds = append([]extract.Domain{ls[i].domain}, ds...)
	}
	var out []extract.Domain
	for _, d := range ds {
		out = appendDomain(out, d)
	}
	return out, true
}

var (
	reRelative = text.Lazy(`(?i)^[\s,'’"”]*(?:which|who|that)\b`)
	reAnaphor  = text.Lazy(`(?i)^\s*(?:that|this|the) (?:area|judgement|judgment|domain|aspect)\b`)
)

// antecedent returns the domain a relative clause or an anaphor as
// subject refers to: the name just before the clause ("care leavers,
// which requires improvement"), the name last given ("rated that area
// as requiring improvement").
func antecedent(t string, at, end int) ([]extract.Domain, bool) {
	s := t[at:end]
	switch {
	case reAnaphor.MatchString(s):
		ls := labelsIn(t[:at])
		if len(ls) > 0 {
			return []extract.Domain{ls[len(ls)-1].domain}, true
		}
	case reRelative.MatchString(s):
		from := max(0, at-80)
		ls := labelsIn(t[from:at])
		if len(ls) > 0 && strings.Trim(t[from+ls[len(ls)-1].end:at], " ,") == "" {
			return []extract.Domain{ls[len(ls)-1].domain}, true
		}
	}
	return nil, false
}

var (
	// Words that end a subject after its head: a place ("in the East
	// Riding"), who runs it, whom it serves ("social care for children").
	reSubjectTail = text.Lazy(`(?i)\s+(?:in|at|across|throughout|within|run by|provided by|delivered by|on behalf of)\s+[^,]*$|\s+for (?:vulnerable |local )?(?:children|young people)(?: and (?:young people|families))?$|[\s,]+(?:also|now|still|all|both|overall|as a whole)$|\s+of (?:the |its |this |their )?(?:\w+ ){0,2}(?:inspection|report)$`)
	// What an inspection gives, as a subject: "The outcome of the
	// inspection was Good".
	reVerdictNoun = text.Lazy(`(?i)^(?:outcome|result|judgement|judgment|rating|grade|verdict|inspection)$`)
)

// serviceHead reports whether the head of subject s (its last word, past
// a place or who runs it) is the service, the council or a place: "The
// council's response was inadequate" is about a response.
func serviceHead(s string) bool {
	s = strings.TrimRight(s, " ,")
	for i := 0; i < 3; i++ {
		t := reSubjectTail.ReplaceAllString(s, "")
		if t == s {
			break
		}
		s = strings.TrimRight(t, " ,")
	}
	if s == "" {
		return false
	}
	w := text.LastWord(strings.TrimRight(s, "'’"))
	if w == "" {
		return false
	}
	if reServiceNoun.MatchString(w) || reVerdictNoun.MatchString(w) || strings.EqualFold(w, "care") {
		return true
	}
	r := []rune(w)
	return unicode.IsUpper(r[0]) && !commonCapitals[strings.ToLower(w)]
}

// properNoun reports whether s holds a capitalised word other than its
// first that names no common thing (a place: "Leeds retains ...").
func properNoun(s string) bool {
	ws := strings.Fields(s)
	for i, w := range ws {
		w = strings.Trim(w, "'‘’\"“”,.:;()")
		if w == "" {
			continue
		}
		r := []rune(w)
		lw := strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(w), "'s"), "’s")
		if unicode.IsUpper(r[0]) && !commonCapitals[lw] && (i > 0 || len(ws) <= 4) {
			return true
		}
	}
	return false
}

// serviceAfter reports whether the service is named just after a rating
// that ends at i: "retains 'outstanding' rating for children's services".
func serviceAfter(t string, i int) bool {
	rest := t[i:min(len(t), i+60)]
	k := strings.Index(strings.ToLower(rest), " for ")
	return k >= 0 && k <= 12 && reServiceNoun.MatchString(rest[k:])
}

// allAreas returns the areas of the framework of the day, less those
// excepted, with those named besides added. A count picks the areas: all
// the framework's, or all but the overall judgement ("good overall and
// in all three areas"), or else those of the nearest framework that
// grades that many.
func (r *reporter) allAreas(count int, except, named []extract.Domain) []extract.Domain {
	fw, ok := r.fw, r.fwOK
	var areas []extract.Domain
	switch {
	case ok && (count == 0 || count == len(fw.Domains)):
		areas = fw.Domains
	case ok && count == len(fw.Domains)-1 && fw.Grades(extract.DomainOverall):
		for _, d := range fw.Domains {
			if d != extract.DomainOverall {
				areas = append(areas, d)
			}
		}
	case count > 0:
		if fw, ok = framework.FrameworkOfCount(r.date, count); ok {
			areas = fw.Domains
		}
	}
	var out []extract.Domain
	for _, d := range areas {
		skip := false
		for _, e := range except {
			if e == d || fw.Within[e] == d {
				skip = true
			}
		}
		if !skip {
			out = append(out, d)
		}
	}
	for _, d := range named {
		out = appendDomain(out, d)
	}
	return out
}
