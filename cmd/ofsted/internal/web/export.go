package web

import (
	"bytes"
	"net/http"

	"github.com/ofsted/ofsted/cmd/ofsted/internal/safecsv"
	"github.com/ofsted/ofsted/cmd/ofsted/internal/xlsx"
	"github.com/ofsted/ofsted/index"
)

// apiExport writes the findings a search selects (its query text and
// filters; paging and order do not apply) as CSV (for Excel: byte order
// mark, CRLF, safe cells), JSON, or an Excel workbook with the summary of
// the authorities they belong to. These are exactly the finding hits of the
// same search: copies are not dropped here (the command's --dedupe), so
// that the count agrees with the page.
func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	p, q, err := parseParams(v)
	if err != nil {
		return err
	}
	if p.filters["unit"] == "page" {
		return badRequest("unit=page: pages are not findings; an export holds findings only")
	}
	format := v.Get("format")
	switch format {
	case "", "json", "csv", "xlsx":
	default:
		return badRequest("format %q: want json, csv or xlsx", format)
	}
	q.Sort = ""
	var rows []index.Row
	err = s.store.Read(func(ix *index.Group) error {
		return ix.Findings(r.Context(), q, func(row index.Row) error {
			rows = append(rows, row)
			return nil
		})
	})
	if err != nil {
		return err
	}
	switch format {
	case "csv":
		fields := make([][]string, len(rows))
		for i, row := range rows {
			fields[i] = row.Strings()
		}
		var b bytes.Buffer
		if err := safecsv.Table(&b, true, index.RowHeader, fields); err != nil {
			return err
		}
		return download(w, "ofsted-findings.csv", "text/csv; charset=utf-8", b.Bytes())
	case "xlsx":
		cat, err := s.store.Catalogue(r.Context())
		if err != nil {
			return err
		}
		summary := index.SummaryOf(cat, rows)
		var b bytes.Buffer
		if err := xlsx.Write(&b, xlsx.Book{Findings: rows, Summary: summary}); err != nil {
			return err
		}
		return download(w, "ofsted-findings.xlsx", xlsxType, b.Bytes())
	}
	for i := range rows {
		if rows[i].Themes == nil {
			rows[i].Themes = []string{}
		}
	}
	if rows == nil {
		rows = []index.Row{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": queryJSON(q), "total": len(rows), "findings": rows})
	return nil
}
