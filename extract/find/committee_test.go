package find

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/text"
)

func linesOf(s string) []text.Line {
	return text.Clean([]string{s}, 1)
}

func texts(ls []text.Line) []string {
	var out []string
	for _, l := range ls {
		if l.Text != "" {
			out = append(out, l.Text)
		}
	}
	return out
}

func TestUnpipe(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"RowPerLine", "Judgement | Grade\nOverall effectiveness | Good",
			[]string{"Judgement", "Grade", "Overall effectiveness", "Good"}},
		{"WrappedLabelAndGradeBothPiped", "The experiences and progress of children who need help and | Requires\nprotection | improvement to be good",
			[]string{"The experiences and progress of children who need help and protection", "Requires improvement to be good"}},
		{"WrappedLabelUnpiped", "The impact of leaders on social work practice with children and | Good\nfamilies",
			[]string{"The impact of leaders on social work practice with children and families", "Good"}},
		{"GradeTailOnLabelLine", "children who need help and | Requires\nprotection improvement",
			[]string{"children who need help and protection", "Requires improvement"}},
		{"NotATable", "Plain text line\nanother line", []string{"Plain text line", "another line"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(unpipe(linesOf(tt.in))); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("unpipe =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestCommitteeFindings(t *testing.T) {
	paper := strings.Join([]string{
		"Report to Children's Committee",
		"",
		"3. Ofsted made the following judgements:",
		"",
		"Judgement | Grade",
		"The impact of leaders on social work practice with children and | Good",
		"families",
		"The experiences and progress of children who need help and | Requires",
		"protection | improvement to be good",
		"The experiences and progress of children in care | Good",
		"Overall effectiveness | Good",
		"",
		"5. The report outlined a number of areas for improvement that the Council is required",
		"to make:",
		"",
		"a. The timeliness of strategy discussions, so that partners",
		"take part.",
		"",
		"b. The quality of plans for children in need.",
		"",
		"6. Progress against each area is summarised below.",
		"",
		"Area for improvement | Progress",
		"Strategy discussions | * A task group has met monthly",
		" | * Police now join strategy",
		" | discussions in the MASH",
		"Plans for children | * A new plan template is in use",
		"",
		"7. Although early progress has been made, it is too soon to judge.",
	}, "\n")
	doc := extract.Document{Type: extract.TypeCommittee}
	fs := Find(&doc, &extract.Source{Format: "text", Pages: []string{paper}})
	checkFindings(t, fs)
	type kt struct {
		Kind extract.Kind
		Dom  extract.Domain
		G    extract.Grade
		Text string
	}
	var got []kt
	for _, f := range fs {
		switch f.Kind {
		case extract.KindJudgement:
			got = append(got, kt{f.Kind, f.Domain, f.Grade, ""})
		case extract.KindRecommendation:
			got = append(got, kt{f.Kind, "", "", f.Text})
		case extract.KindProgress:
			got = append(got, kt{f.Kind, "", "", f.Text})
		}
	}
	want := []kt{
		{extract.KindJudgement, extract.DomainLeaders, extract.GradeGood, ""},
		{extract.KindJudgement, extract.DomainHelp, extract.GradeRI, ""},
		{extract.KindJudgement, extract.DomainInCare, extract.GradeGood, ""},
		{extract.KindJudgement, extract.DomainOverall, extract.GradeGood, ""},
		{extract.KindRecommendation, "", "", "The timeliness of strategy discussions, so that partners take part."},
		{extract.KindRecommendation, "", "", "The quality of plans for children in need."},
		{extract.KindProgress, "", "", "Strategy discussions: A task group has met monthly"},
		{extract.KindProgress, "", "", "Strategy discussions: Police now join strategy discussions in the MASH"},
		{extract.KindProgress, "", "", "Plans for children: A new plan template is in use"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings =\n%+v\nwant\n%+v", got, want)
	}
}

func TestLetteredListEndsAtSiblingItem(t *testing.T) {
	text := "- c) Areas highlighted for further focus were:\n- Consistent pathway plans.\n- The dashboard is used\n- d) There is likely to be one further inspection.\n- e) Work was underway."
	doc := extract.Document{Type: extract.TypeCommittee}
	var got []string
	for _, f := range Find(&doc, &extract.Source{Format: "text", Pages: []string{text}}) {
		if f.Kind == extract.KindRecommendation {
			got = append(got, f.Text)
		}
	}
	want := []string{"Consistent pathway plans.", "The dashboard is used"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

func FuzzCommittee(f *testing.F) {
	f.Add("Judgement | Grade\nOverall effectiveness | Good\nchildren and | Requires\nprotection improvement\n")
	f.Add("Area for improvement | Progress\nX | * a\n | b\nY | ¢ c\n")
	f.Add("areas for improvement that the\nCouncil must make:\na. one\nb. two\n| | |\n")
	f.Add("1.1 Ofsted judged the overall effectiveness of services to be good, the same judgement as in 2018. Leaders were judged outstanding.")
	f.Add("5. Progress since the inspection\n5.1 Summary:\n• a\ncontinued\n- b\n6. Next\nThe impact of leaders was judged to be good, as were the experiences of children in care and of care leavers.")
	f.Fuzz(func(t *testing.T, s string) {
		start := time.Now()
		doc := extract.Document{Type: extract.TypeCommittee}
		fs := Find(&doc, &extract.Source{Format: "text", Pages: []string{s}})
		if d := time.Since(start); d > hangGuard {
			t.Fatalf("took %s on %d bytes: %.80q", d, len(s), s)
		}
		checkFindings(t, fs)
	})
}

// TestCommitteeProseJudgements checks the judgements a committee paper
// with no judgement table restates in sentences: the inspection it reports
// (the latest year it names, though the meeting is later), never the
// previous one, and each sentence a judgement rather than also a strength.
func TestCommitteeProseJudgements(t *testing.T) {
	text := "Report to: Children's Scrutiny Panel\n\n" +
		"1.1 Children's services were inspected in November 2023. Ofsted judged the overall effectiveness of services to be good, the same judgement as at the previous inspection in 2018.\n\n" +
		"1.2 The impact of leaders on social work practice was judged outstanding.\n\n" +
		"1.3 In 2018 the experiences and progress of children in care were judged to require improvement to be good.\n"
	got := Find(&extract.Document{Type: extract.TypeCommittee, Published: "2024-02-01"}, &extract.Source{Pages: []string{text}})
	var out []string
	for _, f := range got {
		out = append(out, fmt.Sprintf("%s %s %s %s: %s", f.Kind, f.Domain, f.Grade, f.Rule, f.Text))
	}
	want := []string{
		"judgement overall_effectiveness good committee.judgement: Ofsted judged the overall effectiveness of services to be good, the same judgement as at the previous inspection in 2018.",
		"judgement leaders outstanding committee.judgement: The impact of leaders on social work practice was judged outstanding.",
	}
	if !reflect.DeepEqual(out, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(out, "\n"), strings.Join(want, "\n"))
	}
}

// TestCommitteeOwnRecommendations checks that a paper's recommendations
// to its own meeting are no inspector's recommendations, while the areas
// for improvement it restates are.
func TestCommitteeOwnRecommendations(t *testing.T) {
	text := "3. Areas for improvement\n\n3.1 Ofsted identified the following areas for improvement:\n\n• The timeliness of strategy discussions.\n• The quality of pathway plans for care leavers.\n\n4. Recommendations\n\n4.1 Cabinet is recommended to note the outcome of the inspection.\n\n4.2 That the Committee endorses the improvement plan.\n\n4.3 To approve the additional investment set out in section 6.\n"
	var got []string
	for _, f := range Find(&extract.Document{Type: extract.TypeCommittee}, &extract.Source{Pages: []string{text}}) {
		if f.Kind == extract.KindRecommendation {
			got = append(got, f.Text)
		}
	}
	want := []string{"The timeliness of strategy discussions.", "The quality of pathway plans for care leavers."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("recommendations = %q, want %q", got, want)
	}
}

// TestCommitteeMinutesJudgements checks the grades minutes report in
// reported speech: each grade with its own domains, an exception after
// "all areas", a move from an old grade to a new one, and never an old
// inspection's grade recalled years after it.
func TestCommitteeMinutesJudgements(t *testing.T) {
	O, L, H, C, CL := extract.DomainOverall, extract.DomainLeaders, extract.DomainHelp, extract.DomainInCare, extract.DomainCareLeaver
	G, RI, OS := extract.GradeGood, extract.GradeRI, extract.GradeOutstanding
	minutes := func(s string) string {
		return "CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE\n\nMinutes of the meeting held on 5 March 2024\n\n23. Ofsted inspection of children's services\n\n" + s + "\n\nRESOLVED that the report be noted.\n"
	}
	tests := []struct {
		name, text string
		want       []judged
	}{
		{"WithClauseGradesItsOwn", minutes("The Director reported that Ofsted had inspected Wirral's children's services in January 2024 and had judged them to be good overall, with leadership judged outstanding."),
			[]judged{{O, G}, {L, OS}}},
		{"MovedFromOldGrade", minutes("Members noted that the service had moved from inadequate in 2019 to requires improvement to be good, with care leavers judged good."),
			[]judged{{O, RI}, {CL, G}}},
		{"AllAreasExceptAfterTheGrade", minutes("The Assistant Director explained that all areas had been judged good except the experiences of care leavers, which required improvement."),
			[]judged{{O, G}, {L, G}, {H, G}, {C, G}, {CL, RI}}},
		{"OldInspectionRecalled", minutes("Members were reminded that in 2019 Ofsted had judged Wirral's services inadequate."),
			nil},
		{"EarlierInspectionsList", minutes("The last inspection report was published in March 2019. The judgements made at that inspection were:\n• Overall effectiveness: Requires improvement to be good\n• The impact of leaders on social work practice with children and families: Good\n\nSince then the service has had two focused visits."),
			nil},
		{"CurrentInspectionsList", minutes("The inspection report, published on 20 February 2024, gave these judgements:\n• Overall effectiveness: Good\n• The experiences and progress of care leavers: Outstanding"),
			[]judged{{O, G}, {CL, OS}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := extract.Document{Type: extract.TypeCommittee, Published: "2024-03-05", Authority: extract.Authority{Name: "Wirral"}}
			got := judgementsOf(Find(&doc, &extract.Source{Pages: []string{tt.text}}))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("judgements = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestOtherPageProseJudgements checks that a page of no known type (a
// council's web page) that reports an inspection's grades in sentences
// keeps them, and never the previous inspection's.
func TestOtherPageProseJudgements(t *testing.T) {
	text := "Our children's services\n\nOfsted inspected our children's services in March 2024. Ofsted judged the overall effectiveness of services to be good, up from requires improvement in 2019.\n\nIn 2019 the experiences and progress of care leavers were judged to be inadequate.\n\nContact us\n"
	for _, typ := range []extract.Type{extract.TypeOther, extract.TypeUnknown} {
		got := Find(&extract.Document{Type: typ, Published: "2024-05-01"}, &extract.Source{Pages: []string{text}})
		var out []string
		for _, f := range got {
			if f.Kind == extract.KindJudgement {
				out = append(out, fmt.Sprintf("%s %s", f.Domain, f.Grade))
			}
		}
		if want := []string{"overall_effectiveness good"}; !reflect.DeepEqual(out, want) {
			t.Errorf("%s: judgements %q, want %q", typ, out, want)
		}
	}
}

// TestProgressList checks the progress statements listed under a heading
// of their own: the section's introduction passed over, items wrapped over
// lines joined, the list ending at the next heading.
func TestProgressList(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"NumberedHeadingIntroBullets", "5. Progress since the inspection\n\n5.1 Progress is summarised below:\n\n• A new framework was launched in August.\n• Managers now record a decision\non every case each month.\n\n6. Financial implications\n\n6.1 None.",
			[]string{"A new framework was launched in August.", "Managers now record a decision on every case each month."}},
		{"AgainstTheAreasLettered", "Progress against the areas for improvement\na) Strategy discussions are held within a day.\nb) Plans are reviewed monthly.\nNext steps",
			[]string{"Strategy discussions are held within a day.", "Plans are reviewed monthly."}},
		{"NoListBeforeTheNextHeading", "Progress to date\n\nWork has begun on every area.\n\nNext Steps For The Service\n\n• Recruit two managers.",
			nil},
		{"NotAProgressHeading", "Progress has been made in all areas:\n• one\n• two", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := linesOf(tt.in)
			var got []string
			for _, f := range findProgressList(ls, nil) {
				got = append(got, f.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("progress = %q, want %q", got, tt.want)
			}
		})
	}
}
