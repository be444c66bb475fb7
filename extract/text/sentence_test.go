package text

import (
	"reflect"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		opts       SplitOptions
		want       []string
	}{
		{"ReportTwoSentences", "Plans are clear. Reviews are timely.", ReportSplit(), []string{"Plans are clear.", "Reviews are timely."}},
		{"ReportExempliGratia", "Some partners, e.g. schools, refer late. Others do not.", ReportSplit(), []string{"Some partners, e.g. schools, refer late.", "Others do not."}},
		{"ReportIdEst", "The front door (i.e. the MASH) is busy. It copes.", ReportSplit(), []string{"The front door (i.e. the MASH) is busy.", "It copes."}},
		{"ReportMister", "Mr. Smith chairs the board. He is new.", ReportSplit(), []string{"Mr. Smith chairs the board.", "He is new."}},
		{"ReportNumber", "See No. 4 of the plan. It is late.", ReportSplit(), []string{"See No. 4 of the plan.", "It is late."}},
		{"ReportSection47", "Most s.47 enquiries are timely. Few are not.", ReportSplit(), []string{"Most s.47 enquiries are timely.", "Few are not."}},
		{"ReportDecimal", "The rate rose to 3.5 per cent. It then fell.", ReportSplit(), []string{"The rate rose to 3.5 per cent.", "It then fell."}},
		{"ReportInitial", "The lead inspector was J. Smith and the team was small.", ReportSplit(), []string{"The lead inspector was J. Smith and the team was small."}},
		{"ReportQuoteInside", "They said “good practice has been kept. Most children are safe”. Leaders agree.", ReportSplit(), []string{"They said “good practice has been kept.", "Most children are safe”.", "Leaders agree."}},
		{"ReportLowerAfterPoint", "It was approx. ten days late.", ReportSplit(), []string{"It was approx. ten days late."}},
		{"ReportQuestionMark", "Is it working? Yes, it is.", ReportSplit(), []string{"Is it working?", "Yes, it is."}},
		{"ReportBracketOpens", "Plans are late. (Most are.) Leaders know.", ReportSplit(), []string{"Plans are late.", "(Most are.)", "Leaders know."}},
		{"ProsePlain", "One. Two! Three?", ProseSplit(), []string{"One.", "Two!", "Three?"}},
		{"ProseQuoteAfterStop", "He said “yes.” Then left.", ProseSplit(), []string{"He said “yes.”", "Then left."}},
		{"ProseAbbreviation", "Mr. Smith met Dr. Jones. Then e.g. this.", ProseSplit(), []string{"Mr. Smith met Dr. Jones.", "Then e.g. this."}},
		{"ProseLowerCaseAfterStop", "Section 47 enq. and more.", ProseSplit(), []string{"Section 47 enq. and more."}},
		// The documented differences between the two: a bracket opens no
		// sentence in prose, and a single letter is an abbreviation there.
		{"ProseBracketOpensNone", "Plans are late. (Most are.) Leaders know.", ProseSplit(), []string{"Plans are late. (Most are.)", "Leaders know."}},
		{"ProseSingleLetter", "It scored grade B. Leaders know.", ProseSplit(), []string{"It scored grade B. Leaders know."}},
		{"ReportSingleCapital", "It scored grade B. Leaders know.", ReportSplit(), []string{"It scored grade B. Leaders know."}},
		{"ReportSingleLower", "See part b. Leaders know.", ReportSplit(), []string{"See part b.", "Leaders know."}},
		{"ProseSingleLower", "See part b. Leaders know.", ProseSplit(), []string{"See part b. Leaders know."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, offs := Sentences(tt.text, tt.opts)
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
