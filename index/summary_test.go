package index

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

// judged makes a one-document record of type typ for an authority, with
// the given grades ("domain=grade" pairs) as judgement findings.
func judged(path string, typ extract.Type, a extract.Authority, published, visitStart, visitEnd string, grades ...string) Record {
	var fs []extract.Finding
	for _, g := range grades {
		d, gr, _ := strings.Cut(g, "=")
		fs = append(fs, extract.Finding{Kind: extract.KindJudgement, Domain: extract.Domain(d), Grade: extract.Grade(gr),
			Text: d + " | " + gr, Page: 1, Rule: "judgement.table"})
	}
	rec := letter(path, a.Name, a.Code, published, []string{"Page one of " + path}, fs...)
	d := &rec.Documents[0]
	d.Type, d.VisitStart, d.VisitEnd = typ, visitStart, visitEnd
	return rec
}

var (
	nottingham = extract.Authority{Name: "Nottingham", Code: "E06000018"}
	bury       = extract.Authority{Name: "Bury", Code: "E08000002"}
	haringey   = extract.Authority{Name: "Haringey", Code: "E09000014"}
)

// summaryFixture is a catalogue of three authorities: Nottingham with two
// ILACS reports (improved), a focused visit after the latest and one
// before, a committee paper with grades (not an inspection) and a copy of
// the latest report; Bury with a SIF and an ILACS without overall grades
// (compared by domain); Haringey with a monitoring visit only.
func summaryFixture(t *testing.T) []Entry {
	t.Helper()
	ix := openT(t, t.TempDir())
	t.Cleanup(func() { ix.Close() })
	copyRec := judged("pack.pdf", extract.TypeILACS, nottingham, "2023-09-01", "2023-07-10", "2023-07-21",
		"overall_effectiveness=requires_improvement")
	copyRec.Documents[0].SameAs = "deadbeef0000-1"
	focused := judged("fv-2024.pdf", extract.TypeFocused, nottingham, "2024-03-12", "2024-02-06", "2024-02-07")
	focused.Documents[0].Findings = append(focused.Documents[0].Findings,
		extract.Finding{Kind: extract.KindStrength, Text: "Strategy discussions are timely.", Page: 1, Themes: []string{"strategy_discussions"}},
		extract.Finding{Kind: extract.KindWeakness, Text: "Plans are vague and strategy discussions late.", Page: 1, Themes: []string{"plans_reviews", "strategy_discussions"}})
	putT(t, ix,
		judged("ilacs-2019.pdf", extract.TypeILACS, nottingham, "2019-05-01", "2019-03-04", "2019-03-15",
			"overall_effectiveness=inadequate", "leaders=inadequate", "help_and_protection=inadequate", "in_care=requires_improvement"),
		judged("ilacs-2023.pdf", extract.TypeILACS, nottingham, "2023-09-01", "2023-07-10", "2023-07-21",
			"overall_effectiveness=requires_improvement", "leaders=requires_improvement", "help_and_protection=requires_improvement",
			"in_care=good", "care_leavers=requires_improvement"),
		judged("fv-2021.pdf", extract.TypeFocused, nottingham, "2021-03-12", "2021-02-09", "2021-02-10"),
		focused,
		judged("committee-2024.txt", extract.TypeCommittee, nottingham, "2024-01-20", "", "", "overall_effectiveness=good"),
		copyRec,
		judged("sif-2016.pdf", extract.TypeSIF, bury, "2016-07-18", "2016-05-09", "2016-06-02",
			"overall_effectiveness=good", "leaders=good", "help_and_protection=good", "in_care=requires_improvement"),
		judged("ilacs-2026.pdf", extract.TypeILACS, bury, "2026-05-18", "", "",
			"leaders=good", "help_and_protection=requires_improvement", "in_care=good"),
		judged("mv-2022.pdf", extract.TypeMonitoring, haringey, "", "2022-06-07", "2022-06-08"),
	)
	cat, err := ix.Catalogue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func TestCatalogue(t *testing.T) {
	cat := summaryFixture(t)
	if len(cat) != 9 {
		t.Fatalf("%d entries, want 9", len(cat))
	}
	var paths []string
	for _, e := range cat {
		paths = append(paths, e.Path)
	}
	want := []string{"sif-2016.pdf", "ilacs-2019.pdf", "fv-2021.pdf", "mv-2022.pdf", "ilacs-2023.pdf", "pack.pdf",
		"committee-2024.txt", "fv-2024.pdf", "ilacs-2026.pdf"}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("order = %v, want %v (by date, then path)", paths, want)
	}
	for _, e := range cat {
		if e.Path != "fv-2024.pdf" {
			continue
		}
		if e.Findings != 2 || e.Kinds[extract.KindStrength] != 1 || e.Themes["strategy_discussions"] != 2 {
			t.Errorf("fv-2024 counts: findings %d, kinds %v, themes %v", e.Findings, e.Kinds, e.Themes)
		}
		if !strings.HasSuffix(e.ID, "-1") || e.Ordinal != 1 {
			t.Errorf("fv-2024 id %s ordinal %d", e.ID, e.Ordinal)
		}
	}
}

