package classify

// The signals of type.go, each reading one thing about how a kind of
// document is built. Their knowledge is data: the headings each framework
// prints, the rows of its grade table, the furniture of a council paper
// and of a news page are tables of (type, weight, pattern). A new
// framework or document type adds rows here and a test.
//
// Line signals match a line from its start, after any paragraph or item
// number ("7 Wards affected", "2.1 Adoption performance"), so that a
// phrase inside a sentence ("minutes of strategy meetings", "key decisions
// about children") is not taken for furniture. Text signals (reported
// speech, the vocabulary of SEND and joint inspections) count phrases
// anywhere, and are capped, because prose repeats them.

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"

	"github.com/ofsted/ofsted/extract/text"
)

// signalLines bounds the lines the line signals read, and signalText the
// text the text signals read, so that a huge file costs no more than a
// long report.
const (
	signalLines = 2500
	signalText  = 60000
)

// typeSignals lists the signals in the order their evidence is reported.
func typeSignals() []signal {
	return []signal{
		{"title", titleSignal},
		{"grade table", gradeTableSignal},
		{"headings", lineSignal(headingRows)},
		{"letter", letterSignal},
		{"ofsted furniture", lineSignal(ofstedRows)},
		{"committee furniture", lineSignal(committeeRows)},
		{"news furniture", lineSignal(newsRows)},
		{"reported speech", textSignal(reportedRows, 5)},
		{"SEND vocabulary", textSignal(sendRows, 3)},
		{"JTAI vocabulary", textSignal(jtaiRows, 3)},
		{"web page", formatSignal},
		{"headline", headlineSignal},
	}
}

// titleSignal gives each type the weight of its best title (see
// titleWeight).
func titleSignal(in *typeInput) []evidence {
	best := map[extract.Type]int{}
	var order []extract.Type
	for i, m := range in.titles {
		t := titleRules()[m.rule].typ
		k, ok := best[t]
		if !ok {
			order = append(order, t)
		}
		if !ok || titleWeight(in.titles, k) < titleWeight(in.titles, i) {
			best[t] = i
		}
	}
	var out []evidence
	for _, t := range order {
		m := in.titles[best[t]]
		where := "title"
		if !m.own {
			where = "title in a sentence"
			if k := in.block.lineOf(m.at); in.block.starts[k] == m.at && isUpperASCII(in.block.text[m.at]) {
				where = "title below the page's own text"
			}
		}
		out = append(out, evidence{typ: t, weight: titleWeight(in.titles, best[t]),
			reason: fmt.Sprintf("%s %q", where, truncate(titleText(in.block.text[m.at:m.end]), 80))})
	}
	return out
}

// titleWeight is the evidence title i gives: its rule's full weight where
// a document's own title stands, half when another type's own title comes
// first (a SIF report's LSCB review), 1 inside a sentence (a reference to
// another document).
func titleWeight(ms []titleMatch, i int) int {
	m := ms[i]
	if !m.own {
		return 1
	}
	r := titleRules()[m.rule]
	for _, p := range ms[:i] {
		if p.own && titleRules()[p.rule].typ != r.typ {
			return max(1, r.weight/2)
		}
	}
	return r.weight
}

// lineRow is one row of a line table: lines matching pattern (after
// numbering) are evidence of weight for typ. Rows sharing a name count
// once.
type lineRow struct {
	typ     extract.Type
	weight  int
	name    string
	pattern string
}

// lineTable is a table with each row's pattern compiled, anchored at the
// start of a line.
type lineTable struct {
	rows  []lineRow
	res   []*regexp.Regexp
	first []*[256]bool         // the bytes each row's matches can start with
	cap   map[extract.Type]int // most evidence a type takes from the table
}

func compileTable(rows []lineRow, cap map[extract.Type]int) *lineTable {
	t := &lineTable{rows: rows, cap: cap}
	for _, r := range rows {
		p := `^(?:` + r.pattern + `)`
		t.res = append(t.res, regexp.MustCompile(p))
		t.first = append(t.first, firstBytes(p))
	}
	return t
}

// numberingRe is a paragraph, item or list number before a line's text.
var numberingRe = text.Lazy(`^(?:[-•–▪◼·*]\s*)?(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+|\d{1,3}\.(?:\d{1,3}\.?)*)?`)

// maxKeyLine is the longest line the line tables read: furniture and
// headings are short; a longer line is a paragraph.
const maxKeyLine = 200

