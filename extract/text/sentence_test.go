package text

import (
	"reflect"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"TwoSentences", "Plans are clear. Reviews are timely.", []string{"Plans are clear.", "Reviews are timely."}},
		{"ExempliGratia", "Some partners, e.g. schools, refer late. Others do not.", []string{"Some partners, e.g. schools, refer late.", "Others do not."}},
		{"IdEst", "The front door (i.e. the MASH) is busy. It copes.", []string{"The front door (i.e. the MASH) is busy.", "It copes."}},
		{"Mister", "Mr. Smith chairs the board. He is new.", []string{"Mr. Smith chairs the board.", "He is new."}},
		{"Number", "See No. 4 of the plan. It is late.", []string{"See No. 4 of the plan.", "It is late."}},
		{"Section47", "Most s.47 enquiries are timely. Few are not.", []string{"Most s.47 enquiries are timely.", "Few are not."}},
		{"Decimal", "The rate rose to 3.5 per cent. It then fell.", []string{"The rate rose to 3.5 per cent.", "It then fell."}},
		{"Initial", "The lead inspector was J. Smith and the team was small.", []string{"The lead inspector was J. Smith and the team was small."}},
		{"QuoteInside", "They said “good practice has been kept. Most children are safe”. Leaders agree.", []string{"They said “good practice has been kept.", "Most children are safe”.", "Leaders agree."}},
		{"LowerAfterPoint", "It was approx. ten days late.", []string{"It was approx. ten days late."}},
		{"QuestionMark", "Is it working? Yes, it is.", []string{"Is it working?", "Yes, it is."}},
		{"BracketOpens", "Plans are late. (Most are.) Leaders know.", []string{"Plans are late.", "(Most are.)", "Leaders know."}},
		{"Plain", "One. Two! Three?", []string{"One.", "Two!", "Three?"}},
		{"QuoteAfterStop", "He said “yes.” Then left.", []string{"He said “yes.”", "Then left."}},
		{"Abbreviation", "Mr. Smith met Dr. Jones. Then e.g. this.", []string{"Mr. Smith met Dr. Jones.", "Then e.g. this."}},
		{"LowerCaseAfterStop", "Section 47 enq. and more.", []string{"Section 47 enq. and more."}},
		{"SingleCapital", "It scored grade B. Leaders know.", []string{"It scored grade B. Leaders know."}},
		{"SingleLower", "See part b. Leaders know.", []string{"See part b.", "Leaders know."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, offs := Sentences(tt.text)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q) = %q, want %q", tt.text, got, tt.want)
			}
			for i, o := range offs {
				if !strings.HasPrefix(tt.text[o:], got[i]) {
					t.Errorf("offset %d of %q does not start %q", o, tt.text, got[i])
				}
			}
		})
	}
}
