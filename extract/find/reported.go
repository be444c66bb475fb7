package find

// A grade named in a sentence is a judgement only in a construction that
// rates (prose.go says why). The constructions, tried in turn on the words
// before and after the grade:
//
//	verb      "rated 'good'", "was judged to be inadequate", "received an outstanding"
//	object    "rated Wigan Council good", "judged the council's services to require improvement"
//	copula    "is good", "had all been judged outstanding", "to be good"
//	require   "services require improvement" (the grade is the verb)
//	noun      "a 'good' rating", "an overall judgement of good"
//	service   "providing a good service to children in care"
//	moved     "upgraded to good", "from requires improvement to good"
//	list      "Good: overall effectiveness; the impact of leaders", "Leadership: good"
//	headline  "Council services 'good', says Ofsted" (a headline's grammar)
//	ellipsis  "..., and good for children in care" (the rating goes on)
//
// A grade used as an adjective before a noun ("good progress", "found
// inadequate housing") is none of them.

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"
	"github.com/ofsted/ofsted/extract/text"
)

// reading is a grade a sentence gives to domains. stative is true when
// the sentence says the grade holds ("remains rated inadequate", "which
// is rated good") rather than that it was given.
type reading struct {
	grade   extract.Grade
	domains []extract.Domain
	stative bool
}

// reStative says a grade holds rather than was given.
var reStative = text.Lazy(`(?i)\b(?:remains?|remained|remaining|still|continues?|continued|stays?|stayed)\b`)

// mention is a grade named in a sentence: q the grade with its quotes,
// g its words.
type mention struct {
	qAt, qEnd, gAt, gEnd int
	grade                extract.Grade
}

// construction is what makes a mention a rating: its form, where it
// starts (at) and ends (end: past a rating noun or "service"), and for
// the object form where its object is.
type construction struct {
	form           string
	at, end        int
	objAt, objEnd  int
	listTo         int // list: where the list after "Good:" ends
	labelAt, label int // list "Leadership: good": the label's span
}

// proseRules are the patterns of the constructions, built on first use.
type proseRules struct {
	grade, verb, object, copula, noun, nounAfter, service, serviceAfter, moved, fromTo, labelColon *regexp.Regexp
}

var proseRulesOnce = sync.OnceValue(func() *proseRules {
	g := `(?:` + proseGradeWords() + `)`
	q := `['‘’"“”]?`
	return &proseRules{
		grade: regexp.MustCompile(`(?i)(['‘’"“”]?)\b(` + proseGradeWords() + `)\b(['‘’"“”]?)`),
		// A rating verb right before the grade.
		verb: regexp.MustCompile(`(?i)\b(?:rated|rates|rate|judged|judges|branded|brands|graded|grades|assessed|deemed|found|labelled|labeled|ranked|classed|classified|declared|named|awarded|given|handed|received|receives|earned|earns|achieved|achieves|retained|retains|retain|kept|keeps|keep|secured|secures|gained|holds|hold|slammed|criticised|criticized|condemned|hailed|praised|described|marked|scored|confirmed|maintained|maintains|regained|regains)(?:\s+(?:as|to be|to|a|an|the|its|their|overall|an overall|a rating of|rating of|grade of|judgement of|once again|again|now|also|both|still|officially|consistently))*\s*:?\s*$`),
		// A rating verb, its object, then the grade.
		object: regexp.MustCompile(`(?i)\b(rated|rates|rate|judged|judges|judge|found|finds|assessed|assesses|graded|grades|considered|considers|deemed|deems|declared|named|branded|brands)\s+((?:the|its|their|this|both|all|children|services|social|it|them|that area|this area|[\p{Lu}])[^,.;:!?"“”]{0,100}?)\s+(?:(?:to be|as|to)\s+)?$`),
		// A copula (with a rating participle) before the grade.
		copula: regexp.MustCompile(`(?i)\b(?:is|are|was|were|be|been|being|remains?|remained|remaining|stays?|stayed|continues to be|continued to be)(?:\s+(?:all|also|now|again|both|still|once again|overall|consistently|each|judged|rated|found|graded|assessed|deemed|considered|classed|officially|as|to be|to))*\s*$`),
		// A rating noun before or after the grade.
		noun:      regexp.MustCompile(`(?i)\b(?:rating|grade|grading|judgement|judgment|verdict)s?(?:\s+(?:of|as|was|is|remains))?\s*[:–—-]?\s*$`),
		nounAfter: regexp.MustCompile(`(?i)^` + q + `\s*(?:overall\s+)?(?:ofsted\s+)?(?:rating|grade|grading|judgement|judgment|verdict)s?\b`),
		// "providing a good service": service, then the words after.
		service:      regexp.MustCompile(`(?i)\b(?:provid(?:e|es|ed|ing)|deliver(?:s|ed|ing)?|offer(?:s|ed|ing)?|giv(?:e|es|en|ing)|receiv(?:e|es|ed|ing)|get|gets|getting|got)\s+(?:an?\s+)?$`),
		serviceAfter: regexp.MustCompile(`(?i)^` + q + `\s*(?:service|services|standard of service)\b`),
		// A move to a grade.
		moved:  regexp.MustCompile(`(?i)\b(?:upgraded|downgraded|improved|improving|moved(?: up| down)?|raised|lifted|risen|rose|climbed|jumped|dropped|fallen|fell|slipped|plunged|slumped|sunk|sank|returned|promoted|demoted|bounced back|back|went|gone)(?: all the way)?\s+to(?:\s+(?:a|an|the|its|their))?\s*$`),
		fromTo: regexp.MustCompile(`(?i)\bfrom\s+` + q + g + q + `(?:\s+(?:in|at|since)\s+(?:\w+\s+)?\d{4})?\s+to(?:\s+(?:a|an|the|its|their))?\s*$`),
		// "Leadership: good", "Overall effectiveness – Good".
		labelColon: regexp.MustCompile(`\s*[:–—-]\s*$`),
	}
})

