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
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/cmd/ofsted/internal/safecsv"
	"github.com/ofsted/ofsted/cmd/ofsted/internal/xlsx"
	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/index"
)

type summaryOptions struct {
	dirs   []string
	filter index.SummaryFilter
	sort   string
	desc   bool
	format string
	output string
	tty    bool
	stdout io.Writer
}

func newSummaryCmd(e *env) *cobra.Command {
	o := summaryOptions{stdout: e.stdout}
	var dirs []string
	c := &cobra.Command{
		Use:   "summary",
		Short: "One row per authority: latest grades, the previous ones, direction, visits since",
		Long: `Summary prints the table analysts keep by hand, from the documents in the index: one row
per authority with its latest graded inspection (ILACS or SIF report: type, publication
date, grade in each domain), the previous graded inspection's grades, the direction of
change, and the dates of focused visits, monitoring visits and JTAI letters since. Every
cell names the document it came from (the CSV, JSON and Excel forms carry the IDs).

  ofsted summary
  ofsted summary --region "East Midlands" --sort published --desc
  ofsted summary --format xlsx -o summary.xlsx`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			switch o.format {
			case "table", "csv", "json", "xlsx":
			default:
				return usagef("--format must be table, csv, json or xlsx, not %q", o.format)
			}
			o.filter.Grade = normGrade(o.filter.Grade)
			if err := o.filter.Check(); err != nil {
				return usageError{err}
			}
			if err := index.SortSummary(nil, o.sort, o.desc); err != nil {
				return usageError{err}
			}
			d, err := indexDirs(e, dirs)
			if err != nil {
				return err
			}
			o.dirs, o.tty = d, e.isTTY(e.stdout)
			if o.format == "xlsx" && o.output == "" && o.tty {
				return usagef("--format xlsx writes a binary file: give --output FILE, or redirect standard output")
			}
			return runSummary(c.Context(), o)
		},
	}
	indexesFlag(c, &dirs)
	c.Flags().StringVar(&o.filter.Region, "region", "", "only authorities in these regions (comma-separated), e.g. London")
	c.Flags().StringVar(&o.filter.Grade, "grade", "", "only authorities whose latest overall grade is one of these (or none)")
	c.Flags().StringVar(&o.sort, "sort", "authority", "order: "+strings.Join(index.SummarySorts(), ", "))
	c.Flags().BoolVar(&o.desc, "desc", false, "reverse the order")
	c.Flags().StringVar(&o.format, "format", "table", "output format: table, csv, json or xlsx")
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to this file instead of standard output")
	c.RegisterFlagCompletionFunc("region", fixedCompletion(classify.Regions()...))
	c.RegisterFlagCompletionFunc("grade", fixedCompletion(strings.Split(joinVocab(append(extract.Grades(), "none")), ", ")...))
	c.RegisterFlagCompletionFunc("sort", fixedCompletion(index.SummarySorts()...))
	completeFormats(c, "table", "csv", "json", "xlsx")
	return c
}

func runSummary(ctx context.Context, o summaryOptions) error {
	ix, err := openGroupForReading(o.dirs)
	if err != nil {
		return err
	}
	defer ix.Close()
	cat, err := ix.Catalogue(ctx)
	if err != nil {
		return err
	}
	var rows []index.SummaryRow
	for _, r := range index.Summarise(cat) {
		if o.filter.Match(&r) {
			rows = append(rows, r)
		}
	}
	if err := index.SortSummary(rows, o.sort, o.desc); err != nil {
		return err
	}
	return writeOutput(o.output, o.stdout, func(w io.Writer) error {
		switch o.format {
		case "csv":
			fields := make([][]string, len(rows))
			for i := range rows {
				fields[i] = rows[i].Strings()
			}
			return safecsv.Table(w, false, index.SummaryHeader(), fields)
		case "json":
			if rows == nil {
				rows = []index.SummaryRow{}
			}
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(rows)
		case "xlsx":
			judgements, err := ix.Judgements(rows)
			if err != nil {
				return err
			}
			return xlsx.Write(w, xlsx.Book{Findings: judgements, Summary: rows, SummaryFirst: true})
		}
		return writeSummaryTable(w, rows)
	})
}

// writeOutput writes through fn to path (beside it first, then renamed, so
// that a failure never leaves half a file where the last good one was), or
// to stdout when path is empty.
func writeOutput(path string, stdout io.Writer, fn func(io.Writer) error) (err error) {
	if path == "" {
		bw := bufio.NewWriterSize(stdout, 1<<16)
		if err := fn(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ofsted-out-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 1<<16)
	if err := fn(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// summaryShort are the domains the table shows, with short headings.
var summaryShort = []struct {
	d    extract.Domain
	head string
}{
	{extract.DomainOverall, "OE"}, {extract.DomainLeaders, "LDR"}, {extract.DomainHelp, "H&P"},
	{extract.DomainInCare, "CIC"}, {extract.DomainCareLeaver, "CL"},
}

func gradeShort(g extract.Grade) string {
	switch g {
	case extract.GradeOutstanding:
		return "O"
	case extract.GradeGood:
		return "G"
	case extract.GradeRI:
		return "RI"
	case extract.GradeInadequate:
		return "I"
	}
	return "-"
}

// writeSummaryTable renders the summary for people.
func writeSummaryTable(w io.Writer, rows []index.SummaryRow) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := []string{"AUTHORITY", "REGION", "LATEST", "DATE"}
	for _, s := range summaryShort {
		head = append(head, s.head)
	}
	head = append(head, "PREVIOUS", "CHANGE", "VISITS SINCE")
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range rows {
		cells := []string{r.Authority.Name, orDash(r.Region), "-", "-"}
		if r.Latest != nil {
			cells[2], cells[3] = string(r.Latest.Type), orDash(r.Latest.Date())
		}
		for _, s := range summaryShort {
			var g extract.Grade
			if r.Latest != nil {
				g = r.Latest.Grades[s.d]
			}
			cells = append(cells, gradeShort(g))
		}
		prev := "-"
		if r.Previous != nil {
			prev = orDash(r.Previous.Date()) + " " + gradeShort(r.Previous.Grades[extract.DomainOverall])
		}
		var visits []string
		for _, v := range r.VisitsSince {
			visits = append(visits, v.Date)
		}
		cells = append(cells, prev, orDash(r.Direction), orDash(strings.Join(visits, " ")))
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d authorities. OE overall effectiveness, LDR leaders, H&P help and protection, CIC children in care, CL care leavers;\nO outstanding, G good, RI requires improvement, I inadequate. --format csv, json or xlsx give every domain and the document IDs.\n", len(rows))
	return err
}
