package classify

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"
)

// fixtureText is a PDF's text as the reader gives it: pages split on form
// feeds.
func fixtureText(s string) *extract.Source {
	return &extract.Source{Format: "pdf", Pages: strings.Split(s, "\f")}
}

// inputOf builds the signals' input for a text, as detectType does.
func inputOf(format, text string) *typeInput {
	own := sourceLines(&extract.Source{Format: format, Pages: strings.Split(text, "\f")})
	h := head(own)
	in := &typeInput{format: format, own: own, head: h, block: newTitleBlock(h)}
	in.titles = titleMatches(in.block)
	return in
}

// TestTypeSignals states what each signal reads and the evidence it gives.
func TestTypeSignals(t *testing.T) {
	signals := map[string]func(*typeInput) []evidence{}
	for _, s := range typeSignals() {
		signals[s.name] = s.fn
	}
	tests := []struct {
		name, signal, format, text string
		typ                        extract.Type
		weight                     int // 0: no evidence for typ
	}{
		{"TitleWrappedCountyCouncil", "title", "pdf", "Inspection of Kent County Council\nchildren’s services\nInspection dates: 1 to 5 May 2023", extract.TypeILACS, 6},
		{"TitleWrappedMetropolitan", "title", "pdf", "Inspection of Wigan Metropolitan\nBorough Council children’s services", extract.TypeILACS, 6},
		{"TitleTrust", "title", "pdf", "Inspection of Doncaster Children and Families Trust\nInspection dates: 1 to 5 May 2023", extract.TypeILACS, 6},
		{"TitleChildrensTrust", "title", "pdf", "Inspection of Sandwell Children’s Trust", extract.TypeILACS, 6},
		{"TitleFootnoteDigits", "title", "pdf", "Inspection of services for children in need of help and\nprotection, children looked after and care leavers1\nand\nReview of the effectiveness of the local safeguarding children\nboard2", extract.TypeSIF, 6},
		{"TitleSecondOfAnotherTypeHalf", "title", "pdf", "Inspection of services for children in need of help and\nprotection, children looked after and care leavers1\nand\nReview of the effectiveness of the local safeguarding children\nboard2", extract.TypeOther, 3},
		{"TitleInASentenceIsAReference", "title", "text", "Leeds praised\nThe inspection of Leeds children’s services found much to praise.", extract.TypeILACS, 1},
		{"TitleBelowProseIsNotOwn", "title", "text", "A council page\nThe council has published the letter that Ofsted sent after its visit in the spring of this year.\nThe letter is reproduced in full below so that residents can read it.\nFocused visit to Leeds children’s services", extract.TypeFocused, 1},
		{"TitleLowerCaseLineStartIsAReference", "title", "pdf", "since the\ninspection of Leeds children’s services in 2019", extract.TypeILACS, 1},
		{"TitleOlderInspectionClaimsItsPosition", "title", "pdf", "Inspection of looked after children’s services\nSandwell Metropolitan Borough Council", extract.TypeILACS, 0},
		{"GradeTableILACS", "grade table", "pdf", "Judgement\nGrade\nThe impact of leaders on social work\npractice with children and families\nGood\nThe experiences and progress of\nchildren in care\nRequires improvement to be good\nOverall effectiveness\nGood", extract.TypeILACS, 3},
		{"GradeTableReformedRows", "grade table", "pdf", "The impact of leaders on practice with children and families\nGood\nThe experiences and progress of children who need help and protection\nGood", extract.TypeILACS, 3},
		{"GradeTableSIFNumbered", "grade table", "pdf", "1. Children who need help and protection\n\nRequires improvement\n\n2. Children looked after and achieving\npermanence\n\nGood\n3. Leadership, management and governance\nGood", extract.TypeSIF, 3},
		{"GradeTableRowsInOneLine", "grade table", "text", "The impact of leaders on social work practice with children and families | Good\nOverall effectiveness | Good", extract.TypeILACS, 3},
		{"GradeTableReformedHelpSupport", "grade table", "pdf", "The impact of leaders on practice with\nchildren and families\nGood\nThe experiences and progress of children who need help, support and protection\nRequires improvement to be good", extract.TypeILACS, 3},
		{"GradeTableCareLeaversBothFrameworks", "grade table", "pdf", "2.1 Adoption performance Good\n2.2 Experiences and progress of care leavers Good", extract.TypeSIF, 3},
		{"OneRowIsNoTable", "grade table", "pdf", "Overall effectiveness\nGood", extract.TypeILACS, 0},
		{"RowWithoutGradeIsNoRow", "grade table", "pdf", "The impact of leaders on social work practice is strong.\nThe experiences and progress of children in care are improving.", extract.TypeILACS, 0},
		{"HeadingWhatNeedsToImproveFootnote", "headings", "pdf", "What needs to improve?1", extract.TypeILACS, 2},
		{"HeadingFocusedVisit", "headings", "pdf", "What needs to improve in this area of social work practice?", extract.TypeFocused, 3},
		{"HeadingsSENDCapped", "headings", "pdf", "What is it like to be a child or young person with SEND in this area?\nWhat is the area partnership doing that is effective?\nWhat does the area partnership need to do better?\nInspection outcome", extract.TypeSEND, 6},
		{"HeadingNumbered", "headings", "pdf", "3. Next steps", extract.TypeJTAI, 2},
		{"LetterSummarisesFocused", "letter", "pdf", "Dear Jo\nThis letter summarises the findings of the focused visit to Bury children’s services on 1 and 2 May 2023.", extract.TypeFocused, 4},
		{"LetterVisitNumber", "letter", "pdf", "The visit was the third monitoring visit since the local authority was judged inadequate.", extract.TypeMonitoring, 3},
		{"LetterStructureIsGroupEvidence", "letter", "pdf", "Dear Jo\nSome text.\nYours sincerely\nA Person", groupLetter, 2},
		{"InspectionDatesLabel", "ofsted furniture", "pdf", "Inspection dates: 1 to 5 May 2023\nLead inspector: A Person", groupOfsted, 3},
		{"OfstedAddress", "ofsted furniture", "pdf", "Ofsted\nPiccadilly Gate\nStore Street", groupOfsted, 2},
		{"PackCover", "committee furniture", "pdf", "Public Document Pack", extract.TypeCommittee, 6},
		{"MinutesHeader", "committee furniture", "text", "MINUTES of the meeting of the Children’s Scrutiny Committee held on 7 May 2023", extract.TypeCommittee, 4},
		{"MinutesInAReportAreNoFurniture", "committee furniture", "pdf", "social workers record\nminutes of the meeting with the family", extract.TypeCommittee, 0},
		{"WardsAffectedNumbered", "committee furniture", "text", "7 Wards affected", extract.TypeCommittee, 2},
		{"KeyDecisionLabel", "committee furniture", "text", "Key decision: No", extract.TypeCommittee, 2},
		{"KeyDecisionsInProseAreNoFurniture", "committee furniture", "pdf", "key decisions about children are recorded", extract.TypeCommittee, 0},
		{"BriefingNote", "committee furniture", "text", "Member Briefing Note", extract.TypeCommittee, 4},
		{"Implications", "committee furniture", "text", "Financial Implications", extract.TypeCommittee, 2},
		{"CouncilBody", "committee furniture", "text", "Corporate Parenting Board", extract.TypeCommittee, 2},
		{"SafeguardingBoardIsNoCouncilBody", "committee furniture", "pdf", "Local Safeguarding Children Board", extract.TypeCommittee, 0},
		{"PaperToMembers", "committee furniture", "text", "This paper updates the Board on the outcome of the inspection.", extract.TypeCommittee, 2},
		{"RecordOfDecision", "committee furniture", "text", "RECORD OF EXECUTIVE DECISION\nDecision maker: Cabinet Member for Children", extract.TypeCommittee, 4},
		{"DecisionsInProseAreNoRecord", "committee furniture", "pdf", "Managers record their decisions on every child's file.", extract.TypeCommittee, 0},
		{"Byline", "news furniture", "text", "By Jo Reporter", extract.TypeNews, 2},
		{"BylineNeedsAName", "news furniture", "text", "By March 2023 the service had improved.", extract.TypeNews, 0},
		{"DatelineWithTime", "news furniture", "text", "Published 10:32 BST, 4 May 2023", extract.TypeNews, 2},
		{"PublishedLabelWithoutDateIsNoDateline", "news furniture", "pdf", "Published:", extract.TypeNews, 0},
		{"WebPage", "news furniture", "text", "Skip to main content", extract.TypeNews, 2},
		{"Masthead", "news furniture", "text", "Manchester Evening News", extract.TypeNews, 1},
		{"MastheadNeedsCapitals", "news furniture", "pdf", "Leaders share good news", extract.TypeNews, 0},
		{"ReportedSpeech", "reported speech", "text", "Ofsted said the council had improved. The watchdog rated services good.", extract.TypeNews, 2},
		{"QuotedCouncillor", "reported speech", "text", "Councillor Jo Example said: “We are proud.”", extract.TypeNews, 2},
		{"ReportedSpeechCapped", "reported speech", "text", strings.Repeat("Ofsted said so. ", 20), extract.TypeNews, 5},
		{"PeopleWhoSpokeToInspectorsAreNoNews", "reported speech", "pdf", "Parents who spoke with inspectors said that they feel supported.", extract.TypeNews, 0},
		{"SENDVocabulary", "SEND vocabulary", "pdf", "The local area partnership has improved education, health and care plans for children with special educational needs and/or disabilities.", extract.TypeSEND, 3},
		{"JTAIVocabulary", "JTAI vocabulary", "pdf", "HMICFRS and HMI Probation took part in the joint targeted area inspection.", extract.TypeJTAI, 3},
		{"HTMLIsAWebPage", "web page", "html", "anything", extract.TypeNews, 4},
		{"HeadlineOverParagraphs", "headline", "text", "Leeds children’s services praised\nLeeds City Council has been praised by inspectors for the way it supports children in care.\nThe council said it was proud of its staff and would keep improving the service for families.", extract.TypeNews, 2},
		{"ReportTitleOverLabelsIsNoHeadline", "headline", "pdf", "Inspection of Leeds local authority children’s services\nInspection dates: 1 to 5 May 2023\nLead inspector: A Person", extract.TypeNews, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fn := signals[tt.signal]
			if fn == nil {
				t.Fatalf("no signal %q", tt.signal)
			}
			got := 0
			for _, e := range fn(inputOf(tt.format, tt.text)) {
				if e.weight <= 0 || e.reason == "" {
					t.Errorf("evidence %+v: weight and reason required", e)
				}
				if e.typ == tt.typ {
					got += e.weight
				}
			}
			if got != tt.weight {
				t.Errorf("%s evidence for %s = %d, want %d", tt.signal, tt.typ, got, tt.weight)
			}
		})
	}
}

