package text

import (
	"reflect"
	"strings"
	"testing"
)

func TestJoinText(t *testing.T) {
	ws := WordSet{"decisionmaking": false, "assessments": true, "safeguarding": true}
	tests := []struct {
		name, a, b, want string
	}{
		{"CompoundKept", "the quality of pre-", "proceedings work", "the quality of pre-proceedings work"},
		{"DecisionMakingKept", "support decision-", "making for children", "support decision-making for children"},
		{"WordRejoinedWhenKnown", "the safe-", "guarding partnership", "the safeguarding partnership"},
		{"SuffixRejoined", "recent assess-", "ments are good", "recent assessments are good"},
		{"UpperCaseKeepsHyphen", "Multi-", "Agency Hub", "Multi-Agency Hub"},
		{"DashIsNotHyphen", "children -", "and families", "children - and families"},
		{"PlainSpace", "children in", "care", "children in care"},
		{"EmptyHead", "", "care", "care"},
		{"FaceToFaceKept", "have face-", "to-face visits", "have face-to-face visits"},
		{"SuspendedHyphenKeepsItsSpace", "from gang-", "and drug-related activity", "from gang- and drug-related activity"},
		{"SoftHyphenJoinsOneWord", "the impro\u00ad", "vement plan", "the improvement plan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := JoinText(tt.a, tt.b, ws); got != tt.want {
				t.Errorf("JoinText(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// TestSoftHyphenLines checks that a word a typesetter broke with a soft
// hyphen at a line's end reads as one word once lines are cleaned and
// joined, and that soft hyphens inside a line are dropped.
func TestSoftHyphenLines(t *testing.T) {
	ls := Clean([]string{"The impact of lea\u00adders was judged impro\u00ad\nvement to be good"}, 1)
	if got, want := Join(ls).Text, "The impact of leaders was judged improvement to be good"; got != want {
		t.Errorf("Join = %q, want %q", got, want)
	}
}

func texts(ls []Line) []string {
	var out []string
	for _, l := range ls {
		if l.Text != "" {
			out = append(out, l.Text)
		}
	}
	return out
}

func TestCleanLines(t *testing.T) {
	tests := []struct {
		name  string
		pages []string
		want  []string
	}{
		{"RunningHeaderAndDates", []string{
			"Children are seen.\nInspection of Exampleshire local authority children’s services\n4 to 15 December 2023\n\n2",
		}, []string{"Children are seen."}},
		{"HeaderWithPageNumber", []string{"Text\nInspection of Exampleshire local authority children’s services 7"}, []string{"Text"}},
		{"SENDFooter", []string{"Leaders act.\nArea SEND inspection report: Exampleshire Local Area Partnership 5"}, []string{"Leaders act."}},
		{"OfstedAddressBlock", []string{
			"Piccadilly Gate\nStore Street\nManchester\nM1 2WD\nT 0300 123 1231\nenquiries@ofsted.gov.uk\nwww.gov.uk/ofsted\nDear Ms Example",
		}, []string{"Dear Ms Example"}},
		{"GluedParagraphNumber", []string{"19.Children are safe."}, []string{"19. Children are safe."}},
		{"LoneParagraphNumber", []string{"8.\n\nEnsure that plans are reviewed."}, []string{"8. Ensure that plans are reviewed."}},
		{"YearStartingLineKept", []string{"since the inspection in\n2013. Leaders have acted."}, []string{"since the inspection in", "2013. Leaders have acted."}},
		{"MarkdownHeadingAndBold", []string{"### **Headline findings**\n**Bold line**\n*A*\n**unbalanced*\n2 * 3 = 6 *"}, []string{"Headline findings", "Bold line", "A", "**unbalanced*", "2 * 3 = 6 *"}},
		{"SpacesCollapsed", []string{"  The\u00a0quality \t of  plans  "}, []string{"The quality of plans"}},
		{"LigaturesAndSoftHyphens", []string{"\ufb01ndings of the inspec\u00adtion\nare re\ufb02ected"}, []string{"findings of the inspection", "are reflected"}},
		{"SoftHyphenAtLineEndJoinsTheWord", []string{"management over\u00ad\nsight is good"}, []string{"management oversight is good"}},
		{"GluedPageNumber", []string{"One.", "3people are seen.\n1st line"}, []string{"One.", "people are seen.", "1st line"}},
		{"OrdinalKeptAtPageTop", []string{"One.", "1st of the month."}, []string{"One.", "1st of the month."}},
		{"FootnotesLeaveTheFlow", []string{"One.\nTwo.\nThree.\nOperation Encompass5 is not yet effective and GPs are\n\n5\nOperation Encompass shares incidents with schools.\n",
			"not asked for information.\n"}, []string{"One.", "Two.", "Three.", "Operation Encompass5 is not yet effective and GPs are", "not asked for information."}},
		{"FigureIsNoFootnote", []string{"Children aged 5 are seen.\n5\nThe end."}, []string{"Children aged 5 are seen.", "The end."}},
		{"RepeatedFooterOnMostPages", []string{
			"One.\nExampleshire Council report", "Two.\nExampleshire Council report", "Three.\nExampleshire Council report",
			"Four.\nExampleshire Council report", "Five.\nExampleshire Council report",
		}, []string{"One.", "Two.", "Three.", "Four.", "Five."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(Clean(tt.pages, 1)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Clean = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCleanLinesPages(t *testing.T) {
	ls := Clean([]string{"a line", "another\nline"}, 5)
	var pages []int
	for _, l := range ls {
		if l.Text != "" {
			pages = append(pages, l.Page)
		}
	}
	if want := []int{5, 6, 6}; !reflect.DeepEqual(pages, want) {
		t.Errorf("pages = %v, want %v", pages, want)
	}
	if got := NormSpace("bad \xff byte"); strings.ContainsRune(got, '\uFFFD') || got != "bad byte" {
		t.Errorf("normSpace kept invalid UTF-8: %q", got)
	}
}

// TestCleanBlankLines checks which blank lines Clean keeps: those an
// author set, not those a page break brings (a reader's newline at the
// end of every page, pdftotext's blank line as well) or that framed a
// running header or footer.
func TestCleanBlankLines(t *testing.T) {
	render := func(ls []Line) string {
		var b strings.Builder
		for _, l := range ls {
			if l.Text == "" {
				b.WriteString("_")
			}
			b.WriteString(l.Text)
			b.WriteByte('|')
		}
		return b.String()
	}
	tests := []struct {
		name  string
		pages []string
		want  string
	}{
		{"MidPage", []string{"One.\n\nTwo.\n"}, "One.|_|Two.|"},
		{"PageEndNewline", []string{"One.\n", "Two.\n", "Three.\n"}, "One.|Two.|Three.|"},
		{"PageEndBlankOfAnotherReader", []string{"One.\n\n", "Two.\n\n", "Three.\n"}, "One.|Two.|Three.|"},
		{"BlankAtABreakThatHasOne", []string{"One.\n", "Two.\n\n", "Three.\n"}, "One.|Two.|_|Three.|"},
		{"BreakAddedOnABlankLine", []string{"One.\n", "Two.\n", "Three.", "\nFour.\n"}, "One.|Two.|Three.|Four.|"},
		{"BreakAddedBeforeABlankLine", []string{"One.\n", "Two.\n", "Three.", "\n\nFour.\n"}, "One.|Two.|Three.|_|Four.|"},
		{"FramedFooter", []string{"One.\n\nPage 1 of 3\n", "Two.\n\nPage 2 of 3\n", "Three.\n"}, "One.|Two.|Three.|"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(Clean(tt.pages, 1)); got != tt.want {
				t.Errorf("Clean = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCleanRunningLinesOverAddedBreaks checks that a running header is
// furniture whether the pages it was printed on are whole or split by a
// page break added in their middle.
func TestCleanRunningLinesOverAddedBreaks(t *testing.T) {
	var whole, split []string
	for i := 0; i < 5; i++ {
		whole = append(whole, "Exampleshire partnership review\nBody line one.\nBody line two.\nBody line three.\nBody line four.\nBody line five.\nBody line six.\nBody line seven.\n")
		split = append(split, "Exampleshire partnership review\nBody line one.\nBody line two.\nBody line three.\n", "Body line four.\nBody line five.\nBody line six.\nBody line seven.\n")
	}
	for name, pages := range map[string][]string{"Whole": whole, "Split": split} {
		for _, l := range Clean(pages, 1) {
			if strings.Contains(l.Text, "Exampleshire") {
				t.Errorf("%s: running header kept: %q", name, l.Text)
				break
			}
		}
	}
}

func TestTypeset(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06", "fffiflffifflstst"},
		{"safe\u00adguarding", "safeguarding"},
		{"non\u2011statutory co\u2010ordinated", "non-statutory co-ordinated"},
		{"zero\u200dwidth", "zerowidth"},
		{"‘quotes’ – dashes • bullets", "‘quotes’ – dashes • bullets"},
	} {
		if got := Typeset(tc.in); got != tc.want {
			t.Errorf("Typeset(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
