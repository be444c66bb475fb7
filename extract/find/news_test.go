package find

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"
)

type judged struct {
	Domain extract.Domain
	Grade  extract.Grade
}

func newsFindings(t testing.TB, doc extract.Document, text string) []extract.Finding {
	t.Helper()
	doc.Type = extract.TypeNews
	return Find(&doc, &extract.Source{Format: "text", Pages: []string{text}})
}

func judgementsOf(fs []extract.Finding) []judged {
	var out []judged
	for _, f := range fs {
		if f.Kind == extract.KindJudgement {
			out = append(out, judged{f.Domain, f.Grade})
		}
	}
	return out
}

func TestNewsJudgements(t *testing.T) {
	O, L, H, C, CL := extract.DomainOverall, extract.DomainLeaders, extract.DomainHelp, extract.DomainInCare, extract.DomainCareLeaver
	tests := []struct {
		name      string
		published string
		text      string
		want      []judged
	}{
		{"HeadlineRated", "", "Borough children's services rated 'good' by Ofsted\n\nInspectors praised social workers.",
			[]judged{{O, extract.GradeGood}}},
		{"BrandedInadequate", "2023-05-02", "Council services for children branded inadequate\n\nThe watchdog found widespread failings.",
			[]judged{{O, extract.GradeInadequate}}},
		{"RequiresImprovementVerb", "", "Headline\n\nStandfirst.\n\nThe county's children's services require improvement to be good, the report said.",
			[]judged{{O, extract.GradeRI}}},
		{"DomainsInProse", "2019-12-05", "Title\n\nStandfirst.\n\nThe overall effectiveness of the local authority is good. The experiences and progress of children who need help and protection requires improvement to be good. The experiences and progress of children in care and care leavers is good. The impact of leaders on social work practice with children and families is good.",
			[]judged{{O, extract.GradeGood}, {H, extract.GradeRI}, {C, extract.GradeGood}, {L, extract.GradeGood}}},
		{"WhileClauseSplitsDomains", "2024-03-14", "Title\n\nStandfirst.\n\nThe experiences and progress of care leavers were judged 'outstanding', while services for children in care were found to 'require improvement to be good'.",
			[]judged{{CL, extract.GradeOutstanding}, {C, extract.GradeRI}}},
		{"EarlierYearIsNotCurrent", "2024-03-14", "Services rated 'good' by Ofsted\n\nStandfirst.\n\nChildren's services in the borough have been rated good, four years after the borough was judged 'inadequate' in January 2020.",
			[]judged{{O, extract.GradeGood}}},
		{"LastInspectionIsNotCurrent", "", "Title\n\nStandfirst.\n\nAt the last inspection in 2015, the county was judged to be good across all service areas.",
			nil},
		{"PreviouslyIsNotCurrent", "", "Title\n\nStandfirst.\n\nThe council, which was previously rated inadequate, has made progress.",
			nil},
		{"HadBeenIsNotCurrent", "", "Title\n\nStandfirst.\n\nThe initial report had branded the services as 'inadequate'.",
			nil},
		{"UpFromKeepsTheNewGrade", "", "Title\n\nStandfirst.\n\nThe council's children's services are now rated good, up from requires improvement.",
			[]judged{{O, extract.GradeGood}}},
		{"GradingFollowingEarlierInspection", "", "Title\n\nStandfirst.\n\nThe visit plays no part in the department's Ofsted grading, which is 'good' overall following a 2019 inspection. Audits are planned for 2022.",
			nil},
		{"DescriptiveGoodIsNotAJudgement", "", "Title\n\nStandfirst.\n\nMost children in care receive a good service.",
			nil},
		{"UpgradedTo", "2023-03-14", "Wigan children's services upgraded to 'good' by Ofsted\n\nStandfirst.\n\nThe service was rated as requiring improvement when inspectors last visited in 2018.",
			[]judged{{O, extract.GradeGood}}},
		{"DroppedToFrom", "2025-09-01", "Title\n\nStandfirst.\n\nThe council's children's services have dropped to 'requires improvement' from 'outstanding', according to Ofsted.",
			[]judged{{O, extract.GradeRI}}},
		{"MovedFromTo", "", "Title\n\nStandfirst.\n\nChildren's services in the county have moved from requires improvement to good.",
			[]judged{{O, extract.GradeGood}}},
		{"SlammedAs", "", "Council's children's services slammed as inadequate\n\nStandfirst.",
			[]judged{{O, extract.GradeInadequate}}},
		{"LastVisitedIsNotCurrent", "", "Title\n\nStandfirst.\n\nThe department was rated as requiring improvement when Ofsted last visited.",
			nil},
		{"RelativeClauseInThePast", "2024-05-01", "Title\n\nStandfirst.\n\nThe council's children's services, which were rated inadequate in 2018, have now been judged good.",
			[]judged{{O, extract.GradeGood}}},
		{"StillInadequate", "", "Council's children's services still 'inadequate', says Ofsted\n\nStandfirst.",
			[]judged{{O, extract.GradeInadequate}}},
		{"RetainsRating", "", "Leeds retains 'outstanding' rating for children's services\n\nStandfirst.",
			[]judged{{O, extract.GradeOutstanding}}},
		{"NegatedIsNotAJudgement", "", "Title\n\nStandfirst.\n\nThe council said it aims to be rated outstanding.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := judgementsOf(newsFindings(t, extract.Document{Published: tt.published}, tt.text))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("judgements = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNewsRecommendations(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"ReportedSpeech", "Title\n\nInspectors told the council it must improve.\n\nIn making recommendations, Ofsted said the authority should provide better plans.\n\nIt added that the department should improve audits.\n\nThe council has an action plan to address the recommendations and improve.",
			[]string{"In making recommendations, Ofsted said the authority should provide better plans.", "It added that the department should improve audits."}},
		{"RecommendsAndPassives", "Title\n\nStandfirst.\n\nOfsted recommends the county improves strategy discussions. The consistency of practice needs addressing as does private fostering.\nThe support for kinship carers needs improving, the report concludes.",
			[]string{"Ofsted recommends the county improves strategy discussions.", "The consistency of practice needs addressing as does private fostering.", "The support for kinship carers needs improving, the report concludes."}},
		{"RecommendedThat", "Title\n\nStandfirst.\n\nThey also recommended that the council strengthen return home interviews.",
			[]string{"They also recommended that the council strengthen return home interviews."}},
		{"OtherSpeakerIsNotOfsted", "Title\n\nStandfirst.\n\n“The standards should be seen in audits,” she added.\n\nMore needs to be done to improve, the director said.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range newsFindings(t, extract.Document{}, tt.text) {
				if f.Kind == extract.KindRecommendation {
					got = append(got, f.Text)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("recommendations =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestNewsFindings checks that an article's reports of what inspectors
// found become strengths and weaknesses, and nothing else does: not a
// councillor's words, not a judgement, not the journalist's own prose.
func TestNewsFindings(t *testing.T) {
	text := "Council services rated 'good' by Ofsted\n\nStandfirst here.\n\n" +
		"Inspectors found that social workers know children well and visit them often.\n\n" +
		"The report said some plans for children in need are not specific enough.\n\n" +
		"Councillor Smith said: \"We are proud that plans are not always needed.\"\n\n" +
		"The council has a good record of recruiting foster carers.\n"
	var got []string
	for _, f := range newsFindings(t, extract.Document{Published: "2024-01-01"}, text) {
		if f.Kind == extract.KindStrength || f.Kind == extract.KindWeakness {
			got = append(got, string(f.Kind)+" "+f.Rule+": "+f.Text)
		}
	}
	want := []string{
		"strength news.strength.cue: Inspectors found that social workers know children well and visit them often.",
		"weakness news.weakness.cue: The report said some plans for children in need are not specific enough.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// checkFindings asserts the properties every rule's output must have.
func checkFindings(t *testing.T, fs []extract.Finding) {
	t.Helper()
	for _, f := range fs {
		if !utf8.ValidString(f.Text) || f.Rule == "" || f.Page < 1 {
			t.Fatalf("bad finding %+v", f)
		}
		if f.Kind == extract.KindJudgement && f.Grade == "" {
			t.Fatalf("judgement without a grade: %+v", f)
		}
	}
}

func FuzzNews(f *testing.F) {
	f.Add("Council rated 'good' by Ofsted\n\nIt was rated inadequate in 2019, up from requires improvement.\n\nOfsted said it should improve.")
	f.Add("The experiences and progress of children in care and care leavers is good. They also recommended that x")
	f.Add("a. b. c.\n- d) e\n(f) \xff\xfe rated")
	f.Add("Good: overall effectiveness; the impact of leaders\nRequires improvement to be good: care leavers\n- Leadership: good")
	f.Add("Services were judged good in all five areas except care leavers, which requires improvement, and moved from good to outstanding for leadership, but good for children in care.")
	f.Add("Neighbouring X Council's services, which remain rated inadequate, were rated good for the first time since 2010 after a monitoring visit; rated that area as good.")
	f.Fuzz(func(t *testing.T, s string) {
		start := time.Now()
		fs := newsFindings(t, extract.Document{Published: "2024-01-01"}, s)
		if d := time.Since(start); d > hangGuard {
			t.Fatalf("took %s on %d bytes: %.80q", d, len(s), s)
		}
		checkFindings(t, fs)
	})
}

// TestNewsLongInputIsFast guards against rules whose cost grows faster
// than the text (a quadratic rule takes minutes on this quarter of a
// megabyte; the rules take about a second): the bound is far above the
// real time so that a busy machine cannot fail it. BenchmarkFind measures
// speed.
func TestNewsLongInputIsFast(t *testing.T) {
	s := strings.Repeat("The council was rated good, up from requires improvement, previously judged inadequate in 2019. Ofsted said it should improve. ", 2000)
	start := time.Now()
	newsFindings(t, extract.Document{}, "Title\n\n"+s)
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("news rules took %s on %d bytes", d, len(s))
	}
}