// TestGradeRowsFromFrameworks checks that the grade-table signal reads
// every row label of every framework in extract/framework's table as a
// row of its framework's type (or of both types, for a label frameworks
// of both print).
func TestGradeRowsFromFrameworks(t *testing.T) {
	for _, f := range framework.Frameworks() {
		for _, r := range f.Rows {
			if r.Label == "" {
				continue
			}
			t.Run(strings.ReplaceAll(f.Name, " ", "")+"/"+string(r.Domain), func(t *testing.T) {
				for _, g := range gradeRows() {
					if g.re.MatchString(r.Label) && g.name == string(r.Domain) {
						if g.typ != f.Type && g.typ != "" {
							t.Errorf("%q is read as a row of %s, want %s", r.Label, g.typ, f.Type)
						}
						return
					}
				}
				t.Errorf("%q is read as no row", r.Label)
			})
		}
	}
}

// TestDecide checks the summing: group evidence reaches only types with
// evidence of their own, ties go to the heavier single piece, then to the
// fixed order.
func TestDecide(t *testing.T) {
	tests := []struct {
		name  string
		ev    []evidence
		want  extract.Type
		score int
	}{
		{"Sum", []evidence{{extract.TypeILACS, 3, "a"}, {extract.TypeILACS, 2, "b"}, {extract.TypeNews, 4, "c"}}, extract.TypeILACS, 5},
		{"GroupNeedsOwnEvidence", []evidence{{groupOfsted, 5, "dates"}, {extract.TypeNews, 2, "byline"}}, extract.TypeNews, 2},
		{"GroupAddsToEachMember", []evidence{{groupOfsted, 5, "dates"}, {extract.TypeFocused, 1, "x"}, {extract.TypeNews, 4, "y"}}, extract.TypeFocused, 6},
		{"LetterGroupIsNotILACS", []evidence{{groupLetter, 2, "dear"}, {extract.TypeILACS, 1, "x"}, {extract.TypeFocused, 1, "y"}}, extract.TypeFocused, 3},
		{"TieGoesToHeavierPiece", []evidence{{extract.TypeILACS, 2, "a"}, {extract.TypeILACS, 2, "b"}, {extract.TypeSIF, 4, "c"}}, extract.TypeSIF, 4},
		{"ExactTieGoesToOrder", []evidence{{extract.TypeNews, 3, "a"}, {extract.TypeCommittee, 3, "b"}}, extract.TypeCommittee, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := decide(tt.ev)
			if len(ts) == 0 || ts[0].typ != tt.want || ts[0].score != tt.score {
				t.Errorf("decide = %+v, want %s %d", ts, tt.want, tt.score)
			}
		})
	}
}

