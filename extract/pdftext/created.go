package pdftext

// A PDF's creation date is the last resort for a document's publication
// date: Ofsted's letters and reports are made into PDF days before they
// are published, so the creation date bounds the publication date from
// below when the text states none. The /Info dictionary's /CreationDate
// is a PDF date string, "D:YYYYMMDDHHmmSSOHH'mm'", which writers get wrong
// in several known ways: no "D:", a space after it, the Y2K bug ("D:19123"
// for 2023: the year printed as "19" and years since 1900), ISO 8601 as in
// XMP, a US or UK numeric date, the C library's ctime form. Newer files
// may have only XMP metadata (xmp:CreateDate, ISO 8601). Only a whole,
// real calendar date is taken: an unknown date is empty, never guessed,
// and a date whose day and month could be either way round is unknown.
// The date is the one the writer states, in its own time zone.

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// maxXMP bounds the bytes of an XMP metadata stream searched for a date.
const maxXMP = 1 << 20

// created returns the file's creation date, YYYY-MM-DD, or "". A broken
// /Info or metadata stream makes the date unknown, never the file unread.
func (d *doc) created(rd *pdf.Reader) string {
	var out string
	d.guard(func() {
		info := rd.Trailer().Key("Info")
		if out = pdfDate(info.Key("CreationDate").Text()); out != "" {
			return
		}
		meta := rd.Trailer().Key("Root").Key("Metadata")
		if meta.Kind() != pdf.Stream {
			return
		}
		rc := meta.Reader()
		defer rc.Close()
		b, _ := io.ReadAll(io.LimitReader(rc, maxXMP))
		out = xmpCreated(b)
	})
	return out
}

// reXMPCreate finds the creation date in XMP, as an element or an
// attribute, under the current prefix (xmp) or the one before 2004 (xap).
var reXMPCreate = regexp.MustCompile(`(?:xmp|xap):CreateDate\s*(?:>|=\s*["'])\s*([^<"']{4,40})`)

func xmpCreated(b []byte) string {
	m := reXMPCreate.FindSubmatch(b)
	if m == nil {
		return ""
	}
	return pdfDate(string(m[1]))
}

// Years a PDF's creation date can fall in: PDF appeared in 1993.
const minYear, maxYear = 1993, 2100

var (
	// reDigits is a PDF date string's leading run of digits, after an
	// optional "D:".
	reDigits = regexp.MustCompile(`^(?i:D:)?\s*([0-9]+)`)
	// reISO is an ISO 8601 date (XMP's form, which some writers put in
	// /CreationDate too).
	reISO = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:$|[T ])`)
	// reNumeric is a numeric date with the year last: 12/05/2023, 5-12-2023.
	reNumeric = regexp.MustCompile(`^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})(?:$|[ ,T])`)
)

// textLayouts are the written-out forms some writers use.
var textLayouts = []string{
	time.ANSIC,                     // Mon Jan _2 15:04:05 2006
	"Mon Jan _2 15:04:05 MST 2006", // date(1)
	time.RFC1123Z, time.RFC1123,
	"2 January 2006", "2 Jan 2006", "January 2, 2006", "Jan 2, 2006",
}

// pdfDate turns a creation date as written in a PDF into YYYY-MM-DD, or ""
// when it is not a whole, real date.
func pdfDate(s string) string {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "\x00"))
	if s == "" {
		return ""
	}
	if m := reISO.FindStringSubmatch(s); m != nil {
		return ymd(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := reNumeric.FindStringSubmatch(s); m != nil {
		a, b, y := atoi(m[1]), atoi(m[2]), atoi(m[3])
		switch {
		case a > 12 && b <= 12:
			return ymd(y, b, a)
		case b > 12 && a <= 12:
			return ymd(y, a, b)
		case a == b:
			return ymd(y, a, b)
		}
		return "" // day and month could be either way round
	}
	if m := reDigits.FindStringSubmatch(s); m != nil {
		if d := digitDate(m[1]); d != "" {
			return d
		}
	}
	for _, layout := range textLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return ymd(t.Year(), int(t.Month()), t.Day())
		}
	}
	return ""
}

// digitDate reads YYYYMMDD from the start of a PDF date's digits. The
// fields after the day (hours to seconds) come in pairs, so a run of odd
// length that starts "191" is the Y2K bug's year (19 and then years since
// 1900).
func digitDate(d string) string {
	if len(d)%2 == 1 && len(d) >= 9 && strings.HasPrefix(d, "191") {
		return ymd(1900+atoi(d[2:5]), atoi(d[5:7]), atoi(d[7:9]))
	}
	if len(d) < 8 {
		return "" // a year or a month alone is not a date
	}
	return ymd(atoi(d[:4]), atoi(d[4:6]), atoi(d[6:8]))
}

// ymd formats a calendar date, or returns "" if it does not exist or
// falls outside the years a PDF can have been made in.
func ymd(y, m, d int) string {
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > 31 {
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "" // 31 April, 29 February of a common year
	}
	return t.Format("2006-01-02")
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