// proseGradeWords is the alternation of the grades as prose writes them.
func proseGradeWords() string {
	var ws []string
	for _, g := range framework.GradeWordings() {
		if g.Prose != "" {
			ws = append(ws, g.Prose)
		}
	}
	return strings.Join(ws, "|")
}

// lookBehind bounds how far before a grade its construction is looked
// for, so that a pathological sentence costs linear time.
const lookBehind = 240

// before returns the bytes of t before i, at most lookBehind of them,
// and the offset they start at.
func before(t string, i int) (string, int) {
	from := max(0, i-lookBehind)
	for from > 0 && !utf8.RuneStart(t[from]) {
		from++
	}
	return t[from:i], from
}

// mentions returns the grades t names, in order.
func mentions(t string) []mention {
	var out []mention
	for _, m := range proseRulesOnce().grade.FindAllStringSubmatchIndex(t, -1) {
		g := framework.GradeOf(t[m[4]:m[5]])
		if g == "" {
			continue
		}
		out = append(out, mention{qAt: m[0], qEnd: m[1], gAt: m[4], gEnd: m[5], grade: g})
	}
	return out
}

// construe returns the construction that makes mention m of t a rating,
// or false. prev is the construction of the mention before it in t (form
// "" when none) and prevEnd where that mention's scope ended.
func construe(t string, ms []mention, k int, prev construction, prevEnd int, headline bool) (construction, bool) {
	pr := proseRulesOnce()
	m := ms[k]
	b, off := before(t, m.qAt)
	after := t[m.qEnd:]
	end := m.qEnd
	if n := pr.nounAfter.FindStringIndex(after); n != nil {
		end += n[1]
	}
	nextAt := len(t)
	if k+1 < len(ms) {
		nextAt = ms[k+1].qAt
	}
	// A list: "Good: overall effectiveness; the impact of leaders".
	if strings.HasPrefix(strings.TrimLeft(after, " "), ":") {
		return construction{form: "list", at: m.qAt, end: m.qEnd + strings.Index(after, ":") + 1, listTo: nextAt}, true
	}
	if at, lab, ok := labelBefore(b); ok && pr.labelColon.MatchString(b[lab:]) && listItemEnds(after) {
		return construction{form: "list", at: off + at, end: end, labelAt: off + at, label: off + lab}, true
	}
	if reFromGrade.MatchString(b) {
		return construction{}, false // "up from requires improvement": the old grade
	}
	if reOrBetter.MatchString(after) {
		return construction{}, false // "good or better": no one grade
	}
	attributive := func(e int) bool { return adjectiveBeforeNoun(t, e) }
	if loc := pr.verb.FindStringIndex(b); loc != nil && !attributive(end) {
		return construction{form: "verb", at: off + loc[0], end: end}, true
	}
	if loc := pr.object.FindStringSubmatchIndex(b); loc != nil && !attributive(end) {
		return construction{form: "object", at: off + loc[0], end: end, objAt: off + loc[4], objEnd: off + loc[5]}, true
	}
	if loc := pr.moved.FindStringIndex(b); loc != nil && !attributive(end) {
		return construction{form: "moved", at: off + loc[0], end: end}, true
	}
	if loc := pr.fromTo.FindStringIndex(b); loc != nil && !attributive(end) {
		return construction{form: "moved", at: off + loc[0], end: end}, true
	}
	if strings.HasPrefix(strings.ToLower(t[m.gAt:m.gEnd]), "requir") && !attributive(end) {
		at := m.qAt
		if loc := pr.copula.FindStringIndex(b); loc != nil {
			at = off + loc[0]
		}
		return construction{form: "require", at: at, end: end}, true
	}
	if loc := pr.copula.FindStringIndex(b); loc != nil && !attributive(end) && !reAtAfter.MatchString(t[end:]) {
		return construction{form: "copula", at: off + loc[0], end: end}, true
	}
	if end > m.qEnd {
		return construction{form: "noun", at: m.qAt, end: end}, true
	}
	if loc := pr.noun.FindStringIndex(b); loc != nil && !attributive(end) {
		return construction{form: "noun", at: off + loc[0], end: end}, true
	}
	if loc := pr.service.FindStringIndex(b); loc != nil {
		if n := pr.serviceAfter.FindStringIndex(after); n != nil {
			return construction{form: "service", at: off + loc[0], end: m.qEnd + n[1]}, true
		}
	}
	if prev.form != "" && prev.form != "list" && reEllipsis.MatchString(t[prevEnd:m.qAt]) && !attributive(end) {
		return construction{form: "ellipsis", at: m.qAt, end: end}, true
	}
	if headline && m.qAt > 0 && t[m.qAt] != t[m.gAt] && !attributive(end) {
		// "Council's children's services still 'inadequate'": a quoted grade.
		return construction{form: "headline", at: m.qAt, end: end}, true
	}
	return construction{}, false
}

