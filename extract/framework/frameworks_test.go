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

// TestFrameworkTable checks the shape of the framework table beyond
// TestFrameworks: every framework a graded report's type; every row a
// known domain, once, with a label whose key words name its domain, and
// a label that names several domains naming them as the framework's
// Within says (and as no other framework's row names another); a grade
// table of two rows or more in every framework; Domains filled from the
// rows, a review of another body left out.
func TestFrameworkTable(t *testing.T) {
	combos := map[string]extract.Domain{}
	for _, f := range Frameworks() {
		t.Run(strings.ReplaceAll(f.Name, " ", ""), func(t *testing.T) {
			if f.Type != extract.TypeILACS && f.Type != extract.TypeSIF {
				t.Errorf("type %q is not a graded report's", f.Type)
			}
			seen := map[extract.Domain]bool{}
			inTable := 0
			var areas []extract.Domain
			within := map[extract.Domain]extract.Domain{}
			for _, r := range f.Rows {
				if !slices.Contains(extract.Domains(), r.Domain) || seen[r.Domain] {
					t.Errorf("row %q: domain %q unknown or twice", r.Label, r.Domain)
				}
				seen[r.Domain] = true
				if !r.Review {
					areas = append(areas, r.Domain)
				}
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
					var names []string
					for _, d := range ds {
						names = append(names, string(d))
						if d != r.Domain {
							within[d] = r.Domain
						}
					}
					key := strings.Join(names, "+")
					if d, ok := combos[key]; ok && d != r.Domain {
						t.Errorf("label %q names %s, another framework's row naming the same is %s", r.Label, r.Domain, d)
					}
					combos[key] = r.Domain
				}
			}
			if inTable < 2 {
				t.Errorf("%d table rows", inTable)
			}
			if !slices.Equal(f.Domains, areas) {
				t.Errorf("Domains %v, want the rows' areas %v", f.Domains, areas)
			}
			if len(within) != len(f.Within) {
				t.Errorf("Within %v, but its labels name %v within other rows", f.Within, within)
			}
			for d, in := range within {
				if f.Within[d] != in {
					t.Errorf("Within %v, but its labels name %s within %s", f.Within, d, in)
				}
			}
		})
	}
}

// TestFrameworkAt checks that an inspection's date selects the framework
// of its time, to the day, and that dates before the first framework or
// not dates select none.
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
		{"SIFLSCBReviewInASentence", "2015-01-01", extract.DomainLSCB, InSentence, true},
		{"SIFAdoption", "2015-01-01", extract.DomainAdoption, InTable, true},
		{"ILACS2018NoCareLeavers", "2019-01-01", extract.DomainCareLeaver, 0, false},
		{"ILACS2018InCare", "2019-01-01", extract.DomainInCare, InTable, true},
		{"ILACS2023CareLeavers", "2024-01-01", extract.DomainCareLeaver, InTable, true},
		{"ILACS2023Overall", "2024-01-01", extract.DomainOverall, InTable, true},
		{"ILACS2026NoOverall", "2026-05-01", extract.DomainOverall, 0, false},
		{"ILACS2026NoAdoption", "2026-05-01", extract.DomainAdoption, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := at(tc.date).Row(tc.domain)
			if ok != tc.grades || r.Stated != tc.stated {
				t.Errorf("Row(%s) = %v, %v; want stated %v, %v", tc.domain, r, ok, tc.stated, tc.grades)
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
