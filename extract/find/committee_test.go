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
