package find

// Letters (focused and monitoring visits, JTAI) carry no grades; what they
// have of their own is what the visit looked at. Focused and monitoring
// visit letters say it in their first paragraphs, under "Areas covered by
// the visit" or straight after the salutation: "Inspectors looked at the
// local authority's arrangements for X", "This visit evaluated X.
// Inspectors focused on:" and a bulleted list, "Inspectors reviewed the
// progress made in the following areas ...:". JTAI letters name their
// theme in the first sentence ("the joint targeted area inspection (JTAI)
// of the multi-agency response to X in <area>") and sometimes a deep dive
// ("This inspection included a 'deep dive' focus on ..."). Each area is a
// focus finding; a list gives one per item. Area SEND reports put their
// outcome in the paragraph under "Inspection outcome" (rule send.outcome).
//
// Only the head of a letter is read for them: the scope section ends at the
// first findings heading, and in any case after a few dozen lines, so that
// "inspectors looked at a range of evidence" deep in a letter is not taken.

import (
	"regexp"
	"strings"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/text"
)

var (
	// Where the scope section of a letter ends.
	reScopeEnd = text.Lazy(`(?i)(^|[.!?] ?)(headline findings|findings|overview|summary|findings and evaluation of progress|main findings|key findings)$`)
	// A sentence that says what a visit looked at. The area is group 1.
	reScope = text.Lazy(`(?i)^(?:(?:the|this) (?:focused |monitoring )?visit|inspectors|we|they|the inspectors?)(?: also)? (?:looked at|reviewed|evaluated|considered|focused on|examined|scrutinised|assessed) (?:the )?(?:progress (?:made |being made )?(?:in|on|with|for|by) |local authority['’]s arrangements (?:for|at|to) |arrangements (?:for|at|to) )?(.+)$`)
	// The focus sentence inside another: "with a particular focus on X".
	reFocusOn = text.Lazy(`(?i)\b(?:the visit|this visit|inspectors|they) (?:also )?focused (?:specifically )?on (.+)$|\bwith a (?:particular |specific )?focus on (.+)$|\bfocusing (?:specifically )?on (.+)$|^the (?:main )?focus of (?:this|the) (?:focused |monitoring )?visit was (?:on )?(.+)$`)
	// Sentences about how the visit was done, not what it looked at.
	reScopeMethod = text.Lazy(`(?i)^(?:the following|a sample|samples?|information|documents?)\b|range of evidence|performance (?:management|information|data)|quality assurance (?:information|arrangements|data)|case records|case discussions|children['’]s records|\bspoke (?:to|with)\b|\bmet (?:with )?(?:senior|managers|leaders|social)|\bundertook\b|^in detail\b`)
	// What is left of an area sentence once its focus clause is cut off.
	reFocusTail = text.Lazy(`(?i)(?:[,;]?\s*\b(?:with a (?:particular |specific )?focus on|focusing (?:specifically )?on|specifically|including|in particular)|[,;]?\s+(?:and|or))?\s*[,;:.]?$`)
)

// headLines returns the head of a letter, where its scope and theme are
// stated: the lines of ls up to its n-th non-empty one, or up to a line
// (after the first two) that end matches, which is left out (end may be
// nil).
func headLines(ls []text.Line, n int, end *regexp.Regexp) []text.Line {
	seen := 0
	for i, l := range ls {
		if l.Text == "" {
			continue
		}
		if seen++; seen > 2 && end != nil && end.MatchString(l.Text) {
			return ls[:i]
		}
		if seen == n {
			return ls[:i+1]
		}
	}
	return ls
}