func TestSummarise(t *testing.T) {
	rows := Summarise(summaryFixture(t))
	byName := map[string]SummaryRow{}
	var names []string
	for _, r := range rows {
		byName[r.Authority.Name] = r
		names = append(names, r.Authority.Name)
	}
	if want := []string{"Bury", "Haringey", "Nottingham"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("rows = %v, want %v", names, want)
	}
	tests := []struct {
		name, authority                string
		latestPublished, prevPublished string
		latestOverall                  extract.Grade
		direction                      string
		visits                         []string
		region                         string
		documents                      int
	}{
		{"ImprovedOverall", "Nottingham", "2023-09-01", "2019-05-01", extract.GradeRI, DirectionImproved, []string{"2024-02-06"}, "East Midlands", 6},
		{"ByDomainsWithoutOverall", "Bury", "2026-05-18", "2016-07-18", "", DirectionMixed, nil, "North West", 2},
		{"VisitsOnly", "Haringey", "", "", "", "", []string{"2022-06-07"}, "London", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := byName[tt.authority]
			pub := func(in *Inspection) string {
				if in == nil {
					return ""
				}
				return in.Published
			}
			if pub(r.Latest) != tt.latestPublished || pub(r.Previous) != tt.prevPublished {
				t.Errorf("latest %q previous %q, want %q %q", pub(r.Latest), pub(r.Previous), tt.latestPublished, tt.prevPublished)
			}
			if r.Latest != nil && r.Latest.Grades[extract.DomainOverall] != tt.latestOverall {
				t.Errorf("latest overall %q, want %q", r.Latest.Grades[extract.DomainOverall], tt.latestOverall)
			}
			if r.Direction != tt.direction {
				t.Errorf("direction %q, want %q", r.Direction, tt.direction)
			}
			var visits []string
			for _, v := range r.VisitsSince {
				visits = append(visits, v.Date)
			}
			if !reflect.DeepEqual(visits, tt.visits) {
				t.Errorf("visits since %v, want %v", visits, tt.visits)
			}
			if r.Region != tt.region || r.Documents != tt.documents {
				t.Errorf("region %q documents %d, want %q %d", r.Region, r.Documents, tt.region, tt.documents)
			}
			if got, want := len(r.Strings()), len(SummaryHeader()); got != want {
				t.Errorf("%d fields, header has %d", got, want)
			}
		})
	}
}

