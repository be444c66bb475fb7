// Package safecsv writes RFC 4180 CSV that opens cleanly in Excel and
// cannot run formulas there: the findings export of the command line and
// the downloads of the web page write through it, so both make the same
// cells safe.
//
// Every field with a comma, quote or line break is quoted (encoding/csv
// does that), and for Excel the file starts with a UTF-8 byte order mark
// (without it Excel reads UTF-8 as the local code page) and ends lines
// with CRLF.
package safecsv

import (
	"encoding/csv"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Writer writes safe CSV rows.
type Writer struct {
	w *csv.Writer
}

// NewWriter returns a Writer to w; excel adds the byte order mark and CRLF
// line ends.
func NewWriter(w io.Writer, excel bool) (*Writer, error) {
	if excel {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return nil, err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = excel
	return &Writer{w: cw}, nil
}

// Header writes a header row as it is.
func (c *Writer) Header(names []string) error { return c.w.Write(names) }

// Row writes a row, each field made safe by Cell.
func (c *Writer) Row(fields []string) error {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = Cell(f)
	}
	return c.w.Write(out)
}

// Flush writes what is buffered and reports any error so far.
func (c *Writer) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// Cell makes a value safe to open in a spreadsheet. A cell that starts
// with =, +, -, @ (or a tab or carriage return) is read by Excel as a
// formula, which both garbles text such as "- Improve the quality of
// plans" and lets a hostile document run formulas on an analyst's machine
// (CSV injection). List bullets are stripped, since they are layout, not
// content; anything else that would start a formula is prefixed with an
// apostrophe, which Excel shows as text and hides.
func Cell(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if s == "" {
		return s
	}
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	for {
		stripped := strings.TrimLeft(t, "-+•·▪◼●○■□–—−*")
		if stripped == t {
			break
		}
		r, _ := utf8.DecodeRuneInString(stripped)
		if stripped == "" || !unicode.IsSpace(r) {
			break // "-5 children" or "+44": not a bullet
		}
		t = strings.TrimLeftFunc(stripped, unicode.IsSpace)
	}
	if t != strings.TrimLeftFunc(s, unicode.IsSpace) {
		s = t
	}
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// Table writes a header and rows, each row made safe, and flushes.
func Table(w io.Writer, excel bool, header []string, rows [][]string) error {
	cw, err := NewWriter(w, excel)
	if err != nil {
		return err
	}
	if err := cw.Header(header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Row(r); err != nil {
			return err
		}
	}
	return cw.Flush()
}
