package classify

// Fields are read from fixed places first: labels ("Inspection dates:",
// "Lead inspector:", "Report published:") and the letter layout (a date
// line above "Dear ...", the sentence "This letter summarises the findings
// of the visit to X on <dates>", the signature under "Yours sincerely")
// give dates and people. The authority is authority.go's.

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/ofsted/ofsted/extract"

	"github.com/ofsted/ofsted/extract/text"
)

var (
	visitLabelRe = text.Lazy(`(?i)\b(?:inspection|visit|fieldwork) dates?\b\s*:?|\bdates? of (?:the )?(?:inspection|visit)\b\s*:?`)
	publishedRe  = text.Lazy(`(?i)\b(?:report )?published\s*:|\bpublication date\s*:|\bdate of publication\s*:`)
	// publishedAt is publishedRe anchored, less its leading \b (see findPublished).
	publishedAt    = text.Lazy(`(?i)^(?:(?:report )?published\s*:|publication date\s*:|date of publication\s*:)`)
	visitVerbRe    = text.Lazy(`(?i)(?:\bon|\bfrom|\bbetween|\bduring|\bdates? of)\s+(?:the\s+)?$`)
	visitVerbAnyRe = text.Lazy(`(?i)\b(?:on|between|during)\s+(?:the\s+)?`)
	visitNounRe    = text.Lazy(`(?i)\b(?:visit|inspection|inspected|took place|undertook|carried out)\b`)
	dateLineRe     = text.Lazy(`(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\.?,?\s+\d{4,5}|[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})$`)
	dearRe         = text.Lazy(`^Dear\b`)
)

// visitNumberRes are the ways a monitoring letter numbers its visit,
// surest first: "This was the fourth monitoring visit", "The visit was
// Ofsted's first monitoring visit", "This letter summarises the findings
// of the third monitoring visit to X", "the fifth monitoring visit since
// the local authority was judged inadequate". A visit named otherwise
// ("since the first monitoring visit") is another visit.
var visitNumberRes = func() []*regexp.Regexp {
	ord := `(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|\d{1,2}(?:st|nd|rd|th))`
	return []*regexp.Regexp{
		regexp.MustCompile(`(?i)\b(?:this|the)(?: monitoring)?(?: visit)? (?:was|is)(?: now)? (?:the|ofsted['’]s|our|its|their) ` + ord + `(?: monitoring)? visit\b`),
		regexp.MustCompile(`(?i)\bfindings of (?:the|ofsted['’]s|our) ` + ord + ` monitoring visit\b`),
		regexp.MustCompile(`(?i)\b` + ord + ` monitoring visit (?:to [^.]{1,80}? )?since (?:the|your|this)? ?(?:local )?authority (?:was )?(?:judged|found|rated)`),
	}
}()

// visitNumber returns the number a monitoring letter gives its visit, or 0.
func visitNumber(body string) int {
	for _, re := range visitNumberRes {
		if m := re.FindStringSubmatch(body); m != nil {
			return ordinal(m[1])
		}
	}
	return 0
}

