package framework

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

// TestDomainTable checks the shape of the domain table: one row per
// domain of the model, a table label for each, a heading form for each
// but overall effectiveness, a prose name for each but adoption and the
// LSCB, and labels that compile on their own (table labels without
// capturing groups, since each domain's labels are one group).
func TestDomainTable(t *testing.T) {
	noHeading := []extract.Domain{extract.DomainOverall}
	noProse := []extract.Domain{extract.DomainAdoption, extract.DomainLSCB}
	rows := Domains()
	for i, d := range extract.Domains() {
		if i >= len(rows) || rows[i].Domain != d {
			t.Fatalf("row %d is not %s: the table must have one row per domain, in the model's order", i, d)
		}
	}
	if len(rows) != len(extract.Domains()) {
		t.Fatalf("%d rows for %d domains", len(rows), len(extract.Domains()))
	}
	for _, r := range rows {
		t.Run(string(r.Domain), func(t *testing.T) {
			if len(r.Table) == 0 {
				t.Error("no grade-table label")
			}
			if got, want := len(r.Headings) == 0, slices.Contains(noHeading, r.Domain); got != want {
				t.Errorf("has no heading form: %v, want %v", got, want)
			}
			if got, want := len(r.Prose) == 0, slices.Contains(noProse, r.Domain); got != want {
				t.Errorf("has no prose name: %v, want %v", got, want)
			}
			for _, l := range r.Table {
				if re := regexp.MustCompile(`(?i)` + l); re.NumSubexp() != 0 {
					t.Errorf("table label %q has capturing groups", l)
				}
			}
			for _, l := range append(append([]string{}, r.Headings...), r.Prose...) {
				if _, err := regexp.Compile(`(?i)` + l); err != nil {
					t.Errorf("label %q: %v", l, err)
				}
			}
		})
	}
}

// TestDomainLabelExamples checks that each domain's labels match the ways
// documents write it, and that no other domain's do.
func TestDomainLabelExamples(t *testing.T) {
	for _, tc := range []struct {
		name   string
		domain extract.Domain
		kind   string // "table", "heading" or "prose"
		text   string
	}{
		{"ILACSLeadersRow", extract.DomainLeaders, "table", "The impact of leaders on social work practice with children and families"},
		{"SIFLeadersRow", extract.DomainLeaders, "table", "Leadership, management and governance"},
		{"ILACSHelpRow", extract.DomainHelp, "table", "The experiences and progress of children who need help and protection"},
		{"SIFHelpRow", extract.DomainHelp, "table", "Children who need help and protection"},
		{"ILACS2018InCareRow", extract.DomainInCare, "table", "The experiences and progress of children in care and care leavers"},
		{"ILACS2023InCareRow", extract.DomainInCare, "table", "The experiences and progress of children in care"},
		{"SIFInCareRow", extract.DomainInCare, "table", "Children looked after and achieving permanence"},
		{"CareLeaversRow", extract.DomainCareLeaver, "table", "The experiences and progress of care leavers"},
		{"AdoptionRow", extract.DomainAdoption, "table", "Adoption performance"},
		{"OverallRow", extract.DomainOverall, "table", "Overall effectiveness"},
		{"LSCBRow", extract.DomainLSCB, "table", "The effectiveness of the Local Safeguarding Children Board (LSCB)"},
		{"LeadersHeading", extract.DomainLeaders, "heading", "The impact of leaders on social work practice with children and families"},
		{"HelpHeadingSIF", extract.DomainHelp, "heading", "The experiences and progress of children in need of help and protection"},
		{"InCareHeadingSIF", extract.DomainInCare, "heading", "Experiences and progress of children looked after"},
		{"CareLeaversHeading", extract.DomainCareLeaver, "heading", "The experiences and progress of care leavers"},
		{"AdoptionHeading", extract.DomainAdoption, "heading", "Adoption performance"},
		{"LSCBHeading", extract.DomainLSCB, "heading", "Review of the effectiveness of the LSCB"},
		{"OverallProse", extract.DomainOverall, "prose", "was judged good overall"},
		{"LeadersProse", extract.DomainLeaders, "prose", "leadership was rated outstanding"},
		{"HelpProse", extract.DomainHelp, "prose", "help and protection requires improvement"},
		{"InCareProse", extract.DomainInCare, "prose", "looked-after children are good"},
		{"CareLeaversProse", extract.DomainCareLeaver, "prose", "care leavers were judged good"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var matched []extract.Domain
			for _, r := range Domains() {
				labels, pre, post := r.Table, `(?i)`, ``
				switch tc.kind {
				case "heading":
					labels, pre = r.Headings, `(?i)^`
				case "prose":
					labels, pre, post = r.Prose, `(?i)\b(?:`, `)\b`
				}
				for _, l := range labels {
					if regexp.MustCompile(pre + l + post).MatchString(tc.text) {
						matched = append(matched, r.Domain)
						break
					}
				}
			}
			if len(matched) != 1 || matched[0] != tc.domain {
				t.Errorf("%s %q is matched by %v, want only %s", tc.kind, tc.text, matched, tc.domain)
			}
		})
	}
}

