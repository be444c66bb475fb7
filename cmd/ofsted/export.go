package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/index"
)

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
order mark and CRLF line ends that Excel expects.`,
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
			if o.format != "csv" && o.format != "json" {
				return usagef("--format must be csv or json, not %q", o.format)
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
	c.Flags().StringVar(&o.format, "format", "csv", "output format: csv or json (JSON Lines)")
	c.Flags().BoolVar(&o.excel, "excel", false, "CSV for Excel: UTF-8 byte order mark and CRLF line ends")
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to this file instead of standard output")
	c.Flags().BoolVar(&o.query.Dedupe, "dedupe", true, "skip documents that are another copy (same_as) of an exported document")
	return c
}

func runExport(ctx context.Context, o exportOptions) (err error) {
	g, err := openGroupForReading(o.dirs)
	if err != nil {
		return err
	}
	defer g.Close()

	w := o.stdout
	var tmp *os.File
	if o.output != "" {
		// Write beside the target and rename at the end, so that a failed
		// export never leaves half a file where the last good one was.
		tmp, err = os.CreateTemp(filepath.Dir(o.output), ".ofsted-export-*")
		if err != nil {
			return fmt.Errorf("export to %s: %w", o.output, err)
		}
		defer func() {
			if err != nil {
				tmp.Close()
				os.Remove(tmp.Name())
			}
		}()
		w = tmp
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if err := writeExport(ctx, g, o, bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if tmp != nil {
		if err := tmp.Close(); err != nil {
			return fmt.Errorf("export to %s: %w", o.output, err)
		}
		if err := os.Rename(tmp.Name(), o.output); err != nil {
			return fmt.Errorf("export to %s: %w", o.output, err)
		}
	}
	return nil
}

func writeExport(ctx context.Context, ix *index.Group, o exportOptions, w io.Writer) error {
	if o.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return ix.Findings(ctx, o.query, func(r index.Row) error { return enc.Encode(rowJSON(r)) })
	}
	cw, err := newCSVWriter(w, o.excel)
	if err != nil {
		return err
	}
	if err := cw.header(); err != nil {
		return err
	}
	err = ix.Findings(ctx, o.query, func(r index.Row) error {
		return cw.row(r.Strings())
	})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return cw.flush()
}

func rowJSON(r index.Row) index.Row {
	if r.Themes == nil {
		r.Themes = []string{}
	}
	return r
}
