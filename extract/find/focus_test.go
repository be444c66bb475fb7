package find

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ofsted/ofsted/extract"
)

func focusOf(fs []extract.Finding) []string {
	var out []string
	for _, f := range fs {
		if f.Kind == extract.KindFocus {
			out = append(out, f.Rule+": "+f.Text)
		}
	}
	return out
}

func TestLetterFocus(t *testing.T) {
	tests := []struct {
		name string
		typ  extract.Type
		text string
		want []string
	}{
		{"ArrangementsFor", extract.TypeFocused, "Dear Director\n\nFocused visit to Anyshire children's services\n\nThis letter summarises the findings of a focused visit.\n\nInspectors looked at the local authority’s arrangements for children in need and\nchildren subject to a child protection plan.\n\nInspectors looked at a range of evidence, including case records.\n\nHeadline findings\n\nInspectors looked at the quality of plans.",
			[]string{"focus.scope: children in need and children subject to a child protection plan"}},
		{"FocusOfThisVisitWas", extract.TypeFocused, "Dear Director\n\nThe focus of this visit was on planning and achieving permanence for children.\n\nInspectors looked at a range of evidence, including children’s case records.\n\nFindings\n",
			[]string{"focus.scope: planning and achieving permanence for children"}},
		{"ParticularFocusList", extract.TypeFocused, "Dear Director\n\nInspectors looked at the local authority’s arrangements for children in need, with a particular focus on:\n\n◼ the quality of planning\n◼ management oversight.\n\nThis visit was carried out in line with the ILACS framework.\n\nFindings\n",
			[]string{"focus.scope: children in need", "focus.list: the quality of planning", "focus.list: management oversight"}},
		{"MonitoringAreasCovered", extract.TypeMonitoring, "Dear Ms Example\n\nMonitoring visit to Anytown children’s services\n\nThis letter summarises the findings of the monitoring visit. This visit was the third monitoring visit since the local authority was judged inadequate.\n\nAreas covered by the visit\n\nInspectors reviewed the progress made in the following areas of concern identified at the last inspection:\n\n- Timeliness of the first response service.\n- Workforce capacity.\n\nThis visit was carried out in line with the ILACS framework.\n\nHeadline findings\n\nLeaders have made progress.",
			[]string{"focus.list: Timeliness of the first response service", "focus.list: Workforce capacity"}},
		{"SentenceThenIntro", extract.TypeMonitoring, "Dear Director\n\nAreas covered by the visit\n\nThis visit evaluated the support to care leavers aged 18 to 25. Inspectors focused on:\n\n- Quality of accommodation.\n- Employment and training.\n\nHeadline findings\n",
			[]string{"focus.scope: support to care leavers aged 18 to 25", "focus.list: Quality of accommodation", "focus.list: Employment and training"}},
		{"FocusOfTheMonitoringVisitWas", extract.TypeMonitoring, "Dear Director\n\nThe focus of the monitoring visit was the experiences and progress of children in care, including children placed at a distance.\n\nHeadline findings\n",
			[]string{"focus.scope: the experiences and progress of children in care, including children placed at a distance"}},
		{"ProgressMadeForListOverPageBreak", extract.TypeMonitoring, "Dear Director\n\nAreas covered by the visit\n\nInspectors reviewed the progress made for children in need of help and protection,\nfocusing on:\n\n◼ the quality of assessments and plans for children subject to child protection\n1\f\nplans\n◼ the response to children at risk of exploitation.\n\nHeadline findings\n",
			[]string{"focus.scope: children in need of help and protection", "focus.list: the quality of assessments and plans for children subject to child protection plans", "focus.list: the response to children at risk of exploitation"}},
		{"AreaOfConcernNamingInformation", extract.TypeMonitoring, "Dear Director\n\nInspectors reviewed the progress made in the following areas of concern:\n\n◼ The quality of supervision.\n◼ The use of performance information to understand the quality of practice.\n\nHeadline findings\n",
			[]string{"focus.list: The quality of supervision", "focus.list: The use of performance information to understand the quality of practice"}},
		{"EvidenceListIsNoFocus", extract.TypeFocused, "Dear Director\n\nInspectors looked at a range of evidence, including:\n\n◼ performance information\n◼ case records.\n\nHeadline findings\n",
			nil},
		{"NoStatedFocus", extract.TypeFocused, "Dear Director\n\nThe methodology for this visit was in line with the ILACS framework. Inspectors used video calls for discussions with staff.\n\nOverview\n\nLeaders are ambitious.",
			nil},
		{"JTAITheme", extract.TypeJTAI, "Dear local partnership\n\nThis letter summarises the findings of the joint targeted area inspection (JTAI) of the\nmulti-agency response to children and families in Anyshire who need help.\n\nThis inspection focused on the response to children aged 0 to 7.\n\nHeadline findings\n",
			[]string{"focus.jtai-theme: multi-agency response to children and families who need help", "focus.jtai-deep-dive: the response to children aged 0 to 7"}},
		{"JTAIDeepDive", extract.TypeJTAI, "Between 4 and 8 December 2017, Ofsted and others undertook a joint inspection of the multi-agency response to abuse and neglect in Anytown City.1 This inspection included a ‘deep dive’ focus on the response to neglect of older children.\n",
			[]string{"focus.jtai-theme: multi-agency response to abuse and neglect", "focus.jtai-deep-dive: the response to neglect of older children"}},
		{"SENDOutcome", extract.TypeSEND, "Area SEND inspection of Anyshire Local Area Partnership\n\nInspection outcome\n\nThe local area partnership’s arrangements lead to inconsistent experiences and outcomes\nfor children and young people with special educational needs and/or disabilities (SEND).\nThe local area partnership must work jointly to make improvements.\n\nThe next full area SEND inspection will be within approximately three years.",
			[]string{"send.outcome: The local area partnership’s arrangements lead to inconsistent experiences and outcomes for children and young people with special educational needs and/or disabilities (SEND). The local area partnership must work jointly to make improvements."}},
		{"LettersHaveNoGrades", extract.TypeMonitoring, "Dear Director\n\nThis was the second monitoring visit since the local authority was judged inadequate in 2022.\n\nOverall effectiveness Inadequate\n",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := extract.Document{Type: tt.typ}
			fs := Find(&doc, &extract.Source{Format: "text", Pages: strings.Split(tt.text, "\f")})
			checkFindings(t, fs)
			for _, f := range fs {
				if f.Kind == extract.KindJudgement {
					t.Errorf("a letter yielded a judgement: %+v", f)
				}
			}
			if got := focusOf(fs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("focus =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func FuzzLetter(f *testing.F) {
	f.Add("Dear X\n\nInspectors looked at the local authority’s arrangements for:\n◼ a\n◼ b\nHeadline findings\n")
	f.Add("joint targeted area inspection (JTAI) of the multi-agency response to x in Y.")
	f.Add("Inspection outcome\n\nThere are widespread and/or systemic failings")
	f.Fuzz(func(t *testing.T, s string) {
		for _, typ := range []extract.Type{extract.TypeFocused, extract.TypeMonitoring, extract.TypeJTAI, extract.TypeSEND} {
			start := time.Now()
			doc := extract.Document{Type: typ}
			fs := Find(&doc, &extract.Source{Format: "text", Pages: []string{s}})
			if d := time.Since(start); d > hangGuard {
				t.Fatalf("%s took %s on %d bytes: %.80q", typ, d, len(s), s)
			}
			checkFindings(t, fs)
		}
	})
}
