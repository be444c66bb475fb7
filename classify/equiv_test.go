package classify

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract/text"
)

// cleanLineRef is cleanLine as it was before its fast paths: the regexps
// run on every line.
func cleanLineRef(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = markupRe.ReplaceAllString(s, "$1")
	s = strings.TrimLeft(s, "#|> \t")
	s = strings.TrimRight(s, "| \t")
	s = text.Typeset(s)
	return strings.TrimSpace(spaceRe.ReplaceAllString(s, " "))
}

var cleanSeeds = []string{
	"", "plain", "**Date:** 3 May 2023", "<b>1</b> item", "[text](http://x)", "__under__", "# Heading",
	"a  b", "a\tb", "a\u00a0b", "| cell | cell |", "> quote", "bad \xff", "a\r\nb", "x\fy", "  lead",
	"inspec\u00adtion", "brie\ufb01ng", "\u00ad | x", "a\u00ad\u00a0b", "*\u00ad*",
}

func TestCleanLineMatchesRegexps(t *testing.T) {
	for _, s := range cleanSeeds {
		if got, want := cleanLine(s), cleanLineRef(s); got != want {
			t.Errorf("cleanLine(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCleanLine(f *testing.F) {
	for _, s := range cleanSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cleanLine(s), cleanLineRef(s); got != want {
			t.Errorf("cleanLine(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestContainsFoldASCII(t *testing.T) {
	for _, tc := range []struct {
		name, s string
		want    bool
	}{
		{"Lower", "report published: 1 May", true},
		{"Upper", "PUBLICATION DATE", true},
		{"Mixed", "Date of Publication", true},
		{"Absent", "pub lished", false},
		{"AtEnd", "xxpubli", true},
		{"Short", "pub", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := containsFoldASCII(tc.s, "publi"); got != tc.want {
				t.Errorf("containsFoldASCII(%q) = %v", tc.s, got)
			}
			if got := publishedRe.MatchString(tc.s); got && !tc.want {
				t.Errorf("publishedRe matches %q, which the prefilter rejects", tc.s)
			}
		})
	}
}

var publishedSeeds = []string{
	"", "Report published: 3 May 2023", "Published: 1 June", "publication date : 2 July", "date of publication: x",
	"Report published:Published: and report  published :", "unpublished: x", "_published: x", "a date of publication date: b",
	"publiſhed: long s", "REPORT PUBLISHED\t: caps", "xreport published: y", "date of report published: z",
}

func TestFindPublishedMatchesRegexp(t *testing.T) {
	for _, s := range publishedSeeds {
		if got, want := findPublished(s), publishedRe.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("findPublished(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzFindPublished(f *testing.F) {
	for _, s := range publishedSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := findPublished(s), publishedRe.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("findPublished(%q) = %v, want %v", s, got, want)
		}
	})
}