// lineKey is a line as the line tables read it: numbering dropped,
// footnote marks and trailing punctuation of a heading trimmed; "" for a
// line no row can match (a paragraph, or one that starts in lower case,
// as a sentence wrapped onto it does).
func lineKey(s string) string {
	if len(s) > maxKeyLine {
		return ""
	}
	if c := s[0]; c >= '0' && c <= '9' || c == '(' || c == '-' || c >= 0x80 || c == '*' {
		s = s[len(numberingRe.FindString(s)):]
	}
	if s == "" || 'a' <= s[0] && s[0] <= 'z' {
		return ""
	}
	if strings.ContainsAny(s, "0123456789") {
		s = footnoteRe.ReplaceAllString(s, "$1")
	}
	return strings.TrimRight(s, " ?:.")
}

// keys are the line keys of the own lines the signals read, made once.
func (in *typeInput) keys() []string {
	if in.lineKeys == nil {
		ls := in.own[:min(len(in.own), signalLines)]
		in.lineKeys = make([]string, len(ls))
		for i, l := range ls {
			in.lineKeys[i] = lineKey(l.text)
		}
	}
	return in.lineKeys
}

// lineSignal reads every own line against a table; each row counts once.
func lineSignal(table func() *lineTable) func(in *typeInput) []evidence {
	return func(in *typeInput) []evidence {
		t := table()
		seen := map[string]bool{}
		got := map[extract.Type]int{}
		var out []evidence
		for _, k := range in.keys() {
			if k == "" {
				continue
			}
			for i, r := range t.rows {
				if !t.first[i][k[0]] || seen[r.name] || !t.res[i].MatchString(k) {
					continue
				}
				seen[r.name] = true
				w := r.weight
				if c, ok := t.cap[r.typ]; ok {
					w = min(w, c-got[r.typ])
				}
				if w > 0 {
					got[r.typ] += w
					out = append(out, evidence{typ: r.typ, weight: w, reason: r.name})
				}
				break
			}
		}
		return out
	}
}

// headingRows are the headings each framework prints. Reports restate
// them in committee papers and news, so each is modest and a type takes
// at most 6 from them.
var headingRows = sync.OnceValue(func() *lineTable {
	const end = `\s*$`
	return compileTable([]lineRow{
		{extract.TypeFocused, 3, `heading "What needs to improve in this area of social work practice"`, `(?i)what needs to improve in this area of (?:social work )?practice` + end},
		{extract.TypeILACS, 2, `heading "What needs to improve"`, `(?i)what needs to improve(?: in this local authority)?` + end},
		{extract.TypeFocused, 2, `heading "Headline findings"`, `(?i)(?:headline|main) findings` + end},
		{extract.TypeMonitoring, 2, `heading "Areas covered by the visit"`, `(?i)areas covered by (?:the|this) visit` + end},
		{extract.TypeMonitoring, 2, `heading "Findings and evaluation of progress"`, `(?i)findings and evaluation of progress` + end},
		{extract.TypeJTAI, 2, `heading "Next steps"`, `(?i)next steps` + end},
		{extract.TypeSIF, 2, `heading "Summary for children and young people"`, `(?i)summary for children and young people` + end},
		{extract.TypeSIF, 2, `heading "Information about this local authority area"`, `(?i)information about this local authority area` + end},
		{extract.TypeSIF, 2, `heading "Inspection judgements about the local authority"`, `(?i)inspection judgements about the local authority` + end},
		{extract.TypeSIF, 2, `heading "What does the local authority need to improve"`, `(?i)what does the local authority need to improve` + end},
		{extract.TypeSIF, 2, `heading "Priority and immediate action"`, `(?i)priority and immediate action` + end},
		{extract.TypeSIF, 2, `heading "Previous Ofsted inspections"`, `(?i)previous ofsted inspections` + end},
		{extract.TypeSIF, 2, `heading "Inspection findings - the LSCB"`, `(?i)inspection findings\s*[–—-]\s*the local safeguarding children board` + end},
		{extract.TypeSIF, 2, `heading "The local authority's strengths"`, `(?i)the local authority` + apos + `s strengths` + end},
		{extract.TypeSEND, 2, `heading "What is it like to be a child or young person with SEND"`, `(?i)what is it like to be a child or young person with send\b`},
		{extract.TypeSEND, 2, `heading "What is the area partnership doing that is effective"`, `(?i)what is the (?:local )?area partnership doing that is effective` + end},
		{extract.TypeSEND, 2, `heading "What does the area partnership need to do better"`, `(?i)what does the (?:local )?area partnership need to do better` + end},
		{extract.TypeSEND, 2, `heading "Local area partnership details"`, `(?i)(?:local area partnership details|information about the local area partnership)` + end},
		{extract.TypeSEND, 2, `heading "Inspection outcome"`, `(?i)inspection outcome` + end},
		{extract.TypeSEND, 2, `heading "The effectiveness of the local area"`, `(?i)the effectiveness of the local area in\b`},
	}, map[extract.Type]int{extract.TypeILACS: 6, extract.TypeSIF: 6, extract.TypeFocused: 6, extract.TypeMonitoring: 6, extract.TypeJTAI: 6, extract.TypeSEND: 6})
})