// TestTypeReason checks what the reason says: the winner's evidence with
// weights, and a close runner-up.
func TestTypeReason(t *testing.T) {
	d := Classify(fixtureText("Inspection of Kent County Council\nchildren’s services\nInspection dates: 6 to 17 March 2023\nOverall effectiveness\nGood\nThe experiences and progress of children in care\nGood"))[0]
	for _, want := range []string{`title "Inspection of Kent County Council children’s services" (+6)`, "grade table, 2 rows (+3)", `"Inspection dates" (+2)`} {
		if !strings.Contains(d.TypeReason, want) {
			t.Errorf("reason %q lacks %q", d.TypeReason, want)
		}
	}
	d = Classify(&extract.Source{Format: "text", Pages: []string{"Report to Cabinet\nOverall effectiveness | Good\nThe impact of leaders on practice | Good"}})[0]
	if d.Type != extract.TypeCommittee || !strings.Contains(d.TypeReason, "| next: ilacs_inspection 3") {
		t.Errorf("%s: reason %q, want the close ILACS runner-up named", d.Type, d.TypeReason)
	}
	d = Classify(&extract.Source{Format: "text", Pages: []string{"nothing to see"}})[0]
	if d.Type != extract.TypeOther || d.TypeReason != "no type reached the floor" {
		t.Errorf("%s: reason %q", d.Type, d.TypeReason)
	}
}

