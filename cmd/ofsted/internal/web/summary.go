package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/cmd/ofsted/internal/safecsv"
	"github.com/ofsted/ofsted/cmd/ofsted/internal/xlsx"
	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/index"
)

// summaryParams is the summary's state as its URL holds it.
type summaryParams struct {
	filter index.SummaryFilter
	sort   string
	desc   bool
}

func parseSummary(v url.Values) (summaryParams, error) {
	p := summaryParams{filter: index.SummaryFilter{Region: v.Get("region"), Grade: v.Get("grade")},
		sort: v.Get("sort"), desc: v.Get("desc") == "1" || v.Get("desc") == "true"}
	if err := p.filter.Check(); err != nil {
		return p, err
	}
	if err := index.SortSummary(nil, p.sort, p.desc); err != nil {
		return p, err
	}
	return p, nil
}

func (p summaryParams) values() url.Values {
	v := url.Values{}
	if p.filter.Region != "" {
		v.Set("region", p.filter.Region)
	}
	if p.filter.Grade != "" {
		v.Set("grade", p.filter.Grade)
	}
	if p.sort != "" && p.sort != "authority" {
		v.Set("sort", p.sort)
	}
	if p.desc {
		v.Set("desc", "1")
	}
	return v
}

func (p summaryParams) url(path string) string {
	if e := p.values().Encode(); e != "" {
		return path + "?" + e
	}
	return path
}

// sortURL is the link of a column heading: sort by it, or reverse.
func (p summaryParams) sortURL(key string) string {
	c := p
	if c.sort == key || (c.sort == "" && key == "authority") {
		c.desc = !c.desc
	} else {
		c.sort, c.desc = key, false
	}
	return c.url("/summary")
}

// rows computes the summary, filtered and sorted.
func (s *Server) summaryRows(r *http.Request, p summaryParams) ([]index.SummaryRow, error) {
	cat, err := s.store.Catalogue(r.Context())
	if err != nil {
		return nil, err
	}
	var rows []index.SummaryRow
	for _, row := range index.Summarise(cat) {
		if p.filter.Match(&row) {
			rows = append(rows, row)
		}
	}
	if err := index.SortSummary(rows, p.sort, p.desc); err != nil {
		return nil, err
	}
	return rows, nil
}

// summaryRowView is a row as the page shows it.
type summaryRowView struct {
	index.SummaryRow
	URL         string
	LatestURL   string
	PreviousURL string
	Latest      []gradeCell
	Previous    string // the previous grades in brief
	Visits      []docLink
	MoreVisits  int // visits not listed (the authority page has them all)
}

// visitsShown is how many visits a summary row lists.
const visitsShown = 6

type gradeCell struct {
	Grade extract.Grade
	Class string
	Title string
}

// heading is a sortable column heading.
type heading struct {
	Label string
	URL   string
	Arrow string
}

// summaryData is the summary page's data.
type summaryData struct {
	Rows     []summaryRowView
	Domains  []extract.Domain
	Regions  []option
	Grades   []option
	Sorts    map[string]heading
	CSVURL   string
	XLSXURL  string
	Total    int
	Filtered bool
}

func (summaryData) Title() string { return "Summary" }

// summaryDomains are the domains with a column on the page (the CSV and
// Excel files have all of them).
var summaryDomains = []extract.Domain{extract.DomainOverall, extract.DomainLeaders, extract.DomainHelp,
	extract.DomainInCare, extract.DomainCareLeaver}

func briefGrades(in *index.Inspection) string {
	if in == nil {
		return ""
	}
	var parts []string
	for _, d := range index.SummaryDomains() {
		if g := in.Grades[d]; g != "" {
			parts = append(parts, shortDomains[d]+" "+shortGrades[g])
		}
	}
	return strings.Join(parts, " · ")
}