// ofstedRows are the furniture every Ofsted document carries: its dates
// and inspectors labelled, its address, its copyright, its signature.
var ofstedRows = sync.OnceValue(func() *lineTable {
	return compileTable([]lineRow{
		{groupOfsted, 2, `"Inspection dates"`, `(?i)(?:inspection|visit|fieldwork) dates?\b|dates? of (?:the )?(?:inspection|visit)\b`},
		{groupOfsted, 1, `"Lead inspector"`, `(?i)(?:lead|reporting) inspector\b`},
		{groupOfsted, 2, "Ofsted address", `Piccadilly Gate\b|E:\s*enquiries@ofsted\.gov\.uk|W:\s*www\.(?:gov\.uk/)?ofsted`},
		{groupOfsted, 1, "Crown copyright", `©\s*crown copyright\b`},
		{groupOfsted, 1, "signed by an inspector", `(?i)(?:her|his) majesty` + apos + `s inspector\b|senior hmi\b`},
	}, map[extract.Type]int{groupOfsted: 5})
})

// committeeRows are the furniture of council papers: pack covers, agenda
// and minutes, report templates' labels and sections.
var committeeRows = sync.OnceValue(func() *lineTable {
	return compileTable([]lineRow{
		{extract.TypeCommittee, 6, `"Public Document Pack"`, `(?i)public document pack\s*$`},
		{extract.TypeCommittee, 4, "minutes of a meeting", `(?i)(?:draft |confirmed |the )?minutes of (?:the|a|an)\b.{0,80}\bmeeting\b|(?:draft |confirmed )?minutes of (?:the )?[\w’'&,\- ]{0,80}\b(?:committee|cabinet|board|panel|forum|sub-committee)\b|(?:draft |confirmed )?minutes\s*$|minute (?:no|number)\b`},
		{extract.TypeCommittee, 3, "notice of meeting", `(?i)notice of (?:the )?meeting\b|summons\s*$`},
		{extract.TypeCommittee, 3, "agenda", `(?i)agenda(?: item\b|\s*$)|item(?: no\.?)? \d+\s*$|agenda item no\b`},
		{extract.TypeCommittee, 3, `"Report to"`, `(?i)report to\b`},
		{extract.TypeCommittee, 3, "report of an officer", `(?i)report of (?:the )?(?:corporate |executive |strategic |service |interim |deputy )?(?:director|head|chief|cabinet member|portfolio holder|statutory scrutiny officer|assistant director|lead member)\b`},
		{extract.TypeCommittee, 3, `"Purpose of the report"`, `(?i)purpose(?: of (?:the|this) (?:report|paper))?(?: and (?:summary|background))?\s*(?:$|:)|purpose of (?:the|this) (?:report|paper)\b`},
		{extract.TypeCommittee, 4, "record of a decision", `(?i)record of (?:an? )?(?:executive |officer |cabinet |cabinet member |key |delegated |individual |portfolio holder )*decisions?\b|decision (?:maker|taker|date|notice|reference)\s*:|(?:executive|officer|delegated|cabinet member|portfolio holder) decision(?: notice| record)?\s*$`},
		{extract.TypeCommittee, 2, "a council body", `(?:[A-Z][\w’'&,\-]*\s+){0,6}(?:Overview and Scrutiny|Scrutiny|Corporate Parenting|Health and Wellbeing|Cabinet|Executive|Select|Improvement)(?: [A-Z][\w’']*)* (?:Committee|Board|Panel|Sub-Committee|Commission)\s*$`},
		{extract.TypeCommittee, 2, "a paper to members", `(?i)(?:this|the purpose of this) (?:paper|report|briefing|update) (?:is to )?(?:updates?|informs?|provides?|sets? out|asks?|seeks?|presents?|summarises?|gives?|briefs?)\b`},
		{extract.TypeCommittee, 4, "briefing note", `(?i)(?:(?:members?|councillors?|elected members?)` + apos + `? |information )?briefing (?:note|paper)\b`},
		{extract.TypeCommittee, 2, "wards affected", `(?i)wards? affected\b|electoral divisions?(?:\(s\))?\b.{0,40}affected\b`},
		{extract.TypeCommittee, 2, "key decision", `(?i)key decision(?:\s*[:?]|\s+(?:yes|no)\b|\s*$)|key decision (?:number|reference)\b`},
		{extract.TypeCommittee, 2, "report author", `(?i)(?:report )?authors?\s*:|(?:report author|contact officers?|lead officers?)\b|contact (?:information|details)\s*$`},
		{extract.TypeCommittee, 2, "background papers", `(?i)background (?:papers|documents)\b|list of background papers\b`},
		{extract.TypeCommittee, 2, "implications", `(?i)(?:financial|legal|equalit(?:y|ies)|statutory and policy|human resources?|hr|risk|procurement|property|crime and disorder|data protection|climate|environmental|sustainability)(?:,? (?:and )?[a-z]+){0,3} (?:implications|comments|considerations)\b`},
		{extract.TypeCommittee, 2, "options considered", `(?i)(?:other |alternative )?options (?:considered|available)\b|reasons? for (?:the )?(?:recommendations?|decision)\b`},
		{extract.TypeCommittee, 2, "action required", `(?i)(?:action|decision)s? required\s*$|recommendations? to (?:the )?(?:committee|cabinet|panel|board|council)\b`},
		{extract.TypeCommittee, 2, "members asked to decide", `(?i)(?:it is recommended that|members are (?:asked|recommended) to|that the (?:committee|cabinet|panel|board)\b|the (?:committee|cabinet|panel|board) (?:is|are) (?:asked|recommended) to)`},
		{extract.TypeCommittee, 2, "portfolio holder", `(?i)(?:portfolio holder|cabinet member|lead member)\b`},
		{extract.TypeCommittee, 2, "meeting date", `(?i)date of (?:the )?meeting\b|meeting date\b|meeting\s*:|councillors are requested to attend\b`},
		{extract.TypeCommittee, 2, "apologies and declarations", `(?i)apologies(?: for absence)?\s*$|declarations? of (?:interests?|disclosable)\b`},
		{extract.TypeCommittee, 2, "members present", `(?i)present\s*:|(?:councillors|members) present\b|in attendance\s*:?\s*$|(?:chair|chairman|chairperson|vice-chair)\s*:`},
		{extract.TypeCommittee, 2, "resolutions", `(?i)resolved(?: to| that)?\s*:|resolved(?: that)?\b`},
	}, nil)
})

