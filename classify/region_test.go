package classify

import "testing"

func TestRegion(t *testing.T) {
	tests := []struct {
		name, code, want string
	}{
		{"Unitary", "E06000018", "East Midlands"},   // Nottingham
		{"LondonBorough", "E09000014", "London"},    // Haringey
		{"FormerCode", "E10000009", "South West"},   // Dorset county, now E06000059
		{"Metropolitan", "E08000002", "North West"}, // Bury
		{"Unknown", "E99999999", ""},
		{"Empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Region(tt.code); got != tt.want {
				t.Errorf("Region(%q) = %q, want %q", tt.code, got, tt.want)
			}
		})
	}
}

// TestRegionsCoverGazetteer checks that every current authority has one of
// the nine regions.
func TestRegionsCoverGazetteer(t *testing.T) {
	if n := len(Regions()); n != 9 {
		t.Errorf("%d regions, want England's 9: %v", n, Regions())
	}
	for _, a := range Authorities() {
		if Region(a.Code) == "" {
			t.Errorf("%s (%s) has no region", a.Name, a.Code)
		}
	}
}
