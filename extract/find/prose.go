package find

// News articles report an inspection in prose: "rated 'good' by Ofsted",
// "branded inadequate", "The overall effectiveness of the local authority is
// good", "services for children in care were found to 'require improvement
// to be good'". They also mention earlier inspections in the same words
// ("four years after the borough was judged 'inadequate' in January 2020",
// "At the last inspection in 2015 ... was judged to be good", "rated good,
// up from requires improvement"). A grade from an earlier inspection must
// never be taken for the current one, so every grade mention is read with
// its clause: a clause that looks back (previous, last inspection, had
// been, up from, initial report, a year earlier than the article's) is
// skipped. Only constructions that state a rating are read (a rating verb
// or a copula right after a service or domain label); "receive a good
// service" is not a judgement.
//
// Committee papers with no copy of the table restate the judgements in
// the same prose, and are read by the same rules. SIF reports state their
// overall and LSCB judgements in a sentence as well as in the table
// ("Children's services in X require improvement to be good", "The LSCB
// is good"): those sentences are read here too.

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"
	"github.com/ofsted/ofsted/extract/text"
)

// ratings are the constructions that state a rating in prose, built on
// first use from the framework's grade wordings (vocab.proseGrade).
type ratings struct {
	rated, judgedObj, movedTo, copula, rating *regexp.Regexp
}

var ratingPatterns = sync.OnceValue(func() ratings {
	g := vocabulary().proseGrade
	return ratings{
		// A rating verb before a grade: "rated 'good'", "was judged to be
		// inadequate", "branded as inadequate", "found to 'require improvement'".
		rated: regexp.MustCompile(`(?i)\b(rated|judged|branded|graded|assessed|deemed|found|labelled|labeled|ranked|classed|classified|declared|named|awarded|given|handed|received|earned|achieved|retained|retains?|kept|keeps|keep|secured|gained|holds?|slammed|criticised|criticized|condemned|hailed|praised|described|marked|scored)(?: (?:as|to be|to|a|an|the|overall|an overall|its|their|rating of|grade of|judgement of))*:? ` + g),
		// A rating verb, its object, then the grade: "judged the overall
		// effectiveness of services to be outstanding", "rated its services
		// as good". The object (group 1) names the domain.
		judgedObj: regexp.MustCompile(`(?i)\b(?:judged|rated|found|assessed|graded|considered|deemed)\s+((?:the|its|their|children|services|social)\b[^,.;:]{0,100}?)\s+(?:to be|as)\s+` + g),
		// A move to a grade: "upgraded to 'good'", "dropped to inadequate",
		// "moved up to outstanding". The grade moved from (reFromGrade) is
		// the old one; the grade moved to is the current one.
		movedTo: regexp.MustCompile(`(?i)\b(?:upgraded|downgraded|improved|moved(?: up| down)?|raised|lifted|risen|rose|climbed|jumped|dropped|fallen|fell|slipped|plunged|slumped|sunk|sank|returned|promoted|demoted|bounced back)(?: all the way)? to(?: (?:a|an|the|its|their))? ` + g + `|\bfrom ` + g + ` to(?: (?:a|an|the|its|their))? ` + g),
		// A copula after a label: "The overall effectiveness ... is good",
		// "services ... require improvement".
		copula: regexp.MustCompile(`(?i)\b(?:is|are|was|were|remains?|remained|has been|have been|is now|are now|now|still)(?: (?:judged|rated|found|graded|assessed|deemed|considered))?(?: (?:to be|as))? ` + g + `|\b(requires?|required) improvement(?: to be good)?`),
		// "an overall rating of 'good'", "an 'inadequate' rating", "good overall".
		rating: regexp.MustCompile(`(?i)\b(?:rating|grade|judgement|verdict) of ` + g + `|` + g + ` (?:rating|grade|judgement|verdict)\b|` + g + ` overall\b`),
	}
})