func TestGradeWordings(t *testing.T) {
	var graded []extract.Grade
	for _, w := range GradeWordings() {
		if re := regexp.MustCompile(`(?i)` + w.Cell); re.NumSubexp() != 0 {
			t.Errorf("cell wording %q has capturing groups", w.Cell)
		}
		if w.Grade == "" {
			continue
		}
		graded = append(graded, w.Grade)
		if w.Prose == "" {
			t.Errorf("%s has no prose wording", w.Grade)
		}
		if got := GradeOf(strings.ReplaceAll(w.Cell, "?", "")); got != w.Grade {
			t.Errorf("GradeOf(%q) = %q, want %q", w.Cell, got, w.Grade)
		}
	}
	slices.Sort(graded)
	want := extract.Grades()
	slices.Sort(want)
	if !slices.Equal(graded, want) {
		t.Errorf("graded wordings %v, want one per grade %v", graded, want)
	}
	for _, tc := range []struct {
		text string
		want extract.Grade
	}{
		{"Requires improvement to be good", extract.GradeRI},
		{"'improvement required'", extract.GradeRI},
		{"INADEQUATE", extract.GradeInadequate},
		{"“Outstanding”", extract.GradeOutstanding},
		{"good", extract.GradeGood},
		{"Not judged", ""},
	} {
		if got := GradeOf(tc.text); got != tc.want {
			t.Errorf("GradeOf(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestListHeadings checks that each heading names the list (kind and
// rule) it should, whatever the document writes around it.
func TestListHeadings(t *testing.T) {
	var heads []string
	for _, l := range ListHeadings() {
		heads = append(heads, l.Headings...)
		for _, p := range append(append([]string{}, l.Headings...), l.Intros...) {
			if _, err := regexp.Compile(`(?i)` + p); err != nil {
				t.Errorf("%s: %v", l.Rule, err)
			}
		}
	}
	heading := regexp.MustCompile(`(?i)^(?:\d{1,2}\.?\s+)?(` + strings.Join(heads, "|") + `)\s*[?:]?\s*\d?$`)
	for _, tc := range []struct {
		name, line string
		kind       extract.Kind
		rule       string
	}{
		{"WhatNeedsToImprove", "What needs to improve?", extract.KindRecommendation, "recommend.what-needs-to-improve"},
		{"WhatNeedsToImproveFootnote", "What needs to improve in this area of social work practice?1", extract.KindRecommendation, "recommend.what-needs-to-improve"},
		{"NumberedAreasForImprovement", "4. Areas for improvement:", extract.KindRecommendation, "recommend.areas-for-improvement"},
		{"PriorityAction", "Areas for priority action", extract.KindPriorityAction, "priority.areas-for-priority-action"},
		{"PriorityAndImmediate", "Priority and immediate actions", extract.KindPriorityAction, "priority.priority-and-immediate-action"},
		{"Development", "Areas for development", extract.KindRecommendation, "recommend.areas-for-development"},
		{"FurtherFocus", "Areas highlighted for further focus", extract.KindRecommendation, "recommend.areas-for-further-focus"},
		{"Recommendations", "Recommendations", extract.KindRecommendation, "recommend.recommendations"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := heading.FindStringSubmatch(tc.line)
			if m == nil {
				t.Fatalf("%q is not a list heading", tc.line)
			}
			if l := ListHeadingOf(m[1]); l.Kind != tc.kind || l.Rule != tc.rule {
				t.Errorf("ListHeadingOf(%q) = %s %s, want %s %s", m[1], l.Kind, l.Rule, tc.kind, tc.rule)
			}
		})
	}
}

// TestSectionHeadingsCompile checks every section heading list compiles
// as the alternatives of one regexp.
func TestSectionHeadingsCompile(t *testing.T) {
	for name, hs := range map[string][]string{
		"Section": SectionHeadings(), "Skip": SkipSections(), "Headline": HeadlineSections(),
		"Strength": StrengthHeadings(), "Weakness": WeaknessHeadings(), "OutsideDomain": OutsideDomainHeadings(),
	} {
		if len(hs) == 0 {
			t.Errorf("%s: no headings", name)
		}
		if _, err := regexp.Compile(`(?i)^(` + strings.Join(hs, "|") + `)$`); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