// findFocus returns one focus finding per area a visit looked at.
func findFocus(ls []text.Line, ws text.WordSet) []extract.Finding {
	head := headLines(ls, 91, reScopeEnd.Regexp())
	sents := cutProse(head, ws)
	var out []extract.Finding
	// add adds an area; method says whether it may be a way the visit
	// was done rather than an area (a sentence, or an item of a list
	// that a sentence about evidence introduces), and is then checked.
	add := func(area string, page int, rule string, method bool) {
		area = strings.TrimSpace(reFocusTail.ReplaceAllString(area, ""))
		if area == "" || len(area) > 400 || method && reScopeMethod.MatchString(area) {
			return
		}
		key := strings.TrimPrefix(strings.ToLower(area), "the ")
		for _, f := range out {
			if strings.TrimPrefix(strings.ToLower(f.Text), "the ") == key {
				return
			}
		}
		out = append(out, extract.Finding{Kind: extract.KindFocus, Text: area, Page: page, Rule: rule})
	}
	for i := 0; i < len(sents); i++ {
		s := sents[i]
		area := ""
		if m := reScope.FindStringSubmatch(s.text); m != nil && !reScopeMethod.MatchString(m[1]) {
			area = m[1]
		}
		if m := reFocusOn.FindStringSubmatch(s.text); m != nil {
			fo := m[1] + m[2] + m[3] + m[4]
			if area != "" {
				if k := strings.Index(area, fo); k > 0 {
					area = reFocusTail.ReplaceAllString(area[:k], "")
				}
			}
			intro := "" // "The focus of the visit was X, including:": X heads the list that follows
			if strings.HasSuffix(strings.TrimSpace(fo), ":") || fo == "" {
				intro, fo = fo, ""
			}
			if area != "" && !strings.HasSuffix(strings.TrimSpace(s.text), ":") {
				add(area, s.page, "focus.scope", true)
			}
			if fo != "" {
				add(fo, s.page, "focus.scope", true)
			}
			area = intro
		}
		if strings.HasSuffix(strings.TrimSpace(s.text), ":") && (area != "" || reScopeIntro.MatchString(s.text)) {
			// an introduction: the items of the list that follows are the areas
			j := i + 1
			items, listStart := 0, len(out)
			for ; j < len(sents) && sents[j].para > s.para; j++ {
				if !isListItem(head, sents[j]) {
					break
				}
				add(text.StripItemMarker(sents[j].text), sents[j].page, "focus.list", reScopeMethod.MatchString(s.text))
				items++
			}
			if items > 0 {
				items = len(out) - listStart
				if area = reFocusTail.ReplaceAllString(area, ""); area != "" {
					// "arrangements for X, with a particular focus on:": X goes before its items
					before := len(out)
					add(area, s.page, "focus.scope", true)
					if len(out) > before && items > 0 {
						n := len(out) - 1
						out = append(append(out[:0:0], out[:n-items]...), append([]extract.Finding{out[n]}, out[n-items:n]...)...)
					}
				}
				i = j - 1
				continue
			}
		}
		if area != "" && !strings.HasSuffix(strings.TrimSpace(s.text), ":") {
			add(area, s.page, "focus.scope", true)
		}
	}
	return out
}

// isListItem reports whether sentence s starts a bulleted or lettered line
// of ls (or carries one on: a list item of several sentences).
func isListItem(ls []text.Line, s prose) bool {
	for _, l := range ls {
		if l.Page != s.page || l.Text == "" {
			continue
		}
		g, rest := text.Bullet(l.Text)
		if g == "" && !text.ListMarker(l.Text) {
			continue
		}
		if g == "" {
			rest = text.StripItemMarker(l.Text)
		}
		rest = strings.TrimSuffix(rest, "\u00ad") // a soft hyphen the sentence's joining removed
		if rest != "" && strings.HasPrefix(text.StripItemMarker(s.text), firstChars(rest, 30)) {
			return true
		}
	}
	return false
}

func firstChars(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n < len(s) && s[n]&0xC0 == 0x80 {
		n++
	}
	return s[:n]
}

