package classify

import (
	"strings"
	"testing"
)

func TestLookupAuthority(t *testing.T) {
	tests := []struct {
		name, in, code string
	}{
		{"CityCouncil", "Nottingham City Council", "E06000018"},
		{"CityShort", "Nottingham City", "E06000018"},
		{"CountyCouncil", "Nottinghamshire County Council", "E10000024"},
		{"CodeLowerCase", "e10000024", "E10000024"},
		{"LondonBorough", "London Borough of Sutton", "E09000029"},
		{"RoyalBorough", "Royal Borough of Greenwich", "E09000011"},
		{"RoyalBoroughWindsor", "Royal Borough of Windsor and Maidenhead", "E06000040"},
		{"CountyDurham", "County Durham", "E06000047"},
		{"Durham", "Durham County Council", "E06000047"},
		{"BristolInverted", "Bristol, City of", "E06000023"},
		{"CityOfBristol", "City of Bristol Council", "E06000023"},
		{"Hull", "Hull City Council", "E06000010"},
		{"KingstonUponHull", "Kingston upon Hull", "E06000010"},
		{"HerefordshireInverted", "Herefordshire, County of", "E06000019"},
		{"StHelens", "St Helens", "E08000013"},
		{"StDotHelens", "St. Helens Council", "E08000013"},
		{"SouthendHyphens", "Southend-on-Sea", "E06000033"},
		{"SouthendSpaces", "Southend on Sea Borough Council", "E06000033"},
		{"BCP", "Bournemouth, Christchurch and Poole", "E06000058"},
		{"BCPAmpersand", "Bournemouth, Christchurch & Poole Council", "E06000058"},
		{"FormerPoole", "Poole", "E06000058"},
		{"TelfordAmpersand", "Telford & Wrekin", "E06000020"},
		{"HammersmithAmpersand", "Hammersmith & Fulham", "E09000013"},
		{"CityOfLondon", "City of London", "E09000001"},
		{"CityOfLondonCorporation", "City of London Corporation", "E09000001"},
		{"Scilly", "Isles of Scilly", "E06000053"},
		{"Wolverhampton", "City of Wolverhampton Council", "E08000031"},
		{"BedfordBorough", "Bedford Borough Council", "E06000055"},
		{"MetropolitanBorough", "Sandwell Metropolitan Borough Council", "E08000028"},
		{"NorthNorthamptonshire", "North Northamptonshire", "E06000061"},
		{"WestNorthamptonshire", "West Northamptonshire Council", "E06000062"},
		{"Cumberland", "Cumberland Council", "E06000063"},
		{"WestmorlandAndFurness", "Westmorland and Furness", "E06000064"},
		{"NorthYorkshireOldCode", "E10000023", "E06000065"},
		{"SomersetOldCode", "E10000027", "E06000066"},
		{"DorsetOldCode", "E10000009", "E06000059"},
		{"BuckinghamshireOldCode", "E10000002", "E06000060"},
		{"SheffieldOldCode", "E08000019", "E08000039"},
		{"FormerCumbriaKeepsLastCode", "Cumbria County Council", "E10000006"},
		{"FormerNorthamptonshire", "Northamptonshire", "E10000021"},
		{"FormerBournemouthCode", "E06000028", "E06000058"},
		{"FormerBournemouthName", "Bournemouth Borough Council", "E06000058"},
		{"ChildrensTrust", "Sandwell Children's Trust", "E08000028"},
		{"ChildrenAndFamiliesTrust", "Doncaster Children and Families Trust", "E08000017"},
		{"ChildrensServicesTrust", "Northamptonshire Children’s Trust", "E10000021"},
		{"ShortTelford", "Telford", "E06000020"},
		{"ShortEastRiding", "East Riding Council", "E06000011"},
		{"ShortBANES", "B&NES", "E06000022"},
		{"ShortNELincs", "NE Lincs", "E06000012"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ok := LookupAuthority(tt.in)
			if !ok || a.Code != tt.code {
				t.Errorf("LookupAuthority(%q) = %v, %v; want %s", tt.in, a, ok, tt.code)
			}
		})
	}
	for _, in := range []string{"", "Gotham", "Council", "E99999999", "London", "Greater Manchester"} {
		if a, ok := LookupAuthority(in); ok {
			t.Errorf("LookupAuthority(%q) = %v, want no match", in, a)
		}
	}
}

func TestAuthorities(t *testing.T) {
	all := Authorities()
	if len(all) != 153 {
		t.Fatalf("%d authorities, want 153", len(all))
	}
	seen := map[string]bool{}
	for _, a := range all {
		if !onsCode.MatchString(a.Code) || !strings.HasPrefix(a.Code, "E") || a.Name == "" || seen[a.Code] {
			t.Errorf("bad or duplicate authority %+v", a)
		}
		seen[a.Code] = true
		if b, ok := LookupAuthority(a.Name); !ok || b != a {
			t.Errorf("LookupAuthority(%q) = %v, %v; want itself", a.Name, b, ok)
		}
	}
	for _, gone := range []string{"E10000006", "E10000021", "E06000029", "E06000028"} {
		if seen[gone] {
			t.Errorf("former authority %s listed as current", gone)
		}
	}
	all[0].Name = "changed"
	if Authorities()[0].Name == "changed" {
		t.Error("Authorities returns shared storage")
	}
}

func TestScanAuthorities(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"LongestMatchCountyVsCity", "Nottinghamshire County Council and Nottingham City Council", []string{"E10000024", "E06000018"}},
		{"NoMatchInsideWord", "Nottinghamshire's neighbours", []string{"E10000024"}},
		{"GreaterManchesterBlocked", "NHS Greater Manchester Integrated Care Board in Bury", []string{"E08000002"}},
		{"OfstedAddressBlocked", "Piccadilly Gate Store Street Manchester M1 2WD", nil},
		{"SuttonColdfieldBlocked", "Sutton Coldfield is in Birmingham", []string{"E08000025"}},
		{"HyphenVariants", "Stoke-on-Trent and Stockton on Tees", []string{"E06000021", "E06000004"}},
		{"NorthSomersetNotSomerset", "North Somerset and Somerset", []string{"E06000024", "E06000066"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range scanAuthorities(tt.text) {
				got = append(got, m.auth.Code)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("scan(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