func ordinal(s string) int {
	s = strings.ToLower(s)
	for i, w := range []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth"} {
		if s == w {
			return i + 1
		}
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// ofstedFields fills the fields of an Ofsted report or letter.
func ofstedFields(d *extract.Document, src *extract.Source, ls, h []line, hf string, t detected, whole bool) {
	d.Authority = titleAuthority(h, hf, t)
	if d.Authority.Code == "" {
		d.Authority = countAuthority(flat(ls))
	}
	body := flat(ls[:min(len(ls), 400)])
	// Publication: a labelled date, else the date line of a letter.
	d.Published = labelledPublished(flat(ls))
	if d.Published == "" {
		d.Published = letterDate(h)
	}
	publishedOf(d, src, whole)
	d.VisitStart, d.VisitEnd = visitDates(hf, body, t.at, d.Published)
	if d.Type == extract.TypeMonitoring {
		d.VisitNumber = visitNumber(body)
	}
	d.LeadInspector, d.Inspectors = inspectors(ls, body)
}

// letterDate returns the date line of a letter: a line holding only a date
// above the salutation.
func letterDate(h []line) string {
	for _, l := range h {
		if dearRe.MatchString(l.text) {
			break
		}
		if dateLineRe.MatchString(l.text) {
			if ds, ok := firstDate(l.text); ok {
				return ds.start
			}
			return "" // a date line that is no real date ("6 November 20205")
		}
	}
	return ""
}

// visitDates finds the dates of the inspection or visit: a labelled date
// range in the head, else the first date introduced by "on", "from" or
// "between" in a sentence about the visit.
func visitDates(hf, body string, titleAt int, letterDate string) (string, string) {
	for _, m := range visitLabelRe.FindAllStringIndex(hf, -1) {
		// "Dates of previous inspection" is not this visit.
		if strings.Contains(strings.ToLower(hf[max(0, m[0]-12):m[0]]), "previous") {
			continue
		}
		seg := hf[m[1]:min(len(hf), m[1]+70)]
		if ds, ok := firstDate(seg); ok && ds.at < 12 {
			return ds.start, ds.end
		}
	}
	from := 0
	if titleAt > 0 && titleAt < len(body) {
		from = titleAt
	}
	text := body[from:min(len(body), from+4000)]
	for _, ds := range parseDates(text) {
		if !visitVerbRe.MatchString(text[max(0, ds.at-30):ds.at]) {
			continue
		}
		// The sentence around the date must be about the visit.
		s := max(0, strings.LastIndex(text[:ds.at], ". ")+1)
		e := ds.stop + max(0, strings.Index(text[ds.stop:], ". "))
		if e < ds.stop || e > len(text) {
			e = len(text)
		}
		if visitNounRe.MatchString(text[s:e]) {
			return ds.start, ds.end
		}
	}
	// A letter that gives the visit's days and month but not the year
	// ("a focused visit to Durham children's services on 13 and 14 July"):
	// the visit came before the letter.
	for _, m := range visitVerbAnyRe.FindAllStringIndex(text, 20) {
		seg := text[m[1]:min(len(text), m[1]+40)]
		if ds, ok := yearlessDates(seg, letterDate); ok && ds.at < 4 {
			s := max(0, strings.LastIndex(text[:m[0]], ". ")+1)
			e := m[1] + ds.stop
			if visitNounRe.MatchString(text[s:e]) {
				return ds.start, ds.end
			}
		}
	}
	return "", ""
}

var (
	leadLabelRe = text.Lazy(`(?i)^(?:lead|reporting) inspector\s*:?\s*`)
	leadAfterRe = text.Lazy(`^((?:\p{Lu}[\p{L}'’\-]+ ){1,3}\p{Lu}[\p{L}'’\-]+)(?:,? (?:Ofsted|HMI))*,? (?i:lead inspector)\b`)
	teamLabelRe = text.Lazy(`(?i)^(?:deputy lead inspector|team inspectors?|inspectors?)\s*:\s*`)
	nameRe      = text.Lazy(`^(?:(?:Dr|Mr|Mrs|Ms|Miss)\.? )?\p{Lu}[\p{L}'’\-]+(?: (?:\p{Lu}[\p{L}'’\-]*|de|van|von|le|la|du|di|da))*(?: \p{Lu}[\p{L}'’\-]+)`)
	hmiRe       = text.Lazy(`(?i)\b(?:her|his) majesty` + apos + `?s (?:inspectors?|inspectorate)\b|\bHMI\b|\bsenior hmi\b|\binspector\b`)
	teamRe      = text.Lazy(`(?i)\b(?:the )?inspectors? (?:for this (?:visit|inspection) )?(?:were|was)\b|\b(?:carried out|conducted|undertaken) by (?:(?:her|his) majesty` + apos + `?s inspectors? )?`)
	signoffRe   = text.Lazy(`(?i)^yours? (?:sincerely|faithfully)\b`)
	titleLineRe = text.Lazy(`(?i)^(?:(?:her|his) majesty` + apos + `?s inspector|(?:senior )?HMI|regulatory inspection manager)\b`)
)

// personName returns the name at the start of s ("Andy Waugh, Her
// Majesty's Inspector" -> "Andy Waugh"), or "".
func personName(s string) string {
	s = strings.TrimSpace(s)
	n := nameRe.FindString(s)
	if n == "" {
		return ""
	}
	// Words that are not names end it ("Andy Waugh Her Majesty's ...").
	words := strings.Fields(n)
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, "'’"))
		if lw == "her" || lw == "his" || lw == "hmi" || lw == "ofsted" || lw == "inspector" || lw == "senior" || lw == "and" {
			words = words[:i]
			break
		}
	}
	if len(words) < 2 || len(words) > 5 {
		return ""
	}
	return strings.Join(words, " ")
}

