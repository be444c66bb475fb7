package framework

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

// keyDomains is the domains whose key words t holds, in the model's
// order (the test's own reading of the key table: any key of a domain,
// on word boundaries).
func keyDomains(t string) []extract.Domain {
	var out []extract.Domain
	for _, r := range Domains() {
		if regexp.MustCompile(`(?i)\b(?:` + strings.Join(r.Keys, "|") + `)\b`).MatchString(t) {
			out = append(out, r.Domain)
		}
	}
	return out
}

// TestFrameworkTable checks the shape of the framework table: frameworks
// in date order, each applying from the day the one before stops, only
// the last open-ended; every row of every framework a known domain, once,
// with a label whose key words name its domain (or a set of domains that
// no other framework's row names as another domain); a grade table in
// every framework.
func TestFrameworkTable(t *testing.T) {
	fws := Frameworks()
	combos := map[string]extract.Domain{}
	for i, f := range fws {
		t.Run(strings.ReplaceAll(f.Name, " ", ""), func(t *testing.T) {
			if f.Type != extract.TypeILACS && f.Type != extract.TypeSIF {
				t.Errorf("type %q is not a graded report's", f.Type)
			}
			if _, ok := FrameworkAt(f.From); !ok || f.From >= f.Until && f.Until != "" {
				t.Errorf("dates %s to %s", f.From, f.Until)
			}
			if i > 0 && fws[i-1].Until != f.From {
				t.Errorf("starts %s, the framework before it stops %s", f.From, fws[i-1].Until)
			}
			if (f.Until == "") != (i == len(fws)-1) {
				t.Errorf("only the last framework is open-ended (until %q)", f.Until)
			}
			seen := map[extract.Domain]bool{}
			inTable := 0
			for _, r := range f.Rows {
				if !slices.Contains(extract.Domains(), r.Domain) || seen[r.Domain] {
					t.Errorf("row %q: domain %q unknown or twice", r.Label, r.Domain)
				}
				seen[r.Domain] = true
				if r.Stated == InTable {
					inTable++
					if r.Label == "" {
						t.Errorf("%s: a table row with no label", r.Domain)
					}
				}
				if r.Label == "" {
					continue
				}
				ds := keyDomains(r.Label)
				if !slices.Contains(ds, r.Domain) {
					t.Errorf("label %q names %v, not its domain %s", r.Label, ds, r.Domain)
				}
				if len(ds) > 1 {
					key := strings.Join(func() []string {
						var s []string
						for _, d := range ds {
							s = append(s, string(d))
						}
						return s
					}(), "+")
					if d, ok := combos[key]; ok && d != r.Domain {
						t.Errorf("label %q names %s, another framework's row naming the same is %s", r.Label, r.Domain, d)
					}
					combos[key] = r.Domain
				}
			}
			if inTable < 2 {
				t.Errorf("%d table rows", inTable)
			}
		})
	}
}

// TestFrameworkAt checks that a visit's date selects the framework of its
// time, and that dates before the first framework or not dates select
// none.
func TestFrameworkAt(t *testing.T) {
	for _, tc := range []struct {
		date, want string
	}{
		{"2013-10-31", ""},
		{"2013-11-01", "SIF"},
		{"2015-09-14", "SIF"},
		{"2017-12-31", "SIF"},
		{"2018-01-01", "ILACS 2018"},
		{"2019-03-04", "ILACS 2018"},
		{"2022-12-31T10:00:00Z", "ILACS 2018"},
		{"2023-02-20", "ILACS 2023"},
		{"2026-03-31", "ILACS 2023"},
		{"2026-04-20", "ILACS 2026"},
		{"2031-01-01", "ILACS 2026"},
		{"", ""},
		{"20 April 2026", ""},
	} {
		t.Run(tc.date, func(t *testing.T) {
			f, ok := FrameworkAt(tc.date)
			if ok != (tc.want != "") || f.Name != tc.want {
				t.Errorf("FrameworkAt(%q) = %q, %v; want %q", tc.date, f.Name, ok, tc.want)
			}
		})
	}
}

// TestFrameworkGrades checks what each framework grades, and where: the
// frameworks' differences the readers depend on.
func TestFrameworkGrades(t *testing.T) {
	at := func(date string) Framework {
		f, ok := FrameworkAt(date)
		if !ok {
			t.Fatalf("no framework at %s", date)
		}
		return f
	}
	for _, tc := range []struct {
		name   string
		date   string
		domain extract.Domain
		stated Stated
		grades bool
	}{
		{"SIFOverallInASentence", "2015-01-01", extract.DomainOverall, InSentence, true},
		{"SIFLSCBInASentence", "2015-01-01", extract.DomainLSCB, InSentence, true},
		{"SIFAdoption", "2015-01-01", extract.DomainAdoption, InTable, true},
		{"ILACS2018NoCareLeavers", "2019-01-01", extract.DomainCareLeaver, 0, false},
		{"ILACS2018InCare", "2019-01-01", extract.DomainInCare, InTable, true},
		{"ILACS2023CareLeavers", "2024-01-01", extract.DomainCareLeaver, InTable, true},
		{"ILACS2023Overall", "2024-01-01", extract.DomainOverall, InTable, true},
		{"ILACS2026NoOverall", "2026-05-01", extract.DomainOverall, 0, false},
		{"ILACS2026NoAdoption", "2026-05-01", extract.DomainAdoption, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := at(tc.date).Grades(tc.domain)
			if ok != tc.grades || s != tc.stated {
				t.Errorf("Grades(%s) = %v, %v; want %v, %v", tc.domain, s, ok, tc.stated, tc.grades)
			}
		})
	}
}

// TestTableHeadings checks the header cells of grade tables.
func TestTableHeadings(t *testing.T) {
	re := regexp.MustCompile(`(?i)^(?:` + strings.Join(TableHeadings(), "|") + `)$`)
	for _, h := range []string{"Judgement", "Grade", "Judgement Grade", "Judgements", "Areas of judgement", "Area for judgement Grade", "Judgement grade"} {
		if !re.MatchString(h) {
			t.Errorf("%q is not a table heading", h)
		}
	}
	for _, h := range []string{"Overall effectiveness", "Judgement of the board", "Good"} {
		if re.MatchString(h) {
			t.Errorf("%q is taken for a table heading", h)
		}
	}
}