func TestDirection(t *testing.T) {
	in := func(grades ...string) *Inspection {
		i := &Inspection{Grades: map[extract.Domain]extract.Grade{}}
		for _, g := range grades {
			d, gr, _ := strings.Cut(g, "=")
			i.Grades[extract.Domain(d)] = extract.Grade(gr)
		}
		return i
	}
	tests := []struct {
		name             string
		latest, previous *Inspection
		want             string
	}{
		{"OverallUp", in("overall_effectiveness=good", "leaders=inadequate"), in("overall_effectiveness=inadequate", "leaders=good"), DirectionImproved},
		{"OverallDown", in("overall_effectiveness=inadequate"), in("overall_effectiveness=outstanding"), DirectionDeclined},
		{"OverallSame", in("overall_effectiveness=good"), in("overall_effectiveness=good"), DirectionSame},
		{"DomainsUp", in("leaders=good", "in_care=good"), in("overall_effectiveness=good", "leaders=requires_improvement", "in_care=good"), DirectionImproved},
		{"DomainsDown", in("leaders=inadequate"), in("leaders=good"), DirectionDeclined},
		{"NothingShared", in("leaders=good"), in("adoption=good"), ""},
		{"NoPrevious", in("leaders=good"), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := direction(tt.latest, tt.previous); got != tt.want {
				t.Errorf("direction = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSummaryFilterSort(t *testing.T) {
	rows := Summarise(summaryFixture(t))
	tests := []struct {
		name   string
		filter SummaryFilter
		sort   string
		desc   bool
		want   string
	}{
		{"All", SummaryFilter{}, "", false, "Bury Haringey Nottingham"},
		{"Region", SummaryFilter{Region: "london,north west"}, "", false, "Bury Haringey"},
		{"Grade", SummaryFilter{Grade: "requires_improvement"}, "", false, "Nottingham"},
		{"GradeNone", SummaryFilter{Grade: "none"}, "", false, "Bury Haringey"},
		{"PublishedDesc", SummaryFilter{}, "published", true, "Bury Nottingham Haringey"},
		{"OverallAsc", SummaryFilter{}, "overall", false, "Nottingham Bury Haringey"},
		{"Visits", SummaryFilter{}, "visits", false, "Haringey Nottingham Bury"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.filter.Check(); err != nil {
				t.Fatal(err)
			}
			var got []SummaryRow
			for _, r := range rows {
				if tt.filter.Match(&r) {
					got = append(got, r)
				}
			}
			if err := SortSummary(got, tt.sort, tt.desc); err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, r := range got {
				names = append(names, r.Authority.Name)
			}
			if s := strings.Join(names, " "); s != tt.want {
				t.Errorf("got %s, want %s", s, tt.want)
			}
		})
	}
	for _, bad := range []SummaryFilter{{Region: "Atlantis"}, {Grade: "excellent"}} {
		if err := bad.Check(); !errors.Is(err, ErrQuery) {
			t.Errorf("Check(%+v) = %v, want ErrQuery", bad, err)
		}
	}
	if err := SortSummary(rows, "colour", false); !errors.Is(err, ErrQuery) {
		t.Errorf("SortSummary(colour) = %v, want ErrQuery", err)
	}
}

func TestTimeline(t *testing.T) {
	cat := summaryFixture(t)
	tl, ok := TimelineOf(cat, "nottingham")
	if !ok {
		t.Fatal("no timeline for Nottingham")
	}
	if len(tl.Documents) != 6 || tl.Types[extract.TypeILACS] != 3 {
		t.Errorf("%d documents, types %v", len(tl.Documents), tl.Types)
	}
	var overall []string
	for _, s := range tl.Grades {
		if s.Domain == extract.DomainOverall {
			for _, p := range s.Points {
				overall = append(overall, p.Date+"="+string(p.Grade))
			}
		}
	}
	// The committee paper's grade and the copy in the pack are not points.
	if want := []string{"2019-05-01=inadequate", "2023-09-01=requires_improvement"}; !reflect.DeepEqual(overall, want) {
		t.Errorf("overall series %v, want %v", overall, want)
	}
	if len(tl.Themes) != 2 || tl.Themes[0] != (ThemeCount{Theme: "strategy_discussions", Documents: 1, Findings: 2}) {
		t.Errorf("themes %+v", tl.Themes)
	}
	if _, ok := TimelineOf(cat, "E06000001"); ok {
		t.Error("Hartlepool has no documents, but got a timeline")
	}
}
