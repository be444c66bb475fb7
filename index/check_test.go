package index

import (
	"errors"
	"testing"
)

func TestQueryCheck(t *testing.T) {
	tests := []struct {
		name string
		q    Query
		ok   bool
	}{
		{"Empty", Query{}, true},
		{"Everything", Query{Text: "plans", Authority: "Nottingham,E08000002", From: "2019", To: "2023-07", Type: "ilacs_inspection",
			Kind: "strength,weakness", Grade: "good", Domain: "in_care", Theme: "lado", Unit: "finding", Sort: SortNewest, Limit: 5, Offset: 10}, true},
		{"CaseInsensitive", Query{Type: "ILACS_Inspection", Kind: "Strength"}, true},
		{"UnknownAuthority", Query{Authority: "Atlantis"}, false},
		{"BadDate", Query{From: "March 2019"}, false},
		{"FromAfterTo", Query{From: "2023", To: "2019"}, false},
		{"UnknownType", Query{Type: "inspection"}, false},
		{"UnknownKind", Query{Kind: "strength,praise"}, false},
		{"UnknownGrade", Query{Grade: "excellent"}, false},
		{"UnknownDomain", Query{Domain: "schools"}, false},
		{"UnknownTheme", Query{Theme: "neglect"}, false},
		{"UnknownUnit", Query{Unit: "sentence"}, false},
		{"UnknownSort", Query{Sort: "random"}, false},
		{"NegativeLimit", Query{Limit: -1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.q.Check()
			if tt.ok && err != nil {
				t.Errorf("Check = %v, want nil", err)
			}
			if !tt.ok && !errors.Is(err, ErrQuery) {
				t.Errorf("Check = %v, want ErrQuery", err)
			}
		})
	}
}
