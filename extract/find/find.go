package find

// Find runs the rules in a fixed order: grade tables wherever they are
// (table.go, with SIF's judgement sentences from prose.go), lists of what must improve
// (lists.go), the rules particular to one type of document (byType below,
// in plain sight: a letter's focus, a SEND outcome, news and committee
// prose), then strengths and weaknesses (strength.go), which leave out
// what the earlier rules found and mention the body sentences that judge
// nothing, then themes (themes.go), with the names the document itself
// defines: a mention that names no theme is dropped.

import (
	"fmt"
	"strings"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"
	"github.com/ofsted/ofsted/extract/text"
)

// Find returns the findings of doc, read from the pages of src that the
// document spans (src.Pages[doc.PageStart-1 : doc.PageEnd]; PageStart==0
// means the whole file). Finding.Page is the page of the file. What the
// rules saw but did not understand (a grade-table row naming no known
// domain, say) is added to doc.Warnings.
//
// Judgements are read from a grade table wherever there is one (a
// report's, or a copy in a committee paper, a news page or a document of
// no known type), and from the prose of the types that report them and
// of pages no type fits.
// Lists of what must improve are read from every type.
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
	out, warnings := judgements(ls, doc)
	doc.Warnings = append(doc.Warnings, warnings...)
	out = append(out, findRecommendations(ls, doc.Type, ws)...)
	out = append(out, byType(doc, ls, ws, out)...)
	out = append(out, findStrengths(ls, doc.Type, ws, out)...)
	tm := themeTable().forDocument(ls)
	kept := out[:0]
	for _, f := range out {
		if f.Kind != extract.KindJudgement {
			f.Themes = tm.themes(f.Text)
		}
		if f.Kind == extract.KindMention && len(f.Themes) == 0 {
			continue // a mention is a sentence that names a theme
		}
		if f.Themes == nil {
			f.Themes = []string{} // a list in JSON, never null
		}
		kept = append(kept, f)
	}
	return kept
}

// judgements returns one judgement finding per domain graded in the
// document's grade table and, where the framework of the table (or of a
// SIF report) states judgements in sentences, the overall and LSCB
// sentences (the overall sentence before the table's rows, the LSCB
// sentence only when the table has no row for it); and warnings about
// what looked like a grade table but was not understood.
//
// In a document of another type than a report, a table is read only when
// it is one of the frameworks' (frameworkTable).
func judgements(ls []text.Line, doc *extract.Document) ([]extract.Finding, []string) {
	if len(ls) == 0 {
		return nil, nil
	}
	typ := doc.Type
	region := tableLines(ls, typ)
	rows, warnings := readTable(tableCells(region))
	if !typ.Graded() && !frameworkTable(doc, rows) {
		rows, warnings = nil, nil
	}
	var out []extract.Finding
	have := map[extract.Domain]extract.Grade{}
	add := func(f extract.Finding, ok bool) {
		if !ok {
			return
		}
		if g, seen := have[f.Domain]; seen {
			if g != f.Grade && f.Rule == ruleTable {
				warnings = append(warnings, fmt.Sprintf("grade table: %s graded twice (%s, then %s): the first is kept", f.Domain, g, f.Grade))
			}
			return
		}
		have[f.Domain] = f.Grade
		out = append(out, f)
	}
	sif := typ == extract.TypeSIF || tableType(rows) == extract.TypeSIF
	if sif {
		add(sifOverall(text.Join(region)))
	}
	for _, r := range rows {
		switch {
		case r.domain == "":
			warnings = append(warnings, fmt.Sprintf("grade table: row %q graded %q names no known judgement", clip(r.label.text), r.grade.text))
		case r.grade.grade != "": // "Not judged" grades nothing
			add(extract.Finding{Kind: extract.KindJudgement, Domain: r.domain, Grade: r.grade.grade,
				Text: rowLabel(r.label.text) + " | " + r.grade.text, Page: r.label.page, Rule: ruleTable}, true)
		}
	}
	if _, ok := have[extract.DomainLSCB]; sif && !ok {
		add(sifLSCB(ls))
	}
	return out, append(warnings, missingRows(doc, rows, have)...)
}

// ruleTable names the findings read from a grade table's rows.
const ruleTable = "judgement.table"

