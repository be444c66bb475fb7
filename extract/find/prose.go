package find

// News stories, press releases and committee papers report an
// inspection's judgements in sentences, not in a table: "rated 'good' by
// Ofsted", "judged good in all areas except care leavers, which requires
// improvement", "rated requires improvement for leadership and for child
// protection, but good for children in care", "Good: overall
// effectiveness; the impact of leaders". They also report grades that are
// not the inspection's: an earlier inspection's ("five years after they
// were judged inadequate", "at its last inspection in 2015"), another
// council's ("Neighbouring Islington's children's services were rated
// outstanding"), councils' in general ("one in ten councils are rated
// inadequate"), a grade that is hoped for ("aims to be outstanding"), and
// the grade an authority keeps while Ofsted only visits it (a monitoring
// visit grades nothing).
//
// So each grade a sentence names is read as English is built
// (reported.go): first the construction that makes it a rating (a rating
// verb, a copula, a rating noun, "a good service", a move "to good", a
// list "Good: ..."; an adjective before a noun, "good progress", is none);
// then its time (looks back?), its mood (negated or hoped for?) and its
// owner (this authority?); then the domains it grades (scope.go): those
// named after it ("for X and for Y", "in all five areas", "overall"), else
// its subject or object ("X and Y had all been judged"), else the service
// as a whole. The domains are those of the framework of the day
// (framework.FrameworkAt): "all five areas" in 2024, care leavers within
// children in care before 2023.
//
// Committee papers with no copy of the table restate the judgements in
// the same prose, and are read by the same rules. SIF reports state their
// overall and LSCB judgements in a sentence as well as in the table
// ("Children's services in X require improvement to be good", "The LSCB
// is good"): those sentences are read at the end of this file.

import (
	"strconv"
	"strings"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"
	"github.com/ofsted/ofsted/extract/text"
)

// publicationLag is how long after an inspection its report, and the
// news of it, usually comes out: a story's date less this is taken for
// the inspection's when choosing the framework it was graded under.
const publicationLag = 7 * 7 // days

// reporter reads the judgements a story or paper reports.
type reporter struct {
	rule string
	// title is the document's headline or title (a headline is read in
	// headline grammar: "Council services 'good', says Ofsted").
	title string
	// year is the year of the inspection reported (0: unknown), month
	// its month when the story's date is known (1-12, else 0).
	year, month int
	// fw is the framework the inspection was graded under (ok false when
	// the date is unknown or before the first).
	fw   framework.Framework
	fwOK bool
	// date is the inspection's date as near as it is known (YYYY-MM-DD,
	// YYYY or "").
	date string
	// own are the words of the name of the document's authority (lower
	// case), to tell another council's grades from its own.
	own map[string]bool
	// visit is true when a story's headline or lede (the sentences of
	// lede) names a monitoring or focused visit, which grades nothing:
	// unless they also report a grade given (not one that remains),
	// every grade in the story is an earlier inspection's.
	visit bool
	lede  map[int]bool
}

// newReporter returns the reader of doc's prose, with the inspection's
// year from date (YYYY-MM-DD, may be empty) or else year. dated says
// that year is the inspection's, not only the latest the text names (a
// story's latest year may be an earlier inspection's): the framework is
// known only from a date or a dated year.
func newReporter(doc *extract.Document, rule, date string, year int, dated bool) *reporter {
	r := &reporter{rule: rule, title: doc.Title, year: year, own: nameWords(doc.Authority.Name)}
	if len(date) >= 10 {
		if y, err := strconv.Atoi(date[:4]); err == nil {
			r.year = y
		}
		r.month, _ = strconv.Atoi(date[5:7])
		r.date = shiftDate(date, -publicationLag)
	} else if dated && r.year > 0 {
		r.date = strconv.Itoa(r.year)
	}
	r.fw, r.fwOK = framework.FrameworkAt(r.date)
	return r
}

