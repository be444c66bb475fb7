package classify

// A story's date is in its dateline: a short line near its headline that
// holds a date and little else, in any of the forms news sites print
// ("Tue 14 May 2024 11.42 BST", "Wednesday, 12th July 2023, 6:00 am",
// "March 7, 2024", "08:02, 5 APR 2022", "14.02.2020", "Posted on: 03 Oct
// 23"), or after a label ("Published:", "Posted on", "Date published:",
// "Release date:", "Published" with the date on the next line). Sites also
// print when a story was updated, on the same line ("06:00, 21 NOV
// 2023Updated09:14, 22 NOV 2023") or another: the publication date wins,
// and an update's date is taken only when no other is given. A date above
// the headline is the page's header (the day it was saved), not the
// story's, unless it is labelled.

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/ofsted/ofsted/extract/text"
)

var (
	// A label that introduces a story's publication date, or an update's
	// (group 1).
	datelineLabelRe = text.Lazy(`(?i)^(?:by\s+[\p{L}.'’\- ]{3,60}?[,|•\-–]?\s*(?:\bon\b\s*)?|(?:(?:date |first |originally )?published|posted|date posted|release date|issued|issue date|press release|date)\s*(?:on\b)?\s*:?\s*(?:on\b\s*)?|((?:last )?(?:updated|modified|edited)|last modified on)\s*(?:on\b)?\s*:?\s*)`)
	// Where an update's time stamp starts within a dateline.
	updatedRe = text.Lazy(`(?i)\b(?:last )?(?:updated|modified)\b|updated`)
	// A digit glued to a word, as copied time stamps are
	// ("2023Updated09:14"); not an ordinal's or a time's suffix ("5th",
	// "10am").
	gluedRe = text.Lazy(`\d\pL{3,}|\pL\d`)
	// Day-first dates with a year of two digits ("03 Oct 23"), read only
	// in datelines, where nothing else follows a date.
	dayFirstShortRe = text.Lazy(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthNames + `)\.?,?\s+'?(\d{2})(?:\D|$)`)
	// An ISO date, perhaps with its time: "2024-01-25T10:32:00Z".
	isoStampRe = text.Lazy(`(?:^|\D)(\d{4})-(\d{2})-(\d{2})(?:\D|$)`)
	// Numeric dates with dots or dashes: "14.02.2020", "14-02-20".
	numericDotRe = text.Lazy(`\b(\d{1,2})([./-])(\d{1,2})([./-])(\d{4}|\d{2})\b`)
)

// datelineDate returns the date a dateline or a label's rest gives and
// its offset in s (-1 when none): a date in words, a numeric date (day
// first, British), a day-first date with a two-digit year.
func datelineDate(s string) (string, int) {
	s = gluedRe.ReplaceAllStringFunc(s, func(m string) string { return m[:1] + " " + m[1:] })
	if ds, ok := firstDate(s); ok {
		return ds.start, ds.at
	}
	if m := isoStampRe.FindStringSubmatchIndex(s); m != nil {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		if v := isoDate(y, mo, d); v != "" {
			return v, m[2]
		}
	}
	if m := numericDotRe.FindStringSubmatchIndex(s); m != nil && s[m[4]:m[5]] == s[m[8]:m[9]] {
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[6]:m[7]])
		y, _ := strconv.Atoi(s[m[10]:m[11]])
		if y < 100 {
			y += 2000
		}
		if v := isoDate(y, mo, d); v != "" {
			return v, m[0]
		}
	}
	if m := dayFirstShortRe.FindStringSubmatchIndex(s); m != nil {
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		if v := isoDate(2000+y, month(s[m[4]:m[5]]), d); v != "" {
			return v, m[0]
		}
	}
	return "", -1
}

// datelineOf returns the date of a line that is a dateline: short, with
// its date near its start (after a weekday or a time), an update's stamp
// after it cut off.
func datelineOf(s string) string {
	if m := updatedRe.FindStringIndex(s); m != nil && m[0] > 0 {
		s = s[:m[0]]
	}
	if len(s) > 48 {
		return ""
	}
	if v, at := datelineDate(s); v != "" && at < 16 {
		return v
	}
	return ""
}

// bylineName reports whether a line that starts "By" names a person
// ("By Jo Bloggs"), as a byline does, not "By the time ..."; other lines
// pass.
func bylineName(s string) bool {
	if len(s) < 4 || !strings.EqualFold(s[:3], "by ") {
		return true
	}
	r := []rune(strings.TrimLeft(s[3:], " "))
	return len(r) > 0 && unicode.IsUpper(r[0])
}

// maxDatelineLabel is the longest a byline or a labelled date line is:
// one that carries the publication and the update stamps and the author
// ("By Jo Bloggs, Local Democracy Reporter | Published: 10:05, 3 May 2023
// | Updated: ...") fits.
const maxDatelineLabel = 140

// storyPublished returns the date a story gives for its publication: a
// labelled date (the first, an update's only when no other is given),
// else a dateline below its headline, before its body.
func storyPublished(ls []line) string {
	h := ls[:min(len(ls), 200)]
	updated := ""
	for i, l := range h {
		if len(l.text) > maxDatelineLabel {
			continue // a sentence of the body ("By 4 March 2024, ..."), not a label
		}
		m := datelineLabelRe.FindStringSubmatchIndex(l.text)
		if m == nil || m[1] == 0 || !bylineName(l.text) {
			continue
		}
		rest := l.text[m[1]:]
		v, at := datelineDate(rest)
		if v == "" || at > 40 {
			v = ""
			if strings.TrimSpace(rest) == "" || len(rest) < 24 && !strings.ContainsAny(rest, "0123456789") {
				// "Published" with the date on the next line.
				if n := nextLines(h[i+1:], 1); len(n) > 0 {
					v = datelineOf(n[0].text)
				}
			}
		}
		if v == "" {
			continue
		}
		if m[2] >= 0 { // an update
			if updated == "" {
				updated = v
			}
			continue
		}
		if u := updatedRe.FindStringIndex(rest); u != nil && u[0] < at {
			continue // "Updated 09:14, 22 NOV 2023 | Published 06:00, 21 NOV": the label's date is the update's
		}
		return v
	}
	if v := storyDate(h, storyHeadlineAt(h)); v != "" {
		return v
	}
	return updated
}

// storyDate is the date of a story's dateline: a short line under its
// headline, past a standfirst, a byline and a caption, before the body
// ("12 Jun 2023", "08:02, 5 APR 2022", "Friday, March 15, 2024 – 09:12
// (UTC)"). A date above the headline is the page's header, not the
// story's.
func storyDate(h []line, headline int) string {
	if headline < 0 {
		return ""
	}
	seen := 0
	for _, l := range h[headline+1:] {
		if v := datelineOf(l.text); v != "" {
			return v
		}
		if seen++; seen >= 12 || len(strings.Fields(l.text)) >= 30 {
			break // the body has begun
		}
	}
	return ""
}
