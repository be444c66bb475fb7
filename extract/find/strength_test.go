package find

import (
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"
)

func TestClassify(t *testing.T) {
	r := newSWRules()
	tests := []struct {
		name, text string
		list       extract.Kind
		kind       extract.Kind
		rule       string
	}{
		{"StrengthCue", "Assessments are thorough and timely.", "", extract.KindStrength, "strength.cue"},
		{"NeutralSignpost", "Progress against each area is summarised below.", "", "", "neutral.signpost"},
		{"NeutralCommitteeNotes", "That the Committee notes the progress made against the areas for improvement.", "", "", "neutral.committee-procedure"},
		{"NeutralCommitteeInformed", "To ensure that the Committee is kept informed of progress.", "", "", "neutral.committee-procedure"},
		{"NeutralAsFollows", "The improvements made are as follows:", "", "", "neutral.signpost"},
		{"WeaknessNotAlways", "Plans are not always updated.", "", extract.KindWeakness, "weakness.cue"},
		{"WeaknessTooSlow", "Progress has been too slow.", "", extract.KindWeakness, "weakness.cue"},
		{"WeaknessInconsistent", "The quality of supervision is inconsistent.", "", extract.KindWeakness, "weakness.cue"},
		{"WeaknessVariable", "The quality of referrals is variable.", "", extract.KindWeakness, "weakness.cue"},
		{"WeaknessDelays", "Some children experience delays in permanence.", "", extract.KindWeakness, "weakness.cue"},
		{"StrengthReceiveARangeOf", "Children experiencing neglect and their families receive a range of intensive responses.", "", extract.KindStrength, "strength.cue"},
		{"NeutralRangeOfEvidence", "Inspectors looked at a range of evidence, including case records.", "", "", "neutral.inspectors-looked"},
		{"WeaknessMakesItDifficult", "This makes it difficult for families and professionals to know whether progress is being made.", "", extract.KindWeakness, "weakness.cue"},
		{"WeaknessHardToTrack", "Records are kept in several places, so it is hard for managers to track progress.", "", extract.KindWeakness, "weakness.cue"},
		{"WeaknessLack", "A lack of capacity results in waits.", "", extract.KindWeakness, "weakness.cue"},
		{"WeaknessWithoutChecking", "Managers close cases after a single visit without checking whether risks have reduced.", "", extract.KindWeakness, "weakness.cue"},
		{"WeaknessWithoutConsulting", "Decisions to step down cases are made without consulting partner agencies.", "", extract.KindWeakness, "weakness.cue"},
		{"StrengthDelaysReduced", "Delays in court proceedings have reduced significantly.", "", extract.KindStrength, "strength.cue"},
		{"StrengthDriftEliminated", "Drift and delay have been eliminated in pre-proceedings.", "", extract.KindStrength, "strength.cue"},
		{"StrengthNoneFoundUnsafe", "Inspectors did not identify any children who were unsafe.", "", extract.KindStrength, "strength.cue"},
		{"StrengthNotLeftInHarm", "Children are not left in situations of harm for too long.", "", extract.KindStrength, "strength.cue"},
		{"WeaknessDelaysStillHigh", "Delays in court proceedings have not reduced.", "", extract.KindWeakness, "weakness.cue"},
		{"StrengthWithoutHavingTo", "Children receive help quickly without having to repeat their story.", "", extract.KindStrength, "strength.cue"},
		{"NegativeBeatsPositive", "Plans are clear but do not always address risk.", "", extract.KindWeakness, "weakness.contrast-main-clause"},
		{"HoweverNeutralRest", "However, this is the case for some children in the area.", "", extract.KindWeakness, "weakness.contrast-main-clause"},
		{"HoweverPositiveRest", "However, this is now improving quickly.", "", extract.KindStrength, "strength.cue"},
		{"AlthoughMainClauseWeak", "Although actions were taken quickly, this did not translate into clear plans.", "", extract.KindWeakness, "weakness.contrast-main-clause"},
		{"DespiteMainClauseStrong", "Despite variability in written plans, children make positive progress in care.", "", extract.KindStrength, "strength.contrast-main-clause"},
		{"WhileMainClauseWeak", "While police referrals are timely, the recording of children's views is limited.", "", extract.KindWeakness, "weakness.contrast-main-clause"},
		{"TrailingAlthoughKeepsMain", "For a few children, risk was not recognised, although no harm came to them.", "", extract.KindWeakness, "weakness.contrast-main-clause"},
		{"ButNoImpactYet", "An initiative has started but it is too early to see the impact.", "", extract.KindWeakness, "weakness.contrast-main-clause"},
		{"StartedNoImpact", "A new panel has started and has had no impact yet.", "", extract.KindWeakness, "weakness.cue"},
		{"DoubleNegative", "Children do not come into care unnecessarily.", "", extract.KindStrength, "strength.cue"},
		{"NoHarm", "No harm came to children and no delay was seen.", "", extract.KindStrength, "strength.cue"},
		{"ConditionalNegationIgnored", "When circumstances do not improve, decisions are made promptly.", "", extract.KindStrength, "strength.cue"},
		{"PurposeClauseIgnored", "Leaders have acted decisively to reduce delay.", "", extract.KindStrength, "strength.cue"},
		{"HowWellIsNotEvaluative", "The review asked how well agencies work together.", "", "", "neutral"},
		{"BareProcess", "Referrals go to the duty team, which allocates them to a worker.", "", "", "neutral.arrangement"},
		{"NeutralLetter", "This letter summarises the findings of the focused visit.", "", "", "neutral.letter"},
		{"NeutralInspectors", "Inspectors looked at the quality of help and protection.", "", "", "neutral.inspectors-looked"},
		{"NeutralStatistic", "The number of children in care has remained stable over the year.", "", "", "neutral.statistic"},
		{"NeutralDatedEvent", "In 2023, the partnership commissioned a review of its work.", "", "", "neutral.dated-event"},
		{"NeutralGradeScale", "The council was judged on a four-point scale: good, outstanding and inadequate.", "", "", "neutral.ofsted-process"},
		{"ListContextStrength", "The work of the front door team", extract.KindStrength, extract.KindStrength, "strength.list-context"},
		{"ListContextWeakness", "The timeliness of assessments", extract.KindWeakness, extract.KindWeakness, "weakness.list-context"},
		{"CaseloadsHigh", "Caseloads in some teams are too high.", "", extract.KindWeakness, "weakness.cue"},
		{"TakeUpHigh", "The take-up of return home interviews is high.", "", extract.KindStrength, "strength.cue"},
		{"Hampered", "Progress has been hampered by staff turnover.", "", extract.KindWeakness, "weakness.cue"},
		{"ResolvedBacklog", "Leaders have resolved a backlog of assessments.", "", extract.KindStrength, "strength.cue"},
		{"ActionTaken", "New practice standards have been implemented this year.", "", extract.KindStrength, "strength.cue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, rule := r.classify(sentence{text: tt.text, list: tt.list})
			if k != tt.kind || rule != tt.rule {
				t.Errorf("classify(%q) = %q %q, want %q %q", tt.text, k, rule, tt.kind, tt.rule)
			}
		})
	}
}

