package index

// The summary is the table children's-services analysts keep by hand: per
// authority, the latest graded inspection and its grade in each domain,
// the previous one's grades beside them, the direction of change, and the
// visits since. Public scrapers of Ofsted's site produce it; here it comes
// from the user's own folder, and every cell names the document it came
// from.
//
// Decisions:
//   - A graded inspection is an ILACS or SIF report with at least one
//     judgement. Committee papers and news articles report grades too, but
//     second hand; they are on the authority's timeline, not in the table.
//   - Copies (Document.SameAs set) are skipped: the copy kept stands for
//     the inspection, so a report embedded in a pack and the same report
//     on its own count once.
//   - The direction compares overall effectiveness when both inspections
//     graded it; otherwise (the 2026 framework has no overall grade) the
//     domains both graded: improved when some are better and none worse,
//     declined the other way round, mixed when both, same when equal.
//   - Visits since are focused visits, monitoring visits and JTAI letters
//     dated after the latest graded inspection's visit (its publication
//     when the visit dates are unknown); with no graded inspection, every
//     visit.

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/extract"
)

// Directions of change between two graded inspections.
const (
	DirectionImproved = "improved"
	DirectionDeclined = "declined"
	DirectionSame     = "same"
	DirectionMixed    = "mixed"
)

// Inspection is a graded inspection as the summary shows it.
type Inspection struct {
	DocumentID string                           `json:"document_id"`
	Type       extract.Type                     `json:"type"`
	Published  string                           `json:"published"`
	VisitStart string                           `json:"visit_start"`
	VisitEnd   string                           `json:"visit_end"`
	Grades     map[extract.Domain]extract.Grade `json:"grades"`
}

// Visit is a visit or letter after the latest graded inspection.
type Visit struct {
	DocumentID string       `json:"document_id"`
	Type       extract.Type `json:"type"`
	Date       string       `json:"date"` // visit start, else published
}

// SummaryRow is one authority's line of the summary.
type SummaryRow struct {
	Authority   extract.Authority `json:"authority"`
	Region      string            `json:"region"`
	Latest      *Inspection       `json:"latest"`   // nil: no graded inspection in the index
	Previous    *Inspection       `json:"previous"` // nil: none before the latest
	Direction   string            `json:"direction"`
	VisitsSince []Visit           `json:"visits_since"`
	Documents   int               `json:"documents"` // every document of the authority in the index
}

var gradedTypes = map[extract.Type]bool{extract.TypeILACS: true, extract.TypeSIF: true}

var visitTypes = map[extract.Type]bool{extract.TypeFocused: true, extract.TypeMonitoring: true, extract.TypeJTAI: true}

// graded reports whether e is a graded inspection the summary counts.
func graded(e *Entry) bool {
	return gradedTypes[e.Type] && e.SameAs == "" && len(e.Judgements) > 0
}

func inspection(e *Entry) *Inspection {
	in := &Inspection{DocumentID: e.ID, Type: e.Type, Published: e.Published, VisitStart: e.VisitStart,
		VisitEnd: e.VisitEnd, Grades: map[extract.Domain]extract.Grade{}}
	for _, j := range e.Judgements {
		if _, dup := in.Grades[j.Domain]; !dup {
			in.Grades[j.Domain] = j.Grade
		}
	}
	return in
}

// Date is the date the inspection is filed under: published, else the
// end of the visit.
func (in *Inspection) Date() string {
	if in.Published != "" {
		return in.Published
	}
	return in.VisitEnd
}

// after is the date visits are counted from: the end of the visit, else
// the publication.
func (in *Inspection) after() string {
	if in.VisitEnd != "" {
		return in.VisitEnd
	}
	return in.Published
}

// GradeRank orders grades: outstanding 4 down to inadequate 1, 0 for none.
func GradeRank(g extract.Grade) int {
	switch g {
	case extract.GradeOutstanding:
		return 4
	case extract.GradeGood:
		return 3
	case extract.GradeRI:
		return 2
	case extract.GradeInadequate:
		return 1
	}
	return 0
}

// direction compares the latest inspection with the previous one.
func direction(latest, previous *Inspection) string {
	if latest == nil || previous == nil {
		return ""
	}
	cmp := func(a, b extract.Grade) int { return GradeRank(a) - GradeRank(b) }
	lo, po := latest.Grades[extract.DomainOverall], previous.Grades[extract.DomainOverall]
	if lo != "" && po != "" {
		switch c := cmp(lo, po); {
		case c > 0:
			return DirectionImproved
		case c < 0:
			return DirectionDeclined
		}
		return DirectionSame
	}
	better, worse, shared := 0, 0, 0
	for d, g := range latest.Grades {
		p, ok := previous.Grades[d]
		if !ok {
			continue
		}
		shared++
		switch c := cmp(g, p); {
		case c > 0:
			better++
		case c < 0:
			worse++
		}
	}
	switch {
	case shared == 0:
		return ""
	case better > 0 && worse > 0:
		return DirectionMixed
	case better > 0:
		return DirectionImproved
	case worse > 0:
		return DirectionDeclined
	}
	return DirectionSame
}