// newsFurniture reports whether a line is a news site's or web page's
// furniture (a row of newsRows), not text.
func newsFurniture(s string) bool {
	k := lineKey(s)
	if k == "" {
		return false
	}
	t := newsRows()
	for i := range t.rows {
		if t.first[i][k[0]] && t.res[i].MatchString(k) {
			return true
		}
	}
	return false
}

// newsRows are the furniture of news sites and web pages.
var newsRows = sync.OnceValue(func() *lineTable {
	return compileTable([]lineRow{
		{extract.TypeNews, 2, "byline", `By \p{Lu}[\p{L}'’\-]+(?: \p{Lu}[\p{L}'’\-]+){1,3}\b`},
		{extract.TypeNews, 2, "dateline", `(?i)(?:first published|last updated|published|updated|posted)\b:?.*\d`},
		{extract.TypeNews, 2, "related articles", `(?i)related (?:articles|stories|topics|content|news|links)\b|more (?:on this story|stories like this)\b`},
		{extract.TypeNews, 2, "share buttons", `(?i)share(?: this)?(?: article| story| page| post)?\s*$|share (?:on|via) (?:facebook|twitter|x|whatsapp|email|linkedin)\b`},
		{extract.TypeNews, 2, "advertisement", `(?i)[–—-]?\s*advertisement\s*[–—-]?\s*$`},
		{extract.TypeNews, 2, "press release", `(?i)(?:press|news|media) release\b|notes? to editors?\b|media (?:enquiries|contacts?)\b|ends\s*$`},
		{extract.TypeNews, 2, "newsletter masthead", `(?i)(?:[\p{L}’'& ]+ )?(?:bulletin|newsletter|e-?news)\s*$|issue (?:no\.? ?)?\d{1,4}\s*$`},
		{extract.TypeNews, 1, "section label", `(?i)(?:local |latest |breaking |council )?news\s*[|>›»/]`},
		{extract.TypeNews, 1, "outlet masthead", `(?:The )?(?:\p{Lu}[\p{L}'’&]+ ){0,3}(?:News|Post|Echo|Gazette|Herald|Chronicle|Mercury|Telegraph|Times|Standard|Argus|Advertiser|Journal|Mail|Express|Mirror|Observer|Guardian|Independent|Live|Sentinel|Courier|Examiner)\s*$`},
		{extract.TypeNews, 1, "read more", `(?i)read more\b|(?:most read|trending|top stories|more stories|latest news|latest articles)\s*$`},
		{extract.TypeNews, 2, "web page furniture", `(?i)skip to (?:main )?content\s*$|accept (?:all )?cookies\b|we use (?:some )?(?:essential )?cookies\b|cookie (?:settings|preferences|policy)\s*$|back to top\s*$|was this page (?:helpful|useful)\b|home\s*[>›»]`},
	}, nil)
})