var (
	// Words that say a clause looks back at an earlier inspection.
	reLooksBack = regexp.MustCompile(`(?i)\b(previous(?:ly)?|earlier|prior|former(?:ly)?|initial(?:ly)?|original(?:ly)?|last (?:\w+ )?(?:inspection|inspected|time|report|visit(?:ed)?|full inspection|judgement|rating)|(?:inspectors|ofsted) last (?:visited|inspected|came)|at the time|had (?:been|previously|once|\w+ed)|once|historic(?:al)?|back in|used to be|ago|since (?:being|it was|they were|the (?:service|council|authority) was))\b`)
	// "up from", "improved from": the grade after "from" is the old one.
	reFromGrade = regexp.MustCompile(`(?i)\b(?:up|down|improved?|improving|moved|moving|rising|risen|climbed|jumped|fell|fallen|dropped|went|gone|upgraded|downgraded|raised|lifted|changed) from\s*$|\bfrom\s*$`)
	reYear      = regexp.MustCompile(`\b(19[89]\d|20\d\d)\b`)
	// Clause boundaries inside a sentence where the time frame can change.
	reClauseCut = regexp.MustCompile(`(?i); |, (?:but|however|although|though|while|whereas|and (?:is|are|was|were|has|have) now|after|compared with|when)\b| but | whereas | after (?:being|it was|they were)\b| four years after| (?:two|three|five|six|several|some) years after| when |, the same\b|, which (?:is|was) the same\b|, (?:have|has|are|is) (?:now|since)\b`)
)

// reServiceSubject names the service as a whole: a rating of it is the
// overall judgement.
var reServiceSubject = regexp.MustCompile(`(?i)\b(?:children['’]?s services|children['’]?s social care|social care|social services|services for (?:vulnerable )?children|council|authority|department|borough|services|service|it|they)\b`)

// articleYear is the year the article reports on: the year of its date, or
// else the latest year it mentions (not after the document's date).
func articleYear(doc *extract.Document, s string) int {
	for _, d := range []string{doc.Published, doc.VisitEnd, doc.VisitStart} {
		if len(d) >= 4 {
			if y, err := strconv.Atoi(d[:4]); err == nil {
				return y
			}
		}
	}
	return latestYear(s, 0)
}

// latestYear is the latest year text mentions, not after limit (0: no
// limit), or 0.
func latestYear(s string, limit int) int {
	y := 0
	for _, m := range reYear.FindAllString(s, -1) {
		if n, _ := strconv.Atoi(m); n > y && (limit == 0 || n <= limit) {
			y = n
		}
	}
	return y
}

// clauseAround returns the part of s between the clause boundaries around
// [i, j).
func clauseAround(s string, i, j int) (string, int) {
	start, end := 0, len(s)
	for _, m := range reClauseCut.FindAllStringIndex(s, -1) {
		if m[1] <= i && m[1] > start {
			start = m[0] + 1
		}
		if m[0] >= j && m[0] < end {
			end = m[0]
		}
	}
	return s[start:end], start
}

// looksBack reports whether the grade at s[i:j] belongs to an earlier
// inspection than the one the article reports.
func looksBack(s string, i, j, year int) bool {
	if reFromGrade.MatchString(s[:i]) {
		return true
	}
	c, off := clauseAround(s, i, j)
	if pastIn(c, year) {
		return true
	}
	// "was rated as requiring improvement when inspectors last visited":
	// a past-tense rating dated by the "when" clause after it.
	if rest := s[off+len(c):]; reWhenAfter.MatchString(rest) && !rePresent.MatchString(c) {
		w, _ := clauseAround(rest, 1, 2)
		if pastIn(w, year) {
			return true
		}
	}
	return false
}

var (
	reWhenAfter = regexp.MustCompile(`(?i)^,? when `)
	rePresent   = regexp.MustCompile(`(?i)\b(?:now|is|are|has been|have been|remains?)\b`)
)

// pastIn reports whether clause c looks back: a cue word, or a year
// before the article's.
func pastIn(c string, year int) bool {
	if reLooksBack.MatchString(c) {
		return true
	}
	if year > 0 {
		for _, m := range reYear.FindAllString(c, -1) {
			if n, _ := strconv.Atoi(m); n < year {
				return true
			}
		}
	}
	return false
}

