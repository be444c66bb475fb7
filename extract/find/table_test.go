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

// TestGradeTables states how grade tables are read in every rendering
// real PDFs and pages give them, wherever they are, and what is reported
// as a warning rather than a finding (the judgements of the table and of
// the SIF's sentences: the rules named judgement.*).
func TestGradeTables(t *testing.T) {
	const (
		leaders2018 = "The impact of leaders on social work practice with children and families"
		help2018    = "The experiences and progress of children who need help and protection"
		care2018    = "The experiences and progress of children in care and care leavers"
	)
	type want = map[extract.Domain]extract.Grade
	tests := []struct {
		name  string
		doc   extract.Document
		text  string
		want  want
		warns []string // each a substring of a warning, in order; nil: no warning
	}{
		{"Reformed2026RowOrder", extract.Document{Type: extract.TypeILACS, VisitStart: "2026-04-20"},
			"Judgement\n\nGrade\n\nThe impact of leaders on practice with\nchildren and families\n\nGood\n\nThe experiences and progress of\nchildren who need help, support and\nprotection\n\nRequires improvement to be good\n\n" +
				"The experiences and progress of\nchildren in care\n\nGood\n\nThe experiences and progress of care\nleavers\n\nOutstanding\n\nChildren in Wirral receive help. Since the last inspection in 2022, when services were judged inadequate, leaders have acted.",
			want{extract.DomainLeaders: extract.GradeGood, extract.DomainHelp: extract.GradeRI, extract.DomainInCare: extract.GradeGood, extract.DomainCareLeaver: extract.GradeOutstanding}, nil},
		{"ColumnOrderUnknownRowInTheMiddle", extract.Document{Type: extract.TypeILACS},
			"Judgement\n\nThe impact of leaders on practice with children and families\n\nThe experiences and progress of young carers\n\nThe experiences and progress of children in care\n\nGrade\n\nGood\n\nInadequate\n\nRequires improvement to be good\n\nLeaders know their services well.",
			want{extract.DomainLeaders: extract.GradeGood, extract.DomainInCare: extract.GradeRI}, []string{`"The experiences and progress of young carers" graded "Inadequate" names no known judgement`}},
		{"GradeBetweenTheLinesOfItsLabel", extract.Document{Type: extract.TypeILACS},
			help2018 + "\nGood\n" + "The experiences and progress of children in care and care\nRequires improvement to be good\nleavers\n\nOverall effectiveness\n\nGood\n\nSince 2017 leaders have acted.",
			want{extract.DomainHelp: extract.GradeGood, extract.DomainInCare: extract.GradeRI, extract.DomainOverall: extract.GradeGood}, nil},
		{"GradeJoinedInsideItsLabel", extract.Document{Type: extract.TypeILACS},
			"Judgement Grade\n\nThe impact of leaders on social work Requires improvement to be good practice with children and families\n\nThe experiences and progress of Good children who need help and protection\n\nOverall effectiveness Good\n\nLeaders have acted.",
			want{extract.DomainLeaders: extract.GradeRI, extract.DomainHelp: extract.GradeGood, extract.DomainOverall: extract.GradeGood}, nil},
		{"GradeStartingTheLabelsLastLine", extract.Document{Type: extract.TypeILACS},
			"The experiences and progress of children in care and care\nInadequate leavers\n\nOverall effectiveness\n\nInadequate\n\nLeaders have not acted.",
			want{extract.DomainInCare: extract.GradeInadequate, extract.DomainOverall: extract.GradeInadequate}, nil},
		{"GradeWrappedAndLabelWrapped", extract.Document{Type: extract.TypeILACS},
			"The experiences and progress of care Requires improvement\nto be good\nleavers\n\nOverall effectiveness Good\n\nLeaders have acted.",
			want{extract.DomainCareLeaver: extract.GradeRI, extract.DomainOverall: extract.GradeGood}, nil},
		{"GradeWrappedCapitalised", extract.Document{Type: extract.TypeSIF},
			"1. Children who need help and protection\n\nRequires\nImprovement\n\n2.1 Adoption performance\n\nGood\n\nThe authority is improving.",
			want{extract.DomainHelp: extract.GradeRI, extract.DomainAdoption: extract.GradeGood}, nil},
		{"GradeAcrossAPageBreak", extract.Document{Type: extract.TypeSIF},
			"1. Children who need help and protection\n\nRequires\f\nimprovement\n\n2.1 Adoption performance\n\nGood\n\nThe authority is improving.",
			want{extract.DomainHelp: extract.GradeRI, extract.DomainAdoption: extract.GradeGood}, nil},
		{"TableAfterAContentsPage", extract.Document{Type: extract.TypeILACS},
			"Inspection of Kent children's services\nContents\nSummary 2\nWhat needs to improve 3\fJudgement\nGrade\nOverall effectiveness\nGood\n" + leaders2018 + "\nGood\nChildren are safe in Kent.",
			want{extract.DomainOverall: extract.GradeGood, extract.DomainLeaders: extract.GradeGood}, nil},
		{"SoftHyphens", extract.Document{Type: extract.TypeILACS},
			"The experi\u00adences and progress of care Outstan\u00ad\nding\nleavers\n\nOverall effecti\u00adveness\n\nGood\n\nLeaders have acted.",
			want{extract.DomainCareLeaver: extract.GradeOutstanding, extract.DomainOverall: extract.GradeGood}, nil},
		{"PipedRowsInACommitteePaper", extract.Document{Type: extract.TypeCommittee},
			"2. Background\nOfsted's judgements were as follows:\nJudgement | Grade\n" + leaders2018 + " | Good\n" + help2018 + " | Requires\nimprovement to be good\n" + care2018 + " | Not judged\nOverall effectiveness | Good\n\n3. The committee is asked to note the report.",
			want{extract.DomainLeaders: extract.GradeGood, extract.DomainHelp: extract.GradeRI, extract.DomainOverall: extract.GradeGood}, nil},
		{"MarkdownTableInASavedPage", extract.Document{Type: extract.TypeNews},
			"Ofsted rates Bolton good\n\n| Judgement | Grade |\n| --- | --- |\n| Overall effectiveness | Good |\n| " + leaders2018 + " | Outstanding |\n| " + help2018 + " | Requires improvement to be good |\n\nThe council welcomed the report.",
			want{extract.DomainOverall: extract.GradeGood, extract.DomainLeaders: extract.GradeOutstanding, extract.DomainHelp: extract.GradeRI}, nil},
		{"CapitalsAndTitleCase", extract.Document{Type: extract.TypeILACS},
			"JUDGEMENT GRADE\nOVERALL EFFECTIVENESS GOOD\nThe Impact Of Leaders On Social Work Practice With Children And Families Requires Improvement To Be Good\nChildren are safe.",
			want{extract.DomainOverall: extract.GradeGood, extract.DomainLeaders: extract.GradeRI}, nil},
		{"ReportOfNoKnownType", extract.Document{Type: extract.TypeOther},
			"Judgement Grade\n" + leaders2018 + "\nGood\n" + help2018 + "\nGood\n" + care2018 + "\nGood\nOverall effectiveness\nGood\nChildren are safe.",
			want{extract.DomainLeaders: extract.GradeGood, extract.DomainHelp: extract.GradeGood, extract.DomainInCare: extract.GradeGood, extract.DomainOverall: extract.GradeGood}, nil},
		{"OlderFrameworksTableIsNotRead", extract.Document{Type: extract.TypeOther},
			"Record of main findings\nOverall effectiveness\n\nInadequate\n\nCapacity to improve\n\nInadequate\n\nOutcomes for looked after children\n\nInadequate\n\nQuality of provision\n\nInadequate\n\nLeadership and management\n\nInadequate\n\nEnd of the record of findings.",
			want{}, nil},
		{"SchoolReportTableIsNotRead", extract.Document{Type: extract.TypeOther},
			"Overall effectiveness Good\nEffectiveness of leadership and management Good\nQuality of teaching, learning and assessment Good\nPersonal development, behaviour and welfare Good\nOutcomes for pupils Good\nThis is a good school.",
			want{}, nil},
		{"DatedBeforeTheFrameworks", extract.Document{Type: extract.TypeOther, Published: "2012-06-01"},
			"Overall effectiveness\nGood\nLeadership, management and governance\nGood\nChildren are safe.",
			want{}, nil},
		{"LoneRowInALetter", extract.Document{Type: extract.TypeMonitoring},
			"Overall effectiveness\nInadequate\nThe local authority has made progress.", want{}, nil},
		{"EarlierInspectionsTable", extract.Document{Type: extract.TypeCommittee},
			"The judgements at the previous inspection in 2017 were:\nOverall effectiveness | Inadequate\nLeadership | Inadequate\n\nThe council has improved a great deal since then, and the new report says so.\n" +
				"Ofsted's judgements this year:\nOverall effectiveness | Good\nLeadership | Requires improvement to be good\n\nThe committee is asked to note the report.",
			want{extract.DomainOverall: extract.GradeGood, extract.DomainLeaders: extract.GradeRI}, nil},
		{"RowsAsLabelColonGradeInANewsPage", extract.Document{Type: extract.TypeNews},
			"Ofsted praises Bolton\nThe council's children's services were inspected in May. Ofsted's judgements:\n• Overall effectiveness: Good\n• The impact of leaders on social work practice with children and families: Outstanding\n" +
				"• The experiences and progress of children who need help and protection – requires improvement to be good\nThe council welcomed the report and thanked its staff.",
			want{extract.DomainOverall: extract.GradeGood, extract.DomainLeaders: extract.GradeOutstanding, extract.DomainHelp: extract.GradeRI}, nil},
		{"LabelColonGradeRowsWrapped", extract.Document{Type: extract.TypeNews},
			"Ofsted's judgements were:\n\nOverall effectiveness: Good\nThe impact of leaders on social work practice with children\nand families: Good\nThe experiences and progress of children in care: Requires\nimprovement to be good\n\nInspectors praised the council.",
			want{extract.DomainOverall: extract.GradeGood, extract.DomainLeaders: extract.GradeGood, extract.DomainInCare: extract.GradeRI}, nil},
		{"ColumnOrderLabelsWithColons", extract.Document{Type: extract.TypeNews},
			"Ofsted's judgements were:\nOverall effectiveness:\n\nThe impact of leaders on social work practice with children and families:\n\nThe experiences and progress of care leavers:\n\nGood\n\nOutstanding\n\nRequires improvement to be good\n\nInspectors praised the council.",
			want{extract.DomainOverall: extract.GradeGood, extract.DomainLeaders: extract.GradeOutstanding, extract.DomainCareLeaver: extract.GradeRI}, nil},
		{"EarlierJudgementsListed", extract.Document{Type: extract.TypeCommittee},
			"The last inspection report for the local authority's children's services was published in June 2015. The judgements for the local authority were:\n\nOverall effectiveness: Inadequate.\n\n" +
				"Children who need help and protection: Inadequate.\n\nLeadership, management and governance: Inadequate.\n\nSince then the service has improved a great deal, as the new report says.",
			want{}, nil},
		{"TwoGradesARow", extract.Document{Type: extract.TypeILACS},
			"Judgement\n2019\n2023\nOverall effectiveness\nInadequate\nGood\nChildren are safer.",
			want{}, []string{"2 grades after 1 labels"}},
		{"TwoGradesARowInACommitteePaper", extract.Document{Type: extract.TypeCommittee},
			"Judgement\n2019\n2023\nOverall effectiveness\nInadequate\nGood\nChildren are safer.",
			want{}, nil},
		{"UngradedRowInTheTable", extract.Document{Type: extract.TypeILACS},
			leaders2018 + "\nGood\nOverall effectiveness\nAdequate\n" + help2018 + "\nGood\nChildren are safe.",
			want{extract.DomainLeaders: extract.GradeGood, extract.DomainHelp: extract.GradeGood}, []string{`row "Overall effectiveness Adequate" has no grade that is understood`}},
		{"FrameworkRowMissing", extract.Document{Type: extract.TypeILACS, VisitStart: "2024-01-08"},
			leaders2018 + "\nGood\n" + help2018 + "\nGood\nThe experiences and progress of children in care\nGood\nOverall effectiveness\nGood\nChildren are safe.",
			want{extract.DomainLeaders: extract.GradeGood, extract.DomainHelp: extract.GradeGood, extract.DomainInCare: extract.GradeGood, extract.DomainOverall: extract.GradeGood},
			[]string{"no row for care_leavers (ILACS 2023 framework"}},
		{"NoTableInAReport", extract.Document{Type: extract.TypeILACS, VisitStart: "2019-05-01"},
			"Inspection of Kent children's services\nChildren are safe.", want{}, []string{"grade table: none read (a ILACS 2018 report"}},
		{"SIFTableInADocumentOfNoKnownType", extract.Document{Type: extract.TypeOther},
			"Children’s services in Exampleton are good\n1. Children who need help and protection\nGood\n2. Children looked after and achieving\npermanence\nGood\n2.1 Adoption performance\nGood\n3. Leadership, management and governance\nGood\nThe Local Safeguarding Children Board is good\n",
			want{extract.DomainOverall: extract.GradeGood, extract.DomainHelp: extract.GradeGood, extract.DomainInCare: extract.GradeGood, extract.DomainAdoption: extract.GradeGood, extract.DomainLeaders: extract.GradeGood, extract.DomainLSCB: extract.GradeGood}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.doc
			var fs []extract.Finding // the table's and the SIF's sentences', not prose's
			for _, f := range Find(&doc, &extract.Source{Pages: strings.Split(tt.text, "\f")}) {
				if strings.HasPrefix(f.Rule, "judgement.") {
					fs = append(fs, f)
				}
			}
			got := grades(fs)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("judgements = %v, want %v", got, tt.want)
			}
			if len(doc.Warnings) != len(tt.warns) {
				t.Fatalf("warnings = %q, want %d like %q", doc.Warnings, len(tt.warns), tt.warns)
			}
			for i, w := range tt.warns {
				if !strings.Contains(doc.Warnings[i], w) {
					t.Errorf("warning %d = %q, want it to hold %q", i, doc.Warnings[i], w)
				}
			}
		})
	}
}

