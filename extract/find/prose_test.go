package find

import (
	"reflect"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

// TestReportedJudgements checks each construction that makes a grade in
// prose a rating, the domains each reads, and each reason a grade is not
// the current inspection's (prose.go, reported.go, scope.go). Every story
// has a headline and a standfirst, as real ones do.
func TestReportedJudgements(t *testing.T) {
	O, L, H, C, CL, A, B := extract.DomainOverall, extract.DomainLeaders, extract.DomainHelp, extract.DomainInCare, extract.DomainCareLeaver, extract.DomainAdoption, extract.DomainLSCB
	G, RI, OS := extract.GradeGood, extract.GradeRI, extract.GradeOutstanding
	story := func(body string) string { return "Headline of the story\n\nThe standfirst of the story.\n\n" + body }
	tests := []struct {
		name      string
		published string
		authority string
		text      string
		want      []judged
	}{
		// A count or all of the areas.
		{"CountOfAreas2024", "2024-05-14", "", story("The council's children's services have been rated good in all five areas by Ofsted."),
			[]judged{{O, G}, {L, G}, {H, G}, {C, G}, {CL, G}}},
		{"CountOfAreas2019", "2019-05-14", "", story("The council's children's services have been rated good in all four areas."),
			[]judged{{O, G}, {L, G}, {H, G}, {C, G}}},
		{"AllButOverall", "2024-05-14", "", story("The council was rated good overall and outstanding in all four areas."),
			[]judged{{O, G}, {L, OS}, {H, OS}, {C, OS}, {CL, OS}}},
		{"AcrossTheBoard", "2020-02-01", "", story("Children's services in the borough were judged good across the board."),
			[]judged{{O, G}, {L, G}, {H, G}, {C, G}}},
		{"AllExceptWhich", "2024-03-07", "", story("The council's children's services have been judged good in all areas except care leavers, which requires improvement."),
			[]judged{{O, G}, {L, G}, {H, G}, {C, G}, {CL, RI}}},
		{"AllAreasAsSubject", "2021-10-01", "", story("All four areas were judged to be outstanding."),
			[]judged{{O, OS}, {L, OS}, {H, OS}, {C, OS}}},
		{"AllAreasUnknownDate", "", "", story("Services were rated good in every area."),
			nil},
		// Domains after the grade.
		{"ListAfterGrade", "2023-07-12", "", story("The borough was rated good for leadership, help and protection and children in care."),
			[]judged{{L, G}, {H, G}, {C, G}}},
		{"GradeBeforeDomainWithFiller", "2024-01-10", "", story("The council has received a 'good' rating for its work with care leavers."),
			[]judged{{CL, G}}},
		{"GradeBeforeDomainsThenBut", "2023-06-12", "", story("Inspectors rated the council requires improvement for leadership and for child protection, but good for children in care and for care leavers."),
			[]judged{{L, RI}, {H, RI}, {C, G}, {CL, G}}},
		{"OverallThenList", "2023-05-03", "", story("The council was rated requires improvement to be good overall, for the impact of leaders and for children who need help and protection, and good for children in care and for care leavers."),
			[]judged{{O, RI}, {L, RI}, {H, RI}, {C, G}, {CL, G}}},
		{"ObjectThenOverall", "2023-07-12", "", story("In a report published this week, Ofsted rated Wigan Council good overall."),
			[]judged{{O, G}}},
		{"ServiceToDomains", "2024-11-14", "", story("The county council is providing a good service to children in care and to young people leaving care, Ofsted has said."),
			[]judged{{C, G}, {CL, G}}},
		// Domains before the grade.
		{"ListSubject", "2023-09-19", "", story("The impact of leaders, the experiences and progress of children in care and the experiences and progress of care leavers had all been judged outstanding, and the experiences and progress of children who need help and protection had been judged good."),
			[]judged{{L, OS}, {C, OS}, {CL, OS}, {H, G}}},
		{"ObjectsWithToBe", "2024-03-11", "", story("Ofsted had judged the experiences and progress of children in care to be good, and the experiences and progress of care leavers to be good."),
			[]judged{{C, G}, {CL, G}}},
		{"ToRequireImprovement", "2024-03-11", "", story("Inspectors had judged the council's services to require improvement to be good overall."),
			[]judged{{O, RI}}},
		{"AnaphorThatArea", "2022-04-05", "", story("Inspectors said that children who need help and protection wait too long, and rated that area as requiring improvement."),
			[]judged{{H, RI}}},
		{"ReceiveAGoodService", "2022-11-14", "", story("Inspectors said that children who need help and protection also receive a good service."),
			[]judged{{H, G}}},
		{"EverydayNames", "2023-02-20", "", story("Child protection was judged good. Leadership was rated outstanding."),
			[]judged{{H, G}, {L, OS}}},
		{"SIFDomains", "2016-06-01", "", story("Adoption services were rated good, while the Local Safeguarding Children Board was judged to require improvement."),
			[]judged{{A, G}, {B, RI}}},
		{"PressReleaseList", "2023-10-03", "", story("Ofsted's judgements were:\n\nGood: overall effectiveness; the impact of leaders; children who need help and protection; children in care\nRequires improvement to be good: care leavers"),
			[]judged{{O, G}, {L, G}, {H, G}, {C, G}, {CL, RI}}},
		{"LabelledItems", "2019-03-01", "", story("The judgements were:\n\n- Overall effectiveness: good\n- Leadership: outstanding\n- Child protection: requires improvement"),
			[]judged{{O, G}, {L, OS}, {H, RI}}},
		// The framework of the day.
		{"CareLeaversWithinInCareBefore2023", "2020-06-01", "", story("Services for children in care and care leavers were judged good."),
			[]judged{{C, G}}},
		{"CareLeaversApartFrom2023", "2024-06-01", "", story("Services for children in care and care leavers were judged good."),
			[]judged{{C, G}, {CL, G}}},
		{"CombinedNameWithNoDate", "", "", story("The experiences and progress of children in care and care leavers is good."),
			[]judged{{C, G}}},
		// Everyday reports.
		{"GivenARatingNoun", "2023-02-01", "", story("The council's children's services department was given a 'requires improvement' rating by the education watchdog."),
			[]judged{{O, RI}}},
		{"FirstTimeRatedSince", "2023-02-01", "", story("It is the first time the council has been rated 'good' since 2014."),
			[]judged{{O, G}}},
		{"WhileOtherDomain", "2023-02-01", "", story("Ofsted said services for children in care 'require improvement', while the help given to children needing protection was 'good'."),
			[]judged{{C, RI}, {H, G}}},
		{"ObjectNamesDomain", "2023-02-01", "", story("The watchdog found the council's leadership to be 'outstanding'."),
			[]judged{{L, OS}}},
		{"EveryOtherArea", "2024-02-01", "", story("It was rated 'outstanding' for its work with care leavers and 'good' in every other area."),
			[]judged{{CL, OS}, {O, G}, {L, G}, {H, G}, {C, G}}},
		{"WayItHelpsAndProtects", "2024-02-01", "", story("The report found that the council 'requires improvement to be good' in the way it helps and protects children."),
			[]judged{{H, RI}}},
		{"EarlierThenNow", "2024-02-01", "", story("Wirral Council's children's services were judged inadequate in 2019 but are now rated good."),
			[]judged{{O, G}}},
		{"OverallJudgementOf", "2024-02-01", "", story("The Director reported that the service had received an overall judgement of 'requires improvement to be good'."),
			[]judged{{O, RI}}},
		{"OutcomeWas", "2024-02-01", "", story("The outcome of the inspection was Good."),
			[]judged{{O, G}}},
		{"DashedItems", "2024-02-01", "", story("Ofsted's judgements were as follows: Overall effectiveness – Good; Impact of leaders – Outstanding."),
			[]judged{{O, G}, {L, OS}}},
		{"AlongWithAsWellAs", "2021-07-08", "", story("Inspectors rated help and protection for children as 'good', along with services for children in care and care leavers, as well as the impact of leaders."),
			[]judged{{H, G}, {C, G}, {L, G}}},
		{"RelativeClauseKeepsItsYear", "2022-03-02", "", story("Tower Hamlets Council's children's services, which were rated inadequate in 2017, have been judged outstanding in every area."),
			[]judged{{O, OS}, {L, OS}, {H, OS}, {C, OS}}},
		{"CoordinatedAfterAParenthesis", "2019-04-29", "", story("Surrey's children's services are no longer inadequate, Ofsted has found, and now require improvement."),
			[]judged{{O, RI}}},
		// Not ratings.
		{"PartOfTheAreas", "2024-01-01", "", story("Inspectors judged the council to be good in three of the four areas."),
			nil},
		{"GoodOrBetter", "2024-01-01", "", story("For the first time, all of the council's services for children are rated 'good' or better."),
			nil},
		{"ColonBeforeASentence", "2024-01-01", "", story("The news is good: inspectors found that children in care are well supported."),
			nil},
		{"GoodAtASkill", "2024-01-01", "", story("Leaders are good at listening to staff."),
			nil},
		{"GoodOrOutstandingSchools", "2024-01-01", "", story("The proportion of schools judged good or outstanding rose again."),
			nil},
		{"FosteringService", "2024-01-01", "", story("The council's fostering service was rated outstanding."),
			nil},
		{"PracticeIsNoService", "2024-01-01", "", story("Ofsted inspectors said the quality of social work practice was 'inadequate' in some areas."),
			nil},
		{"AdjectiveBeforeNoun", "2024-01-01", "", story("Inspectors found good practice in the front door. The council's response was inadequate. Staff are making good progress."),
			nil},
		{"ModifierIsNoDomain", "2024-01-01", "", story("Child protection plans are good."),
			nil},
		{"QuantifiedSubject", "2024-01-01", "", story("Most children in care receive a good service."),
			nil},
		{"AnotherInstitution", "2024-01-01", "", story("A Wigan school was rated outstanding for the second time."),
			nil},
		{"Hoped", "2024-01-01", "", story("The council wants to be rated outstanding next time. It will remain rated inadequate until its next inspection."),
			nil},
		// Not the current inspection's.
		{"HadInReportedSpeechIsCurrent", "2023-09-19", "", story("The director reported that Ofsted had rated the council's children's services as outstanding overall."),
			[]judged{{O, OS}}},
		{"RelativeHadIsEarlier", "2023-09-19", "", story("The council, which had been rated inadequate, has improved."),
			nil},
		{"SinceAnInspection", "2024-03-15", "", story("The council's children's social care has been rated inadequate since an inspection in 2022."),
			nil},
		{"FirstTimeSince", "2024-03-15", "", story("The council's children's services have been rated good for the first time since 2010."),
			[]judged{{O, G}}},
		{"InspectionLateLastYear", "2024-01-20", "", story("Children's services were rated good following an inspection in November 2023."),
			[]judged{{O, G}}},
		{"InspectionLongBefore", "2024-06-20", "", story("Children's services were rated good following an inspection in March 2023."),
			nil},
		{"ADropFrom", "2022-04-05", "", story("Inspectors rated them requires improvement to be good overall, a drop from the good rating given at the previous inspection in 2018."),
			[]judged{{O, RI}}},
		{"LostItsRating", "2024-04-05", "", story("The council has lost its outstanding rating and is now judged good."),
			[]judged{{O, G}}},
		// Not this authority's.
		{"Neighbour", "2023-11-20", "Telford and Wrekin", story("Neighbouring Shropshire Council's children's services were rated good."),
			nil},
		{"AnotherCouncilNamed", "2023-11-20", "Telford and Wrekin", story("Shropshire Council's children's services were rated good."),
			nil},
		{"OwnCouncilShortName", "2023-11-20", "Telford and Wrekin", story("Telford Council's children's services were rated outstanding."),
			[]judged{{O, OS}}},
		{"OwnCouncilAcronym", "2023-11-20", "Bournemouth, Christchurch and Poole", story("BCP Council's children's services were rated good."),
			[]judged{{O, G}}},
		{"OtherCouncilInAHeadline", "2023-11-21", "Bury", story("Bolton children's services rated inadequate by Ofsted"),
			nil},
		{"OtherCouncilAfterIn", "2023-11-21", "Bury", story("Children's services in Rochdale were rated good last month."),
			nil},
		{"OwnPlaceAfterIn", "2023-11-21", "Bury", story("Children's services in Bury were rated good."),
			[]judged{{O, G}}},
		{"ReadMoreLink", "2023-11-21", "", story("READ MORE: Council children's services rated good by Ofsted\n\nThe council's leadership requires improvement."),
			[]judged{{L, RI}}},
		{"PossessiveDomain", "2024-03-14", "", story("The overall effectiveness was judged as requiring improvement, while care leavers' experiences were rated good."),
			[]judged{{O, RI}, {CL, G}}},
		{"ServiceForChildren", "2024-03-14", "", story("Kent's social care for children is 'good', inspectors find."),
			[]judged{{O, G}}},
		{"DomainAsModifier", "2024-03-14", "", story("Child protection plans were rated good by parents."),
			nil},
		{"CouncilsInGeneral", "2024-03-15", "", story("Nationally, around one in ten councils' children's services are currently rated inadequate."),
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := extract.Document{Published: tt.published, Authority: extract.Authority{Name: tt.authority}}
			got := judgementsOf(newsFindings(t, doc, tt.text))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("judgements = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestVisitStory checks that a story about a monitoring visit reports no
// grade, unless its headline or lede also reports a rating.
func TestVisitStory(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"MonitoringVisit", "Council making progress after third monitoring visit\n\nStandfirst here.\n\nInspectors found the council's services, which remain rated inadequate, are improving after their third monitoring visit.\n\nThe council remains rated inadequate overall.", 0},
		{"InspectionAfterVisits", "Council rated good after Ofsted inspection\n\nThe council's children's services have been rated good, after three monitoring visits since 2019.\n\nThe council is now rated good overall.", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := judgementsOf(newsFindings(t, extract.Document{Published: "2024-03-01"}, tt.text))
			if len(got) != tt.want {
				t.Errorf("judgements = %v, want %d", got, tt.want)
			}
		})
	}
}