var (
	// The theme of a JTAI: "joint targeted area inspection (JTAI) of the
	// multi-agency response to X", "a joint inspection of the multi-agency
	// response to X".
	reJTAITheme = text.Lazy(`(?i)\bjoint (?:targeted area )?inspection(?: \(JTAI\))? of the (multi-agency response to .+?)(?:\.(?:\d{1,2})?(?: |$)|$)`)
	// The place after "in" in a theme: "in Bedford borough Council",
	// "in Surrey", "in Kingston upon Hull".
	rePlace = text.Lazy(`\s+in (?:the )?\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}[\p{L}'’-]*|borough|city|county|council|upon|and|of|on|the)\b)*`)
	// A deep dive or focus sentence in a JTAI letter.
	reJTAIFocus = text.Lazy(`(?i)\b(?:this (?:inspection|JTAI)|the (?:inspection|JTAI)) (?:also )?(?:included|includes|focused on|focuses on)(?: a ['‘]?deep dive['’]? focus on| an evaluation of)? (.+?)\.(?:\d{1,2})?(?: |$)`)
)

// findJTAITheme returns the theme of a joint targeted area inspection and
// its deep dive, as focus findings.
func findJTAITheme(ls []text.Line, ws text.WordSet) []extract.Finding {
	var out []extract.Finding
	for _, s := range cutProse(headLines(ls, 70, nil), ws) {
		rest := s.text
		if m := reJTAITheme.FindStringSubmatchIndex(rest); m != nil && len(out) == 0 {
			theme := rePlace.ReplaceAllString(rest[m[2]:m[3]], "")
			out = append(out, extract.Finding{Kind: extract.KindFocus, Text: strings.TrimSpace(theme), Page: s.page, Rule: "focus.jtai-theme"})
			rest = rest[m[1]:] // a footnote digit may have kept the next sentence in this one
		}
		if m := reJTAIFocus.FindStringSubmatch(rest); m != nil && len(out) > 0 && len(out) < 3 {
			out = append(out, extract.Finding{Kind: extract.KindFocus, Text: strings.TrimSpace(m[1]), Page: s.page, Rule: "focus.jtai-deep-dive"})
		}
	}
	return out
}

var (
	reSENDOutcomeHeading = text.Lazy(`(?i)^(?:inspection )?outcomes?$`)
	// The outcome sentences of area SEND reports of every framework.
	reSENDOutcome = text.Lazy(`(?i)^(?:the local area partnership['’]s (?:special educational needs and/or disabilit(?:y|ies) \(SEND\) )?arrangements (?:typically )?lead to|there are widespread and/or systemic failings|.*written statement of (?:action|action \(WSOA\)) is required|.*(?:has|have) (?:made|not made) sufficient progress)`)
)

// findSENDOutcome returns the outcome of an area SEND inspection: the
// paragraph under "Inspection outcome", or the outcome sentence wherever
// it is.
func findSENDOutcome(ls []text.Line, ws text.WordSet) []extract.Finding {
	sents := cutProse(ls, ws)
	for i, s := range sents {
		if !reSENDOutcome.MatchString(s.text) {
			continue
		}
		outcome := s.text
		for j := i + 1; j < len(sents) && sents[j].para == s.para && j < i+3; j++ {
			outcome += " " + sents[j].text
		}
		return []extract.Finding{{Kind: extract.KindFocus, Text: outcome, Page: s.page, Rule: "send.outcome"}}
	}
	for i, l := range ls {
		if !reSENDOutcomeHeading.MatchString(l.Text) {
			continue
		}
		var para []text.Line
		for _, n := range ls[i+1:] {
			if n.Text == "" && len(para) > 0 {
				break
			}
			if n.Text != "" {
				para = append(para, n)
			}
		}
		if ps := cutProse(para, ws); len(ps) > 0 {
			var b []string
			for _, p := range ps {
				b = append(b, p.text)
			}
			return []extract.Finding{{Kind: extract.KindFocus, Text: strings.Join(b, " "), Page: ps[0].page, Rule: "send.outcome"}}
		}
	}
	return nil
}
