package classify

// Types are decided from the title block at the top of a document, never
// from its file name: each kind of Ofsted document opens with a fixed title
// ("Inspection of X local authority children's services", "Focused visit to
// X children's services", ...). When several titles occur in the head (a
// report's summary may mention "a focused visit"), the earliest wins.
// Committee papers are recognised first, because packs embed Ofsted
// documents; news is what is left when an HTML page or an article-like text
// carries no Ofsted title.

import (
	"regexp"
	"strings"
	"sync"

	"github.com/ofsted/ofsted/extract"
)

// titleRule is one title pattern. The first submatch, when present, is the
// phrase naming the authority.
type titleRule struct {
	typ  extract.Type
	re   *regexp.Regexp
	weak bool // used only when no other title matches
}

const apos = `['’‘]`

// titleRules is compiled once; the rules are never modified.
var titleRules = sync.OnceValue(func() []titleRule {
	return []titleRule{
		{typ: extract.TypeSEND, re: regexp.MustCompile(`(?i)\b(?:joint )?(?:area|local area) SEND (?:full |monitoring |re-?)?(?:inspection|visit|revisit)s?(?: report)?(?: (?:of|in) (?:the )?(.{3,90}?)(?: Local Area Partnership| local area\b|$| Inspection dates?| Dates? of))?`)},
		{typ: extract.TypeSEND, re: regexp.MustCompile(`(?i)\bLocal Area Partnership report\b`), weak: true},
		{typ: extract.TypeJTAI, re: regexp.MustCompile(`(?i)\bjoint targeted area inspection (?:\(JTAI\) )?(?:of (.{3,160}?)(?: This letter\b| Between\b| This inspection\b| The inspection\b|$))?`)},
		{typ: extract.TypeMonitoring, re: regexp.MustCompile(`(?i)\bmonitoring visit (?:to|of|at) (?:the )?(.{3,90}?)(?:(?: local authority)? children` + apos + `?s (?:social care )?services|(?: children` + apos + `?s)? trust\b| this letter\b)`)},
		{typ: extract.TypeFocused, re: regexp.MustCompile(`(?i)\bfocused visit (?:to|of|at) (?:the )?(.{3,90}?)(?:(?: local authority)? children` + apos + `?s (?:social care )?services|(?: children` + apos + `?s)? trust\b| this letter\b)`)},
		{typ: extract.TypeSIF, re: regexp.MustCompile(`(?i)\b(?:re-?)?inspection of services for children in need of help and protection,? children looked after and care leavers`)},
		{typ: extract.TypeOther, re: regexp.MustCompile(`(?i)\binspection of (?:safeguarding and )?looked after children(?:'s)? services|\binspection of safeguarding (?:and looked after children )?services|\breview of the effectiveness of the local safeguarding children board|\bjoint area review|\binspection of progress made in the provision of safeguarding services`)},
		{typ: extract.TypeILACS, re: regexp.MustCompile(`\bInspection of (?:the )?(.{3,90}?) local authority children` + apos + `?s (?:social care )?services`)},
		{typ: extract.TypeILACS, re: regexp.MustCompile(`\bInspection of (?:local authority )?children` + apos + `?s (?:social care )?services\b`)},
		{typ: extract.TypeILACS, re: regexp.MustCompile(`\b(?:INSPECTION OF (?:THE )?(.{3,90}?) LOCAL AUTHORITY CHILDREN` + apos + `?S SERVICES)`)},
	}
})

var (
	committeeRe = regexp.MustCompile(`(?i)\bpublic document pack\b|\bminutes of (?:the|a) meeting\b|\breport to (?:the )?[\w’'&, ]{0,80}committee\b|^agenda\b|\bagenda item\b|\bnotice of meeting\b`)
	purposeRe   = regexp.MustCompile(`(?i)\bpurpose of (?:the|this) report\b|\breport of the\b|\breport to\b|\bexecutive summary\b|\bwards? affected\b|\bkey decision\b|\bdate of (?:the )?meeting\b|\bmeeting date\b|\bportfolio holder\b|\bcabinet member\b|\breport author\b|\bcontact officer\b`)
	// The bodies a council paper goes to. Not "board" alone: Ofsted's SIF
	// reports review the Local Safeguarding Children Board.
	councilBodyRe = regexp.MustCompile(`(?i)\b(?:committee|cabinet|scrutiny|full council|council meeting|executive board|health and wellbeing board|corporate parenting (?:board|panel|committee)|(?:improvement|children['’]?s|education|partnership) (?:board|panel))\b`)
	newsRe        = regexp.MustCompile(`(?i)\badvertisement\b|\brelated articles\b|\blatest (?:articles|news)\b|\bfollow [\w ]{1,40} on (?:tiktok|facebook|twitter|instagram|x)\b|\bnewsdesk\b|\bshare (?:this|on)\b|\bread more\b|\bsign up to our newsletter\b|\bour journalism\b`)
	reportedRe    = regexp.MustCompile(`(?i)\bofsted (?:has |have )?(?:said|says|found|rated|recommends|judged)\b|\binspectors (?:found|said|say|highlighted|noted|told)\b|\brated ['‘’"“]?(?:good|outstanding|inadequate)|\bwatchdog\b`)
)