// TestTitleBlock checks the title block: lines joined, footnote marks
// stripped, offsets mapped back to the head's flat text.
func TestTitleBlock(t *testing.T) {
	h := []line{{text: "Bury Council"}, {text: "Review of the board2"}, {text: "Manchester M1 2WD"}, {text: "What needs to improve?1"}}
	tb := newTitleBlock(h)
	if want := "Bury Council Review of the board Manchester M1 2WD What needs to improve?"; tb.text != want {
		t.Errorf("block %q, want %q", tb.text, want)
	}
	hf := flat(h)
	at := strings.Index(tb.text, "Manchester")
	if got := tb.hfOffset(at); !strings.HasPrefix(hf[got:], "Manchester") {
		t.Errorf("offset %d maps to %q", got, hf[got:])
	}
}

func FuzzTypeSignals(f *testing.F) {
	for _, s := range []string{
		"Inspection of Kent County Council\nchildren’s services\nInspection dates: 6 to 17 March 2023",
		"Public Document Pack\nMinutes of the meeting\nPresent: Councillors A and B",
		"Headline here now\nBy Jo Reporter\nOfsted said: “Good.” Councillor Jo Bloggs said the council was proud of the result.",
		"Skip to main content\n4 April 2023\nDear Jo\nMonitoring visit to Derby children’s services\nYours sincerely",
		"1. Children who need help and protection\n\nGood\n2.1 Adoption performance\nGood",
		"\xff\xfe“\"", "",
	} {
		f.Add(s, "text")
		f.Add(s, "pdf")
	}
	f.Fuzz(func(t *testing.T, text, format string) {
		src := &extract.Source{Format: format, Pages: strings.Split(text, "\f")}
		own := sourceLines(src)
		a, b := detectType(src, own), detectType(src, own)
		if a != b {
			t.Fatalf("not deterministic: %+v vs %+v", a, b)
		}
		if !utf8.ValidString(a.reason) || !utf8.ValidString(a.title) || a.reason == "" {
			t.Errorf("reason %q title %q", a.reason, a.title)
		}
		known := false
		for _, k := range extract.Types() {
			known = known || k == a.typ
		}
		if !known {
			t.Errorf("type %q", a.typ)
		}
		if a.at >= 0 && a.at > len(flat(head(own))) {
			t.Errorf("title offset %d beyond the head", a.at)
		}
		in := inputOf(format, text)
		for _, s := range typeSignals() {
			for _, e := range s.fn(in) {
				if e.weight <= 0 || e.weight > 6 {
					t.Errorf("%s: weight %d", s.name, e.weight)
				}
			}
		}
	})
}