// inspectors returns the lead inspector and every inspector named.
func inspectors(ls []line, body string) (string, []string) {
	// A label with its name on the same line, or after a colon on the
	// next; a bare "Lead inspector" line with a name under it is weaker
	// evidence: it may be the end of a wrapped "Name, Ofsted HMI, Lead
	// Inspector" whose next line is the next inspector.
	lead, under := "", ""
	for i, l := range ls {
		m := leadLabelRe.FindStringIndex(l.text)
		if m == nil {
			continue
		}
		rest := l.text[m[1]:]
		if rest == "" && i+1 < len(ls) {
			if n := personName(ls[i+1].text); n != "" && under == "" {
				if !strings.Contains(l.text, ":") {
					under = n
					continue
				}
				rest = ls[i+1].text
			}
		}
		if n := personName(rest); n != "" {
			lead = n
			break
		}
	}
	if lead == "" {
		// "Adam Sproston HMI, Ofsted lead inspector" (area SEND team lists).
		for _, l := range ls {
			if m := leadAfterRe.FindStringSubmatch(l.text); m != nil {
				lead = personName(m[1])
				break
			}
		}
	}
	if lead == "" {
		lead = under
	}
	if lead == "" {
		// A letter's signature: the name under "Yours sincerely", above the
		// inspector's title.
		for i, l := range ls {
			if !signoffRe.MatchString(l.text) {
				continue
			}
			for j := i + 1; j < min(len(ls), i+3); j++ {
				n := personName(ls[j].text)
				if n == "" {
					continue
				}
				near := ls[j].text
				for k := j + 1; k < min(len(ls), j+3); k++ {
					near += " " + ls[k].text
				}
				if hmiRe.MatchString(near) {
					lead = n
				}
				break
			}
			if lead != "" {
				break
			}
		}
	}
	if lead == "" {
		// An unsigned-off signature: a name line above "Her Majesty's Inspector".
		for j := len(ls) - 2; j >= max(0, len(ls)-60); j-- {
			if !titleLineRe.MatchString(ls[j+1].text) || len(strings.Fields(ls[j].text)) > 5 {
				continue
			}
			if n := personName(ls[j].text); n != "" {
				lead = n
				break
			}
		}
	}
	var team []string
	if lead != "" {
		team = append(team, lead)
	}
	for _, l := range ls {
		if m := teamLabelRe.FindStringIndex(l.text); m != nil {
			for _, part := range splitNames(l.text[m[1]:]) {
				if !contains(team, part) {
					team = append(team, part)
				}
			}
		}
	}
	head := body[:min(len(body), 3000)]
	if m := teamRe.FindStringIndex(head); m != nil {
		list := head[m[1]:]
		if i := strings.Index(list, ". "); i >= 0 {
			list = list[:i]
		}
		for _, n := range splitNames(list) {
			if !contains(team, n) {
				team = append(team, n)
			}
		}
	}
	return lead, team
}

