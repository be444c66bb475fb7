package classify

import (
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

func linesOfText(s string) []line {
	return sourceLines(&extract.Source{Format: "text", Pages: []string{s}})
}

// TestDatelineDate checks the date forms a dateline may take.
func TestDatelineDate(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"WeekdayTimeZone", "Tue 14 May 2024 11.42 BST", "2024-05-14"},
		{"WeekdayCommaTime", "Wednesday, 12th July 2023, 6:00 am", "2023-07-12"},
		{"MonthFirst", "March 7, 2024", "2024-03-07"},
		{"MonthFirstWeekdayUTC", "Friday, March 15, 2024 – 09:12 (UTC)", "2024-03-15"},
		{"AbbreviatedMonth", "12 Jun 2023", "2023-06-12"},
		{"TimeFirstCapitals", "08:02, 5 APR 2022", "2022-04-05"},
		{"GluedToUpdate", "06:00, 21 NOV 2023Updated09:14, 22 NOV 2023", "2023-11-21"},
		{"TwoDigitYearNumeric", "14/11/22", "2022-11-14"},
		{"TwoDigitYearWords", "03 Oct 23", "2023-10-03"},
		{"Dotted", "14.02.2020", "2020-02-14"},
		{"DashedTwoDigit", "14-02-20", "2020-02-14"},
		{"ISO", "2024-01-25T10:32:00Z", "2024-01-25"},
		{"NoSuchDay", "31.06.2020", ""},
		{"MixedSeparatorsAreNoDate", "14.02/2020", ""},
		{"NoDate", "Local Democracy Reporter", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := datelineDate(tt.in); got != tt.want {
				t.Errorf("datelineDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestStoryPublished checks where a story's publication date is taken
// from: a label (published before updated, a date on the line after a
// bare "Published"), else a dateline under the headline, never a date
// above the headline.
func TestStoryPublished(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"PublishedThenUpdatedOneLine", "Headline of the story here\nPublished: 10:05, 3 May 2023 | Updated: 17:40, 4 May 2023\nBody.", "2023-05-03"},
		{"UpdatedLineFirst", "Headline of the story here\nLast updated: 02 August 2024\nDate published: 26 July 2024\nBody.", "2024-07-26"},
		{"OnlyUpdated", "Headline of the story here\nUpdated 14 March 2023\nBody.", "2023-03-14"},
		{"BarePublishedLabel", "Headline of the story here\nPublished\n14 March 2024\nShare", "2024-03-14"},
		{"PostedOn", "Headline of the story here\nPosted on: 03 Oct 23\nBody.", "2023-10-03"},
		{"BylineWithDate", "Headline of the story here\nBy Jo Bloggs on March 14, 2023 in Children\nBody.", "2023-03-14"},
		{"DatelineUnderBylineAndRole", "Headline of the story here\nA standfirst that sums the story up.\nBy Jo Bloggs\nLocal Democracy Reporter\nWednesday, 12 July 2023, 6:00 am\nBody.", "2023-07-12"},
		{"BodySentenceIsNoByline", "Headline of the story here\nA standfirst that sums the story up.\nBy the time inspectors returned on 4 March 2024, the council had recruited twenty new social workers to its assessment teams.\n14 March 2024\nBody.", "2024-03-14"},
		{"HeaderDateAboveHeadline", "1.3 C\nWest Bridgford\nSaturday, January 18, 2025\n\nHeadline of the story here\nThe body of the story, which gives no date of its own at all.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := storyPublished(linesOfText(tt.in)); got != tt.want {
				t.Errorf("storyPublished = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHeldOn checks the meeting date of minutes' title blocks, and that
// the body's approval of the last meeting's minutes is not read.
func TestHeldOn(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"HeldOnWeekdayOrdinalComma", "SHROPSHIRE COUNCIL\nCABINET\nMinutes of the meeting held on Wednesday, 6th December, 2023 at 10.30 am", "2023-12-06"},
		{"HeldOnNextLine", "Minutes of the Children and Families Committee\nheld on Monday, 11th March 2024 in the Council Chamber", "2024-03-11"},
		{"HeldInPlaceOn", "Minutes of a meeting of the Cabinet held in the Council Chamber, Town Hall on 4 March 2024", "2024-03-04"},
		{"NoMeetingDate", "Minutes\nRESOLVED: That the minutes be approved.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := heldOn(linesOfText(tt.in)); got != tt.want {
				t.Errorf("heldOn = %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzDateline checks that the dateline readers never panic and give
// real dates or none.
func FuzzDateline(f *testing.F) {
	for _, s := range []string{"06:00, 21 NOV 2023Updated09:14, 22 NOV 2023", "Published\n14.02.20", "Posted on: 03 Oct 23\n31/02/23", "by x on 1.1.1\n\xff held on 5 May 2020"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ls := linesOfText(s)
		for _, v := range []string{storyPublished(ls), heldOn(ls), datelineOf(strings.ReplaceAll(s, "\n", " "))} {
			if !validISO(v) {
				t.Errorf("not a date: %q", v)
			}
		}
	})
}

// TestVisitNumber checks the wordings of a monitoring visit's number, and
// that another visit named in a letter is not its number.
func TestVisitNumber(t *testing.T) {
	tests := []struct {
		name, in string
		want     int
	}{
		{"ThisWasThe", "This was the fourth monitoring visit to Torbay.", 4},
		{"TheVisitWasTheFirst", "The visit was the first monitoring visit since the local authority was judged inadequate.", 1},
		{"OfstedsOrdinal", "This was Ofsted's fourth monitoring visit since the local authority was judged inadequate in October 2022.", 4},
		{"ThisIsThe", "This is the 6th monitoring visit.", 6},
		{"FindingsOfThe", "This letter summarises the findings of the third monitoring visit to Sefton children's services.", 3},
		{"SinceJudged", "It was the eleventh monitoring visit since the local authority was judged inadequate.", 11},
		{"AnotherVisitNamed", "Since the first monitoring visit, leaders have made progress.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := visitNumber(tt.in); got != tt.want {
				t.Errorf("visitNumber(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}
