package find

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

// The patterns compiled from extract/framework's tables must match what
// the list and section heading patterns they replaced matched. These are
// those patterns, as they were. (The names prose gives the domains and the
// rating constructions have since changed on purpose: prose.go's tests
// cover them; so have the grade-table labels and the domains' section
// headings: key words instead of whole labels, the 2026 framework's
// relabelled headings; table_test.go and extract/framework cover them.)
var (
	oldRecHeading = regexp.MustCompile(`(?i)^(?:\d{1,2}\.?\s+)?(what needs to improve(?: in this (?:local authority|area of social work practice|area))?|areas? for improvement|areas? for priority actions?|priority and immediate actions?|recommendations|areas for development|areas highlighted for further focus)\s*[?:]?\s*\d?$`)
	oldRecIntro   = regexp.MustCompile(`(?i)\b(what needs to improve|areas? for (?:improvement|development|priority action)|areas? highlighted for further focus|recommendations)\b[^.]{0,120}:$`)
	oldSection    = regexp.MustCompile(`(?i)^(strengths|findings|key (strengths|findings).*|(main|headline) findings|findings and evaluation of progress|overview|inspection findings.*|summary( for children.*)?|executive summary|next steps|information about this .*|the experiences and progress of .*|the impact of leaders .*|leadership, management and governance|introduction|context|what (is working well|has improved).*|the local safeguarding children board.*|the effectiveness of the .*|what is it like to be a child or young person with (send|special educational needs.*) in this area\??|what is the (local )?area( partnership)? doing that is effective\??|what does the (local )?area( partnership)? need to do better\??)$`)
	oldSkip       = regexp.MustCompile(`(?i)^(information about (this|the) (inspection|local authority|area).*|contents|table of contents|(the )?inspection team|about this inspection|glossary|appendix.*|annex.*|version control.*|the inspection judgements.*|inspection judgements about .*|areas covered( by (the|this) (visit|inspection))?)$`)
	oldHeadline   = regexp.MustCompile(`(?i)^headline findings?$`)
	// The strength and weakness headings of before the move, with the
	// area SEND and JTAI section headings added since.
	oldStrength      = regexp.MustCompile(`(?i)^((key )?(strengths|areas of strength|what is working well|what (is|has been) (done well|improved)|what has improved.*|good practice)\b|what is the (local )?area( partnership)? doing that is effective\b|(practice|case) study: (areas? of )?highly effective practice\b|the local authority['’]s strengths\b)`)
	oldWeakness      = regexp.MustCompile(`(?i)^((key )?(weaknesses|areas of weakness|areas for (development|improvement)|what is not working well|what needs (to improve|improving))\b|what does the (local )?area( partnership)? need to do better\b|(practice|case) study: areas? (for|of) (improvement|priority action)\b)`)
	oldOutsideDomain = regexp.MustCompile(`(?i)^(overall effectiveness|judgement|grade|executive summary|summary for children.*|summary of (findings|judgements)|what needs to improve.*|strengths|areas for improvement|main findings|next steps|introduction|context|the local authority|information about .*)\b`)
)

// oldHeadingKind is the heading-to-rule switch that framework.ListHeadings
// replaced.
func oldHeadingKind(h string, typ extract.Type) (extract.Kind, string) {
	h = strings.ToLower(h)
	slug := func(s string) string { return strings.ReplaceAll(s, " ", "-") }
	switch {
	case strings.Contains(h, "priority"):
		if strings.Contains(h, "immediate") {
			return extract.KindPriorityAction, "priority.priority-and-immediate-action"
		}
		return extract.KindPriorityAction, "priority.areas-for-priority-action"
	case strings.Contains(h, "what needs to improve"):
		return extract.KindRecommendation, "recommend.what-needs-to-improve"
	}
	name := "recommendations"
	switch {
	case strings.Contains(h, "improvement"):
		name = "areas for improvement"
	case strings.Contains(h, "development"):
		name = "areas for development"
	case strings.Contains(h, "focus"):
		name = "areas for further focus"
	}
	if typ == extract.TypeSIF {
		return extract.KindRecommendation, "recommend.sif-" + slug(name)
	}
	return extract.KindRecommendation, "recommend." + slug(name)
}

