package classify

import (
	"strings"
	"testing"
)

// TestCountAuthority checks that the forms councils and the press use for
// an authority all count as it (short, informal, formal, trust-run), and
// that a body named after several places is none of them.
func TestCountAuthority(t *testing.T) {
	tests := []struct {
		name, text, code string
	}{
		{"Bare", "Kent", "E10000016"},
		{"Council", "Kent council", "E10000016"},
		{"CountyCouncil", "Kent County Council", "E10000016"},
		{"CityCouncilLowerCase", "Bristol city council", "E06000023"},
		{"BoroughCouncil", "Tower Hamlets council", "E09000030"},
		{"LondonBoroughOf", "the London Borough of Tower Hamlets", "E09000030"},
		{"RoyalBoroughOf", "Royal Borough of Greenwich", "E09000011"},
		{"MetropolitanBorough", "Wigan Metropolitan Borough Council", "E08000010"},
		{"CityOfCouncil", "City of York Council", "E06000014"},
		{"CityOfMetropolitanDistrict", "City of Bradford Metropolitan District Council", "E08000032"},
		{"ChildrenAndFamiliesTrust", "Doncaster Children and Families Trust", "E08000017"},
		{"ChildrensTrust", "Sandwell Children’s Trust", "E08000028"},
		{"TwoPlacesOneName", "Bath and North East Somerset Council", "E06000022"},
		{"HoveIsBrighton", "Brighton and Hove City Council", "E06000043"},
		// Partner bodies.
		{"TwoCouncils", "The Derby and Derbyshire Safeguarding Children Partnership met. The Derby and Derbyshire Safeguarding Children Partnership agreed. Nottingham City Council reported.", "E06000018"},
		{"ThreeCouncilsAndICB", "Leicester, Leicestershire and Rutland Integrated Care Board and Leicester, Leicestershire and Rutland ICB. North Northamptonshire Council.", "E06000061"},
		{"PlaceThatIsNoAuthority", "City and Hackney Safeguarding Children Partnership; City and Hackney Safeguarding Children Partnership; the City of London.", "E09000001"},
		{"OneCouncilsOwnPartnership", "Kent Safeguarding Children Partnership and Kent County Council; Medway Council.", "E10000016"},
		{"JoinedNamesWithoutABody", "Bury and Rochdale were inspected. Rochdale Council responded.", "E08000005"},
		{"NameThatJoinsTwoPlaces", "Bath and North East Somerset Council. Bath and North East Somerset Council. North Somerset Council.", "E06000022"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a := countAuthority(tt.text); a.Code != tt.code {
				t.Errorf("countAuthority(%q) = %v, want %s", tt.text, a, tt.code)
			}
		})
	}
}

// TestAsOf checks that a merged authority is itself before the merger
// and its successor after, or when the date is unknown; one split between
// several successors is always itself.
func TestAsOf(t *testing.T) {
	bournemouth, _ := lookupAuthority("E06000028")
	cumbria, _ := lookupAuthority("Cumbria")
	kent, _ := lookupAuthority("Kent")
	tests := []struct {
		name, code, date, want string
	}{
		{"BeforeMerger", bournemouth.Code, "2017-06-12", "E06000028"},
		{"DayBeforeMerger", bournemouth.Code, "2019-03-31", "E06000028"},
		{"OnMergerDay", bournemouth.Code, "2019-04-01", "E06000058"},
		{"AfterMerger", bournemouth.Code, "2023-01-10", "E06000058"},
		{"UnknownDate", bournemouth.Code, "", "E06000058"},
		{"SplitBefore", cumbria.Code, "2022-09-20", "E10000006"},
		{"SplitAfter", cumbria.Code, "2024-01-01", "E10000006"},
		{"Current", kent.Code, "2010-01-01", "E10000016"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := lookupAuthority(tt.code)
			if got := asOf(a, tt.date); got.Code != tt.want {
				t.Errorf("asOf(%v, %q) = %v, want %s", a, tt.date, got, tt.want)
			}
		})
	}
}

// TestPreMergerDocuments checks the rule end to end: the same names in a
// document dated before the merger and in one dated after.
func TestPreMergerDocuments(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"Before", "Poole Borough Council\nFocused visit to Poole children’s services\nThis letter summarises the findings of the focused visit to Poole children’s services on 6 and 7 December 2018.", "E06000029"},
		{"After", "Focused visit to Bournemouth, Christchurch and Poole children’s services\nThis letter summarises the findings of the focused visit to Bournemouth, Christchurch and Poole children’s services on 6 and 7 December 2022.", "E06000058"},
		{"TownNamedAfterMerger", "Children’s services in Bournemouth praised\nBy Jo Reporter, 4 May 2023\nOfsted said services in Bournemouth had improved. Bournemouth families were positive.", "E06000058"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := Classify(fixtureText(tt.text))
			if docs[0].Authority.Code != tt.want {
				t.Errorf("authority %v, want %s (%s)", docs[0].Authority, tt.want, docs[0].TypeReason)
			}
		})
	}
}

func TestFormerNamesAreNotSuccessorsAliases(t *testing.T) {
	g := loadGazetteer()
	for code, f := range g.former {
		if f.Successor == "" {
			continue
		}
		if a, ok := g.byName[strings.Join(tokenWords(f.Name), " ")]; !ok || a.Code != code {
			t.Errorf("name %q resolves to %v, want the former authority %s", f.Name, a, code)
		}
		if _, ok := g.byCode[f.Successor]; !ok {
			t.Errorf("%s: successor %s unknown", code, f.Successor)
		}
		if !validISO(f.Until) || f.Until == "" {
			t.Errorf("%s: date %q", code, f.Until)
		}
	}
}
