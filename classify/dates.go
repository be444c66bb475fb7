package classify

// Dates in Ofsted documents are written day-first in words ("11 July 2022"),
// and visit dates as ranges that share the month or year of their end:
// "11 to 22 July 2022", "11 – 22 July 2022", "28 February and 1 March 2023",
// "30 December 2019 to 3 January 2020", "29 and 30 September, and 1 October 2020".
// News adds month-first forms ("January 18, 2025") and numeric dates.
// Every parsed date is checked against the calendar; an impossible date
// ("6 November 20205", "31 June 2020") is no date.

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ofsted/ofsted/extract/text"
)

const monthNames = `January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec`

var (
	// dash matches the separators of a range.
	rangeRe = text.Lazy(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+(` + monthNames + `)\.?)?(?:,?\s+(\d{4}))?` +
		`,?\s*(?:to|until|till|and|[-–—‑])\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthNames + `)\.?,?\s+(\d{4})\b`)
	dayFirstRe   = text.Lazy(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthNames + `)\.?,?\s+(\d{4,5})\b`)
	monthFirstRe = text.Lazy(`(?i)\b(` + monthNames + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	numericRe    = text.Lazy(`\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b`)
	dayListRe    = text.Lazy(`\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:,|and|,\s*and)\s*$`)
	isoRe        = text.Lazy(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	// "12/09/2016 to 06/10/2016" (British order, day first), or one such date.
	numericRangeRe = text.Lazy(`\b(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*(?:to|until|and|[-–—])\s*(\d{1,2})/(\d{1,2})/(\d{4}))?\b`)
	// Days and a month with no year: "on 13 and 14 July", "between 3 and
	// 5 March" (letters that leave the year to their date).
	yearlessRe = text.Lazy(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+(` + monthNames + `))?\s*(?:to|and|[-–—])\s*(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthNames + `)\b(?:[.,;]|\s+(?:[^0-9\s]|$))|\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthNames + `)\b(?:[.,;]|\s+(?:[^0-9\s]|$))`)
)

// month returns the month number of a name or abbreviation, 0 if none.
func month(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(s, m) {
			return i + 1
		}
	}
	return 0
}

// isoDate formats a calendar date, or returns "" if it does not exist.
func isoDate(y, m, d int) string {
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return ""
	}
	return t.Format("2006-01-02")
}

// validISO reports whether s is empty or a real YYYY-MM-DD date.
func validISO(s string) bool {
	if s == "" {
		return true
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// dateSpan is a parsed date or range with its position in the text.
type dateSpan struct {
	start, end string // ISO dates; end == start for a single date
	at, stop   int    // byte offsets of the match in the text
}

// parseDates finds every date and date range in s, in order. A range
// "28 February and 1 March 2023" is one span; its start borrows the month
// and year of its end, stepping back a year when that would put the start
// after the end ("30 December to 3 January 2020").
func parseDates(s string) []dateSpan {
	var out []dateSpan
	taken := func(a, b int) bool {
		for _, d := range out {
			if a < d.stop && b > d.at {
				return true
			}
		}
		return false
	}
	for _, m := range rangeRe.FindAllStringSubmatchIndex(s, -1) {
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		d2, _ := strconv.Atoi(g(4))
		m2 := month(g(5))
		y2, _ := strconv.Atoi(g(6))
		end := isoDate(y2, m2, d2)
		if end == "" {
			continue
		}
		d1, _ := strconv.Atoi(g(1))
		m1, y1 := m2, y2
		if g(2) != "" {
			m1 = month(g(2))
		}
		if g(3) != "" {
			y1, _ = strconv.Atoi(g(3))
		}
		at := m[0]
		// A list of days before the range: "29 and 30 September, and 1 October".
		if p := dayListRe.FindStringSubmatchIndex(s[:at]); p != nil {
			d1, _ = strconv.Atoi(s[p[2]:p[3]])
			at = p[0]
		}
		start := isoDate(y1, m1, d1)
		if start > end && g(3) == "" {
			start = isoDate(y1-1, m1, d1)
		}
		if start == "" || start > end {
			continue
		}
		out = append(out, dateSpan{start: start, end: end, at: at, stop: m[1]})
	}
	for _, m := range dayFirstRe.FindAllStringSubmatchIndex(s, -1) {
		if taken(m[0], m[1]) {
			continue
		}
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		if v := isoDate(y, month(s[m[4]:m[5]]), d); v != "" {
			out = append(out, dateSpan{start: v, end: v, at: m[0], stop: m[1]})
		}
	}
	for _, m := range numericRangeRe.FindAllStringSubmatchIndex(s, -1) {
		if taken(m[0], m[1]) {
			continue
		}
		n := func(i int) int { v, _ := strconv.Atoi(s[m[2*i]:m[2*i+1]]); return v }
		start := isoDate(n(3), n(2), n(1))
		end := start
		if m[8] >= 0 {
			end = isoDate(n(6), n(5), n(4))
		}
		if start != "" && end != "" && start <= end {
			out = append(out, dateSpan{start: start, end: end, at: m[0], stop: m[1]})
		}
	}
	for _, m := range monthFirstRe.FindAllStringSubmatchIndex(s, -1) {
		if taken(m[0], m[1]) {
			continue
		}
		d, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		if v := isoDate(y, month(s[m[2]:m[3]]), d); v != "" {
			out = append(out, dateSpan{start: v, end: v, at: m[0], stop: m[1]})
		}
	}
	sortSpans(out)
	return out
}

func sortSpans(xs []dateSpan) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j].at < xs[j-1].at; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// firstDate returns the first date or range in s.
func firstDate(s string) (dateSpan, bool) {
	ds := parseDates(s)
	if len(ds) == 0 {
		return dateSpan{}, false
	}
	return ds[0], true
}

// yearlessDates finds the first run of days and month with no year in s
// ("13 and 14 July") and dates it in the year that puts it on or before
// ref (a YYYY-MM-DD letter date) and less than a year before it.
func yearlessDates(s, ref string) (dateSpan, bool) {
	if len(ref) < 10 {
		return dateSpan{}, false
	}
	m := yearlessRe.FindStringSubmatchIndex(s)
	if m == nil {
		return dateSpan{}, false
	}
	g := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	y, _ := strconv.Atoi(ref[:4])
	var d1, m1, d2, m2 int
	if g(4) != "" {
		d1, _ = strconv.Atoi(g(1))
		d2, _ = strconv.Atoi(g(3))
		m2 = month(g(4))
		m1 = m2
		if g(2) != "" {
			m1 = month(g(2))
		}
	} else {
		d1, _ = strconv.Atoi(g(5))
		m1 = month(g(6))
		d2, m2 = d1, m1
	}
	for _, yy := range []int{y, y - 1} {
		end := isoDate(yy, m2, d2)
		start := isoDate(yy, m1, d1)
		if start > end {
			start = isoDate(yy-1, m1, d1)
		}
		if start != "" && end != "" && end <= ref {
			return dateSpan{start: start, end: end, at: m[0], stop: m[1]}, true
		}
	}
	return dateSpan{}, false
}

// numericDate parses "25/01/2024", "25/01/24" or "2024-01-25".
func numericDate(s string) string {
	if m := isoRe.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return isoDate(y, mo, d)
	}
	if m := numericRe.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		if y < 100 {
			y += 2000
		}
		return isoDate(y, mo, d)
	}
	return ""
}

// fileNameDate returns a full date written in a file's base name: Ofsted's
// download names and the common scrapers end in "- 14 january 2022.pdf".
// It is the publication date of last resort for documents that print none
// (ILACS and area SEND reports carry no publication date in their text).
func fileNameDate(path string) string {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if d, ok := firstDate(base); ok && d.start == d.end {
		return d.start
	}
	return numericDate(base)
}

// String renders a span for debugging and test failure messages.
func (d dateSpan) String() string { return fmt.Sprintf("%s..%s@%d", d.start, d.end, d.at) }