// domainBefore returns the domain whose label is nearest before offset i
// in the clause c (within a few words), or "" when none is.
func domainBefore(c string, i int) extract.Domain {
	type span struct {
		d          extract.Domain
		start, end int
	}
	var spans []span
	for _, d := range vocabulary().proseDomains {
		for _, m := range d.re.FindAllStringIndex(c[:i], -1) {
			spans = append(spans, span{d.domain, m[0], m[1]})
		}
	}
	best, bestAt := extract.Domain(""), -1
	for _, a := range spans {
		inside := false
		for _, b := range spans {
			if b != a && b.start <= a.start && b.end >= a.end && b.end-b.start > a.end-a.start {
				inside = true // "care leavers" in "children in care and care leavers"
			}
		}
		if !inside && a.start > bestAt {
			best, bestAt = a.d, a.start
		}
	}
	if bestAt < 0 {
		return ""
	}
	if gap := len(strings.Fields(c[bestAt:i])); gap > 18 {
		return ""
	}
	return best
}

// findNewsJudgements returns the judgements an article reports for the
// current inspection.
func findNewsJudgements(doc *extract.Document, sents []prose, year int) []extract.Finding {
	rp := ratingPatterns()
	var out []extract.Finding
	have := map[extract.Domain]bool{}
	for _, s := range sents {
		t := s.text
		type hit struct{ at, end, gAt, gEnd int }
		var hits []hit
		for _, re := range []*regexp.Regexp{rp.rated, rp.copula, rp.rating, rp.movedTo, rp.judgedObj} {
			for _, m := range re.FindAllStringSubmatchIndex(t, -1) {
				h := hit{at: m[0], end: m[1]}
				if re == rp.judgedObj {
					h.at = m[3] // the domain is named in the object, before this
				}
				for g := 2; g+1 < len(m); g += 2 {
					if m[g] >= 0 && framework.GradeOf(t[m[g]:m[g+1]]) != "" && (g > 2 || re != rp.rated) {
						h.gAt, h.gEnd = m[g], m[g+1]
					}
				}
				if h.gEnd == 0 {
					h.gAt, h.gEnd = m[0], m[1]
				}
				hits = append(hits, h)
			}
		}
		for _, h := range hits {
			g := framework.GradeOf(t[h.gAt:h.gEnd])
			if g == "" || looksBack(t, h.gAt, h.gEnd, year) || negatedBefore(t, h.at) {
				continue
			}
			c, off := clauseAround(t, h.at, h.end)
			d := domainBefore(c, h.at-off)
			if d == "" {
				subject := c[:h.at-off]
				if reVerbFirst.MatchString(subject) {
					subject = t[:h.at] // "..., have now been judged good": the subject came before
				}
				if !reServiceSubject.MatchString(subject) && !serviceAfter(t, h.gEnd) && !strings.Contains(strings.ToLower(t[h.at:]), "overall") && !strings.Contains(strings.ToLower(t), "ofsted") {
					continue
				}
				d = extract.DomainOverall
			}
			if d == extract.DomainOverall && domainAfter(t, h.gEnd) {
				continue // "rated good for leadership": a domain after the grade
			}
			if have[d] {
				continue
			}
			have[d] = true
			out = append(out, extract.Finding{Kind: extract.KindJudgement, Domain: d, Grade: g, Text: t, Page: s.page, Rule: "news.judgement"})
		}
	}
	return out
}

// reVerbFirst is a clause that starts with its verb, its subject left in
// the clause before.
var reVerbFirst = regexp.MustCompile(`(?i)^\s*(?:have|has|are|is|was|were|had|been|now)\b`)

// serviceAfter reports whether the service is named just after a grade
// that ends at i: "retains 'outstanding' rating for children's services".
func serviceAfter(t string, i int) bool {
	rest := t[i:min(len(t), i+60)]
	k := strings.Index(strings.ToLower(rest), " for ")
	return k >= 0 && k <= 12 && reServiceSubject.MatchString(rest[k:])
}