var (
	// "up from", "improved from": the grade after "from" is the old one.
	reFromGrade = text.Lazy(`(?i)\bfrom(?:\s+(?:a|an|the|its|their|being|having been))?(?:\s+(?:rated|judged))?\s*['‘’"“”]?\s*$|\b(?:lost|losing|lose|loses|stripped of|shed|shedding|dropped from)\s+(?:its|their|the|a|an)?\s*['‘’"“”]?\s*$`)
	// "is good at": a skill, not a rating.
	reAtAfter = text.Lazy(`^['’"”]?\s+at\b`)
	// A grade that is a bound, not a rating: "good or better".
	reOrBetter = text.Lazy(`(?i)^['‘’"“”]?\s*(?:or|and) (?:better|above|higher|worse|below|lower|over|['‘"“]?(?:good|outstanding|inadequate|requires? improvement))\b`)
	// What joins a rating to the next one it goes on to: ", and good for
	// children in care", "but outstanding for".
	reEllipsis = text.Lazy(`(?i)^['‘’"“”]?\s*[,;]?\s*(?:and|but|while|whilst|with|although|though|as well as)?\s*(?:(?:was|were|is|are|has been|have been|had been)\s+)?(?:(?:also|only|just|rated|judged|graded|found|as|to be|was|were)\s+)*['‘’"“”]?$`)
)

// adjectiveBeforeNoun reports whether the word after offset e of t is a
// noun the grade qualifies ("good progress", "inadequate housing"),
// which makes the grade no rating. Words that may follow a rating
// (prepositions, conjunctions, "overall", "by Ofsted") and words in
// capitals do not.
func adjectiveBeforeNoun(t string, e int) bool {
	rest := strings.TrimLeft(t[e:], "'‘’\"“”")
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	w := text.FirstWord(strings.TrimLeft(rest, " "))
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	return !followsRating[w]
}