// judgements returns one judgement per domain the sentences report for
// the current inspection (the first report of a domain wins).
func (r *reporter) judgements(sents []prose) []extract.Finding {
	var out []extract.Finding
	have := map[extract.Domain]bool{}
	rated := false   // a rating in the headline or lede
	earlier := false // in the items of a list an earlier inspection's judgements head
	for i, s := range sents {
		if reOtherStory.MatchString(s.text) {
			continue // a link to another story
		}
		item := isItem(s.text)
		if earlier && item {
			continue // "The judgements made at that inspection were:" / "• Overall effectiveness: Good"
		}
		earlier = false
		if strings.HasSuffix(s.text, ":") {
			intro := s.text
			if i > 0 {
				intro = sents[i-1].text + " " + intro
			}
			earlier = looksBackAt(intro) || r.pastIn(s.text)
		}
		headline := s.text == r.title || (i == 0 && s.para == 0 && r.title == "") ||
			len(r.title) >= 20 && strings.Contains(s.text, r.title)
		rds := r.sentence(s.text, headline)
		for _, rd := range rds {
			rated = rated || (r.lede[i] && !rd.stative)
		}
		combined := reCombinedInCare.MatchString(s.text)
		for _, rd := range rds {
			for _, d := range r.within(rd.domains, combined) {
				if have[d] {
					continue
				}
				have[d] = true
				out = append(out, extract.Finding{Kind: extract.KindJudgement, Domain: d, Grade: rd.grade, Text: s.text, Page: s.page, Rule: r.rule})
			}
		}
	}
	if r.visit && !rated {
		return nil // a visit's story: its grades are the last inspection's
	}
	return out
}

// isItem reports whether sentence t is a list item (it keeps its
// marker: see cutProse).
func isItem(t string) bool {
	g, _ := text.Bullet(t)
	return g != "" || text.ListMarker(t)
}

// reOtherStory is a news page's link to another story ("READ MORE: ...",
// "Related: ...").
var reOtherStory = text.Lazy(`(?i)^(?:read more|related(?: stories| articles| content)?|more on this(?: story)?|most read|see also|also read|you may also like|trending|top stories|recommended|more stories)\b\s*[:|-]?`)

// reCombinedInCare is the name of the judgement ILACS gave children in
// care and care leavers together until 2023.
var reCombinedInCare = text.Lazy(`(?i)\bin care and care leavers\b`)

// within maps domains to the judgements of the framework of the day:
// a domain it grades as part of another becomes that one; one it does
// not grade at all is dropped. With no framework known, care leavers
// named with children in care as one judgement (combined) are that
// judgement; other domains are kept as they are.
func (r *reporter) within(ds []extract.Domain, combined bool) []extract.Domain {
	if !r.fwOK {
		if !combined {
			return ds
		}
		var out []extract.Domain
		for _, d := range ds {
			if d != extract.DomainCareLeaver {
				out = append(out, d)
			}
		}
		return out
	}
	var out []extract.Domain
	for _, d := range ds {
		if p, ok := r.fw.Within[d]; ok {
			d = p
		}
		if d == extract.DomainLSCB || r.fw.Grades(d) {
			out = append(out, d)
		}
	}
	return out
}

// nameWords returns the words of an authority's name, lower case.
func nameWords(name string) map[string]bool {
	if name == "" {
		return nil
	}
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !('a' <= r && r <= 'z') }) {
		m[w] = true
	}
	return m
}

