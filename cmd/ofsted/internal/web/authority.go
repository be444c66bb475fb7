package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/index"
)

// chart is the SVG of an authority's grades over time: one small line
// chart per domain, grades as four levels (outstanding at the top), each
// inspection a dot that links to its report.
type chart struct {
	Width, Height int
	Left          int // x where the plot starts (labels to its left)
	Rows          []chartRow
	Ticks         []chartTick
	AxisY         int
}

type chartRow struct {
	Label   string
	Top     int // y of the row's top (outstanding)
	Bottom  int // y of inadequate
	LabelY  int
	Line    string // polyline points
	Points  []chartPoint
	Guides  []chartGuide // one per grade level
	Heading string
}

// chartGuide is the line of one grade level, labelled at its right end.
type chartGuide struct {
	Y     int
	Label string
}

type chartPoint struct {
	X, Y  int
	Class string
	Short string
	Title string
	URL   string
}

type chartTick struct {
	X     int
	Label string
}

const (
	chartWidth = 720
	chartLeft  = 150
	chartRight = 20
	rowHeight  = 56
	rowGap     = 10
	levelGap   = 12
)

// dayOf turns a date into a day number for the x axis.
func dayOf(date string) (float64, bool) {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return 0, false
	}
	return float64(t.Unix()) / 86400, true
}

// newChart draws the series; nil when there is nothing graded.
func newChart(series []index.GradeSeries) *chart {
	lo, hi := 0.0, 0.0
	first := true
	for _, s := range series {
		for _, p := range s.Points {
			d, ok := dayOf(p.Date)
			if !ok {
				continue
			}
			if first || d < lo {
				lo = d
			}
			if first || d > hi {
				hi = d
			}
			first = false
		}
	}
	if first {
		return nil
	}
	// Whole years either side, so that ticks fall on 1 January.
	y0, _ := time.Parse("2006", time.Unix(int64(lo*86400), 0).UTC().Format("2006"))
	y1, _ := time.Parse("2006", strconv.Itoa(time.Unix(int64(hi*86400), 0).UTC().Year()+1))
	lo, hi = float64(y0.Unix())/86400, float64(y1.Unix())/86400
	plot := float64(chartWidth - chartLeft - chartRight)
	x := func(d float64) int { return chartLeft + int((d-lo)/(hi-lo)*plot+0.5) }
	c := &chart{Width: chartWidth, Left: chartLeft}
	y := 8
	for _, s := range series {
		row := chartRow{Label: label(string(s.Domain)), Top: y, Bottom: y + 3*levelGap, LabelY: y + 3*levelGap/2 + 4}
		for lvl, g := range extract.Grades() { // outstanding at the top
			row.Guides = append(row.Guides, chartGuide{Y: y + lvl*levelGap, Label: shortGrades[g]})
		}
		for _, p := range s.Points {
			d, ok := dayOf(p.Date)
			if !ok {
				continue
			}
			py := y + (4-index.GradeRank(p.Grade))*levelGap
			pt := chartPoint{X: x(d), Y: py, Class: gradeClass(p.Grade), Short: shortGrades[p.Grade],
				Title: fmt.Sprintf("%s, %s: %s", label(string(p.Type)), p.Date, label(string(p.Grade))),
				URL:   "/doc/" + url.PathEscape(p.DocumentID)}
			row.Points = append(row.Points, pt)
			if row.Line != "" {
				row.Line += " "
			}
			row.Line += fmt.Sprintf("%d,%d", pt.X, pt.Y)
		}
		c.Rows = append(c.Rows, row)
		y += rowHeight + rowGap
	}
	c.AxisY = y - rowGap + 4
	for yr := y0.Year(); yr <= y1.Year(); yr++ {
		t, _ := time.Parse("2006", strconv.Itoa(yr))
		c.Ticks = append(c.Ticks, chartTick{X: x(float64(t.Unix()) / 86400), Label: strconv.Itoa(yr)})
	}
	// Label every tick only when they fit.
	if step := (len(c.Ticks)*40)/(chartWidth-chartLeft-chartRight) + 1; step > 1 {
		for i := range c.Ticks {
			if i%step != 0 {
				c.Ticks[i].Label = ""
			}
		}
	}
	c.Height = c.AxisY + 22
	return c
}

// timelineItem is a document on the timeline, ready to print: an
// authority can have thousands, so the template does no work per item.
type timelineItem struct {
	Type      string
	TypeLabel string
	Date      string
	Title     string
	URL       string
	Grades    []gradeTag
	Findings  int
	Copy      bool
	Year      string
	NewYear   bool
}