var listSepRe = text.Lazy(`,|\band\b|\(AI\)|;`)

// splitNames returns the names in a list such as "Anji Parker, HMI,
// Margaret Burke, HMI and Ian Young".
func splitNames(list string) []string {
	list = hmiRe.ReplaceAllString(list, ",")
	var out []string
	for _, part := range listSepRe.Split(list, -1) {
		if n := personName(part); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

var (
	meetingDateRe = text.Lazy(`(?i)\b(?:date(?: of meeting)?|meeting date)\s*:\s*`)
	committeeWord = text.Lazy(`\b(?:Committee|Cabinet|Panel|Board|Scrutiny)(?: (?:Committee|Panel|Board|Commission))?\b`)
	// A line that is only the name of a council's meeting, in any case
	// (bodyLine; committee titles skip such lines too).
	bodyLineRe = text.Lazy(`(?i)^` + bodyLine + `$`)
	// A labelled meeting: "Report to: Children's Scrutiny Panel",
	// "Meeting: Cabinet".
	meetingLabelRe = text.Lazy(`(?i)^(?:report to\s*:?|meeting\s*:|committee\s*:|decision[- ]maker\s*:|to\s*:)\s*(?:the\s+)?(\S.{1,120}?)\s*(?:[-–—,]\s*(?:\w+day,?\s+)?\d.*)?$`)
)

// committeeFields fills a committee paper: the council, the committee's
// name and the meeting date.
func committeeFields(d *extract.Document, src *extract.Source, ls, h []line, hf string, whole bool) {
	top := flat(h[:min(len(h), 15)])
	if ms := councilMentions(top); len(ms) > 0 {
		d.Authority = ms[0].auth
	}
	if d.Authority.Code == "" {
		d.Authority = councilAuthority(hf)
	}
	if d.Authority.Code == "" {
		d.Authority = countAuthority(flat(ls))
	}
	d.Committee = committeeName(h)
	if m := meetingDateRe.FindStringIndex(hf); m != nil {
		if ds, ok := firstDate(hf[m[1]:min(len(hf), m[1]+50)]); ok && ds.at < 20 {
			d.Published = ds.start
		}
	}
	if d.Published == "" {
		d.Published = dateLine(h[:min(len(h), 8)])
	}
	if d.Published == "" {
		d.Published = heldOn(h[:min(len(h), 8)])
	}
	if d.Published == "" {
		// "Report to Cabinet – 14 March 2024": the meeting's line.
		for _, l := range h[:min(len(h), 12)] {
			if !committeeWord.MatchString(l.text) && !meetingLabelRe.MatchString(l.text) {
				continue
			}
			if ds, ok := firstDate(l.text); ok && ds.start == ds.end {
				d.Published = ds.start
				break
			}
		}
	}
	publishedOf(d, src, whole)
}

// publishedOf says where a document's publication date came from, and
// fills it for the file as a whole when its text states none: from a full
// date in the file's name, else from the file's own creation date (a
// PDF's /CreationDate, usually the working day before Ofsted publishes
// it; see nextWorkingDay). A document
// embedded in a pack has neither of its own.
func publishedOf(d *extract.Document, src *extract.Source, whole bool) {
	switch {
	case d.Published != "":
		if d.PublishedFrom == "" {
			d.PublishedFrom = extract.PublishedFromText
		}
	case !whole:
	case fileNameDate(src.Path) != "":
		d.Published, d.PublishedFrom = fileNameDate(src.Path), extract.PublishedFromFileName
	case validISO(src.Created) && src.Created != "":
		d.Published, d.PublishedFrom = src.Created, extract.PublishedFromCreated
		if d.Type.Ofsted() {
			d.Published = nextWorkingDay(src.Created)
		}
	}
}

// nextWorkingDay returns the weekday after the ISO date day: Ofsted makes a
// report's final PDF and publishes it most often the next working day
// (two thirds of the corpus's reports whose text states no date; the
// rest a few days later), so that day is the best estimate the file
// itself gives. Bank holidays are not known here.
func nextWorkingDay(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	t = t.AddDate(0, 0, 1)
	for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		t = t.AddDate(0, 0, 1)
	}
	return t.Format("2006-01-02")
}

// titleCase capitalises each word of s, lower-casing the rest.
func titleCase(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

// nextLines returns the first n non-empty lines of ls.
func nextLines(ls []line, n int) []line {
	var out []line
	for _, l := range ls {
		if l.text == "" {
			continue
		}
		if out = append(out, l); len(out) == n {
			break
		}
	}
	return out
}

// heldOnRe introduces a meeting's date in the title block of minutes:
// "Minutes of the meeting held on Wednesday, 6th December, 2023 at 10.30
// am", "... held in the Council Chamber on 4 March 2024".
var heldOnRe = text.Lazy(`(?i)\bheld\b[^.;]{0,100}?\bon\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?`)

// heldOn returns the date of the meeting that the title block of minutes
// (the first lines, h) says it was held on; the minutes' body, where
// "the minutes of the meeting held on ..." are approved, is not read.
func heldOn(h []line) string {
	f := flat(h)
	for _, m := range heldOnRe.FindAllStringIndex(f, -1) {
		if ds, ok := firstDate(f[m[1]:min(len(f), m[1]+40)]); ok && ds.at == 0 {
			return ds.start
		}
	}
	return ""
}

// dateLine returns the date of the first line near the top of a committee
// paper that holds a date and little else ("14 March 2022", "Thursday,
// 14 March 2022"): report templates put the meeting date there, under the
// committee's name.
func dateLine(h []line) string {
	for _, l := range h {
		if len(l.text) > 40 {
			continue
		}
		if ds, ok := firstDate(l.text); ok && ds.start == ds.end && ds.at < 12 {
			return ds.start
		}
	}
	return ""
}

// committeeName returns the first "... Committee" named in the head: the
// capitalised words before "Committee", less a council's name.
func committeeName(h []line) string {
	for _, l := range h {
		if m := meetingLabelRe.FindStringSubmatch(l.text); m != nil && committeeWord.MatchString(m[1]) {
			return m[1]
		}
	}
	for _, l := range h {
		if m := bodyLineRe.FindStringSubmatch(l.text); m != nil {
			return titleCase(m[1])
		}
	}
	for _, l := range h {
		loc := committeeWord.FindStringIndex(l.text)
		if loc == nil {
			continue
		}
		words := strings.Fields(l.text[:loc[0]])
		start := len(words)
		for start > 0 {
			w := words[start-1]
			lw := strings.ToLower(w)
			if lw == "and" || lw == "of" || lw == "the" || lw == "for" || lw == "&" || (w != "" && w[0] >= 'A' && w[0] <= 'Z') {
				start--
				continue
			}
			break
		}
		for start < len(words) && (strings.EqualFold(words[start], "the") || strings.EqualFold(words[start], "and") || strings.EqualFold(words[start], "of") || strings.EqualFold(words[start], "for")) {
			start++
		}
		body := l.text[loc[0]:loc[1]]
		name := strings.Join(append(words[start:len(words):len(words)], body), " ")
		// Drop a leading council name ("Nottingham City Council Children and ...").
		if i := strings.Index(name, "Council "); i >= 0 && i+8 < len(name) {
			name = name[i+8:]
		}
		if len(strings.Fields(name)) >= 2 || body == "Cabinet" {
			return name
		}
	}
	return ""
}

var (
	outletRe = text.Lazy(`(?:Follow|Like) ((?:The )?\p{Lu}[\p{L}&' ]{1,40}?) on (?:TikTok|Facebook|Twitter|Instagram|X)\b|©\s*(?:\d{4}\s+)?((?:The )?\p{Lu}[\p{L}&' ]{1,40})`)
)

// newsFields fills a news article: authority from the headline, date from
// metadata or its dateline (dateline.go; never from a page header),
// outlet.
func newsFields(d *extract.Document, src *extract.Source, ls []line, hf string) {
	if ms := councilMentions(d.Title); len(ms) > 0 {
		d.Authority = ms[0].auth
	}
	if d.Authority.Code == "" {
		d.Authority = councilAuthority(hf)
	}
	if d.Authority.Code == "" {
		d.Authority = countAuthority(flat(ls))
	}
	if validISO(src.Date) && src.Date != "" {
		d.Published, d.PublishedFrom = src.Date, extract.PublishedFromMetadata
	} else if len(src.Date) >= 10 && validISO(src.Date[:10]) {
		d.Published, d.PublishedFrom = src.Date[:10], extract.PublishedFromMetadata
	}
	if d.Published == "" {
		d.Published = storyPublished(ls)
	}
	if d.Published == "" {
		d.Published = labelledPublished(flat(ls))
	}
	d.Outlet = strings.TrimSpace(src.Site)
	if d.Outlet == "" {
		if m := outletRe.FindStringSubmatch(flat(ls)); m != nil {
			d.Outlet = strings.TrimSpace(m[1] + m[2])
		}
	}
}

// labelledPublished is the date a "Published:", "Publication date:" or
// "Date of publication:" label gives; the latest, when several do (a file
// bundling several reports, a SIF with its LSCB review, was published with
// its last part).
func labelledPublished(all string) string {
	pub := ""
	for _, m := range findPublished(all) {
		if ds, ok := firstDate(all[m[1]:min(len(all), m[1]+60)]); ok && ds.at < 30 && ds.start > pub {
			pub = ds.start
		}
	}
	return pub
}

// findPublished is publishedRe.FindAllStringIndex(s, -1) without a scan
// of the whole text by the regexp. Every match holds "publi" (letters
// whose case folds are ASCII only) 0, 7 ("report ") or 8 ("date of ")
// bytes after its start, and those prefixes are ASCII too; so the matches
// start at those offsets before an occurrence of "publi", where the
// anchored regexp decides, after a word boundary checked by hand (\b is
// ASCII in Go; every candidate starts with an ASCII letter).
func findPublished(s string) [][]int {
	var out [][]int
	pos := 0 // end of the last match: matches do not overlap
	var cands []int
	for q := 0; ; {
		i := indexFoldASCII(s[q:], "publi")
		if i < 0 {
			break
		}
		q += i
		for _, back := range []int{8, 7, 0} {
			if c := q - back; c >= 0 {
				cands = append(cands, c)
			}
		}
		q++
	}
	slices.Sort(cands)
	for _, c := range slices.Compact(cands) {
		if c < pos {
			continue
		}
		if c > 0 && isWordByte(s[c-1]) {
			continue
		}
		if m := publishedAt.FindStringIndex(s[c:]); m != nil {
			out = append(out, []int{c, c + m[1]})
			pos = c + m[1]
		}
	}
	return out
}

func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// containsFoldASCII reports whether s contains needle, a lower-case ASCII
// string, under the simple case folding of (?i) regexps. The needle's
// letters must have ASCII-only case folds (not k or s, which fold with
// the Kelvin sign and the long s).
func containsFoldASCII(s, needle string) bool {
	return indexFoldASCII(s, needle) >= 0
}

// indexFoldASCII is the index of the first needle in s (as
// containsFoldASCII matches it), or -1.
func indexFoldASCII(s, needle string) int {
	if len(needle) == 0 {
		return 0
	}
	c0, u0 := needle[0], needle[0]
	if 'a' <= c0 && c0 <= 'z' {
		u0 = c0 - 'a' + 'A'
	}
	for i := 0; i+len(needle) <= len(s); i++ {
		if s[i] != c0 && s[i] != u0 {
			continue
		}
		j := 1
		for ; j < len(needle); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != needle[j] {
				break
			}
		}
		if j == len(needle) {
			return i
		}
	}
	return -1
}
