package classify

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"
)

func TestYearlessDates(t *testing.T) {
	tests := []struct {
		name, in, ref, start, end string
	}{
		{"DaysAndMonth", "13 and 14 July. Her Majesty's Inspectors", "2021-08-23", "2021-07-13", "2021-07-14"},
		{"AcrossMonths", "30 September and 1 October. The", "2020-11-02", "2020-09-30", "2020-10-01"},
		{"MonthAfterLetterIsLastYear", "3 to 5 December.", "2021-01-20", "2020-12-03", "2020-12-05"},
		{"SingleDay", "9 March, inspectors", "2021-05-10", "2021-03-09", "2021-03-09"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := yearlessDates(tt.in, tt.ref)
			if !ok || d.start != tt.start || d.end != tt.end {
				t.Errorf("yearlessDates(%q, %s) = %v %v, want %s..%s", tt.in, tt.ref, d, ok, tt.start, tt.end)
			}
		})
	}
	for _, in := range []string{"13 and 14 July 2021.", "no dates here", "14 July 2021"} {
		if d, ok := yearlessDates(in, "2021-08-23"); ok {
			t.Errorf("yearlessDates(%q) = %v, want none (the year is there, or no date)", in, d)
		}
	}
	if _, ok := yearlessDates("13 July.", ""); ok {
		t.Error("yearlessDates without a letter date: want none")
	}
}

func TestParseDates(t *testing.T) {
	tests := []struct {
		name, in, start, end string
	}{
		{"RangeSharedMonth", "Inspection dates: 11 to 22 July 2022", "2022-07-11", "2022-07-22"},
		{"RangeEnDash", "11 – 22 July 2022", "2022-07-11", "2022-07-22"},
		{"RangeHyphenNoSpaces", "19 November-11 December 2013", "2013-11-19", "2013-12-11"},
		{"RangeFullDates", "14 May 2018 to 25 May 2018", "2018-05-14", "2018-05-25"},
		{"RangeAcrossMonths", "28 February and 1 March 2023", "2023-02-28", "2023-03-01"},
		{"RangeAcrossYears", "30 December to 3 January 2020", "2019-12-30", "2020-01-03"},
		{"RangeTwoYears", "30 December 2019 to 3 January 2020", "2019-12-30", "2020-01-03"},
		{"RangeWithThe", "on the 25 and 26 July 2023", "2023-07-25", "2023-07-26"},
		{"DayList", "on 29 and 30 September, and 1 October 2020", "2020-09-29", "2020-10-01"},
		{"Single", "letter of 8 January 2019", "2019-01-08", "2019-01-08"},
		{"Ordinal", "on 12th December 2022", "2022-12-12", "2022-12-12"},
		{"MonthFirst", "Saturday, January 18, 2025", "2025-01-18", "2025-01-18"},
		{"Abbreviated", "4 Sept 2023", "2023-09-04", "2023-09-04"},
		{"FirstOfTwoRanges", "5 to 9 December 2022 and 14 to 15 February 2023", "2022-12-05", "2022-12-09"},
		{"NumericRange", "Inspection date: 12/09/2016 to 06/10/2016", "2016-09-12", "2016-10-06"},
		{"NumericSingle", "Date: 25/01/2024", "2024-01-25", "2024-01-25"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := firstDate(tt.in)
			if !ok || d.start != tt.start || d.end != tt.end {
				t.Errorf("firstDate(%q) = %v %v, want %s..%s", tt.in, d, ok, tt.start, tt.end)
			}
		})
	}
	for _, in := range []string{"6 November 20205", "31 June 2020", "30 February 2021", "in July 2022", "Recommendations 7", ""} {
		if d, ok := firstDate(in); ok {
			t.Errorf("firstDate(%q) = %v, want none", in, d)
		}
	}
}

func TestFileNameDate(t *testing.T) {
	tests := []struct{ name, path, want string }{
		{"ScraperName", "pdf/ilacs-report/bury/children's services inspection - 17 december 2021.pdf", "2021-12-17"},
		{"ISO", "text/scrutiny-pack-2024-01-25.txt", "2024-01-25"},
		{"YearOnly", "text/ilacs-2019-news.txt", ""},
		{"None", "report.pdf", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fileNameDate(tt.path); got != tt.want {
				t.Errorf("fileNameDate(%q) = %q, want %q", tt.path, got, tt.want)
			}
		})
	}
}

