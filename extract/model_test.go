package extract

import "testing"

// TestTypeFacts pins what is true of each type: these facts decide which
// rules run (judgements, strengths), which documents a pack yields and
// which are compared as copies, so a change here is a change of output.
func TestTypeFacts(t *testing.T) {
	want := map[Type][4]bool{ // Ofsted, Graded, Restates, Evaluative
		TypeILACS:      {true, true, false, true},
		TypeSIF:        {true, true, false, true},
		TypeFocused:    {true, false, false, true},
		TypeMonitoring: {true, false, false, true},
		TypeJTAI:       {true, false, false, true},
		TypeSEND:       {true, false, false, true},
		TypeCommittee:  {false, false, true, true},
		TypeNews:       {false, false, true, false},
		TypeOther:      {false, false, false, false},
		TypeUnknown:    {false, false, false, false},
	}
	for _, typ := range append(Types(), TypeUnknown) {
		name := string(typ)
		if name == "" {
			name = "unknown"
		}
		t.Run(name, func(t *testing.T) {
			w, ok := want[typ]
			if !ok {
				t.Fatalf("type %q has no row in this test: add one", typ)
			}
			got := [4]bool{typ.Ofsted(), typ.Graded(), typ.Restates(), typ.Evaluative()}
			if got != w {
				t.Errorf("facts (Ofsted, Graded, Restates, Evaluative) = %v, want %v", got, w)
			}
			if typ.Graded() && typ.Restates() {
				t.Errorf("a type either carries its own judgements or restates another's, not both")
			}
		})
	}
}