// gradeTag is a grade shown as a small coloured tag.
type gradeTag struct {
	Class, Short, Title string
}

// themeView is a recurring theme with the search that lists its findings.
type themeView struct {
	index.ThemeCount
	SearchURL string
}

// authorityData is the authority page's data.
type authorityData struct {
	index.Timeline
	Chart    *chart
	Items    []timelineItem
	ThemesV  []themeView
	Search   string
	Domains  []extract.Domain
	Findings int
	// LatestOverall is the latest graded inspection's overall grade.
	LatestOverall extract.Grade
}

func (a authorityData) Title() string { return a.Authority.Name }

// loadTimeline finds an authority's timeline, by ONS code, name or alias.
func (s *Server) loadTimeline(r *http.Request, code string) (index.Timeline, error) {
	a, ok := classify.LookupAuthority(code)
	if !ok {
		return index.Timeline{}, notFound("no English local authority %q", code)
	}
	cat, err := s.store.Catalogue(r.Context())
	if err != nil {
		return index.Timeline{}, err
	}
	tl, ok := index.TimelineOf(cat, a.Code)
	if !ok {
		return index.Timeline{}, notFound("the index holds no documents of %s", a.Name)
	}
	return tl, nil
}

// authorityPage shows one authority: its grades over time, every document
// on a timeline, and the themes that recur.
func (s *Server) authorityPage(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	tl, err := s.loadTimeline(r, code)
	if err != nil {
		return err
	}
	if code != tl.Authority.Code {
		// One URL per authority: names and old codes redirect to it.
		http.Redirect(w, r, "/authority/"+url.PathEscape(tl.Authority.Code), http.StatusMovedPermanently)
		return nil
	}
	d := authorityData{Timeline: tl, Chart: newChart(tl.Grades), Domains: index.SummaryDomains()}
	p := params{filters: map[string]string{"authority": tl.Authority.Code}}
	d.Search = p.url()
	if tl.Summary.Latest != nil {
		d.LatestOverall = tl.Summary.Latest.Grades[extract.DomainOverall]
	}
	// Newest first, undated at the end (the catalogue has them last).
	var order []index.Entry
	for i := len(tl.Documents) - 1; i >= 0; i-- {
		if tl.Documents[i].Date() != "" {
			order = append(order, tl.Documents[i])
		}
	}
	for _, e := range tl.Documents {
		if e.Date() == "" {
			order = append(order, e)
		}
	}
	last := ""
	for _, e := range order {
		it := timelineItem{Type: string(e.Type), TypeLabel: label(string(e.Type)), Date: e.Date(), Title: e.Title,
			URL: "/doc/" + url.PathEscape(e.ID), Findings: e.Findings, Copy: e.SameAs != "", Year: "Undated"}
		if it.Title == "" {
			it.Title = e.ID
		}
		if it.Date == "" {
			it.Date = "undated"
		} else if len(it.Date) >= 4 {
			it.Year = it.Date[:4]
		}
		for _, j := range e.Judgements {
			it.Grades = append(it.Grades, gradeTag{Class: gradeClass(j.Grade), Short: shortGrades[j.Grade],
				Title: label(string(j.Domain)) + ": " + label(string(j.Grade))})
		}
		it.NewYear = it.Year != last
		last = it.Year
		d.Items = append(d.Items, it)
		d.Findings += e.Findings
	}
	for _, t := range tl.Themes {
		tp := params{filters: map[string]string{"authority": tl.Authority.Code, "theme": t.Theme}}
		d.ThemesV = append(d.ThemesV, themeView{ThemeCount: t, SearchURL: tp.url()})
	}
	s.render(w, r, "authority", http.StatusOK, d)
	return nil
}

// apiAuthority is the authority page as JSON.
func (s *Server) apiAuthority(w http.ResponseWriter, r *http.Request) error {
	tl, err := s.loadTimeline(r, r.PathValue("code"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, tl)
	return nil
}

// apiAuthorities lists the authorities the index holds documents of.
func (s *Server) apiAuthorities(w http.ResponseWriter, r *http.Request) error {
	cat, err := s.store.Catalogue(r.Context())
	if err != nil {
		return err
	}
	type authority struct {
		extract.Authority
		Region    string `json:"region"`
		Documents int    `json:"documents"`
		URL       string `json:"url"`
	}
	out := []authority{}
	for _, row := range index.Summarise(cat) {
		out = append(out, authority{Authority: row.Authority, Region: row.Region, Documents: row.Documents,
			URL: "/api/authorities/" + url.PathEscape(row.Authority.Code)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": len(out), "authorities": out})
	return nil
}
