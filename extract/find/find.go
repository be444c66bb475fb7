package find

// Find runs the rules in a fixed order: grade tables (table.go, with
// SIF's judgement sentences from prose.go), lists of what must improve
// (lists.go), the rules particular to one type of document (byType below,
// in plain sight: a letter's focus, a SEND outcome, news and committee
// prose), then strengths and weaknesses (strength.go), which leave out
// what the earlier rules found, then themes (themes.go).

import (
	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/text"
)

// Find returns the findings of doc, read from the pages of src that the
// document spans (src.Pages[doc.PageStart-1 : doc.PageEnd]; PageStart==0
// means the whole file). Finding.Page is the page of the file.
//
// Judgements are read from documents with a grade table of their own
// (ILACS and SIF reports) and from those that restate one (committee
// papers, news articles); letters carry none. Lists of what must improve
// are read from every type.
func Find(doc *extract.Document, src *extract.Source) []extract.Finding {
	if doc == nil || src == nil || len(src.Pages) == 0 {
		return nil
	}
	start, end := 1, len(src.Pages)
	if doc.PageStart > 0 {
		start = doc.PageStart
		if doc.PageEnd >= start && doc.PageEnd <= len(src.Pages) {
			end = doc.PageEnd
		}
	}
	if start > len(src.Pages) {
		return nil
	}
	ls := text.Clean(src.Pages[start-1:end], start)
	ws := text.WordsOf(ls)
	var out []extract.Finding
	if doc.Type.Graded() || doc.Type.Restates() {
		out = append(out, judgements(ls, doc.Type)...)
	}
	out = append(out, findRecommendations(ls, doc.Type, ws)...)
	out = append(out, byType(doc, ls, ws, out)...)
	out = append(out, findStrengths(ls, doc.Type, ws, out)...)
	tm := themeTable()
	for i := range out {
		if out[i].Kind != extract.KindJudgement {
			out[i].Themes = tm.themes(out[i].Text)
		}
		if out[i].Themes == nil {
			out[i].Themes = []string{} // a list in JSON, never null
		}
	}
	return out
}

// judgements returns one judgement finding per domain graded in the
// document's grade table and, for SIF reports, the overall and LSCB
// sentences (the overall sentence before the table's row, the LSCB
// sentence only when the table has no row for it).
func judgements(ls []text.Line, typ extract.Type) []extract.Finding {
	if len(ls) == 0 {
		return nil
	}
	j := tableText(ls, typ)
	var out []extract.Finding
	have := map[extract.Domain]bool{}
	add := func(f extract.Finding, ok bool) {
		if ok && !have[f.Domain] {
			have[f.Domain] = true
			out = append(out, f)
		}
	}
	if typ == extract.TypeSIF {
		add(sifOverall(j))
	}
	for _, r := range tableRows(j) {
		add(r, true)
	}
	if typ == extract.TypeSIF && !have[extract.DomainLSCB] {
		add(sifLSCB(ls))
	}
	return out
}

// byType returns the findings of the rules that are particular to one
// document type: the visit's focus in letters, the outcome of area SEND
// reports, judgements, recommendations and findings reported in news
// prose, progress statements and prose judgements in committee papers.
// have holds the findings already found by the general rules, so that a
// judgement is never reported twice.
func byType(doc *extract.Document, ls []text.Line, ws text.WordSet, have []extract.Finding) []extract.Finding {
	var out []extract.Finding
	switch doc.Type {
	case extract.TypeFocused, extract.TypeMonitoring:
		out = findFocus(ls, ws)
	case extract.TypeJTAI:
		out = findJTAITheme(ls, ws)
	case extract.TypeSEND:
		out = findSENDOutcome(ls, ws)
	case extract.TypeNews:
		for _, f := range news(doc, ls, ws) {
			if f.Kind == extract.KindJudgement && hasDomain(have, f.Domain) {
				continue // the article copies the report's table
			}
			if f.Kind == extract.KindRecommendation && sameTextIn(have, f.Text) {
				continue
			}
			out = append(out, f)
		}
	case extract.TypeCommittee:
		out = findProgress(ls, ws)
		if !hasJudgement(have) {
			out = append(out, findCommitteeJudgements(doc, ls, ws)...)
		}
	}
	return out
}

// news returns the judgements, recommendations and findings a news
// article reports in prose.
func news(doc *extract.Document, ls []text.Line, ws text.WordSet) []extract.Finding {
	sents := cutProse(ls, ws)
	year := articleYear(doc, proseText(sents))
	out := findNewsJudgements(doc, sents, year)
	out = append(out, findNewsRecommendations(sents)...)
	return append(out, findNewsFindings(sents, out)...)
}