// textRow is one phrase of a text signal. Every match holds one of the
// needles (lower-case ASCII); the pattern runs only in a window around
// each, so that a long text costs a search for a few words, not a regexp
// scan.
type textRow struct {
	typ     extract.Type
	name    string
	needles []string
	re      *regexp.Regexp
	back    int // how far before its needle a match may start
}

// phraseWindow is how far after its needle a phrase may reach.
const phraseWindow = 120

// count returns how many matches of the row text holds, at most limit;
// lower is text with its ASCII letters in lower case.
func (r textRow) count(text, lower string, limit int) int {
	n, done := 0, 0 // done: the end of the last match counted
	for _, i := range needleAt(lower, r.needles) {
		if n == limit {
			break
		}
		from := runeStart(text, max(done, i-max(r.back, 12)))
		to := runeStart(text, min(len(text), i+phraseWindow))
		if from >= to {
			continue
		}
		if m := r.re.FindStringIndex(text[from:to]); m != nil && from+m[1] > done {
			n++
			done = from + m[1]
		}
	}
	return n
}

// runeStart moves i back to the start of the rune holding it.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// asciiLower is s with its ASCII letters in lower case, byte for byte.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// text is the own text the text signals read, and its lower case.
func (in *typeInput) text() (string, string) {
	if in.flatText == "" && len(in.own) > 0 {
		in.flatText = truncate(flat(in.own[:min(len(in.own), signalLines)]), signalText)
		in.lowerText = asciiLower(in.flatText)
	}
	return in.flatText, in.lowerText
}

// textSignal counts the table's phrases in the own text, 1 a match, at
// most cap for a type.
func textSignal(rows func() []textRow, cap int) func(in *typeInput) []evidence {
	return func(in *typeInput) []evidence {
		text, lower := in.text()
		n := map[extract.Type]int{}
		names := map[extract.Type][]string{}
		var order []extract.Type
		for _, r := range rows() {
			k := r.count(text, lower, cap)
			if k == 0 {
				continue
			}
			if _, ok := n[r.typ]; !ok {
				order = append(order, r.typ)
			}
			n[r.typ] += k
			names[r.typ] = append(names[r.typ], r.name)
		}
		var out []evidence
		for _, t := range order {
			out = append(out, evidence{typ: t, weight: min(cap, n[t]), reason: strings.Join(names[t], ", ")})
		}
		return out
	}
}

