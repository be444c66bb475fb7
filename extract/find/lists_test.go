package find

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

type rec struct {
	Kind extract.Kind
	Text string
	Page int
}

func recs(fs []extract.Finding) []rec {
	var out []rec
	for _, f := range fs {
		if f.Kind == extract.KindRecommendation || f.Kind == extract.KindPriorityAction {
			out = append(out, rec{f.Kind, f.Text, f.Page})
		}
	}
	return out
}

func TestFindRecommendations(t *testing.T) {
	R, P := extract.KindRecommendation, extract.KindPriorityAction
	tests := []struct {
		name string
		typ  extract.Type
		text string
		want []rec
	}{
		{"SquareBullets", extract.TypeILACS, "What needs to improve?\n◼ The quality of plans.\n◼ The timeliness of\nassessments.\nThe experiences and progress of children in care: good\n1. Children are safe.",
			[]rec{{R, "The quality of plans.", 1}, {R, "The timeliness of assessments.", 1}}},
		{"FootnoteDigitAndIntro", extract.TypeILACS, "What needs to improve in this local authority?1\nThe local authority should improve:\n\u25aa oversight of private fostering\n\u25aa the use of supervision\n\nFindings\n",
			[]rec{{R, "oversight of private fostering", 1}, {R, "the use of supervision", 1}}},
		{"ContentsLineIsNotAHeading", extract.TypeSIF, "Contents\nRecommendations 7\nSummary for children and young people 8\n",
			nil},
		{"ItemWrapsAcrossPage", extract.TypeJTAI, "Areas for improvement\n• Information sharing between health services and\n\f2\nschools is not timely.\n• Plans lack focus.\nStrengths\n• Leaders know their services.",
			[]rec{{R, "Information sharing between health services and schools is not timely.", 1}, {R, "Plans lack focus.", 2}}},
		{"SubBulletsBelongToParent", extract.TypeFocused, "What needs to improve in this area of social work practice?\n\uf06e Management oversight of:\n\u2212 visits\n\u2212 reviews.\n\uf06e Life-story work.\nMain findings\n",
			[]rec{{R, "Management oversight of: visits reviews.", 1}, {R, "Life-story work.", 1}}},
		{"PriorityAction", extract.TypeJTAI, "Areas for priority action\n\uf0b7 The police must respond to missing children.\nAreas for improvement\n\uf0b7 Health records are weak.\n",
			[]rec{{P, "The police must respond to missing children.", 1}, {R, "Health records are weak.", 1}}},
		{"SIFNumberedRunsIntoFindings", extract.TypeSIF, "Recommendations\n28. Ensure that plans are reviewed.\n29. When children go missing, ensure that they are\noffered an interview.\n30. The board meets regularly and partners attend.\n",
			[]rec{{R, "Ensure that plans are reviewed.", 1}, {R, "When children go missing, ensure that they are offered an interview.", 1}}},
		{"NoPriorityActions", extract.TypeSIF, "Priority and immediate action\n103. There are no areas for priority or immediate action.\nAreas for improvement\n104. Develop a data report.\n",
			[]rec{{R, "Develop a data report.", 1}}},
		{"PlainParagraphsInALetter", extract.TypeFocused, "Main findings\nSocial workers know children well.\n\nWhat needs to improve in this area of social work practice\n\nIn some teams, assessments do not describe\nchildren's changing needs.\n\nPlans are not specific. They do not\nadapt to changing circumstances.\n\nOfsted will take the findings from this focused visit into account when planning your\nnext inspection or visit.\n\nYours sincerely\n",
			[]rec{{R, "In some teams, assessments do not describe children's changing needs.", 1}, {R, "Plans are not specific. They do not adapt to changing circumstances.", 1}}},
		{"IntroThenBulletsIsNotPlain", extract.TypeFocused, "What needs to improve\n\nThe local authority should improve the following:\n\n• the quality of plans\n• supervision\n\nYours sincerely\n",
			[]rec{{R, "the quality of plans", 1}, {R, "supervision", 1}}},
		{"PlainSectionEndsAtHeading", extract.TypeFocused, "What needs to improve\n\nPlans lack focus.\n\nStrengths\n\nLeaders are visible.\n",
			[]rec{{R, "Plans lack focus.", 1}}},
		{"TableCellsRepeatOverThePage", extract.TypeSEND, "Areas for priority action\nLeaders should improve support while\nchildren wait. This includes:\n• speech therapy\n\f2\n• paediatric assessment.\n\nThe Borough\nCouncil and ICB\n\nThe Borough\nCouncil and ICB\n\nLeaders should also ensure that adults\nhave a pathway.\nLeaders should improve transitions.\n\nAreas for improvement\n",
			[]rec{{P, "Leaders should improve support while children wait. This includes: speech therapy paediatric assessment. Leaders should also ensure that adults have a pathway.", 1}, {P, "Leaders should improve transitions.", 2}}},
		{"NumberedFromOneInALetter", extract.TypeFocused, "What needs to improve in this area of social work practice?\n\n1. The quality of plans for children in need.\n2. Management oversight of drift.\n\nMain findings\n\n3. Children are seen.\n",
			[]rec{{R, "The quality of plans for children in need.", 1}, {R, "Management oversight of drift.", 1}}},
		{"ListEndsAtMainFindings", extract.TypeFocused, "Areas for improvement\n\nThe local authority should improve:\n\n◼ the quality of plans\n◼ management oversight\n\nMain findings\n\nChildren are seen.\n",
			[]rec{{R, "the quality of plans", 1}, {R, "management oversight", 1}}},
		{"SIFImperativesBeyondTheCommonOnes", extract.TypeSIF, "Recommendations\n\n9. Continue to develop the council.\n\n10. Refresh the ‘pledge’ for care leavers.\n\n11. Explore fostering to adopt.\n\n12. Children are safe.\n",
			[]rec{{R, "Continue to develop the council.", 1}, {R, "Refresh the ‘pledge’ for care leavers.", 1}, {R, "Explore fostering to adopt.", 1}}},
		{"UnbulletedParagraphs", extract.TypeSEND, "Areas for improvement\nLeaders across the partnership should improve the timeliness of\nplans.\nHealth leaders must reduce waiting times.\n\nLocal area partnership details\n",
			[]rec{{R, "Leaders across the partnership should improve the timeliness of plans.", 1}, {R, "Health leaders must reduce waiting times.", 1}}},
		{"MarkdownHeadingAndDashes", extract.TypeCommittee, "## What needs to improve?\n\n- The response to care leavers.\n- Placement sufficiency.\n\n## Next steps\n",
			[]rec{{R, "The response to care leavers.", 1}, {R, "Placement sufficiency.", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := recs(Find(&extract.Document{Type: tt.typ}, &extract.Source{Pages: strings.Split(tt.text, "\f")}))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("recommendations =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}
