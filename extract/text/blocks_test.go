package text

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// testBreaks knows one heading and one cell, as a caller's vocabulary
// would.
var testBreaks = Breaks{
	Heading: func(t string) bool { return t == "What needs to improve" || t == "Main findings" },
	Cell:    func(t string) bool { return t == "Good" },
}

// blockStrings renders blocks as "KIND marker|text" for comparison.
func blockStrings(bs []Block) []string {
	names := map[BlockKind]string{ParaBlock: "P", HeadingBlock: "H", BulletBlock: "B", NumberBlock: "N", LetterBlock: "L", CellBlock: "C"}
	var out []string
	for _, b := range bs {
		out = append(out, names[b.Kind]+" "+b.Marker+"|"+b.Text)
	}
	return out
}

func blocksOf(pages ...string) []string {
	ls := Clean(pages, 1)
	return blockStrings(Blocks(ls, WordsOf(ls), testBreaks))
}

func TestBlocks(t *testing.T) {
	tests := []struct {
		name  string
		pages []string
		want  []string
	}{
		{"WrappedParagraphIsOneBlock", []string{"Leaders have improved the quality of\nplans for children. Plans are\nreviewed."},
			[]string{"P |Leaders have improved the quality of plans for children. Plans are reviewed."}},
		{"SentenceEndAtLineEndGoesOn", []string{"Leaders know their services.\nChildren are seen regularly."},
			[]string{"P |Leaders know their services. Children are seen regularly."}},
		{"BlankLineEndsBlock", []string{"Leaders know their services.\n\nChildren are seen."},
			[]string{"P |Leaders know their services.", "P |Children are seen."}},
		{"KnownHeadingWithoutBlankLines", []string{"Children are safe.\nWhat needs to improve\n◼ The timeliness of\nvisits.\n◼ Plans.\nMain findings\nChildren are seen."},
			[]string{"P |Children are safe.", "H |What needs to improve", "B ◼|The timeliness of visits.", "B ◼|Plans.", "H |Main findings", "P |Children are seen."}},
		{"HeadingByShapeAfterSentence", []string{"The board meets monthly.\nSummary of findings\nThe board is effective."},
			[]string{"P |The board meets monthly.", "H |Summary of findings", "P |The board is effective."}},
		{"QuestionHeading", []string{"Leaders act.\nWhat is the area partnership doing that is effective?\nPartnership working has improved."},
			[]string{"P |Leaders act.", "H |What is the area partnership doing that is effective?", "P |Partnership working has improved."}},
		{"RemainderOfALineIsNoHeading", []string{"Plans are reviewed. However, too many existing\nEHC plans are late."},
			[]string{"P |Plans are reviewed. However, too many existing EHC plans are late."}},
		{"NameRunsOnOverTheBreak", []string{"Children are seen. Work with the Local\nSafeguarding Children Board is good."},
			[]string{"P |Children are seen. Work with the Local Safeguarding Children Board is good."}},
		{"PageBreakIsNoParagraphBreak", []string{"Leaders have improved the quality of\n", "plans. Children are seen.\n"},
			[]string{"P |Leaders have improved the quality of plans. Children are seen."}},
		{"PageBreakAfterSentenceGoesOn", []string{"◼ Leaders know their services.\n", "Children are seen.\n"},
			[]string{"B ◼|Leaders know their services. Children are seen."}},
		{"BlankLineAtPageEndIsKept", []string{"Leaders know their services.\n\n", "Children are seen.\n", "Plans are clear.\n"},
			[]string{"P |Leaders know their services.", "P |Children are seen. Plans are clear."}},
		{"CellStandsAlone", []string{"Overall effectiveness\nGood\nChildren are safe."},
			[]string{"H |Overall effectiveness", "C |Good", "P |Children are safe."}},
		{"NumberedParagraphs", []string{"1. Children are seen.\n2. Plans are\nclear."},
			[]string{"N 1|Children are seen.", "N 2|Plans are clear."}},
		{"FigureEndingASentenceIsNoNumber", []string{"Children are seen. Most young people in care are under\n18. The service is good."},
			[]string{"P |Children are seen. Most young people in care are under 18. The service is good."}},
		{"NumberedListAfterALeadIn", []string{"The service is not yet good because\n1. Plans are weak."},
			[]string{"P |The service is not yet good because", "N 1|Plans are weak."}},
		{"DashInASentence", []string{"Children are seen. Two agencies have not reported\n– the police and probation."},
			[]string{"P |Children are seen. Two agencies have not reported – the police and probation."}},
		{"DashBullets", []string{"Leaders should improve:\n- plans\n- visits"},
			[]string{"P |Leaders should improve:", "B -|plans", "B -|visits"}},
		{"LabelLines", []string{"Inspection dates: 4 to 8 March 2024\nLead inspector: Jo Bloggs\nInspection outcome\nThere are failings."},
			[]string{"H |Inspection dates: 4 to 8 March 2024", "H |Lead inspector: Jo Bloggs", "H |Inspection outcome", "P |There are failings."}},
		{"LineInCapitalsStandsAlone", []string{"HOME NEWS SPORT WHAT'S ON\nWigan services rated good, say inspectors\nChildren are safe."},
			[]string{"H |HOME NEWS SPORT WHAT'S ON", "H |Wigan services rated good, say inspectors", "P |Children are safe."}},
		{"DatelineStandsAlone", []string{"Services rated good by Ofsted after improvement\nWednesday, 12 July 2023, 6:00 am\nBy Jo Bloggs\nChildren's services are good."},
			[]string{"H |Services rated good by Ofsted after improvement", "H |Wednesday, 12 July 2023, 6:00 am", "H |By Jo Bloggs", "P |Children's services are good."}},
		{"DateInASentence", []string{"Performance in the year ending\n31 March\n2014 is low."},
			[]string{"P |Performance in the year ending 31 March 2014 is low."}},
		{"LetteredItems", []string{"The areas were:\na) plans\nb) visits"},
			[]string{"P |The areas were:", "L a|plans", "L b|visits"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := blocksOf(tt.pages...); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Blocks =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestBlocksPageAtAndLineStarts checks that a block spanning pages knows
// the page of each of its parts and where its lines started.
func TestBlocksPageAtAndLineStarts(t *testing.T) {
	ls := Clean([]string{"Leaders have improved the quality of\n", "plans. Children\nare seen.\n"}, 4)
	bs := Blocks(ls, WordsOf(ls), testBreaks)
	if len(bs) != 1 {
		t.Fatalf("Blocks = %q, want one block", blockStrings(bs))
	}
	b := bs[0]
	if got := b.PageAt(strings.Index(b.Text, "Children")); got != 5 {
		t.Errorf("PageAt(Children) = %d, want 5", got)
	}
	if got := b.PageAt(0); got != 4 {
		t.Errorf("PageAt(0) = %d, want 4", got)
	}
	var starts []string
	for _, off := range b.LineStarts() {
		starts = append(starts, b.Text[off:off+3])
	}
	if want := []string{"pla", "are"}; !reflect.DeepEqual(starts, want) {
		t.Errorf("LineStarts start %q, want %q", starts, want)
	}
}

// TestBlocksLayoutInvariant checks that the blocks of a text do not change
// when only its layout does: a narrower column, blank lines dropped around
// headings and items, a page break in the middle of a page.
func TestBlocksLayoutInvariant(t *testing.T) {
	base := "Inspection of Exampleshire children’s services\nInspection dates: 4 to 8 March 2024\n\n" +
		"Children in Exampleshire receive help that is timely and well coordinated. Leaders have acted on the findings of the last inspection.\n\n" +
		"What needs to improve\n\n◼ The quality of plans for children in need, so that they are specific and reviewed.\n\n◼ Management oversight of drift.\n\n" +
		"Main findings\n\nChildren are seen regularly by social workers who know them well. The work of the Local Safeguarding Children Board is effective.\n"
	narrow := "Inspection of Exampleshire children’s services\nInspection dates: 4 to 8 March 2024\n\n" +
		"Children in Exampleshire receive help that is timely and\nwell coordinated. Leaders have acted on the findings of\nthe last inspection.\n\n" +
		"What needs to improve\n\n◼ The quality of plans for children in need, so that they\nare specific and reviewed.\n\n◼ Management oversight of drift.\n\n" +
		"Main findings\n\nChildren are seen regularly by social workers who know\nthem well. The work of the Local Safeguarding Children\nBoard is effective.\n"
	tight := "Inspection of Exampleshire children’s services\nInspection dates: 4 to 8 March 2024\n" +
		"Children in Exampleshire receive help that is timely and well coordinated. Leaders have acted on the findings of the last inspection.\n" +
		"What needs to improve\n◼ The quality of plans for children in need, so that they are specific and reviewed.\n◼ Management oversight of drift.\n" +
		"Main findings\nChildren are seen regularly by social workers who know them well. The work of the Local Safeguarding Children Board is effective.\n"
	want := blocksOf(base)
	for name, pages := range map[string][]string{
		"Narrow": {narrow},
		"Tight":  {tight},
		"Pages":  strings.SplitAfterN(base, "well coordinated. ", 2),
	} {
		if got := blocksOf(pages...); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Blocks =\n%q\nwant\n%q", name, got, want)
		}
	}
}

// FuzzBlocks checks that cleaning and block building never panic, keep
// valid UTF-8 and lose no word of the text outside furniture: every block
// is made of the cleaned lines' words.
func FuzzBlocks(f *testing.F) {
	for _, s := range []string{
		"What needs to improve\n◼ The quality of\nplans.\n\fMain findings\nChildren are seen.",
		"1. One.\n2.\n\nTwo.\n- a\n– b\nGood\nOperation Encompass5 is\n\n5\nA note.\n\f\nnot asked.",
		"Inspection dates: 1 to 5 May 2024\nDear Ms Smith\nSummary of findings\nThe LSCB is good because:\na) plans\nb) visits",
		"manag\u00ad\nement \ufb01ne\n3people\n*\n-\n◼\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ls := Clean(strings.Split(s, "\f"), 1)
		var words int
		for _, l := range ls {
			words += len(strings.Fields(l.Text))
		}
		got := 0
		for _, b := range Blocks(ls, WordsOf(ls), testBreaks) {
			if !utf8.ValidString(b.Text) {
				t.Fatalf("invalid UTF-8 in block %q", b.Text)
			}
			got += len(strings.Fields(b.Text)) + len(strings.Fields(b.Marker))
			for _, off := range b.LineStarts() {
				if off < 0 || off > len(b.Text) {
					t.Fatalf("line start %d outside %q", off, b.Text)
				}
			}
		}
		if got < words-len(ls) {
			t.Fatalf("blocks hold %d words of %d", got, words)
		}
	})
}