// TestJudge checks how a sentence is read where it sits: in the
// evaluative body of an Ofsted report or letter, a sentence that
// describes practice is a strength unless a weakness signal says
// otherwise, what its section announces when the heading announces
// something, or neutral when its grammar is that of a figure, a
// provision, an arrangement, a schedule or an event.
func TestJudge(t *testing.T) {
	r := newSWRules()
	body := place{body: true}
	tests := []struct {
		name, text string
		sc         place
		kind       extract.Kind
		rule       string
	}{
		{"PracticeIsStrength", "Social workers consider placing children with their wider family first.", body, extract.KindStrength, "strength.practice"},
		{"PracticeOutsideBodyIsNeutral", "Social workers consider placing children with their wider family first.", place{}, "", "neutral"},
		{"SectionAnnouncesWeakness", "Information about children is held in several systems.", place{body: true, tone: extract.KindWeakness}, extract.KindWeakness, "weakness.section"},
		{"CueBeatsSection", "Leaders have improved the timeliness of plans.", place{body: true, tone: extract.KindWeakness}, extract.KindStrength, "strength.cue"},
		{"LeadInIsNotPractice", "Leaders have taken the following actions:", body, "", "neutral"},
		{"Figure", "The local authority has 14 social work teams across four areas.", body, "", "neutral.provision"},
		{"FigureCount", "Each social worker is responsible for an average of 24 children.", body, "", "neutral.figure"},
		{"SeveralNumbers", "Exclusions fell from 47 in 2012 to 45 in 2015.", body, "", "neutral.figure"},
		{"Existence", "Often, there are complex international elements.", body, "", "neutral.provision"},
		{"Available", "Independent visitors are available for children in care.", body, "", "neutral.provision"},
		{"Chaired", "Strategy discussions are chaired by team managers from the assessment service.", body, "", "neutral.arrangement"},
		{"CoLocated", "The MASH is co-located with police and health colleagues.", body, "", "neutral.arrangement"},
		{"Schedule", "Team managers meet every Monday to review new allocations.", body, "", "neutral.schedule"},
		{"ScheduleNotEachChild", "Records set out what must happen next for each child.", body, extract.KindStrength, "strength.practice"},
		{"Event", "The probation service has recently joined the executive group.", body, "", "neutral.event"},
		{"EventInPost", "The director has been in post since March 2014.", body, "", "neutral.event"},
		{"Measure", "The proportion of care leavers in education is similar to that in comparable areas.", body, "", "neutral.measure"},
		{"Advice", "Leaders should strengthen the oversight of plans.", body, "", "neutral.advice"},
		{"ShouldHaveIsShortfall", "Many children should have come into care at an earlier stage.", body, extract.KindWeakness, "weakness.cue"},
		{"ShouldInRelativeClause", "Children who should be seen alone are seen alone.", body, extract.KindStrength, "strength.practice"},
		{"Method", "Inspectors held discussions with social workers by video call.", body, "", "neutral.inspectors-looked"},
		{"Conduct", "Because of the pandemic, part of this visit was carried out remotely.", body, "", "neutral.conduct"},
		{"LeadInspectorAgreed", "The lead inspector and the director agreed how the visit would be carried out safely.", body, "", "neutral.inspectors-looked"},
		{"Reader", "You may reuse this information free of charge.", body, "", "neutral.reader"},
		{"Question", "What is it like to be a child in this area?", body, "", "neutral.question"},
		{"GradeStatement", "Children’s services in Durham require improvement to be good.", body, "", "neutral.grade-statement"},
		{"PastGrade", "At the last inspection in 2022, services were judged inadequate.", body, "", "neutral.grade-statement"},
		{"ElaborationTakesPrevious", "This includes when social workers have arranged these placements, when parents are unable to provide suitable care.", place{body: true, prev: extract.KindWeakness}, extract.KindWeakness, "weakness.elaboration"},
		{"ConsequenceTakesPrevious", "This means that officers have to go back to the referrer for more information.", place{body: true, prev: extract.KindWeakness}, extract.KindWeakness, "weakness.elaboration"},
		{"Instability", "Some children in care have had five social workers in a year.", body, extract.KindWeakness, "weakness.cue"},
		{"ChangesOfWorker", "Vacancies mean that some children have had several changes of social worker.", body, extract.KindWeakness, "weakness.cue"},
		{"Absence", "Half of the children had no up-to-date assessment of their needs.", body, extract.KindWeakness, "weakness.cue"},
		{"NoneHeld", "In a small number of cases, no strategy discussion was held when one was needed.", body, extract.KindWeakness, "weakness.cue"},
		{"NoWrongQuestions", "They report that there are no wrong questions.", body, extract.KindStrength, "strength.cue"},
		{"NoDisruptions", "There have been no placement disruptions in the last year.", body, extract.KindStrength, "strength.cue"},
		{"RatherThanList", "Plans are lists of services rather than a statement of what will change.", body, extract.KindWeakness, "weakness.cue"},
		{"RatherThanWhatMustChange", "Plans list appointments for parents rather than what must change for the child.", body, extract.KindWeakness, "weakness.cue"},
		{"Distance", "Older children are placed an hour or more from their schools.", body, extract.KindWeakness, "weakness.cue"},
		{"LongerThanNeeded", "Some children remain on plans for longer than they need.", body, extract.KindWeakness, "weakness.cue"},
		{"LessAdjective", "For children in care, the picture is less settled.", body, extract.KindWeakness, "weakness.cue"},
		{"TooAdverb", "Children are stepped up and down too frequently.", body, extract.KindWeakness, "weakness.cue"},
		{"OutOfDate", "Many pathway plans are out of date.", body, extract.KindWeakness, "weakness.cue"},
		{"OverReliance", "There is an over-reliance on agency staff.", body, extract.KindWeakness, "weakness.cue"},
		{"AreaForImprovement", "This is an area for development that the board is aware of.", body, extract.KindWeakness, "weakness.cue"},
		{"WouldBeBetter", "These plans would be better if they reflected children’s views.", body, extract.KindWeakness, "weakness.cue"},
		{"Waiting", "Some children wait several weeks before a social worker visits them.", body, extract.KindWeakness, "weakness.cue"},
		{"ReferredAgain", "A third of these children are referred again within six months.", body, extract.KindWeakness, "weakness.cue"},
		{"RecordsMissing", "Records of strategy discussions are missing for a few children.", body, extract.KindWeakness, "weakness.cue"},
		{"LeavingRate", "Staff leave those teams at a high rate.", body, extract.KindWeakness, "weakness.cue"},
		{"WhoCannotDescribesChildren", "Adoption is considered for all children who cannot return home.", body, extract.KindStrength, "strength.cue"},
		{"WhoHaveNotBeenIsPractice", "Some children live with carers who have not been sufficiently assessed.", body, extract.KindWeakness, "weakness.cue"},
		{"DifficultMessages", "Notes express difficult messages to children in a kind manner.", body, extract.KindStrength, "strength.practice"},
		{"AtAnEarlyStage", "Families receive support at an early stage.", body, extract.KindStrength, "strength.cue"},
		{"StillAtAnEarlyStage", "The new model is still at an early stage.", body, extract.KindWeakness, "weakness.cue"},
		{"LittleImpactOfPandemic", "Children told inspectors that the pandemic has had little impact on the service they receive.", body, extract.KindStrength, "strength.cue"},
		{"VeryFewUnsuitable", "Very few live in unsuitable accommodation.", body, extract.KindStrength, "strength.cue"},
		{"RecognisesTheNeed", "The local authority recognises the need to develop management capacity.", body, extract.KindWeakness, "weakness.cue"},
		{"Prematurely", "Decisions to step down are sometimes made prematurely.", body, extract.KindWeakness, "weakness.cue"},
		{"StayingForOverAYear", "Some children remain in pre-proceedings for over a year.", body, extract.KindWeakness, "weakness.cue"},
		{"Absent", "Contingency plans are absent from many children’s plans.", body, extract.KindWeakness, "weakness.cue"},
		{"Infrequently", "Supervision happens infrequently for some staff.", body, extract.KindWeakness, "weakness.cue"},
		{"CompletedLate", "Assessments are often completed late.", body, extract.KindWeakness, "weakness.cue"},
		{"WithoutASocialWorker", "Some children have spent months without a social worker.", body, extract.KindWeakness, "weakness.cue"},
		{"WithoutUnnecessaryDelay", "Needs are identified accurately, without unnecessary delay.", body, extract.KindStrength, "strength.cue"},
		{"NoneWithout", "No children have been without a social worker.", body, extract.KindStrength, "strength.cue"},
		{"WhoAreAtRisk", "Children who are at risk of exploitation are seen quickly.", body, extract.KindStrength, "strength.cue"},
		{"DeliveredByACompany", "Services are delivered by a not-for-profit company on behalf of the council.", body, "", "neutral.arrangement"},
		{"WentLive", "A new case management system went live in April.", body, "", "neutral.event"},
		{"InspectionNumber", "This was the second inspection under the ILACS framework.", body, "", "neutral.visit-number"},
		{"Population", "Kent is a large county with a population of 1.6 million.", body, "", "neutral.figure"},
		{"StrengthsAndWeaknesses", "Leaders know the strengths and weaknesses of the service.", body, extract.KindStrength, "strength.practice"},
		{"FewerInappropriate", "Partners understand thresholds, and the number of inappropriate referrals has fallen.", body, extract.KindStrength, "strength.cue"},
		{"DoesNotChallengeDrift", "Supervision does not challenge drift in children’s plans.", body, extract.KindWeakness, "weakness.cue"},
		{"DoNotExperienceDrift", "Children do not experience drift in their plans.", body, extract.KindStrength, "strength.cue"},
		{"FrameDecidesNot", "In a very small number of cases when there was delay, the local authority took swift action.", body, extract.KindStrength, "strength.cue"},
		{"OccasionsWhenIsNotConditional", "There are occasions when police report difficulty in making contact.", body, extract.KindWeakness, "weakness.cue"},
		{"StrongCueInConditional", "Decisions are recorded when plans are effective.", body, extract.KindStrength, "strength.practice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, rule := r.judge(sentence{text: tt.text}, tt.sc)
			if k != tt.kind || rule != tt.rule {
				t.Errorf("judge(%q, %+v) = %q %q, want %q %q", tt.text, tt.sc, k, rule, tt.kind, tt.rule)
			}
		})
	}
}