// detected is the outcome of type detection.
type detected struct {
	typ     extract.Type
	title   string
	at      int    // byte offset of the title in the head text, -1 if none
	subject string // the phrase of the title naming the authority
}

func detectType(src *extract.Source, h []line, hf string, all []line) detected {
	none := detected{typ: extract.TypeOther, at: -1}
	if len(h) == 0 {
		if src.Format == "html" {
			none.typ = extract.TypeNews
		}
		return none
	}
	// Committee papers: a pack cover, minutes, or a report to a committee.
	top := flat(h[:min(len(h), 15)])
	// A web page needs the strong signs: news sites name cabinets and
	// boards too.
	if committeeRe.MatchString(top) || (src.Format != "html" && purposeRe.MatchString(top) && councilBodyRe.MatchString(top)) {
		return detected{typ: extract.TypeCommittee, title: committeeTitle(src, h), at: -1}
	}
	best := none
	weak := none
	for _, r := range titleRules() {
		m := r.re.FindStringSubmatchIndex(hf)
		if m == nil {
			continue
		}
		if r.weak {
			if weak.at < 0 {
				weak = detected{typ: r.typ, at: m[0], title: titleText(hf, m)}
			}
			continue
		}
		if best.at >= 0 && m[0] >= best.at {
			continue
		}
		best = detected{typ: r.typ, at: m[0], title: titleText(hf, m)}
		if len(m) >= 4 && m[2] >= 0 {
			best.subject = hf[m[2]:m[3]]
		}
	}
	if best.at < 0 {
		best = weak
	}
	if best.at >= 0 && src.Format != "html" {
		return best
	}
	if src.Format == "html" || looksLikeNews(h, all) {
		t := strings.TrimSpace(src.Title)
		if t == "" {
			t = headline(h)
		}
		return detected{typ: extract.TypeNews, title: truncate(cleanLine(t), 300), at: -1}
	}
	return best
}

// titleText is the matched title, up to the end of its phrase.
func titleText(hf string, m []int) string {
	t := strings.TrimSpace(hf[m[0]:m[1]])
	for _, stop := range []string{" This letter", " Between", " This inspection", " The inspection"} {
		t = strings.TrimSuffix(t, stop)
	}
	return truncate(t, 300)
}

// looksLikeNews reports whether a text without an Ofsted title reads like a
// news article: a short headline and either the furniture of a news site
// or reported speech about Ofsted.
func looksLikeNews(h, all []line) bool {
	text := flat(all)
	if newsRe.MatchString(text) {
		return true
	}
	return len(reportedRe.FindAllString(text, 3)) >= 2 && len(h[0].text) < 200
}

// committeeTitle is the document title of a committee paper: metadata,
// else the first line that is more than a pack label.
func committeeTitle(src *extract.Source, h []line) string {
	if t := strings.TrimSpace(src.Title); t != "" {
		return truncate(cleanLine(t), 300)
	}
	// Report templates label the title ("Title: ...", "Subject: ...").
	for _, l := range h {
		if m := labelTitleRe.FindStringSubmatch(l.text); m != nil {
			return truncate(strings.TrimSpace(m[1]), 300)
		}
	}
	var rest []line
	for _, l := range h {
		if !paperLabelRe.MatchString(l.text) {
			rest = append(rest, l)
		}
	}
	t := headline(rest)
	// A title in capitals wraps onto lines in capitals.
	for i, l := range rest {
		if l.text != t || !allCaps(t) {
			continue
		}
		for _, n := range rest[i+1:] {
			if !allCaps(n.text) || len(t)+len(n.text) > 300 {
				break
			}
			t += " " + n.text
		}
		break
	}
	return t
}

// allCaps reports whether s has letters and none in lower case.
func allCaps(s string) bool {
	return strings.ToUpper(s) == s && strings.ToLower(s) != s
}

// bodyLine is the name of a council's meeting standing alone on a line,
// the name as its submatch: a label of the paper, not its title.
const bodyLine = `(?:the )?(cabinet|executive board|full council|council|executive)`

var (
	// A labelled report title in a paper's head.
	labelTitleRe = regexp.MustCompile(`(?i)^(?:report )?(?:title|subject)(?: of report)?\s*:\s*(\S.{2,})$`)
	// Lines of a paper's head that are labels, not its title.
	paperLabelRe = regexp.MustCompile(`(?i)^(?:agenda item\b|item(?: no\.?)? \d|report (?:to|of|by|author)\b|(?:date of )?meeting\b|date\b|wards?\b|key decision\b|classification\b|status\b|public\b|open\b|[\w’' ]{0,60}\bcouncil$|` + bodyLine + `$)`)
)

// headline is the first line of the head that reads like a title: three
// words or more, not a date, not a pack label. Page furniture above a
// headline ("1.3 C", "West Bridgford", a dateline) is passed over.
func headline(h []line) string {
	for _, l := range h {
		if strings.EqualFold(l.text, "public document pack") || len(strings.Fields(l.text)) < 3 || dateLineRe.MatchString(l.text) {
			continue
		}
		return truncate(l.text, 300)
	}
	if len(h) > 0 {
		return truncate(h[0].text, 300)
	}
	return ""
}