// reportedRows are news's reported speech: Ofsted and its inspectors as
// the subject of a report, ratings "by Ofsted", quotations.
var reportedRows = sync.OnceValue(func() []textRow {
	return []textRow{
		{extract.TypeNews, `"Ofsted said"`, []string{"ofsted "}, regexp.MustCompile(`(?i)\bofsted (?:has |have |had )?(?:said|says|found|rated|judged|concluded|praised|criticised|criticized|warned|recommended|recommends|told)\b`), 0},
		{extract.TypeNews, `"rated ... by Ofsted"`, []string{"by ofsted", "by the ofsted", "by watchdog", "by the watchdog", "by the education", "by education", "by inspectors", "by the inspectors"},
			regexp.MustCompile(`(?i)\b(?:rated|judged|graded|branded|labelled|deemed|ranked) (?:as )?['‘"“]?(?:outstanding|good|inadequate|requires improvement)['’"”]?(?: [\w'’]+){0,5} by (?:the )?(?:education )?(?:watchdog|ofsted|inspectors)\b`), 120},
		{extract.TypeNews, `"the watchdog"`, []string{"watchdog"}, regexp.MustCompile(`(?i)\bthe (?:education |schools |children['’]s )?watchdog\b`), 30},
		{extract.TypeNews, `"the report said"`, []string{"report "}, regexp.MustCompile(`(?i)\bthe (?:ofsted )?report (?:said|says|adds|added|states|stated|highlights|highlighted|noted|notes|found)\b`), 0},
		{extract.TypeNews, `"Inspectors said"`, []string{"inspectors "}, regexp.MustCompile(`(?:^|[.!?]["”]?\s+)Inspectors (?:said|say|told|highlighted|praised|criticised|warned|added)\b`), 12},
		{extract.TypeNews, "a quotation", []string{`"`, "“", "”"}, regexp.MustCompile(`\b(?:said|says|added|told [\w ]{1,30}?)[,:]?\s*["“]\p{Lu}|["”],? (?:he |she |they )?(?:said|added|says)\b`), 45},
		{extract.TypeNews, "a spokesperson quoted", []string{"spokes"}, regexp.MustCompile(`(?i)\b(?:a |the )?(?:spokesperson|spokesman|spokeswoman)(?: for [\p{L}’'& ]{2,60}?)? (?:said|says|added|told)\b`), 20},
		{extract.TypeNews, "a councillor quoted", []string{"councillor ", "cllr"}, regexp.MustCompile(`\b(?:[Cc]ouncillor|[Cc]llr\.?) \p{Lu}[\p{L}'’\-]+(?: \p{Lu}[\p{L}'’\-]+)?,? (?:said|says|added|told)\b`), 0},
		{extract.TypeNews, "a weekday", []string{"day "}, regexp.MustCompile(`\b(?:on|last|next|this|from|until|by) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`), 12},
		{extract.TypeNews, "news site", []string{"democracy reporting", "newsdesk", "journalism", "newsletter", "follow ", "reach plc", "newsquest", "national world"},
			regexp.MustCompile(`(?i)\blocal democracy reporting service\b|\bour newsdesk\b|\bour journalism\b|\bsign up to (?:our|the) newsletter\b|\bfollow [\w ]{1,40} on (?:tiktok|facebook|twitter|instagram|x)\b|\b(?:reach|newsquest|national world) (?:plc|media)\b|\bnewsquest\b`), 20},
	}
})

// sendRows are the vocabulary of area SEND inspections.
var sendRows = sync.OnceValue(func() []textRow {
	return []textRow{
		{extract.TypeSEND, "local area partnership", []string{"local area partnership"}, regexp.MustCompile(`(?i)\blocal area partnership\b`), 0},
		{extract.TypeSEND, "special educational needs", []string{"special educational needs"}, regexp.MustCompile(`(?i)\bspecial educational needs and(?:/or)? disabilit`), 0},
		{extract.TypeSEND, "EHC plans", []string{"education, health and care"}, regexp.MustCompile(`(?i)\beducation, health and care (?:plan|needs assessment)s?\b`), 0},
		{extract.TypeSEND, "integrated care board", []string{"integrated care board"}, regexp.MustCompile(`(?i)\bintegrated care board\b`), 0},
	}
})

// jtaiRows are the vocabulary of joint targeted area inspections.
var jtaiRows = sync.OnceValue(func() []textRow {
	return []textRow{
		{extract.TypeJTAI, "joint targeted area inspection", []string{"joint targeted area inspection", "jtai"}, regexp.MustCompile(`(?i)\bjoint targeted area inspection\b|\bJTAI\b`), 0},
		{extract.TypeJTAI, "police inspectorate", []string{"hmicfrs", "inspectorate of constabulary"}, regexp.MustCompile(`(?i)\bHMICFRS\b|\binspectorate of constabulary\b`), 0},
		{extract.TypeJTAI, "probation inspectorate", []string{"probation"}, regexp.MustCompile(`(?i)\bHMI ?Probation\b|\binspectorate of probation\b`), 20},
		{extract.TypeJTAI, "multi-agency response", []string{"multi-agency response to"}, regexp.MustCompile(`(?i)\bmulti-agency response to\b`), 0},
	}
})

