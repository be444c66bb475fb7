package find

// News articles quote an inspection's recommendations in reported speech
// ("Ofsted said the authority should ...", "Ofsted recommends X improves
// ...", "... needs improving, the report concludes"), one finding per
// sentence. The headline and the standfirst (the paragraph after the
// headline) summarise the article and are not read for them.

import (
	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/text"
)

var (
	// Who reports a recommendation, and the verb: "Ofsted said", "the
	// report concludes", "inspectors recommended", "It added that".
	reReporter = text.Lazy(`(?i)\b(?:ofsted|inspectors?|the (?:report|watchdog|inspectorate|regulator|letter|inspection)|it|they)\s+(?:\w+\s+){0,2}(?:recommend(?:s|ed)?|said|says|added|adds|concluded|concludes|told|urged|called|wants?|asked|stated|states|noted|found|highlighted)\b|\brecommend(?:s|ed|ations?)\b`)
	// What a recommendation says must happen.
	reMust = text.Lazy(`(?i)\b(?:should|must|needs? to|need(?:s|ed)? (?:improving|addressing|strengthening|attention|to be (?:improved|addressed|strengthened))|recommend(?:s|ed)? that\b|recommends? (?:that )?(?:\S+ ){1,3}?(?:improves?|strengthens?|ensures?|develops?|reviews?|reduces?|increases?))\b`)
	// A passive "needs improving" sentence that carries on a list of them.
	reNeedsPassive = text.Lazy(`(?i)\bneed(?:s|ed)? (?:improving|addressing|strengthening|attention|to be (?:improved|addressed|strengthened))\b`)
)

// findNewsRecommendations returns the recommendations an article quotes:
// whole sentences (a headline or a standfirst ends with no stop) after
// the standfirst, the paragraph after the headline (title).
func findNewsRecommendations(sents []prose, title string) []extract.Finding {
	var out []extract.Finding
	standfirst := -1
	if len(sents) > 0 {
		standfirst = sents[0].para + 1 // the paragraph after the headline
		if len(sents) > 1 && sents[1].para != sents[0].para {
			standfirst = sents[1].para
		}
	}
	for _, s := range sents {
		if s.text == title {
			standfirst = s.para + 1
			break
		}
	}
	prevRec := -2
	for i, s := range sents {
		if s.para <= standfirst || !text.SentenceEnd(s.text) {
			continue
		}
		t := s.text
		rec := reReporter.MatchString(t) && reMust.MatchString(t) && !reOtherSpeaker.MatchString(t)
		if !rec && prevRec == i-1 && reNeedsPassive.MatchString(t) && !reOtherSpeaker.MatchString(t) {
			rec = true // "The consistency of ... needs addressing as does ..."
		}
		if !rec {
			continue
		}
		prevRec = i
		out = append(out, extract.Finding{Kind: extract.KindRecommendation, Text: t, Page: s.page, Rule: "news.recommendation"})
	}
	return out
}
