package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/index"
)

func testBook() Book {
	return Book{
		Findings: []index.Row{
			{DocumentID: "015b4037e2d6-1", SourceFile: "/reports/ilacs-2023.pdf", DocType: "ilacs_inspection",
				Authority: "Nottingham", AuthorityCode: "E06000018", Published: "2023-09-01", VisitStart: "2023-07-10",
				VisitEnd: "2023-07-21", Kind: "weakness", Text: "=HYPERLINK(\"http://example.com\") is not a formula\x01 here " + strings.Repeat("long text ", 20),
				Page: 7, Rule: "weakness.cue", Themes: []string{"supervision", "caseloads"}},
			{DocumentID: "84aa4739d695-1", SourceFile: "/reports/fv.pdf", DocType: "focused_visit", Authority: "Bury",
				AuthorityCode: "E08000002", Published: "", Kind: "strength", Text: "Plans are clear.", Page: 2, Themes: []string{}},
		},
		Summary: []index.SummaryRow{{
			Authority: extract.Authority{Name: "Nottingham", Code: "E06000018"}, Region: "East Midlands",
			Latest: &index.Inspection{DocumentID: "015b4037e2d6-1", Type: extract.TypeILACS, Published: "2023-09-01",
				Grades: map[extract.Domain]extract.Grade{extract.DomainOverall: extract.GradeRI}},
			Direction:   index.DirectionImproved,
			VisitsSince: []index.Visit{{DocumentID: "a-1", Type: extract.TypeFocused, Date: "2024-02-06"}, {DocumentID: "b-1", Type: extract.TypeMonitoring, Date: "2024-06-01"}},
			Documents:   4,
		}},
	}
}

func writeT(t *testing.T, b Book) ([]byte, *excelize.File) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return buf.Bytes(), f
}

// sheetXML returns the XML of the named worksheet part.
func sheetXML(t *testing.T, data []byte, part string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == part {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("no part %s", part)
	return ""
}

func TestWorkbook(t *testing.T) {
	data, f := writeT(t, testBook())
	if got := strings.Join(f.GetSheetList(), ","); got != "Findings,Summary" {
		t.Fatalf("sheets = %s", got)
	}
	for i, sheet := range []struct {
		name, part, lastCol string
		rows                int
	}{
		{FindingsSheet, "xl/worksheets/sheet1.xml", "O", 3},
		{SummarySheet, "xl/worksheets/sheet2.xml", "AD", 2},
	} {
		t.Run(sheet.name, func(t *testing.T) {
			rows, err := f.GetRows(sheet.name)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != sheet.rows {
				t.Errorf("%d rows, want %d", len(rows), sheet.rows)
			}
			panes, err := f.GetPanes(sheet.name)
			if err != nil || !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("header not frozen: %+v %v", panes, err)
			}
			x := sheetXML(t, data, sheet.part)
			// excelize writes the range with absolute references.
			want := fmt.Sprintf(`<autoFilter ref="$A$1:$%s$%d"`, sheet.lastCol, sheet.rows)
			if !strings.Contains(x, want) {
				t.Errorf("sheet %d: no filter over the table (want %s in %.200s...)", i+1, want, x[strings.Index(x, "</sheetData>"):])
			}
			if strings.Contains(x, "<f>") {
				t.Error("a cell holds a formula")
			}
		})
	}

	t.Run("DatesAreDates", func(t *testing.T) {
		v, err := f.GetCellValue(FindingsSheet, "F2", excelize.Options{RawCellValue: true})
		if err != nil || v != "45170" { // 2023-09-01 as an Excel serial day
			t.Errorf("published raw value %q, %v; want the serial 45170", v, err)
		}
		shown, _ := f.GetCellValue(FindingsSheet, "F2")
		if shown != "2023-09-01" {
			t.Errorf("published shown as %q", shown)
		}
		if v, _ := f.GetCellValue(FindingsSheet, "F3"); v != "" {
			t.Errorf("unknown date shown as %q, want empty", v)
		}
		if v, _ := f.GetCellValue(SummarySheet, "E2", excelize.Options{RawCellValue: true}); v != "45170" {
			t.Errorf("summary latest_published raw %q", v)
		}
	})
	t.Run("TextWrapped", func(t *testing.T) {
		id, err := f.GetCellStyle(FindingsSheet, "L2")
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil || st.Alignment == nil || !st.Alignment.WrapText {
			t.Errorf("text cell not wrapped: %+v %v", st, err)
		}
	})
	t.Run("ValuesNotFormulas", func(t *testing.T) {
		v, _ := f.GetCellValue(FindingsSheet, "L2")
		if !strings.HasPrefix(v, "=HYPERLINK") || strings.ContainsRune(v, '\x01') {
			t.Errorf("text = %q", v)
		}
		if fm, _ := f.GetCellFormula(FindingsSheet, "L2"); fm != "" {
			t.Errorf("text became the formula %q", fm)
		}
	})
	t.Run("PageIsNumber", func(t *testing.T) {
		if typ, _ := f.GetCellType(FindingsSheet, "M2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("page cell type %v", typ)
		}
		if v, _ := f.GetCellValue(FindingsSheet, "M2"); v != "7" {
			t.Errorf("page %q", v)
		}
	})
}

func TestSummaryFirst(t *testing.T) {
	b := testBook()
	b.SummaryFirst = true
	_, f := writeT(t, b)
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Findings" {
		t.Errorf("sheets = %s", got)
	}
	if v, _ := f.GetCellValue(SummarySheet, "A2"); v != "Nottingham" {
		t.Errorf("summary A2 = %q", v)
	}
}

func TestEmptyBook(t *testing.T) {
	_, f := writeT(t, Book{})
	for _, s := range []string{FindingsSheet, SummarySheet} {
		rows, err := f.GetRows(s)
		if err != nil || len(rows) != 1 {
			t.Errorf("%s: %d rows (%v), want the header alone", s, len(rows), err)
		}
	}
}

func TestClean(t *testing.T) {
	long := strings.Repeat("é", maxCell+10)
	tests := []struct{ name, in, want string }{
		{"ControlDropped", "a\x00b\x1fc", "abc"},
		{"LinesKept", "a\nb\tc", "a\nb\tc"},
		{"InvalidUTF8", "a\xffb", "a\uFFFDb"},
		{"Long", long, strings.Repeat("é", maxCell-1) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clean(tt.in); got != tt.want {
				t.Errorf("clean = %.40q..., want %.40q...", got, tt.want)
			}
		})
	}
}
