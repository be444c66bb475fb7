package main

import (
	"encoding/csv"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ofsted/ofsted/index"
)

// csvColumns is the export's column order. It is part of the interface:
// analysts' spreadsheets and scripts refer to columns by position, so new
// columns go at the end.
var csvColumns = index.RowHeader

// csvWriter writes RFC 4180 CSV that opens cleanly in Excel: every field
// with a comma, quote or line break is quoted (encoding/csv does that), and
// with excel set the file starts with a UTF-8 byte order mark (without it
// Excel reads UTF-8 as the local code page) and ends lines with CRLF.
type csvWriter struct {
	w *csv.Writer
}

func newCSVWriter(w io.Writer, excel bool) (*csvWriter, error) {
	if excel {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return nil, err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = excel
	return &csvWriter{w: cw}, nil
}

func (c *csvWriter) header() error { return c.w.Write(csvColumns) }

func (c *csvWriter) row(fields []string) error {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = safeCell(f)
	}
	return c.w.Write(out)
}

func (c *csvWriter) flush() error {
	c.w.Flush()
	return c.w.Error()
}

// safeCell makes a value safe to open in a spreadsheet. A cell that
// starts with =, +, -, @ (or a tab or carriage return) is read by Excel
// as a formula, which both garbles text such as "- Improve the quality
// of plans" and lets a hostile document run formulas on an analyst's
// machine (CSV injection). List bullets are stripped, since they are
// layout, not content; anything else that would start a formula is
// prefixed with an apostrophe, which Excel shows as text and hides.
func safeCell(s string) string {
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