// frameworkTable reports whether rows read from a document that is not a
// report are one of the frameworks' grade tables: most of its rows (more
// than two in three) name known domains, two of them at least in a
// document that does not restate a report (a lone "Overall effectiveness"
// line over a grade in a letter is no table), and the document is not
// dated before the first framework. The tables of other inspections
// (looked-after children's services before 2013, schools, children's
// homes) share a row or two with the frameworks' ("Overall
// effectiveness", "Leadership and management") among rows of their own.
func frameworkTable(doc *extract.Document, rows []tableRow) bool {
	known := 0
	for _, r := range rows {
		if r.domain != "" {
			known++
		}
	}
	if known == 0 || known <= 2*(len(rows)-known) || (!doc.Type.Restates() && known < 2) {
		return false
	}
	first := framework.Frameworks()[0].From
	for _, d := range []string{doc.VisitStart, doc.VisitEnd, doc.Published} {
		if d != "" {
			return d >= first
		}
	}
	return true
}

// tableType returns the type of report whose framework prints the rows'
// labels as they are (most rows decide), or "" when none of them tells.
func tableType(rows []tableRow) extract.Type {
	votes := map[extract.Type]int{}
	for _, r := range rows {
		if r.domain != "" {
			if t := printedType(r.label.text, r.domain); t != "" {
				votes[t]++
			}
		}
	}
	best, n := extract.Type(""), 0
	for _, t := range []extract.Type{extract.TypeILACS, extract.TypeSIF} {
		if votes[t] > n {
			best, n = t, votes[t]
		} else if votes[t] == n {
			best = ""
		}
	}
	return best
}

// missingRows returns a warning for each judgement that the framework of
// a report's visit grades in its table but no row of the table gave
// (none for a document that is not a report of that framework, or whose
// visit date is unknown).
func missingRows(doc *extract.Document, rows []tableRow, have map[extract.Domain]extract.Grade) []string {
	if !doc.Type.Graded() {
		return nil
	}
	date := doc.VisitStart
	if date == "" {
		date = doc.VisitEnd
	}
	fw, ok := framework.FrameworkAt(date)
	if !ok || fw.Type != doc.Type {
		return nil
	}
	if len(rows) == 0 {
		return []string{fmt.Sprintf("grade table: none read (a %s report grades %d judgements in one)", fw.Name, len(fw.Rows))}
	}
	var out []string
	for _, r := range fw.Rows {
		if _, got := have[r.Domain]; !got && r.Stated == framework.InTable && !notJudged(rows, r.Domain) {
			out = append(out, fmt.Sprintf("grade table: no row for %s (%s framework: %q)", r.Domain, fw.Name, r.Label))
		}
	}
	return out
}

// notJudged reports whether the table has a "Not judged" row for d.
func notJudged(rows []tableRow, d extract.Domain) bool {
	for _, r := range rows {
		if r.domain == d && r.grade.grade == "" {
			return true
		}
	}
	return false
}

// rowLabel is a row label as a finding quotes it: without its section
// number ("2.1 Adoption performance") or a colon after it.
func rowLabel(t string) string {
	t = strings.TrimSuffix(strings.TrimSpace(text.StripSectionNumber(t)), ":")
	if i := strings.LastIndex(t, ": "); i > 0 {
		if d := rowDomain(t[i+2:]); d != "" && d == rowDomain(t) {
			t = t[i+2:] // "The inspection looked at: the impact of leaders ...": the list's lead-in is no part of the row
		}
	}
	return t
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
		if len(out) == 0 {
			out = findProgressList(ls, ws)
		}
		if !hasJudgement(have) {
			out = append(out, findCommitteeJudgements(doc, ls, ws)...)
		}
	case extract.TypeOther, extract.TypeUnknown:
		// A page no type fits (a council web page, minutes in a layout
		// the signals do not know) may still report an inspection's
		// grades in prose: read as a committee paper's are, they are only
		// the grades said of this authority's latest inspection.
		if !hasJudgement(have) {
			out = findCommitteeJudgements(doc, ls, ws)
		}
	}
	return out
}

// news returns the judgements, recommendations and findings a news
// article reports in prose.
func news(doc *extract.Document, ls []text.Line, ws text.WordSet) []extract.Finding {
	sents := cutProse(ls, ws)
	out := newsReporter(doc, sents).judgements(sents)
	out = append(out, findNewsRecommendations(sents, doc.Title)...)
	return append(out, findNewsFindings(sents, out)...)
}
