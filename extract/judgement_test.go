package extract

import (
	"reflect"
	"strings"
	"testing"
)

func grades(fs []Finding) map[Domain]Grade {
	out := map[Domain]Grade{}
	for _, f := range fs {
		if f.Kind == KindJudgement {
			out[f.Domain] = f.Grade
		}
	}
	return out
}

func TestFindJudgements(t *testing.T) {
	tests := []struct {
		name string
		typ  Type
		text string
		want map[Domain]Grade
	}{
		{"RowOrder", TypeILACS, "Judgement\nGrade\nThe impact of leaders on social work\npractice with children and families\nGood\n" +
			"The experiences and progress of children who need help and protection\nInadequate\nOverall effectiveness\nGood\n" +
			"Leaders have acted since the inspection in 2019, when services were outstanding.",
			map[Domain]Grade{DomainLeaders: GradeGood, DomainHelp: GradeInadequate, DomainOverall: GradeGood}},
		{"ColumnOrder", TypeILACS, "Judgement\nThe impact of leaders on social work practice with children and families\n" +
			"The experiences and progress of children in care and care leavers\nOverall effectiveness\nGrade\nOutstanding\nGood\nGood\n",
			map[Domain]Grade{DomainLeaders: GradeOutstanding, DomainInCare: GradeGood, DomainOverall: GradeGood}},
		{"WrappedRequiresImprovement", TypeILACS, "The experiences and progress of children who need help and\nprotection\nRequires improvement\nto be good\n" +
			"The experiences and progress of care\nleavers\nRequires improvement to\nbe good\n",
			map[Domain]Grade{DomainHelp: GradeRI, DomainCareLeaver: GradeRI}},
		{"NoOverallGrade2026", TypeILACS, "The experiences and progress of children in care\nGood\nThe experiences and progress of care leavers\nOutstanding\n" +
			"Services are good overall and leaders are ambitious.",
			map[Domain]Grade{DomainInCare: GradeGood, DomainCareLeaver: GradeOutstanding}},
		{"ProseAboutPreviousInspectionIgnored", TypeILACS, "Previous inspection\nThe last inspection found that overall effectiveness was inadequate and that\n" +
			"the experiences and progress of children in care were good.",
			map[Domain]Grade{}},
		{"SIFTableAndSentences", TypeSIF, "Review of the effectiveness of the Local Safeguarding Children\nBoard\n" +
			"Children’s services in Exampleton are good\n1. Children who need help and protection\nGood\n2. Children looked after and achieving\npermanence\nGood\n" +
			"2.1 Adoption performance\nNot judged\n2.2 Experiences and progress of care leavers\nOutstanding\n3. Leadership, management and governance\nGood\n" +
			"\fThe Local Safeguarding Children Board is good\n",
			map[Domain]Grade{DomainOverall: GradeGood, DomainHelp: GradeGood, DomainInCare: GradeGood, DomainCareLeaver: GradeOutstanding,
				DomainLeaders: GradeGood, DomainLSCB: GradeGood}},
		{"SIFOverallJudgementIs", TypeSIF, "The overall judgement is that children’s services are inadequate\n" +
			"The judgements on areas of the service that contribute to overall effectiveness are:\n1. Children who need help and protection\nInadequate\n",
			map[Domain]Grade{DomainOverall: GradeInadequate, DomainHelp: GradeInadequate}},
		{"NotForLetters", TypeFocused, "Overall effectiveness\nGood\n", map[Domain]Grade{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := grades(Find(&Document{Type: tt.typ}, &Source{Pages: strings.Split(tt.text, "\f")}))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("judgements = %v, want %v", got, tt.want)
			}
		})
	}
}