// domainAfter reports whether a domain is named just after a grade that
// ends at i: "rated good for leadership" grades leadership, while "rated
// good for children's services" grades the service.
func domainAfter(t string, i int) bool {
	rest := strings.ToLower(t[i:min(len(t), i+80)])
	k := strings.Index(rest, " for ")
	if k < 0 || k > 12 {
		return false
	}
	after := rest[k+5:]
	for _, d := range vocabulary().proseDomains {
		if d.domain == extract.DomainOverall {
			continue
		}
		if m := d.re.FindStringIndex(after); m != nil && m[0] < 30 {
			return true
		}
	}
	return false
}

var reNegated = regexp.MustCompile(`(?i)\b(not|never|no longer|nor|neither|fail(?:ed|s)? to be|would be|could be|will be|hopes? to be|aim(?:s|ing)? to be|ambition)\s+(?:\w+\s+){0,2}$`)

// negatedBefore reports whether the rating at t[i:] is negated or
// hypothetical ("not rated good", "aims to be rated outstanding").
func negatedBefore(t string, i int) bool {
	return reNegated.MatchString(t[:i])
}

// committeeYear is the year of the inspection a committee paper reports:
// the latest year it mentions, not after its meeting date. Papers go to
// committee months after the inspection, often in the next year.
func committeeYear(doc *extract.Document, s string) int {
	limit := 0
	if len(doc.Published) >= 4 {
		limit, _ = strconv.Atoi(doc.Published[:4])
	}
	return latestYear(s, limit)
}

// findCommitteeJudgements returns the judgements a committee paper with
// no judgement table restates in prose ("Ofsted judged the overall
// effectiveness of services to be good"), read as news prose is.
func findCommitteeJudgements(doc *extract.Document, ls []text.Line, ws text.WordSet) []extract.Finding {
	sents := cutProse(ls, ws)
	fs := findNewsJudgements(doc, sents, committeeYear(doc, proseText(sents)))
	for i := range fs {
		fs[i].Rule = "committee.judgement"
		fs[i].Text = text.StripSectionNumber(fs[i].Text)
	}
	return fs
}

var (
	// SIF: "Children's services in Bedford Borough require improvement to be good".
	// SIF 2014-15: "The overall judgement is that children's services are good".
	reSIFOverall = regexp.MustCompile(`(?i)(?:children['’]s services in [^.]{2,80}?|the overall judgement is(?: that children['’]s services)?) (?:are |is |requires? )?(inadequate|good|outstanding|(?:requires )?improvement(?: to be good)?)`)
	// SIF: "The Local Safeguarding Children Board is good".
	reLSCB = regexp.MustCompile(`(?i)\bthe (?:effectiveness of the )?(?:local safeguarding children board|lscb)(?: \(lscb\))? (?:is|requires)(?: judged to be)? (requires improvement(?: to be good)?|improvement(?: to be good)?|inadequate|good|outstanding)\b`)
)

// sifOverall returns the overall judgement a SIF report states in a
// sentence of its table region j ("Children's services in X require
// improvement to be good").
func sifOverall(j text.Joined) (extract.Finding, bool) {
	m := reSIFOverall.FindStringSubmatchIndex(j.Text)
	if m == nil {
		return extract.Finding{}, false
	}
	return extract.Finding{Kind: extract.KindJudgement, Domain: extract.DomainOverall, Grade: framework.GradeOf(j.Text[m[2]:m[3]]),
		Text: j.Text[m[0]:m[1]], Page: j.PageAt(m[0]), Rule: "judgement.sif-overall"}, true
}

// sifLSCB returns the judgement of the local safeguarding children board
// that a SIF report states in a sentence anywhere in ls ("The LSCB is
// good").
func sifLSCB(ls []text.Line) (extract.Finding, bool) {
	all := text.Join(ls)
	m := reLSCB.FindStringSubmatchIndex(all.Text)
	if m == nil {
		return extract.Finding{}, false
	}
	return extract.Finding{Kind: extract.KindJudgement, Domain: extract.DomainLSCB, Grade: framework.GradeOf(all.Text[m[2]:m[3]]),
		Text: all.Text[m[0]:m[1]], Page: all.PageAt(m[0]), Rule: "judgement.lscb"}, true
}
