package framework

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

// TestDomainTable checks the shape of the domain table: one row per
// domain of the model, key words for each, a heading form for each but
// overall effectiveness, a prose name for each, and entries that compile
// on their own (keys without capturing groups).
func TestDomainTable(t *testing.T) {
	noHeading := []extract.Domain{extract.DomainOverall}
	var noProse []extract.Domain
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
			if len(r.Keys) == 0 {
				t.Error("no key words")
			}
			if got, want := len(r.Headings) == 0, slices.Contains(noHeading, r.Domain); got != want {
				t.Errorf("has no heading form: %v, want %v", got, want)
			}
			if got, want := len(r.Prose) == 0, slices.Contains(noProse, r.Domain); got != want {
				t.Errorf("has no prose name: %v, want %v", got, want)
			}
			for _, l := range r.Keys {
				if re := regexp.MustCompile(`(?i)` + l); re.NumSubexp() != 0 {
					t.Errorf("key %q has capturing groups", l)
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
		kind   string // "key", "heading" or "prose"
		text   string
	}{
		{"ILACSLeadersRow", extract.DomainLeaders, "key", "The impact of leaders on social work practice with children and families"},
		{"SIFLeadersRow", extract.DomainLeaders, "key", "Leadership, management and governance"},
		{"ILACSHelpRow", extract.DomainHelp, "key", "The experiences and progress of children who need help and protection"},
		{"SIFHelpRow", extract.DomainHelp, "key", "Children who need help and protection"},
		{"ILACS2023InCareRow", extract.DomainInCare, "key", "The experiences and progress of children in care"},
		{"SIFInCareRow", extract.DomainInCare, "key", "Children looked after and achieving permanence"},
		{"CareLeaversRow", extract.DomainCareLeaver, "key", "The experiences and progress of care leavers"},
		{"AdoptionRow", extract.DomainAdoption, "key", "Adoption performance"},
		{"OverallRow", extract.DomainOverall, "key", "Overall effectiveness"},
		{"LSCBRow", extract.DomainLSCB, "key", "The effectiveness of the Local Safeguarding Children Board (LSCB)"},
		{"LeadersHeading", extract.DomainLeaders, "heading", "The impact of leaders on social work practice with children and families"},
		{"LeadersHeading2026", extract.DomainLeaders, "heading", "The impact of leaders on practice with children and families: good"},
		{"HelpHeading2026", extract.DomainHelp, "heading", "The experiences and progress of children who need help, support and protection: requires improvement to be good"},
		{"HelpSupportRow", extract.DomainHelp, "key", "The experiences and progress of children who need help, support and protection"},
		{"ShortLeadersRow", extract.DomainLeaders, "key", "Leaders"},
		{"ShortInCareRow", extract.DomainInCare, "key", "Children in care"},
		{"LeavingCareRow", extract.DomainCareLeaver, "key", "Leaving care services"},
		{"TypoCareLeaversRow", extract.DomainCareLeaver, "key", "The experiences and progress of children care leavers"},
		{"NeedHelpRow", extract.DomainHelp, "key", "Children who need help"},
		{"InOurCareRow", extract.DomainInCare, "key", "Children in our care"},
		{"WeLookAfterRow", extract.DomainInCare, "key", "Children we look after"},
		{"CareExperiencedRow", extract.DomainCareLeaver, "key", "Care-experienced young people"},
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
		{"ChildProtectionProse", extract.DomainHelp, "prose", "good for child protection"},
		{"EarlyHelpAndChildProtectionProse", extract.DomainHelp, "prose", "good for early help and child protection"},
		{"HelpingAndProtectingProse", extract.DomainHelp, "prose", "helping and protecting children is good"},
		{"NeedingProtectionProse", extract.DomainHelp, "prose", "children needing help and protection"},
		{"LeadershipProse", extract.DomainLeaders, "prose", "good for leadership"},
		{"ImpactOfItsLeadersProse", extract.DomainLeaders, "prose", "for the impact of its leaders"},
		{"YoungPeopleInCareProse", extract.DomainInCare, "prose", "young people in care are well supported"},
		{"ChildrenLookedAfterProse", extract.DomainInCare, "prose", "children looked after and achieving permanence"},
		{"LeavingCareProse", extract.DomainCareLeaver, "prose", "a good service to young people leaving care"},
		{"CareExperiencedProse", extract.DomainCareLeaver, "prose", "care-experienced young people"},
		{"AdoptionProse", extract.DomainAdoption, "prose", "adoption services were rated good"},
		{"LSCBProse", extract.DomainLSCB, "prose", "the Local Safeguarding Children Board (LSCB) requires improvement"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var matched []extract.Domain
			for _, r := range Domains() {
				labels, pre, post := r.Keys, `(?i)\b(?:`, `)\b`
				switch tc.kind {
				case "heading":
					labels, pre, post = r.Headings, `(?i)^(?:`, `)`
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
		"Context": ContextSections(), "BackMatter": {BackMatter()},
	} {
		if len(hs) == 0 {
			t.Errorf("%s: no headings", name)
		}
		if _, err := regexp.Compile(`(?i)^(` + strings.Join(hs, "|") + `)$`); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestSectionTone checks that the headings of sections of strengths and
// weaknesses (in every framework's wording) announce the right one, and
// that the sections about the area and the inspection are known as such.
func TestSectionTone(t *testing.T) {
	start := func(hs []string) *regexp.Regexp { return regexp.MustCompile(`(?i)^(` + strings.Join(hs, "|") + `)`) }
	strength, weakness := start(StrengthHeadings()), start(WeaknessHeadings())
	context := regexp.MustCompile(`(?i)^(` + strings.Join(ContextSections(), "|") + `)$`)
	for _, tc := range []struct {
		name, heading, want string
	}{
		{"KeyStrengths", "Key strengths", "strength"},
		{"SENDEffective", "What is the area partnership doing that is effective?", "strength"},
		{"JTAIPracticeStudyEffective", "Practice study: highly effective practice", "strength"},
		{"JTAIPracticeStudyAreasOfEffective", "Practice study: areas of highly effective practice", "strength"},
		{"SENDDoBetter", "What does the area partnership need to do better?", "weakness"},
		{"JTAIPracticeStudyImprovement", "Practice study: area for improvement", "weakness"},
		{"AreasForDevelopment", "Areas for development", "weakness"},
		{"SIFPreviousInspections", "Previous Ofsted inspections", "context"},
		{"SIFChildProtectionInArea", "Child protection in this area", "context"},
		{"SENDInformation", "Information about the local area partnership", "context"},
		{"JTAINextSteps", "Next steps", "context"},
		{"MainFindings", "Main findings", ""},
		{"DomainSection", "The experiences and progress of children in care", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			switch {
			case strength.MatchString(tc.heading):
				got = "strength"
			case weakness.MatchString(tc.heading):
				got = "weakness"
			case context.MatchString(tc.heading):
				got = "context"
			}
			if got != tc.want {
				t.Errorf("%q announces %q, want %q", tc.heading, got, tc.want)
			}
		})
	}
	if !regexp.MustCompile(`(?i)` + BackMatter()).MatchString("The Office for Standards in Education, Children’s Services and Skills (Ofsted) regulates and inspects to achieve excellence.") {
		t.Error("BackMatter does not match the back cover's opening")
	}
}

// TestFrameworks checks the frameworks table: in order of date, each
// grading known domains, and each date answered by the framework of its
// inspections.
func TestFrameworks(t *testing.T) {
	fs := Frameworks()
	for i, f := range fs {
		if i > 0 && f.From <= fs[i-1].From {
			t.Errorf("%s starts %s, not after %s", f.Name, f.From, fs[i-1].Name)
		}
		for _, d := range f.Domains {
			if !slices.Contains(extract.Domains(), d) {
				t.Errorf("%s grades unknown domain %q", f.Name, d)
			}
		}
		for d, in := range f.Within {
			if f.Grades(d) || !f.Grades(in) {
				t.Errorf("%s: %s within %s, but grades %s: %v, %s: %v", f.Name, d, in, d, f.Grades(d), in, f.Grades(in))
			}
		}
	}
	for _, tc := range []struct {
		name, date string
		want       string // "" for none
		count      int    // areas graded
	}{
		{"BeforeSIF", "2012-06-30", "", 0},
		{"SIF", "2016-03-01", "SIF", 6},
		{"ILACS2018", "2019-07-12", "ILACS 2018", 4},
		{"ILACS2018Year", "2021", "ILACS 2018", 4},
		{"CareLeaversApart", "2023-02-01", "ILACS 2023", 5},
		{"Reformed", "2026-05-01", "ILACS 2026", 4},
		{"NoDate", "", "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, ok := FrameworkAt(tc.date)
			if ok != (tc.want != "") || f.Name != tc.want || len(f.Domains) != tc.count {
				t.Errorf("FrameworkAt(%q) = %q with %d areas (%v), want %q with %d", tc.date, f.Name, len(f.Domains), ok, tc.want, tc.count)
			}
		})
	}
	if f, _ := FrameworkAt("2020-01-01"); f.Within[extract.DomainCareLeaver] != extract.DomainInCare {
		t.Errorf("ILACS 2018 does not grade care leavers within children in care: %v", f.Within)
	}
	for _, tc := range []struct {
		name, date string
		n          int
		want       string
	}{
		{"OfTheDate", "2024-05-01", 5, "ILACS 2023"},
		{"FourIn2021", "2021-05-01", 4, "ILACS 2018"},
		{"FourIn2024IsTheLatestBefore", "2024-05-01", 4, "ILACS 2018"},
		{"FourBeforeAnyIsTheFirstAfter", "2010-01-01", 4, "ILACS 2018"},
		{"SixIsSIF", "2019-01-01", 6, "SIF"},
		{"NoneGradesNine", "2024-05-01", 9, ""},
	} {
		t.Run("Count"+tc.name, func(t *testing.T) {
			f, ok := FrameworkOfCount(tc.date, tc.n)
			if ok != (tc.want != "") || f.Name != tc.want {
				t.Errorf("FrameworkOfCount(%q, %d) = %q (%v), want %q", tc.date, tc.n, f.Name, ok, tc.want)
			}
		})
	}
}