// summaryPage is the table of every authority's latest grades.
func (s *Server) summaryPage(w http.ResponseWriter, r *http.Request) error {
	p, err := parseSummary(r.URL.Query())
	if err != nil {
		return err
	}
	rows, err := s.summaryRows(r, p)
	if err != nil {
		return err
	}
	d := summaryData{Domains: summaryDomains, Total: len(rows), Sorts: map[string]heading{},
		CSVURL: p.url("/api/summary") + sep(p) + "format=csv", XLSXURL: p.url("/api/summary") + sep(p) + "format=xlsx",
		Filtered: p.filter.Region != "" || p.filter.Grade != ""}
	d.Regions = append(d.Regions, option{Value: "", Label: "All regions", Selected: p.filter.Region == ""})
	for _, reg := range classify.Regions() {
		d.Regions = append(d.Regions, option{Value: reg, Label: reg, Selected: strings.EqualFold(p.filter.Region, reg)})
	}
	d.Grades = append(d.Grades, option{Value: "", Label: "Any overall grade", Selected: p.filter.Grade == ""})
	for _, g := range extract.Grades() {
		d.Grades = append(d.Grades, option{Value: string(g), Label: label(string(g)), Selected: strings.EqualFold(p.filter.Grade, string(g))})
	}
	d.Grades = append(d.Grades, option{Value: "none", Label: "No overall grade", Selected: p.filter.Grade == "none"})
	for _, k := range index.SummarySorts() {
		h := heading{URL: p.sortURL(k)}
		if p.sort == k || (p.sort == "" && k == "authority") {
			h.Arrow = "▲"
			if p.desc {
				h.Arrow = "▼"
			}
		}
		d.Sorts[k] = h
	}
	for _, row := range rows {
		v := summaryRowView{SummaryRow: row, URL: "/authority/" + url.PathEscape(row.Authority.Code),
			Previous: briefGrades(row.Previous)}
		if row.Latest != nil {
			v.LatestURL = "/doc/" + url.PathEscape(row.Latest.DocumentID)
		}
		if row.Previous != nil {
			v.PreviousURL = "/doc/" + url.PathEscape(row.Previous.DocumentID)
		}
		for _, dm := range summaryDomains {
			var g extract.Grade
			if row.Latest != nil {
				g = row.Latest.Grades[dm]
			}
			v.Latest = append(v.Latest, gradeCell{Grade: g, Class: gradeClass(g), Title: label(string(dm)) + ": " + label(string(g))})
		}
		for i, vis := range row.VisitsSince {
			if i == visitsShown {
				v.MoreVisits = len(row.VisitsSince) - visitsShown
				break
			}
			v.Visits = append(v.Visits, docLink{ID: vis.DocumentID, URL: "/doc/" + url.PathEscape(vis.DocumentID),
				Title: label(string(vis.Type)), Date: vis.Date})
		}
		d.Rows = append(d.Rows, v)
	}
	s.render(w, r, "summary", http.StatusOK, d)
	return nil
}

func sep(p summaryParams) string {
	if len(p.values()) > 0 {
		return "&"
	}
	return "?"
}

// apiSummary is the summary as JSON, CSV (format=csv) or Excel
// (format=xlsx, with the judgements behind it on a second sheet).
func (s *Server) apiSummary(w http.ResponseWriter, r *http.Request) error {
	p, err := parseSummary(r.URL.Query())
	if err != nil {
		return err
	}
	format := r.URL.Query().Get("format")
	switch format {
	case "", "json", "csv", "xlsx":
	default:
		return badRequest("format %q: want json, csv or xlsx", format)
	}
	rows, err := s.summaryRows(r, p)
	if err != nil {
		return err
	}
	if rows == nil {
		rows = []index.SummaryRow{}
	}
	switch format {
	case "csv":
		var b bytes.Buffer
		if err := safecsv.Table(&b, true, index.SummaryHeader(), summaryStrings(rows)); err != nil {
			return err
		}
		return download(w, "ofsted-summary.csv", "text/csv; charset=utf-8", b.Bytes())
	case "xlsx":
		var judgements []index.Row
		err := s.store.Read(func(ix *index.Group) error {
			var err error
			judgements, err = ix.Judgements(rows)
			return err
		})
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := xlsx.Write(&b, xlsx.Book{Findings: judgements, Summary: rows, SummaryFirst: true}); err != nil {
			return err
		}
		return download(w, "ofsted-summary.xlsx", xlsxType, b.Bytes())
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": len(rows), "rows": rows})
	return nil
}

// summaryStrings is rows as CSV fields.
func summaryStrings(rows []index.SummaryRow) [][]string {
	out := make([][]string, len(rows))
	for i := range rows {
		out[i] = rows[i].Strings()
	}
	return out
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// download sends a file to be saved under name.
func download(w http.ResponseWriter, name, contentType string, data []byte) error {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
	_, err := w.Write(data)
	return err
}