// Summarise makes the summary from a catalogue (in catalogue order): one
// row per authority with at least one document, by authority name.
func Summarise(entries []Entry) []SummaryRow {
	byCode := map[string][]*Entry{}
	var codes []string
	for i := range entries {
		e := &entries[i]
		if e.Authority.Code == "" {
			continue
		}
		if byCode[e.Authority.Code] == nil {
			codes = append(codes, e.Authority.Code)
		}
		byCode[e.Authority.Code] = append(byCode[e.Authority.Code], e)
	}
	rows := make([]SummaryRow, 0, len(codes))
	for _, code := range codes {
		rows = append(rows, summariseAuthority(byCode[code]))
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Authority.Name < rows[j].Authority.Name })
	return rows
}

// summariseAuthority makes the row of one authority's entries (in
// catalogue order, oldest first).
func summariseAuthority(es []*Entry) SummaryRow {
	a := es[0].Authority
	if ga, ok := classify.LookupAuthority(a.Code); ok {
		a = ga
	}
	row := SummaryRow{Authority: a, Region: classify.Region(a.Code), Documents: len(es), VisitsSince: []Visit{}}
	var grades []*Entry
	for _, e := range es {
		if graded(e) {
			grades = append(grades, e)
		}
	}
	if n := len(grades); n > 0 {
		row.Latest = inspection(grades[n-1])
		if n > 1 {
			row.Previous = inspection(grades[n-2])
		}
	}
	row.Direction = direction(row.Latest, row.Previous)
	for _, e := range es {
		if !visitTypes[e.Type] || e.SameAs != "" {
			continue
		}
		date := e.VisitStart
		if date == "" {
			date = e.Published
		}
		if row.Latest != nil && (date == "" || date <= row.Latest.after()) {
			continue
		}
		row.VisitsSince = append(row.VisitsSince, Visit{DocumentID: e.ID, Type: e.Type, Date: date})
	}
	return row
}

// SummaryFilter narrows the summary: Region (a region's name) and Grade
// (the latest overall effectiveness grade) take comma-separated lists;
// empty matches all.
type SummaryFilter struct {
	Region string
	Grade  string
}

