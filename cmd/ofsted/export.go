package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/cmd/ofsted/internal/safecsv"
	"github.com/ofsted/ofsted/cmd/ofsted/internal/xlsx"
	"github.com/ofsted/ofsted/index"
)

// csvColumns is the export's column order. It is part of the interface:
// analysts' spreadsheets and scripts refer to columns by position, so new
// columns go at the end.
var csvColumns = index.RowHeader

type exportOptions struct {
	dirs   []string
	query  index.Query
	format string
	excel  bool
	output string
	stdout io.Writer
}

func newExportCmd(e *env) *cobra.Command {
	o := exportOptions{stdout: e.stdout}
	var f filterFlags
	var dirs []string
	c := &cobra.Command{
		Use:   "export [QUERY]",
		Short: "Write findings as CSV or JSON Lines",
		Long: `Export writes every finding in the index, or those matching the filters and QUERY, one per
row, as CSV (RFC 4180, UTF-8, header row) or JSON Lines. Columns, in this order:

  ` + strings.Join(csvColumns, ",") + `

Cells that a spreadsheet would take for a formula are made safe, and --excel adds the byte
order mark and CRLF line ends that Excel expects. --format xlsx writes an Excel workbook
instead: the findings (header frozen, filters on, dates as dates, text wrapped) and the
summary of their authorities (see 'ofsted summary').`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			text := ""
			if len(args) == 1 {
				text = args[0]
			}
			q, err := f.query(text)
			if err != nil {
				return err
			}
			switch o.format {
			case "csv", "json":
			case "xlsx":
				if o.output == "" && e.isTTY(e.stdout) {
					return usagef("--format xlsx writes a binary file: give --output FILE, or redirect standard output")
				}
			default:
				return usagef("--format must be csv, json or xlsx, not %q", o.format)
			}
			d, err := indexDirs(e, dirs)
			if err != nil {
				return err
			}
			q.Dedupe = o.query.Dedupe
			o.dirs, o.query = d, q
			return runExport(c.Context(), o)
		},
	}
	indexesFlag(c, &dirs)
	f.add(c)
	completeFilters(e, c)
	c.Flags().StringVar(&o.format, "format", "csv", "output format: csv, json (JSON Lines) or xlsx (Excel: a findings sheet and a summary sheet)")
	completeFormats(c, "csv", "json", "xlsx")
	c.Flags().BoolVar(&o.excel, "excel", false, "CSV for Excel: UTF-8 byte order mark and CRLF line ends")
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to this file instead of standard output")
	c.Flags().BoolVar(&o.query.Dedupe, "dedupe", true, "skip documents that are another copy (same_as) of an exported document")
	return c
}

func runExport(ctx context.Context, o exportOptions) error {
	g, err := openGroupForReading(o.dirs)
	if err != nil {
		return err
	}
	defer g.Close()
	return writeOutput(o.output, o.stdout, func(w io.Writer) error { return writeExport(ctx, g, o, w) })
}

func writeExport(ctx context.Context, ix *index.Group, o exportOptions, w io.Writer) error {
	if o.format == "xlsx" {
		var rows []index.Row
		err := ix.Findings(ctx, o.query, func(r index.Row) error {
			rows = append(rows, r)
			return nil
		})
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		cat, err := ix.Catalogue(ctx)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return xlsx.Write(w, xlsx.Book{Findings: rows, Summary: index.SummaryOf(cat, rows)})
	}
	if o.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return ix.Findings(ctx, o.query, func(r index.Row) error { return enc.Encode(rowJSON(r)) })
	}
	cw, err := safecsv.NewWriter(w, o.excel)
	if err != nil {
		return err
	}
	if err := cw.Header(csvColumns); err != nil {
		return err
	}
	err = ix.Findings(ctx, o.query, func(r index.Row) error {
		return cw.Row(r.Strings())
	})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return cw.Flush()
}

func rowJSON(r index.Row) index.Row {
	if r.Themes == nil {
		r.Themes = []string{}
	}
	return r
}
