package find

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

func grades(fs []extract.Finding) map[extract.Domain]extract.Grade {
	out := map[extract.Domain]extract.Grade{}
	for _, f := range fs {
		if f.Kind == extract.KindJudgement {
			out[f.Domain] = f.Grade
		}
	}
	return out
}

func TestFindJudgements(t *testing.T) {
	tests := []struct {
		name string
		typ  extract.Type
		text string
		want map[extract.Domain]extract.Grade
	}{
		{"RowOrder", extract.TypeILACS, "Judgement\nGrade\nThe impact of leaders on social work\npractice with children and families\nGood\n" +
			"The experiences and progress of children who need help and protection\nInadequate\nOverall effectiveness\nGood\n" +
			"Leaders have acted since the inspection in 2019, when services were outstanding.",
			map[extract.Domain]extract.Grade{extract.DomainLeaders: extract.GradeGood, extract.DomainHelp: extract.GradeInadequate, extract.DomainOverall: extract.GradeGood}},
		{"ColumnOrder", extract.TypeILACS, "Judgement\nThe impact of leaders on social work practice with children and families\n" +
			"The experiences and progress of children in care and care leavers\nOverall effectiveness\nGrade\nOutstanding\nGood\nGood\n",
			map[extract.Domain]extract.Grade{extract.DomainLeaders: extract.GradeOutstanding, extract.DomainInCare: extract.GradeGood, extract.DomainOverall: extract.GradeGood}},
		{"WrappedRequiresImprovement", extract.TypeILACS, "The experiences and progress of children who need help and\nprotection\nRequires improvement\nto be good\n" +
			"The experiences and progress of care\nleavers\nRequires improvement to\nbe good\n",
			map[extract.Domain]extract.Grade{extract.DomainHelp: extract.GradeRI, extract.DomainCareLeaver: extract.GradeRI}},
		{"NoOverallGrade2026", extract.TypeILACS, "The experiences and progress of children in care\nGood\nThe experiences and progress of care leavers\nOutstanding\n" +
			"Services are good overall and leaders are ambitious.",
			map[extract.Domain]extract.Grade{extract.DomainInCare: extract.GradeGood, extract.DomainCareLeaver: extract.GradeOutstanding}},
		{"ProseAboutPreviousInspectionIgnored", extract.TypeILACS, "Previous inspection\nThe last inspection found that overall effectiveness was inadequate and that\n" +
			"the experiences and progress of children in care were good.",
			map[extract.Domain]extract.Grade{}},
		{"SIFTableAndSentences", extract.TypeSIF, "Review of the effectiveness of the Local Safeguarding Children\nBoard\n" +
			"Children’s services in Exampleton are good\n1. Children who need help and protection\nGood\n2. Children looked after and achieving\npermanence\nGood\n" +
			"2.1 Adoption performance\nNot judged\n2.2 Experiences and progress of care leavers\nOutstanding\n3. Leadership, management and governance\nGood\n" +
			"\fThe Local Safeguarding Children Board is good\n",
			map[extract.Domain]extract.Grade{extract.DomainOverall: extract.GradeGood, extract.DomainHelp: extract.GradeGood, extract.DomainInCare: extract.GradeGood, extract.DomainCareLeaver: extract.GradeOutstanding,
				extract.DomainLeaders: extract.GradeGood, extract.DomainLSCB: extract.GradeGood}},
		{"SIFOverallJudgementIs", extract.TypeSIF, "The overall judgement is that children’s services are inadequate\n" +
			"The judgements on areas of the service that contribute to overall effectiveness are:\n1. Children who need help and protection\nInadequate\n",
			map[extract.Domain]extract.Grade{extract.DomainOverall: extract.GradeInadequate, extract.DomainHelp: extract.GradeInadequate}},
		{"NotForLetters", extract.TypeFocused, "Overall effectiveness\nGood\n", map[extract.Domain]extract.Grade{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := grades(Find(&extract.Document{Type: tt.typ}, &extract.Source{Pages: strings.Split(tt.text, "\f")}))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("judgements = %v, want %v", got, tt.want)
			}
		})
	}
}