// TestFindStrengthsBody checks where the evaluative body of a letter is:
// not its introduction (before its first known section heading), not a
// section about the area or what happens next, not after the back
// matter; and that a body sentence that judges nothing but names a theme
// is a mention.
func TestFindStrengthsBody(t *testing.T) {
	page := "Monitoring visit to Exampleshire children’s services\n\n" +
		"This letter summarises the findings of the monitoring visit.\n\n" +
		"Because of the pandemic, inspectors held some meetings by video call.\n" +
		"Leaders and inspectors agreed the arrangements for the visit.\n\n" +
		"Findings and evaluation of progress\n\n" +
		"Social workers visit children at home and see them alone.\n" +
		"The MASH is co-located with police colleagues.\n" +
		"Plans are not always specific.\n\n" +
		"Next steps\n\n" +
		"Leaders will prepare a written statement of action.\n\n" +
		"The Office for Standards in Education, Children’s Services and Skills (Ofsted) regulates and inspects to achieve excellence.\n" +
		"Care leavers can find the report online.\n"
	got := Find(&extract.Document{Type: extract.TypeMonitoring}, &extract.Source{Pages: []string{page}})
	var kinds []string
	for _, f := range got {
		kinds = append(kinds, string(f.Kind)+" "+f.Rule+": "+f.Text)
	}
	want := []string{
		"strength strength.practice: Social workers visit children at home and see them alone.",
		"mention mention.arrangement: The MASH is co-located with police colleagues.",
		"weakness weakness.cue: Plans are not always specific.",
	}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(kinds, "\n"), strings.Join(want, "\n"))
	}
	// A letter with no section heading the framework knows has no
	// introduction that can be told from its body.
	page = "Monitoring visit to Exampleshire children’s services\n\nSocial workers visit children at home and see them alone.\n"
	got = Find(&extract.Document{Type: extract.TypeMonitoring}, &extract.Source{Pages: []string{page}})
	if len(got) != 1 || got[0].Kind != extract.KindStrength {
		t.Errorf("letter without known headings: %+v, want one strength", got)
	}
	// Committee papers are not an Ofsted body: only cue words decide.
	page = "Background\n\nSocial workers visit children at home and see them alone. Plans are not always specific.\n"
	got = Find(&extract.Document{Type: extract.TypeCommittee}, &extract.Source{Pages: []string{page}})
	if len(got) != 1 || got[0].Kind != extract.KindWeakness {
		t.Errorf("committee paper: %+v, want only the weakness", got)
	}
}