// letterSignal reads a letter's structure: a salutation and a signature,
// and the opening sentence that names what the letter reports.
func letterSignal(in *typeInput) []evidence {
	var out []evidence
	dear, signed := false, false
	for _, l := range in.head {
		if dearRe.MatchString(l.text) {
			dear = true
			break
		}
	}
	for _, l := range in.own[:min(len(in.own), signalLines)] {
		if signoffRe.MatchString(l.text) {
			signed = true
			break
		}
	}
	switch {
	case dear && signed:
		out = append(out, evidence{typ: groupLetter, weight: 2, reason: `letter: "Dear ..." and "Yours sincerely"`})
	case dear:
		out = append(out, evidence{typ: groupLetter, weight: 1, reason: `letter: "Dear ..."`})
	}
	text, lower := in.text()
	for _, r := range letterRows() {
		if r.count(text, lower, 1) > 0 {
			out = append(out, evidence{typ: r.typ, weight: r.weight, reason: r.name})
		}
	}
	return out
}

// letterRow is a sentence that says what a letter reports.
type letterRow struct {
	textRow
	weight int
}

var letterRows = sync.OnceValue(func() []letterRow {
	const summarises = `(?i)\bthis letter (?:summarises|sets out|outlines|reports) (?:the )?(?:findings|outcome) (?:of|from) (?:the|a|an|our) (?:recent )?`
	row := func(t extract.Type, w int, name string, needles []string, re string) letterRow {
		return letterRow{textRow{typ: t, name: name, needles: needles, re: regexp.MustCompile(re), back: 30}, w}
	}
	return []letterRow{
		row(extract.TypeFocused, 4, `"This letter summarises the findings of the focused visit"`, []string{"this letter"}, summarises+`focused visit\b`),
		row(extract.TypeMonitoring, 4, `"This letter summarises the findings of the monitoring visit"`, []string{"this letter"}, summarises+`monitoring visit\b`),
		row(extract.TypeJTAI, 4, `"This letter summarises the findings of the joint targeted area inspection"`, []string{"this letter"}, summarises+`joint targeted area inspection\b`),
		row(extract.TypeSEND, 4, `"This letter summarises the findings of the area SEND ..."`, []string{"this letter"}, summarises+`(?:joint )?(?:area |local area )?send\b`),
		row(extract.TypeMonitoring, 3, `"the Nth monitoring visit since ..."`, []string{"monitoring visit"},
			`(?i)\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th)) monitoring visit (?:since|to|of|following)\b`),
		row(extract.TypeFocused, 2, `"The focus of this visit was ..."`, []string{"focus of"}, `(?i)\bthe focus of (?:this|the|our) (?:focused )?visit (?:was|were)\b`),
		row(extract.TypeMonitoring, 2, `"The focus of the monitoring visit was ..."`, []string{"focus of"}, `(?i)\bthe focus of (?:this|the|our) monitoring visit (?:was|were)\b`),
	}
})

// gradeRow is one row of a judgement table.
type gradeRow struct {
	typ   extract.Type
	name  string
	re    *regexp.Regexp
	first *[256]bool
}

// gradeRows are the rows of the judgement tables, from the frameworks'
// table (extract/framework): what a row names, the start of its label as
// a framework's reports print it (up to its last key word: "The impact
// of leaders" ..., so that a framework that rewords the rest is still
// read; at a line's start, possibly wrapped onto the next line), and the
// type of report whose framework prints it; zero type for a label
// frameworks of both types print.
var gradeRows = sync.OnceValue(func() []gradeRow {
	keys := map[extract.Domain]*regexp.Regexp{}
	for _, d := range framework.Domains() {
		keys[d.Domain] = regexp.MustCompile(`(?i)\b(?:` + strings.Join(d.Keys, "|") + `)\b`)
	}
	var rows []gradeRow
	at := map[string]int{}
	for _, f := range framework.Frameworks() {
		for _, r := range f.Rows {
			start := labelStart(r.Label, keys[r.Domain])
			if start == "" {
				continue
			}
			if i, ok := at[start]; ok {
				if rows[i].typ != f.Type {
					rows[i].typ = "" // printed by frameworks of both types
				}
				continue
			}
			at[start] = len(rows)
			words := strings.Fields(start)
			re := regexp.MustCompile(`(?i)^(?:the )?` + strings.Join(words, `\s+`) + `\b`)
			rows = append(rows, gradeRow{typ: f.Type, name: string(r.Domain), re: re, first: firstBytes(re.String())})
		}
	}
	return rows
})