// TestRowDomain states which domain a row label names by its key words.
func TestRowDomain(t *testing.T) {
	for _, tc := range []struct {
		label string
		want  extract.Domain
	}{
		{"The impact of leaders on social work practice with children and families", extract.DomainLeaders},
		{"The impact of leaders on practice with children and families", extract.DomainLeaders},
		{"Leadership, management and governance", extract.DomainLeaders},
		{"The experiences and progress of children who need help, support and protection", extract.DomainHelp},
		{"1. Children who need help and protection", extract.DomainHelp},
		{"The experiences and progress of children in care and care leavers", extract.DomainInCare},
		{"Children in care and care leavers", extract.DomainInCare},
		{"Children looked after and achieving permanence", extract.DomainInCare},
		{"The experiences and progress of children care leavers", extract.DomainCareLeaver},
		{"2.1 Adoption performance", extract.DomainAdoption},
		{"The effectiveness of the Local Safeguarding Children Board (LSCB)", extract.DomainLSCB},
		{"Overall effectiveness", extract.DomainOverall},
		{"The experiences and progress of young carers", ""},
		{"Inspection of services for children in need of help and protection, children looked after and care leavers", ""},
		{"Overall effectiveness of services for looked after children and young people", ""},
		{"Judgement", ""},
	} {
		if got := rowDomain(tc.label); got != tc.want {
			t.Errorf("rowDomain(%q) = %q, want %q", tc.label, got, tc.want)
		}
	}
}