// vocabularyTexts are the texts the equivalence is checked on: every line
// of the fixtures and of the corpus texts (when present), each fixture
// whole (a table's cells run across lines), and written examples of every
// label, heading and rating.
func vocabularyTexts(t *testing.T) []string {
	var files []string
	for _, g := range []string{"../../testdata/find/*.txt", "../../testdata/sample/*.txt", "../../classify/testdata/*.txt", "../../../shared/corpus/text/*.txt"} {
		more, _ := filepath.Glob(g)
		files = append(files, more...)
	}
	if len(files) < 10 {
		t.Fatalf("only %d fixture texts found", len(files))
	}
	texts := []string{
		"Judgement Grade The impact of leaders on social work practice with children and families Good " +
			"The experiences and progress of children who need help and protection Requires improvement to be good " +
			"The experiences and progress of children in care and care leavers Inadequate The experiences and progress of care leavers Outstanding " +
			"Overall effectiveness Not judged Adoption performance Good The effectiveness of the Local Safeguarding Children Board (LSCB) good",
		"Children looked after and achieving permanence requires improvement; leadership management and governance inadequate",
		"Experiences and progress of children care leavers", "Review of the effectiveness of the LSCB", "Children who need help and protection",
		"Ofsted rated the council 'good' overall, up from requires improvement, and children in care were judged to be outstanding.",
		"Services for looked-after children are now judged as requiring improvement; leadership was graded inadequate.",
		"It moved from 'inadequate' to 'good', an overall rating of “good”, an improvement required verdict, the impact of leaders was rated good.",
		"3. Areas for priority action:", "Priority and immediate action", "What needs to improve in this area of social work practice?1",
		"Area for improvement", "Areas highlighted for further focus:", "recommendations",
		"Inspectors identified the following areas for development, which the council should address:",
		"The local authority has agreed what needs to improve in its plan:", "Key strengths of the service", "What has been improved",
		"Areas of weakness", "What needs improving", "Summary of judgements", "Information about this inspection", "Areas covered by the visit",
		"Headline findings", "Headline finding", "Table of contents", "Annex A: glossary",
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.ReplaceAll(string(b), "\f", "\n")
		texts = append(texts, strings.Join(strings.Fields(s), " "))
		texts = append(texts, strings.Split(s, "\n")...)
	}
	return texts
}

func TestVocabularyMatchesOldPatterns(t *testing.T) {
	v := vocabulary()
	lineTests := []struct {
		name     string
		old, new *regexp.Regexp
	}{
		{"Section", oldSection, v.section}, {"Skip", oldSkip, v.skip}, {"Headline", oldHeadline, v.headline},
		{"Strength", oldStrength, v.strength}, {"Weakness", oldWeakness, v.weakness}, {"OutsideDomain", oldOutsideDomain, v.outsideDomain},
	}
	n := 0
	for _, s := range vocabularyTexts(t) {
		n++
		got, want := v.recHeading.FindStringSubmatch(s), oldRecHeading.FindStringSubmatch(s)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("list heading %q = %q, want %q", s, got, want)
		}
		if want == nil {
			want = oldRecIntro.FindStringSubmatch(s)
			if got := v.recIntro.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
				t.Errorf("list intro %q = %q, want %q", s, got, want)
			}
		}
		if want != nil {
			for _, typ := range []extract.Type{extract.TypeILACS, extract.TypeSIF} {
				gk, gr := listKind(want[1], typ)
				wk, wr := oldHeadingKind(want[1], typ)
				if gk != wk || gr != wr {
					t.Errorf("list %q in %s = %s %s, want %s %s", want[1], typ, gk, gr, wk, wr)
				}
			}
		}
		for _, lt := range lineTests {
			if got, want := lt.new.MatchString(s), lt.old.MatchString(s); got != want {
				t.Errorf("%s heading %q = %v, want %v", lt.name, s, got, want)
			}
		}
	}
	t.Logf("%d texts compared", n)
}
