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
		{"BareProcess", "Referrals go to the duty team, which allocates them to a worker.", "", "", "neutral"},
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