func TestHeadingSentence(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"What does the area partnership need to do better?", true},
		{"What is the area partnership doing that is effective?", true},
		{"Next steps", true},
		{"Main findings", true},
		{"Social workers see children alone.", false},
		{"What is the impact of this on children?", false},
	} {
		if got := headingSentence(tc.text) != ""; got != tc.want {
			t.Errorf("headingSentence(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	// A question heading run into the item after it (no blank line, an
	// item before it) still heads the weaknesses that follow.
	page := "Inspection outcome\n\nThe partnership’s arrangements lead to positive experiences.\n\n" +
		"What is the area partnership doing that is effective?\n\n" +
		"◼ Leaders listen to families.\nWhat does the area partnership need to do better?\n" +
		"◼ Information about children is held in several systems.\n"
	var got []string
	for _, f := range Find(&extract.Document{Type: extract.TypeSEND}, &extract.Source{Pages: []string{page}}) {
		if f.Kind == extract.KindStrength || f.Kind == extract.KindWeakness {
			got = append(got, string(f.Kind)+": "+f.Text)
		}
	}
	want := []string{"strength: Leaders listen to families.", "weakness: Information about children is held in several systems."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}

func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"from 47 in 2012-13 to 55 in 2013-14", 2},
		{"since 2019", 0},
		{"16- and 17-year-olds", 0},
		{"1,339 children (46 per 10,000)", 3},
		{"s47 enquiries", 0},
	} {
		if got := numbers(tc.s); got != tc.want {
			t.Errorf("numbers(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

func TestFindStrengths(t *testing.T) {
	pages := []string{
		"Overall effectiveness\n\nSocial workers know children well and visit them often.\n\n" +
			"What needs to improve\n\n◼ The timeliness of strategy discussions is not always good enough.\n\n" +
			"The experiences and progress of children who need help and\nprotection\n\n" +
			"1. Social workers know children well and visit them often. The timeliness of strategy\n" +
			"discussions is not always good enough. Referrals go to the duty team each day.\n",
	}
	got := Find(&extract.Document{Type: extract.TypeILACS}, &extract.Source{Pages: pages})
	var sw []extract.Finding
	for _, f := range got {
		if f.Kind == extract.KindStrength || f.Kind == extract.KindWeakness {
			sw = append(sw, f)
		}
	}
	if len(sw) != 1 {
		t.Fatalf("strengths/weaknesses = %+v, want one (the summary repeat merged, the recommendation and the neutral sentence left out)", sw)
	}
	f := sw[0]
	if f.Kind != extract.KindStrength || f.Domain != extract.DomainHelp || f.Page != 1 || f.Rule != "strength.cue" || f.Text != "Social workers know children well and visit them often." {
		t.Errorf("finding = %+v", f)
	}
	if got := Find(&extract.Document{Type: extract.TypeNews}, &extract.Source{Pages: pages}); len(got) != 1 || got[0].Kind != extract.KindRecommendation {
		t.Errorf("news article: %+v, want only the recommendation", got)
	}
}

// TestFindLetterSections checks a monitoring-visit letter's sections: the
// areas covered are focus findings (never weaknesses, though the lead-in
// calls them "areas of concern"), the headline findings are headline
// findings, and the findings that follow are strengths and weaknesses.
func TestFindLetterSections(t *testing.T) {
	page := "Areas covered by the visit\n\n" +
		"Inspectors reviewed the progress made in the following areas of concern identified at the last inspection:\n\n" +
		"- The timeliness of responses to children who are homeless.\n- The quality of supervision.\n\n" +
		"Headline findings\n\n" +
		"Leaders have made steady progress since the last inspection. Caseloads remain too high in some teams.\n\n" +
		"Findings and evaluation of progress\n\n" +
		"Social workers visit children regularly and know them well. Plans are not always specific enough.\n"
	got := Find(&extract.Document{Type: extract.TypeMonitoring}, &extract.Source{Pages: []string{page}})
	var kinds []string
	for _, f := range got {
		kinds = append(kinds, string(f.Kind)+": "+f.Text)
	}
	want := []string{
		"focus: The timeliness of responses to children who are homeless",
		"focus: The quality of supervision",
		"headline: Leaders have made steady progress since the last inspection.",
		"headline: Caseloads remain too high in some teams.",
		"strength: Social workers visit children regularly and know them well.",
		"weakness: Plans are not always specific enough.",
	}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(kinds, "\n"), strings.Join(want, "\n"))
	}
}

// TestCorpusSentences measures strength/weakness and theme findings against
// the shared gold (../shared/corpus/gold) and the extra rows we labelled by
// reading documents (testdata/gold), with the scorer's matching rules.
func TestCorpusSentences(t *testing.T) {
	corpus := measuredCorpus(t)
	labels := readCSV(t, filepath.Join(corpus, "labels.csv"))
	typeOf := map[string]extract.Type{}
	for _, r := range labels {
		typeOf[r["file"]] = extract.Type(r["type"])
	}
	sets := []struct {
		name             string
		sentences, theme string
		recall, prec     float64
	}{
		{"shared", filepath.Join(corpus, "gold", "sentences.csv"), filepath.Join(corpus, "gold", "themes.csv"), 0.85, 0.9},
		{"ours", filepath.Join("..", "..", "testdata", "gold", "sentences.csv"), "", 0.8, 0.85},
	}
	reMain := regexp.MustCompile(`main clause[^;]*?=\s*(strength|weakness)`)
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			rows := readCSV(t, set.sentences)
			var themeRows []map[string]string
			if set.theme != "" {
				themeRows = readCSV(t, set.theme)
			}
			types := map[string]extract.Type{}
			for _, r := range append(append([]map[string]string{}, rows...), themeRows...) {
				typ := extract.Type(r["doc_type"])
				if typ == "" {
					typ = typeOf[r["file"]]
				}
				types[r["file"]] = typ
			}
			got := findAll(t, corpus, types)
			recall, prec := &measure{name: set.name + " sw_recall"}, &measure{name: set.name + " sw_precision"}
			for _, r := range rows {
				kinds := map[extract.Kind]bool{}
				for _, f := range got[r["file"]] {
					if (f.Kind == extract.KindStrength || f.Kind == extract.KindWeakness) && contains(r["sentence"], f.Text, 2.5) {
						kinds[f.Kind] = true
					}
				}
				want := map[extract.Kind]bool{}
				switch r["label"] {
				case "strength", "weakness":
					want[extract.Kind(r["label"])] = true
				case "mixed":
					if m := reMain.FindStringSubmatch(r["notes"]); m != nil {
						want[extract.Kind(m[1])] = true
					}
				}
				where := fmt.Sprintf("%s p%s: %.70s", filepath.Base(filepath.Dir(r["file"])), r["page"], r["sentence"])
				if len(want) > 0 {
					ok := false
					for k := range kinds {
						ok = ok || want[k]
					}
					recall.add(ok, fmt.Sprintf("%s want %s", where, r["label"]))
				}
				for k := range kinds {
					prec.add(want[k], fmt.Sprintf("%s: %s want %s", where, k, r["label"]))
				}
			}
			recall.report(t, set.recall)
			prec.report(t, set.prec)
			if len(themeRows) == 0 {
				return
			}
			trecall, tprec := &measure{name: set.name + " theme_recall"}, &measure{name: set.name + " theme_precision"}
			for _, r := range themeRows {
				tags := map[string]bool{}
				for _, f := range got[r["file"]] {
					if contains(r["sentence"], f.Text, 2.5) {
						for _, th := range f.Themes {
							tags[th] = true
						}
					}
				}
				want := goldThemes[r["theme"]]
				where := fmt.Sprintf("%s p%s: %.60s", filepath.Base(filepath.Dir(r["file"])), r["page"], r["sentence"])
				if r["theme"] == "none" {
					var wrong []string
					for th := range tags {
						for _, ids := range goldThemes {
							for _, id := range ids {
								if th == id {
									wrong = append(wrong, th)
								}
							}
						}
					}
					tprec.add(len(wrong) == 0, fmt.Sprintf("%s: %v want none", where, wrong))
					continue
				}
				ok := false
				for _, id := range want {
					ok = ok || tags[id]
				}
				trecall.add(ok, fmt.Sprintf("%s: %v want %s", where, keys(tags), r["theme"]))
				if len(tags) > 0 {
					tprec.add(ok, fmt.Sprintf("%s: %v want %s", where, keys(tags), r["theme"]))
				}
			}
			trecall.report(t, 0.9)
			tprec.report(t, 0.9)
		})
	}
}

// goldThemes maps the gold's theme names to our theme ids.
var goldThemes = map[string][]string{
	"strategy discussions/meetings":        {"strategy_discussions"},
	"MASH or front door":                   {"front_door"},
	"thresholds":                           {"thresholds"},
	"private fostering":                    {"private_fostering"},
	"return home interviews":               {"return_home_interviews"},
	"PLO / pre-proceedings":                {"plo"},
	"16-17 year olds who are homeless":     {"homeless_16_17"},
	"LADO":                                 {"lado"},
	"care leavers and pathway plans":       {"care_leavers"},
	"supervision and management oversight": {"supervision"},
	"caseloads / workforce stability":      {"caseloads"},
	"exploitation and missing children":    {"exploitation_missing", "missing_education"},
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestGoldThemesKnown keeps goldThemes in step with the taxonomy.
func TestGoldThemesKnown(t *testing.T) {
	for name, ids := range goldThemes {
		for _, id := range ids {
			if !framework.KnownTheme(id) {
				t.Errorf("gold theme %q maps to unknown id %q", name, id)
			}
		}
	}
}