// TestPagesTypes checks the type of pages saved as text, and that what a
// page reproduces after its own text is a document of its own.
func TestPagesTypes(t *testing.T) {
	tests := []struct {
		name, text string
		want       []extract.Type
	}{
		{"LetterWithoutSalutation", "Ofsted letter on children’s services\nPublished: 12 April 2023\nThe council has received the letter from Ofsted that follows its recent visit, and it is printed below.\nCouncillors will discuss the findings with senior officers at the next meeting of the scrutiny panel.\nMonitoring visit to Derby children’s services\nThis letter summarises the findings of the monitoring visit to Derby children’s services on 28 February to 1 March 2023.\nThis visit was the first monitoring visit since the local authority was judged inadequate.\nYours sincerely\nJules Example\nHis Majesty’s Inspector\nShare this page",
			[]extract.Type{extract.TypeNews, extract.TypeMonitoring}},
		{"MinutesWithoutMeetingWord", "Minutes of Children’s Services Scrutiny Committee\nChair: Councillor Jo Example\n1 Apologies for absence\nNone.\n2 Ofsted focused visit\nThe committee noted the letter.",
			[]extract.Type{extract.TypeCommittee}},
		{"PressRelease", "Council welcomes Ofsted report\nPress release\nThe council has welcomed the report published today by Ofsted, which found that services had improved.\nCouncillor Jo Example said: “We are proud of our staff.”\nENDS\nNotes to editors",
			[]extract.Type{extract.TypeNews}},
		{"StoryBelowSiteNavigation", "Home\nNews\nLocal\nHull children’s services improving\nChildren’s services in Hull are improving after a difficult few years for the council and its staff.\nThe council was told last year that it must improve the way it plans for children in care.\nOfsted said progress had been made.",
			[]extract.Type{extract.TypeNews}},
		{"PlainStory", "Hull children’s services improving\nChildren’s services in Hull are improving, Ofsted has said after a monitoring visit in March.\nInspectors said leaders had made progress in the front door but that plans for some children were not reviewed on time.",
			[]extract.Type{extract.TypeNews}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := Classify(&extract.Source{Format: "text", Pages: []string{tt.text}})
			var got []extract.Type
			for _, d := range docs {
				got = append(got, d.Type)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("types %v, want %v (%s)", got, tt.want, docs[0].TypeReason)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("types %v, want %v (%s)", got, tt.want, docs[i].TypeReason)
				}
			}
		})
	}
}

// TestStoryFields checks what a story's layout gives: its headline past a
// site's navigation, its date under the headline (not above it), a
// labelled publication date.
func TestStoryFields(t *testing.T) {
	tests := []struct {
		name, text, title, code, published string
	}{
		{"HeadlinePastNavigationInCapitals", "Hull Daily Mail\nHOME NEWS HULL CITY WHAT'S ON\nEast Riding children's services praised by inspectors\nBy Jo Reporter\n08:02, 5 APR 2022\nChildren's services in the East Riding are good, the watchdog has said after an inspection in February.\nREAD MORE: Hull school praised",
			"East Riding children's services praised by inspectors", "E06000011", "2022-04-05"},
		{"DateUnderHeadlineAfterStandfirst", "Croydon children's services improve, says Ofsted\nInspectors found that most children in Croydon get help when they need it\nBy Jo Reporter\n12 Jun 2023\nCroydon's children's services have improved, Ofsted has said in a report published this week.",
			"Croydon children's services improve, says Ofsted", "E09000008", "2023-06-12"},
		{"DateAboveHeadlineIsThePagesHeader", "Saturday, January 18, 2025\nLeeds children's services improving, says Ofsted\nLeeds City Council has been told by inspectors that its services for children have improved this year.\nOfsted said leaders had a clear plan for the service and its staff.",
			"Leeds children's services improving, says Ofsted", "E08000035", ""},
		{"LabelledPublicationInABulletin", "Children’s Services Bulletin\nIssue 14\nHalton Borough Council\nOutcome of the focused visit to Halton children’s services\nOfsted inspectors carried out a focused visit to Halton children’s services on 2 and 3 July 2024 and found that most children are well supported.\nDate of publication: 19 August 2024",
			"", "E06000006", "2024-08-19"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Classify(&extract.Source{Format: "text", Pages: []string{tt.text}})[0]
			if tt.title != "" && d.Title != tt.title || d.Authority.Code != tt.code || d.Published != tt.published {
				t.Errorf("got %s %q %s %q, want %q %s %q (%s)", d.Type, d.Title, d.Authority.Code, d.Published, tt.title, tt.code, tt.published, d.TypeReason)
			}
		})
	}
}