// shiftDate returns date (YYYY-MM-DD) moved by days, or date when it is
// no date.
func shiftDate(date string, days int) string {
	y, err1 := strconv.Atoi(date[:4])
	m, err2 := strconv.Atoi(date[5:7])
	d, err3 := strconv.Atoi(date[8:10])
	if err1 != nil || err2 != nil || err3 != nil {
		return date
	}
	// Civil-from-days arithmetic would be exact; months of 30 days are
	// near enough for a lag of weeks.
	n := y*360 + (m-1)*30 + (d - 1) + days
	y, n = n/360, n%360
	return strconv.Itoa(y) + "-" + pad2(n/30+1) + "-" + pad2(n%30+1)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

var reYear = text.Lazy(`\b(19[89]\d|20\d\d)\b`)

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

// newsReporter reads a news story: the inspection is the story's (its
// date's year, else the latest year it names), and a story whose headline
// or first paragraph is about a monitoring or focused visit reports no
// grade.
func newsReporter(doc *extract.Document, sents []prose) *reporter {
	date := doc.Published
	if date == "" {
		date = doc.VisitEnd
	}
	r := newReporter(doc, "news.judgement", date, latestYear(proseText(sents), 0), false)
	r.lede = ledeOf(doc.Title, sents)
	r.visit = visitStory(doc.Title, sents, r.lede)
	return r
}

var (
	// A visit that grades nothing.
	reVisitStory = text.Lazy(`(?i)\b(?:monitoring|focused|follow-up|progress) visits?\b|\bmonitoring (?:letter|inspection)\b`)
	// An inspection that grades.
	reFullInspection = text.Lazy(`(?i)\b(?:full|standard|short|graded|ILACS) inspection\b|\binspection of (?:local authority )?children['’]s services\b|\bre-?inspect`)
)

// ledeOf returns the indexes of a story's headline and lede (the first
// paragraph of eight words or more after the headline).
func ledeOf(title string, sents []prose) map[int]bool {
	out := map[int]bool{}
	start := 0
	for i, s := range sents {
		if s.text == title || len(title) >= 20 && strings.Contains(s.text, title) {
			out[i] = true
			start = i + 1
			break
		}
	}
	for i := start; i < len(sents); i++ {
		if len(out) > 1 && sents[i].para != sents[i-1].para {
			break
		}
		if len(strings.Fields(sents[i].text)) >= 8 || len(out) > 1 {
			out[i] = true
		}
	}
	return out
}

// visitStory reports whether a story's headline or lede names a
// monitoring or focused visit, and no full inspection.
func visitStory(title string, sents []prose, lede map[int]bool) bool {
	visit := reVisitStory.MatchString(title)
	if reFullInspection.MatchString(title) {
		return false
	}
	for i := range lede {
		if reFullInspection.MatchString(sents[i].text) {
			return false
		}
		visit = visit || reVisitStory.MatchString(sents[i].text)
	}
	return visit
}

// committeeReporter reads a committee paper. Papers go to committee
// months after the inspection, often in the next year: the inspection's
// year is the latest year the paper gives an inspection, visit or
// report, not after its meeting; else the latest year it names.
func committeeReporter(doc *extract.Document, sents []prose) *reporter {
	limit := 0
	if len(doc.Published) >= 4 {
		limit, _ = strconv.Atoi(doc.Published[:4])
	}
	y := 0
	for _, s := range sents { // sentence by sentence: a heading is no sentence's subject
		for _, m := range reInspectionYear.FindAllStringSubmatch(s.text, -1) {
			if n, _ := strconv.Atoi(m[1]); n > y && (limit == 0 || n <= limit) {
				y = n
			}
		}
	}
	dated := y > 0
	if limit > 0 && y > 0 && limit-y > 2 {
		// A paper that names no inspection later than three years
		// before its meeting recalls an old one: it reports none.
		y, dated = limit, false
	}
	if y == 0 {
		y = latestYear(proseText(sents), limit)
	}
	r := newReporter(doc, "committee.judgement", "", y, dated)
	if !r.fwOK && len(doc.Published) >= 10 {
		// The framework of the paper's time, for counts of areas ("all
		// areas except ..."): the year alone does not say it.
		r.fw, r.fwOK = framework.FrameworkAt(shiftDate(doc.Published, -publicationLag))
	}
	if reVisitStory.MatchString(doc.Title) && !reFullInspection.MatchString(doc.Title) {
		r.visit = true
	}
	return r
}

// reInspectionYear is the year of an inspection, visit or report named in
// a paper: "inspected in November 2023", "the inspection, which took place
// from 22 January to 2 February 2024", "the report was published on 6
// March 2024".
var reInspectionYear = text.Lazy(`(?i)\b(?:inspect(?:ion|ed)|visit(?:ed)?|report (?:was )?published|took place|carried out)\b[^.;]{0,80}?\b(20\d\d)\b`)

// findCommitteeJudgements returns the judgements a committee paper with
// no judgement table restates in prose ("Ofsted judged the overall
// effectiveness of services to be good"), read as news prose is.
func findCommitteeJudgements(doc *extract.Document, ls []text.Line, ws text.WordSet) []extract.Finding {
	sents := cutProse(ls, ws)
	fs := committeeReporter(doc, sents).judgements(sents)
	for i := range fs {
		fs[i].Text = text.StripSectionNumber(fs[i].Text)
	}
	return fs
}

var (
	// SIF: "Children's services in Bedford Borough require improvement to be good".
	// SIF 2014-15: "The overall judgement is that children's services are good".
	reSIFOverall = text.Lazy(`(?i)(?:children['’]s services in [^.]{2,80}?|the overall judgement is(?: that children['’]s services)?) (?:are |is |requires? )?(inadequate|good|outstanding|(?:requires )?improvement(?: to be good)?)`)
	// SIF: "The Local Safeguarding Children Board is good".
	reLSCB = text.Lazy(`(?i)\bthe (?:effectiveness of the )?(?:local safeguarding children board|lscb)(?: \(lscb\))? (?:is|requires)(?: judged to be)? (requires improvement(?: to be good)?|improvement(?: to be good)?|inadequate|good|outstanding)\b`)
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
