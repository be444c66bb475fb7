package pdftext

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var dateTests = []struct {
	name, in, want string
}{
	{"Full", "D:20230512093000+01'00'", "2023-05-12"},
	{"UTC", "D:20230512093000Z", "2023-05-12"},
	{"ZeroOffsetApostrophes", "D:20230512093000Z00'00'", "2023-05-12"},
	{"OffsetWithoutClosingApostrophe", "D:20230512093000-05'00", "2023-05-12"},
	{"StatedZoneKept", "D:20230512233000-08'00'", "2023-05-12"},
	{"DateOnly", "D:20230512", "2023-05-12"},
	{"NoPrefix", "20230512093000", "2023-05-12"},
	{"LowerCasePrefix", "d:20230512093000", "2023-05-12"},
	{"SpaceAfterPrefix", "D: 20230512093000", "2023-05-12"},
	{"Padded", "  D:20230512093000+01'00'  ", "2023-05-12"},
	{"TrailingNUL", "D:20230512093000\x00", "2023-05-12"},
	{"Y2KBug", "D:191230512093000", "2023-05-12"},
	{"Y2KBugYear2000", "D:191000101093000", "2000-01-01"},
	{"ISO", "2023-05-12T09:30:00+01:00", "2023-05-12"},
	{"ISOWithSpace", "2023-05-12 09:30:00", "2023-05-12"},
	{"ISODateOnly", "2023-05-12", "2023-05-12"},
	{"DayFirstUnambiguous", "13/05/2023 09:30", "2023-05-13"},
	{"MonthFirstUnambiguous", "5/13/2023 9:30:00 AM", "2023-05-13"},
	{"DayEqualsMonth", "05/05/2023", "2023-05-05"},
	{"DayMonthAmbiguous", "5/12/2023 9:30:00 AM", ""},
	{"CTime", "Fri May 12 09:30:00 2023", "2023-05-12"},
	{"WrittenOut", "12 May 2023", "2023-05-12"},
	{"YearOnly", "D:2023", ""},
	{"YearMonthOnly", "D:202305", ""},
	{"MonthZero", "D:20230012", ""},
	{"DayZero", "D:20230500", ""},
	{"Month13", "D:20231301", ""},
	{"April31", "D:20230431", ""},
	{"LeapDay", "D:20240229", "2024-02-29"},
	{"NotLeapYear", "D:20230229", ""},
	{"BeforePDF", "D:19800101", ""},
	{"FarFuture", "D:29991231", ""},
	{"Empty", "", ""},
	{"OnlyPrefix", "D:", ""},
	{"Words", "unknown", ""},
	{"TwoDigitYear", "12/05/23", ""},
}

func TestPDFDate(t *testing.T) {
	for _, tc := range dateTests {
		t.Run(tc.name, func(t *testing.T) {
			if got := pdfDate(tc.in); got != tc.want {
				t.Errorf("pdfDate(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestXMPCreated(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"Element", `<rdf:Description><xmp:CreateDate>2023-05-12T09:30:00+01:00</xmp:CreateDate></rdf:Description>`, "2023-05-12"},
		{"Attribute", `<rdf:Description xmp:CreateDate="2021-11-03T14:02:11Z" xmp:ModifyDate="2022-01-01"/>`, "2021-11-03"},
		{"OldPrefix", `<xap:CreateDate>2004-02-10T10:00:00</xap:CreateDate>`, "2004-02-10"},
		{"ModifyDateIsNotCreation", `<xmp:ModifyDate>2023-05-12T09:30:00</xmp:ModifyDate>`, ""},
		{"NotADate", `<xmp:CreateDate>soon</xmp:CreateDate>`, ""},
		{"None", `<x:xmpmeta/>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := xmpCreated([]byte(tc.in)); got != tc.want {
				t.Errorf("xmpCreated(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestReadCreated reads the creation date of the fixtures: created.pdf
// has one in /Info, created-xmp.pdf only in its XMP metadata, simple.pdf
// none.
func TestReadCreated(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"created.pdf", "2023-05-12"},
		{"created-xmp.pdf", "2022-10-04"},
		{"simple.pdf", ""},
	} {
		t.Run(strings.TrimSuffix(tc.file, ".pdf"), func(t *testing.T) {
			f, err := readPDF(t, filepath.Join(fixtures, tc.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if f.Created != tc.want {
				t.Errorf("Created = %q, want %q", f.Created, tc.want)
			}
			if len(f.Pages) == 0 || strings.TrimSpace(f.Pages[0]) == "" {
				t.Errorf("no text: %q", f.Pages)
			}
		})
	}
}

// checkDate asserts what every creation date is: empty, or a real date.
func checkDate(t testing.TB, s string) {
	t.Helper()
	if s == "" {
		return
	}
	d, err := time.Parse("2006-01-02", s)
	if err != nil || d.Format("2006-01-02") != s || d.Year() < minYear || d.Year() > maxYear {
		t.Errorf("creation date %q is not a date from %d to %d", s, minYear, maxYear)
	}
}

// FuzzPDFDate: pdfDate never panics, returns "" or a real date, and reads
// the standard form of its own output back as the same date.
func FuzzPDFDate(f *testing.F) {
	for _, tc := range dateTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := pdfDate(s)
		checkDate(t, got)
		if !utf8.ValidString(got) {
			t.Errorf("invalid UTF-8 %q", got)
		}
		if got == "" {
			return
		}
		std := "D:" + strings.ReplaceAll(got, "-", "") + "120000Z"
		if back := pdfDate(std); back != got {
			t.Errorf("pdfDate(%q) = %q, but pdfDate(%q) = %q", s, got, std, back)
		}
	})
}
