package index

// An authority's timeline is everything the index holds about one
// authority, oldest first: inspections, visits, letters, committee papers
// and news; its grade in each domain over time (from graded inspections
// only, as in the summary); and the practice themes its findings touch,
// counted by documents and by findings, copies skipped so that a report
// and its copy in a pack count once.

import (
	"sort"
	"strings"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/extract"
)

// Timeline is one authority's documents, grades and themes.
type Timeline struct {
	Authority extract.Authority    `json:"authority"`
	Region    string               `json:"region"`
	Documents []Entry              `json:"documents"` // oldest first, undated last
	Grades    []GradeSeries        `json:"grades"`    // one per domain ever graded, in extract.Domains order
	Themes    []ThemeCount         `json:"themes"`    // most documents first
	Types     map[extract.Type]int `json:"types"`     // documents by type
	Summary   SummaryRow           `json:"summary"`
}

// GradeSeries is an authority's grade in one domain over time.
type GradeSeries struct {
	Domain extract.Domain `json:"domain"`
	Points []GradePoint   `json:"points"`
}

// GradePoint is one graded inspection's grade in a domain.
type GradePoint struct {
	Date       string        `json:"date"`
	Grade      extract.Grade `json:"grade"`
	DocumentID string        `json:"document_id"`
	Type       extract.Type  `json:"type"`
}

// ThemeCount says in how many documents, and how many findings, a theme
// occurs.
type ThemeCount struct {
	Theme     string `json:"theme"`
	Documents int    `json:"documents"`
	Findings  int    `json:"findings"`
}

// TimelineOf returns the timeline of the authority with this ONS code (or
// name or alias) from a catalogue; false when the index holds nothing of
// it.
func TimelineOf(entries []Entry, authority string) (Timeline, bool) {
	code := authority
	if a, ok := classify.LookupAuthority(authority); ok {
		code = a.Code
	}
	var es []*Entry
	for i := range entries {
		if entries[i].Authority.Code != "" && strings.EqualFold(entries[i].Authority.Code, code) {
			es = append(es, &entries[i])
		}
	}
	if len(es) == 0 {
		return Timeline{}, false
	}
	row := summariseAuthority(es)
	tl := Timeline{Authority: row.Authority, Region: row.Region, Summary: row, Types: map[extract.Type]int{}}
	series := map[extract.Domain]*GradeSeries{}
	themes := map[string]*ThemeCount{}
	for _, e := range es {
		tl.Documents = append(tl.Documents, *e)
		tl.Types[e.Type]++
		if e.SameAs != "" {
			continue
		}
		for t, n := range e.Themes {
			tc := themes[t]
			if tc == nil {
				tc = &ThemeCount{Theme: t}
				themes[t] = tc
			}
			tc.Documents++
			tc.Findings += n
		}
		if !graded(e) {
			continue
		}
		seen := map[extract.Domain]bool{}
		for _, j := range e.Judgements {
			if seen[j.Domain] {
				continue
			}
			seen[j.Domain] = true
			s := series[j.Domain]
			if s == nil {
				s = &GradeSeries{Domain: j.Domain}
				series[j.Domain] = s
			}
			s.Points = append(s.Points, GradePoint{Date: e.Date(), Grade: j.Grade, DocumentID: e.ID, Type: e.Type})
		}
	}
	for _, d := range extract.Domains() {
		if s := series[d]; s != nil {
			tl.Grades = append(tl.Grades, *s)
		}
	}
	for _, tc := range themes {
		tl.Themes = append(tl.Themes, *tc)
	}
	sort.Slice(tl.Themes, func(i, j int) bool {
		a, b := tl.Themes[i], tl.Themes[j]
		if a.Documents != b.Documents {
			return a.Documents > b.Documents
		}
		if a.Findings != b.Findings {
			return a.Findings > b.Findings
		}
		return a.Theme < b.Theme
	})
	return tl, true
}