// Check reports a filter value outside the vocabulary, wrapping ErrQuery.
func (f SummaryFilter) Check() error {
	for _, r := range splitList(f.Region) {
		ok := false
		for _, known := range classify.Regions() {
			ok = ok || strings.EqualFold(known, r)
		}
		if !ok {
			return fmt.Errorf("%w: region %q: want one of %s", ErrQuery, r, strings.Join(classify.Regions(), ", "))
		}
	}
	for _, g := range splitList(f.Grade) {
		if GradeRank(extract.Grade(strings.ToLower(g))) == 0 && !strings.EqualFold(g, "none") {
			return fmt.Errorf("%w: grade %q: want outstanding, good, requires_improvement, inadequate or none", ErrQuery, g)
		}
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// Match reports whether row passes the filter. Grade "none" matches rows
// without a graded inspection or without an overall grade.
func (f SummaryFilter) Match(row *SummaryRow) bool {
	if rs := splitList(f.Region); len(rs) > 0 {
		ok := false
		for _, r := range rs {
			ok = ok || strings.EqualFold(r, row.Region)
		}
		if !ok {
			return false
		}
	}
	if gs := splitList(f.Grade); len(gs) > 0 {
		var have extract.Grade
		if row.Latest != nil {
			have = row.Latest.Grades[extract.DomainOverall]
		}
		ok := false
		for _, g := range gs {
			ok = ok || strings.EqualFold(g, string(have)) || (have == "" && strings.EqualFold(g, "none"))
		}
		return ok
	}
	return true
}

// SummarySorts are the orders SortSummary knows, each ascending; the
// summary's natural order is "authority".
func SummarySorts() []string {
	return []string{"authority", "region", "published", "overall", "direction", "visits"}
}

// SortSummary orders rows by key (one of SummarySorts), descending when
// desc, ties by authority name. Rows without the value sort last either
// way.
func SortSummary(rows []SummaryRow, key string, desc bool) error {
	var val func(r *SummaryRow) string
	switch key {
	case "", "authority":
		val = func(r *SummaryRow) string { return r.Authority.Name }
	case "region":
		val = func(r *SummaryRow) string { return r.Region }
	case "published":
		val = func(r *SummaryRow) string {
			if r.Latest == nil {
				return ""
			}
			return r.Latest.Published
		}
	case "overall":
		val = func(r *SummaryRow) string {
			if r.Latest == nil || r.Latest.Grades[extract.DomainOverall] == "" {
				return ""
			}
			return strconv.Itoa(GradeRank(r.Latest.Grades[extract.DomainOverall]))
		}
	case "direction":
		order := map[string]string{DirectionDeclined: "1", DirectionMixed: "2", DirectionSame: "3", DirectionImproved: "4"}
		val = func(r *SummaryRow) string { return order[r.Direction] }
	case "visits":
		val = func(r *SummaryRow) string {
			if len(r.VisitsSince) == 0 {
				return ""
			}
			return fmt.Sprintf("%06d", len(r.VisitsSince))
		}
	default:
		return fmt.Errorf("%w: sort %q: want one of %s", ErrQuery, key, strings.Join(SummarySorts(), ", "))
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := val(&rows[i]), val(&rows[j])
		if (a == "") != (b == "") {
			return b == ""
		}
		if a != b {
			return (a < b) != desc
		}
		return rows[i].Authority.Name < rows[j].Authority.Name
	})
	return nil
}

// SummaryDomains are the domains the summary has a column for, in order.
func SummaryDomains() []extract.Domain { return extract.Domains() }

// SummaryHeader names the columns of SummaryRow.Strings, in order.
func SummaryHeader() []string {
	h := []string{"authority", "authority_code", "region",
		"latest_type", "latest_published", "latest_visit_start", "latest_visit_end", "latest_document_id"}
	for _, d := range SummaryDomains() {
		h = append(h, "latest_"+string(d))
	}
	h = append(h, "previous_type", "previous_published", "previous_document_id")
	for _, d := range SummaryDomains() {
		h = append(h, "previous_"+string(d))
	}
	return append(h, "direction", "visits_since", "visits_since_types", "visits_since_ids", "documents")
}

// Strings returns the row as CSV fields, in SummaryHeader's order; lists
// are joined with ";".
func (r *SummaryRow) Strings() []string {
	out := []string{r.Authority.Name, r.Authority.Code, r.Region}
	in := r.Latest
	if in == nil {
		in = &Inspection{}
	}
	out = append(out, string(in.Type), in.Published, in.VisitStart, in.VisitEnd, in.DocumentID)
	for _, d := range SummaryDomains() {
		out = append(out, string(in.Grades[d]))
	}
	in = r.Previous
	if in == nil {
		in = &Inspection{}
	}
	out = append(out, string(in.Type), in.Published, in.DocumentID)
	for _, d := range SummaryDomains() {
		out = append(out, string(in.Grades[d]))
	}
	var dates, types, ids []string
	for _, v := range r.VisitsSince {
		dates, types, ids = append(dates, v.Date), append(types, string(v.Type)), append(ids, v.DocumentID)
	}
	return append(out, r.Direction, strings.Join(dates, ";"), strings.Join(types, ";"), strings.Join(ids, ";"),
		strconv.Itoa(r.Documents))
}

// SummaryOf returns the summary rows of the authorities that rows (an
// export) belong to: the second sheet of an exported workbook.
func SummaryOf(entries []Entry, rows []Row) []SummaryRow {
	want := map[string]bool{}
	for _, r := range rows {
		want[r.AuthorityCode] = true
	}
	var out []SummaryRow
	for _, s := range Summarise(entries) {
		if want[s.Authority.Code] {
			out = append(out, s)
		}
	}
	return out
}

// Judgements returns the judgement findings of the inspections the rows
// name, previous before latest: the sentence and page behind every grade
// cell of the summary.
func (ix *Index) Judgements(rows []SummaryRow) ([]Row, error) {
	return judgements(ix.Document, rows)
}

func judgements(document func(id string) (DocumentView, error), rows []SummaryRow) ([]Row, error) {
	var out []Row
	for _, row := range rows {
		for _, in := range []*Inspection{row.Previous, row.Latest} {
			if in == nil {
				continue
			}
			v, err := document(in.DocumentID)
			if err != nil {
				return nil, fmt.Errorf("judgements of the summary: %w", err)
			}
			for _, f := range v.Rows {
				if f.Kind == string(extract.KindJudgement) {
					out = append(out, f)
				}
			}
		}
	}
	return out, nil
}
