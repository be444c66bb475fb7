package extract

import "github.com/ofsted/ofsted/extract/text"

// Find returns the findings of doc, read from the pages of src that the
// document spans (src.Pages[doc.PageStart-1 : doc.PageEnd]; PageStart==0
// means the whole file). Finding.Page is the page of the file.
//
// Judgements are read from ILACS and SIF reports, and from committee papers
// and news articles that reproduce a report's table (letters carry none of
// their own); lists of what must improve are read from every type.
func Find(doc *Document, src *Source) []Finding {
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
	var out []Finding
	switch doc.Type {
	case TypeILACS, TypeSIF, TypeCommittee, TypeNews:
		out = append(out, findJudgements(ls, doc.Type)...)
	}
	out = append(out, findRecommendations(ls, doc.Type, ws)...)
	out = append(out, findByType(doc, ls, ws, out)...)
	out = append(out, findStrengths(ls, doc.Type, ws, out)...)
	tm := themeTable()
	for i := range out {
		if out[i].Kind != KindJudgement {
			out[i].Themes = tm.themes(out[i].Text)
		}
		if out[i].Themes == nil {
			out[i].Themes = []string{} // a list in JSON, never null
		}
	}
	return out
}