// labelStart returns the start of a printed row label up to the end of
// its last key word, in lower case, without a leading "the", with its
// regexp metacharacters quoted ("" when no key word is in it).
func labelStart(label string, key *regexp.Regexp) string {
	ms := key.FindAllStringIndex(label, -1)
	if len(ms) == 0 {
		return ""
	}
	s := strings.ToLower(label[:ms[len(ms)-1][1]])
	return regexp.QuoteMeta(strings.TrimPrefix(s, "the "))
}

// gradeRe is a grade standing alone, or closing a row after a separator.
var (
	gradeAloneRe = text.Lazy(`(?i)^(?:outstanding|good|requires improvement(?: to be good)?|inadequate)\s*$`)
	gradeAfterRe = text.Lazy(`(?i)(?:[|:–—-]|\s)\s*(?:outstanding|good|requires improvement(?: to be good)?|inadequate)\s*\|?\s*$`)
)

// gradeTableSignal finds judgement rows followed by grades: the row's
// label, then a grade at the end of its line or alone on one of the next
// lines. Two rows or more make a table; its framework is the type that
// prints the rows it names.
func gradeTableSignal(in *typeInput) []evidence {
	ls := in.own[:min(len(in.own), signalLines)]
	found := map[string]bool{}
	count := map[extract.Type]int{}
	shared := 0
	for i, k := range in.keys() {
		if k == "" {
			continue
		}
		joined := ""
		for _, r := range gradeRows() {
			if !r.first[k[0]] {
				continue
			}
			if joined == "" {
				joined = k + " " + nextText(ls, i)
			}
			if !r.re.MatchString(joined) {
				continue
			}
			key := string(r.typ) + r.name
			if found[key] || !gradedRow(ls, i) {
				break
			}
			found[key] = true
			if r.typ == "" {
				shared++
			} else {
				count[r.typ]++
			}
			break
		}
	}
	var out []evidence
	for _, t := range []extract.Type{extract.TypeILACS, extract.TypeSIF} {
		if n := count[t] + shared; count[t] > 0 && n >= 2 {
			out = append(out, evidence{typ: t, weight: 3, reason: fmt.Sprintf("grade table, %d rows", n)})
		}
	}
	return out
}

// gradedRow reports whether the row label on line i is followed by a
// grade: at the end of its line or of the next, or alone on one of the
// next three lines.
func gradedRow(ls []line, i int) bool {
	if gradeAfterRe.MatchString(ls[i].text) {
		return true
	}
	for j := i + 1; j < min(len(ls), i+4); j++ {
		if gradeAloneRe.MatchString(ls[j].text) || j == i+1 && gradeAfterRe.MatchString(ls[j].text) {
			return true
		}
	}
	return false
}

// headlineSignal reads a story's layout: a headline (a short line in
// sentence or title case, no full stop) over paragraphs of prose straight
// away, often with the story's date under it. Reports open with labels and tables, letters with an address
// block, council papers with labels in capitals.
func headlineSignal(in *typeInput) []evidence {
	h := in.head
	at := headlineAt(h)
	if at < 0 {
		return nil
	}
	first := h[at].text
	if n := len(strings.Fields(first)); n > 20 || strings.HasSuffix(first, ".") || allCaps(first) {
		return nil
	}
	prose := 0
	for _, l := range h[at+1 : min(len(h), at+7)] {
		if proseLine(l.text) {
			prose++
		}
	}
	if prose < 2 {
		return nil
	}
	out := []evidence{{typ: extract.TypeNews, weight: 2, reason: "a headline over paragraphs"}}
	if storyDate(h, at) != "" {
		out = append(out, evidence{typ: extract.TypeNews, weight: 1, reason: "dated under its headline"})
	}
	return out
}

// formatSignal: a file saved from the web is a page of a site.
func formatSignal(in *typeInput) []evidence {
	if in.format == "html" {
		return []evidence{{typ: extract.TypeNews, weight: 4, reason: "web page"}}
	}
	return nil
}