// followsRating are the words that may follow a rating without making
// its grade an adjective.
var followsRating = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`for in across by at after before overall and but or nor with since following when
		last this on under from to as again once now too also throughout a an the its their his her which who that
		while whereas although though despite having until earlier ago previously then said says say according
		inspectors ofsted in all every each both both either only just rating ratings grade grades judgement judgements
		verdict verdicts status is are was were has have had will would not against because so if than compared
		ever yet still already for four five six three two except excepting apart besides bar save other`) {
		m[w] = true
	}
	return m
}()

// listItemEnds reports whether a list item "Label: grade" ends after the
// grade: at the end of the text, a stop, a semicolon, or the next item's
// capital.
func listItemEnds(after string) bool {
	a := strings.TrimLeft(after, " ")
	if a == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(a)
	return r == '.' || r == ';' || r == ',' || unicode.IsUpper(r) || unicode.IsDigit(r)
}

// sentence returns the readings of sentence t.
func (r *reporter) sentence(t string, headline bool) []reading {
	ms := mentions(t)
	var out []reading
	var prev construction
	prevEnd := 0 // where the last mention's scope ended
	var prevDomains, named []extract.Domain
	for k, m := range ms {
		c, ok := construe(t, ms, k, prev, prevEnd, headline)
		if !ok {
			prev, prevEnd = construction{}, max(prevEnd, m.qEnd)
			continue
		}
		lo := prevEnd
		cs, ce := clauseBounds(t, m.qAt, m.qEnd)
		lo = min(max(lo, cs), c.at) // "from requires improvement to good" starts before its grade
		hi := len(t)
		if k+1 < len(ms) {
			hi = ms[k+1].qAt
			if ce >= m.qEnd && ce < hi {
				hi = ce // the next rating's clause: "good overall, with leadership judged outstanding"
			}
		}
		sc := scopeAfter(t, c, hi)
		prev, prevEnd = c, max(sc.end, m.qEnd)
		if r.looksBack(t, m, c, lo, min(ce, hi)) || negated(t, c.at) {
			continue
		}
		if sc.partial {
			continue // "good in three of the four areas": which, it does not say
		}
		ds, ok := r.domains(t, m, c, sc, lo, prevDomains, named)
		if !ok || len(ds) == 0 {
			continue
		}
		prevDomains = ds
		for _, d := range ds {
			named = appendDomain(named, d)
		}
		stative := reStative.MatchString(t[max(lo, c.at-40):m.qAt]) || reRelative.MatchString(t[lo:c.at])
		out = append(out, reading{grade: m.grade, domains: ds, stative: stative})
	}
	return out
}

var reClauseCut = text.Lazy(`(?i); |, (?:but|however|although|though|while|whilst|whereas|with|and (?:is|are|was|were|has|have) now|after|compared with|when|which|who)\b|, (?:have|has|had|is|are|was|were|remains?)\b| but | whereas | after (?:being|it was|they were)\b| (?:\w+ )?(?:years?|months?) (?:after|since)\b| when |, the same\b|, (?:which|who) (?:is|was) the same\b|, (?:have|has|are|is) (?:now|since)\b|, a (?:drop|fall|rise|decline|step|change|move|improvement)\b`)

// clauseBounds returns the clause of t around [i, j): between the clause
// boundaries before and after it.
func clauseBounds(t string, i, j int) (int, int) {
	start, end := 0, len(t)
	for _, m := range reClauseCut.FindAllStringIndex(t, -1) {
		if m[1] <= i && m[0]+1 > start {
			start = m[0] + 1
		}
		if m[0] >= j && m[0] < end {
			end = m[0]
		}
	}
	return start, end
}

