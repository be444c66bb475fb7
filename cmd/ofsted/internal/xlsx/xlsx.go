package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/ofsted/ofsted/index"
)

// Book is what a workbook holds: findings (export rows) and summary rows.
// SummaryFirst puts the summary sheet first (the summary download; the
// findings sheet then holds the judgements behind its cells).
type Book struct {
	Findings     []index.Row
	Summary      []index.SummaryRow
	SummaryFirst bool
}

// Sheet names.
const (
	FindingsSheet = "Findings"
	SummarySheet  = "Summary"
)

// maxCell is the most characters Excel keeps in a cell.
const maxCell = 32767

// styles are the cell styles of a workbook.
type styles struct {
	header, date, text, wrap, number int
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	top := &excelize.Alignment{Vertical: "top"}
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}); err != nil {
		return s, err
	}
	dateFmt := "yyyy-mm-dd"
	if s.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: top}); err != nil {
		return s, err
	}
	if s.text, err = f.NewStyle(&excelize.Style{Alignment: top}); err != nil {
		return s, err
	}
	if s.wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}); err != nil {
		return s, err
	}
	if s.number, err = f.NewStyle(&excelize.Style{Alignment: top}); err != nil {
		return s, err
	}
	return s, nil
}

// column says how a column is written.
type column struct {
	name  string
	kind  byte // 't' text, 'w' wrapped text, 'd' date, 'n' number
	width float64
}

// Write writes the workbook to w.
func Write(w io.Writer, b Book) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write xlsx: %w", cerr)
		}
	}()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("write xlsx: styles: %w", err)
	}
	sheets := []func(string) error{
		func(name string) error { return writeSheet(f, st, name, findingColumns(), findingCells(b.Findings)) },
		func(name string) error { return writeSheet(f, st, name, summaryColumns(), summaryCells(b.Summary)) },
	}
	names := []string{FindingsSheet, SummarySheet}
	if b.SummaryFirst {
		sheets[0], sheets[1] = sheets[1], sheets[0]
		names[0], names[1] = names[1], names[0]
	}
	if err := f.SetSheetName(f.GetSheetName(0), names[0]); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if _, err := f.NewSheet(names[1]); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	for i, write := range sheets {
		if err := write(names[i]); err != nil {
			return fmt.Errorf("write xlsx: sheet %s: %w", names[i], err)
		}
	}
	f.SetActiveSheet(0)
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// writeSheet streams one sheet: header, rows, frozen header, filters.
func writeSheet(f *excelize.File, st styles, name string, cols []column, rows [][]string) error {
	// The filter goes on before streaming: the stream writer writes the
	// worksheet's own elements after the rows when it flushes, and a
	// filter added after that would only reach the workbook's names.
	last, err := excelize.CoordinatesToCellName(len(cols), len(rows)+1)
	if err != nil {
		return err
	}
	if err := f.AutoFilter(name, "A1:"+last, nil); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: st.header, Value: c.name}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	for r, row := range rows {
		cells := make([]any, len(cols))
		for i, c := range cols {
			cells[i] = cell(st, c.kind, row[i])
		}
		if err := sw.SetRow("A"+strconv.Itoa(r+2), cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// cell turns a CSV field into a typed, styled cell.
func cell(st styles, kind byte, v string) excelize.Cell {
	switch kind {
	case 'd':
		if t, err := time.Parse("2006-01-02", v); err == nil {
			return excelize.Cell{StyleID: st.date, Value: t}
		}
	case 'n':
		if n, err := strconv.Atoi(v); err == nil {
			return excelize.Cell{StyleID: st.number, Value: n}
		}
	case 'w':
		return excelize.Cell{StyleID: st.wrap, Value: clean(v)}
	}
	if v == "" {
		return excelize.Cell{StyleID: st.text}
	}
	return excelize.Cell{StyleID: st.text, Value: clean(v)}
}

// clean makes text fit for a cell: valid UTF-8, only the characters XML
// allows, at most maxCell characters.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			return -1
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > maxCell {
		s = string([]rune(s)[:maxCell-1]) + "…"
	}
	return s
}

func findingColumns() []column {
	kinds := map[string]column{
		"document_id": {kind: 't', width: 16}, "source_file": {kind: 't', width: 40}, "doc_type": {kind: 't', width: 18},
		"authority": {kind: 't', width: 20}, "authority_code": {kind: 't', width: 12},
		"published": {kind: 'd', width: 12}, "visit_start": {kind: 'd', width: 12}, "visit_end": {kind: 'd', width: 12},
		"kind": {kind: 't', width: 15}, "domain": {kind: 't', width: 20}, "grade": {kind: 't', width: 20},
		"text": {kind: 'w', width: 80}, "page": {kind: 'n', width: 6}, "rule": {kind: 't', width: 24},
		"themes": {kind: 'w', width: 24},
	}
	return columnsOf(index.RowHeader, kinds)
}

func summaryColumns() []column {
	kinds := map[string]column{}
	for _, h := range index.SummaryHeader() {
		c := column{kind: 't', width: 14}
		switch {
		case h == "authority":
			c.width = 22
		case h == "region":
			c.width = 18
		case strings.HasSuffix(h, "_published") || strings.HasSuffix(h, "_visit_start") || strings.HasSuffix(h, "_visit_end"):
			c = column{kind: 'd', width: 12}
		case strings.HasPrefix(h, "visits_since"):
			c = column{kind: 'w', width: 24}
		case h == "documents":
			c = column{kind: 'n', width: 10}
		}
		kinds[h] = c
	}
	return columnsOf(index.SummaryHeader(), kinds)
}

func columnsOf(header []string, kinds map[string]column) []column {
	cols := make([]column, len(header))
	for i, h := range header {
		c, ok := kinds[h]
		if !ok {
			c = column{kind: 't', width: 14}
		}
		c.name = h
		cols[i] = c
	}
	return cols
}

func findingCells(rows []index.Row) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = r.Strings()
	}
	return out
}

func summaryCells(rows []index.SummaryRow) [][]string {
	out := make([][]string, len(rows))
	for i := range rows {
		row := rows[i].Strings()
		for j, h := range index.SummaryHeader() {
			if strings.HasPrefix(h, "visits_since") {
				row[j] = strings.ReplaceAll(row[j], ";", "\n")
			}
		}
		out[i] = row
	}
	return out
}