// FuzzClassify checks that Classify never panics and always returns valid
// UTF-8 fields, ISO or empty dates and sane page ranges.
func FuzzClassify(f *testing.F) {
	seeds := []string{
		"Inspection of Leeds local authority children’s services\nInspection dates: 1 to 5 May 2023\nLead inspector: A B",
		"Public Document Pack\nBury Council Committee\n\f4 April 2023\nDear X\nMonitoring visit to Bury children’s services\non 1 and 2 March 2023\nYours sincerely\nA Person\nHis Majesty’s Inspector",
		"31 February 2020 to 30 February 2020\n\xff\xfe Dear",
		"Focused visit to \x00 children's services on 29 and 30 September, and 1 October 2020",
		"",
	}
	for _, s := range seeds {
		f.Add(s, "pdf")
		f.Add(s, "html")
	}
	f.Fuzz(func(t *testing.T, text, format string) {
		src := &extract.Source{Path: "x.pdf", Format: format, Pages: strings.Split(text, "\f")}
		docs := Classify(src)
		if len(docs) == 0 {
			t.Fatal("no documents")
		}
		for _, d := range docs {
			for _, s := range append([]string{string(d.Type), d.Title, d.Authority.Name, d.Authority.Code, d.LeadInspector, d.Committee, d.Outlet}, d.Inspectors...) {
				if !utf8.ValidString(s) {
					t.Errorf("invalid UTF-8 %q", s)
				}
			}
			for _, s := range []string{d.Published, d.VisitStart, d.VisitEnd} {
				if !validISO(s) {
					t.Errorf("invalid date %q", s)
				}
			}
			if d.VisitStart != "" && d.VisitEnd != "" && d.VisitStart > d.VisitEnd {
				t.Errorf("visit %s after %s", d.VisitStart, d.VisitEnd)
			}
			if d.PageStart < 1 || d.PageEnd < d.PageStart || d.PageEnd > max(1, len(src.Pages)) {
				t.Errorf("pages %d-%d of %d", d.PageStart, d.PageEnd, len(src.Pages))
			}
		}
	})
}

// TestPublishedFrom: the text's own date first, then a full date in the
// file's name, then the file's creation date (for Ofsted's documents the
// working day after it); an embedded document takes neither file-level
// fallback.
func TestPublishedFrom(t *testing.T) {
	letter := "Ofsted\nPiccadilly Gate\n\n12 March 2024\n\nMs A Director\nDirector of Children's Services\nExampleshire County Council\n\nDear Ms Director\n\nFocused visit to Kent children's services\n\nThis letter summarises the findings of the focused visit to Kent children's services on 13 and 14 February 2024.\n"
	report := "Inspection of Kent local authority children's services\n\nInspection dates: 11 to 22 March 2024\nLead inspector: Jo Example, His Majesty's Inspector\n"
	for _, tc := range []struct {
		name, path, created, text string
		want, from                string
	}{
		{"LetterDate", "00042.pdf", "2024-03-10", letter, "2024-03-12", extract.PublishedFromText},
		{"FileName", "children's services inspection - 03 may 2024.pdf", "2024-04-30", report, "2024-05-03", extract.PublishedFromFileName},
		{"CreatedWorkingDayAfter", "00042.pdf", "2024-04-30", report, "2024-05-01", extract.PublishedFromCreated},
		{"CreatedFridayPublishedMonday", "00042.pdf", "2024-05-03", report, "2024-05-06", extract.PublishedFromCreated},
		{"CreatedCommitteePaperSameDay", "00042.pdf", "2024-04-30", "Report to: Children's Scrutiny Committee\nDate of meeting: to be confirmed\nAgenda item 5\n", "2024-04-30", extract.PublishedFromCreated},
		{"None", "00042.pdf", "", report, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := &extract.Source{Path: tc.path, Format: "pdf", Created: tc.created, Pages: []string{tc.text}}
			d := Classify(src)[0]
			if d.Published != tc.want || d.PublishedFrom != tc.from {
				t.Errorf("published %q from %q, want %q from %q", d.Published, d.PublishedFrom, tc.want, tc.from)
			}
		})
	}
}