var (
	// Words that say a clause looks back at an earlier inspection.
	reLooksBack = text.Lazy(`(?i)\b(?:previous(?:ly)?|earlier|prior|former(?:ly)?|initial(?:ly)?|original(?:ly)?|last (?:\w+ )?(?:inspection|inspected|time|report|visit(?:ed)?|full inspection|judgement|rating|year|graded)|(?:inspectors|ofsted|the watchdog) last (?:visited|inspected|came|graded|rated)|at the time|(?:which|that|who) had\b|had (?:previously|once)|once|historic(?:al)?|back in|used to be|ago|since (?:being|it was|they were|then|the (?:service|services|council|authority|department) (?:was|were))|since (?:an?|the|its|their) (?:\w+ )?inspection|until (?:its|the|their|a) next|in the past|(?:years?|months?) (?:earlier|before))\b`)
	reWhenAfter = text.Lazy(`(?i)^['‘’"“”]?,? when `)
	rePresent   = text.Lazy(`(?i)\b(?:now|is|are|has been|have been|remains?)\b`)
	// "for the first time since 2010": the year dates the last time, not
	// the rating.
	reFirstSince = text.Lazy(`(?i)\b(?:first|best|highest|lowest|worst)\b[^,.;]{0,40}\bsince\b[^,.;]{0,20}?\b(?:19|20)\d\d\b`)
	// A month and year: "in November 2023".
	reMonthYear = text.Lazy(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d\d)\b`)
)

// looksBack reports whether the grade m of t belongs to an earlier
// inspection than the one reported: a cue in its clause [lo, hi), a year
// before the inspection's, or a "when" clause after it that looks back.
func (r *reporter) looksBack(t string, m mention, c construction, lo, hi int) bool {
	lo = min(lo, c.at)
	hi = max(hi, c.end)
	span := t[lo:hi]
	if c.form == "moved" {
		// "moved from inadequate in 2019 to good": the year is the old
		// grade's.
		if i := strings.LastIndex(strings.ToLower(t[lo:m.qAt]), "from "); i >= 0 {
			span = t[lo:lo+i] + t[m.qAt:hi]
		}
	}
	if r.pastIn(span) {
		return true
	}
	// "was rated as requiring improvement when inspectors last visited":
	// a past-tense rating dated by the "when" clause after it.
	if rest := t[hi:]; reWhenAfter.MatchString(rest) && !rePresent.MatchString(t[lo:hi]) {
		ws, we := clauseBounds(rest, 1, 2)
		if r.pastIn(rest[ws:we]) {
			return true
		}
	}
	return false
}

// pastIn reports whether clause c looks back: a cue word, or a date
// before the inspection's.
func (r *reporter) pastIn(c string) bool {
	if reLooksBack.MatchString(c) {
		return true
	}
	if r.year == 0 {
		return false
	}
	c = reFirstSince.ReplaceAllString(c, "")
	months := reMonthYear.FindAllStringSubmatchIndex(c, -1)
	for _, loc := range reYear.FindAllStringIndex(c, -1) {
		n, _ := strconv.Atoi(c[loc[0]:loc[1]])
		if n >= r.year {
			continue
		}
		if n == r.year-1 && r.month > 0 {
			// A story early in the year reports an inspection late in the
			// last: "following an inspection in November 2023".
			mo := 0
			for _, mm := range months {
				if mm[5] == loc[1] {
					mo = monthNumber(c[mm[2]:mm[3]])
				}
			}
			if mo > 0 && (12-mo)+r.month <= 5 {
				continue
			}
		}
		return true
	}
	return false
}

// monthNumber is the number of a month's first three letters.
func monthNumber(s string) int {
	return strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", strings.ToLower(s[:3]))/3 + 1
}

var reNegated = text.Lazy(`(?i)\b(?:not|never|no longer|nor|neither|fail(?:ed|s)? to be|would|could|will|might|may|must|should|shall|hopes?|hoping|aims?|aiming|wants?|wanting|strives?|striving|ambitions?|aspires?|aspiring|aspirations?|targets?|plans?|planning|expects?|expected|expecting|towards|on track|on course|bid|bidding|if|unless|whether|goal|journey)\s+(?:[\w’']+\s+){0,3}$`)

// negated reports whether the rating starting at t[at:] is negated,
// hoped for or conditional ("not rated good", "aims to be rated
// outstanding", "will remain inadequate until").
func negated(t string, at int) bool {
	b, _ := before(t, at)
	return reNegated.MatchString(b)
}
