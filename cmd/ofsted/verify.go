package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/index"
)

type verifyOptions struct {
	dir      string
	official []string
	all      bool
	stdout   io.Writer
}

func newVerifyCmd(e *env) *cobra.Command {
	o := verifyOptions{stdout: e.stdout}
	var dir string
	c := &cobra.Command{
		Use:   "verify --official FILE.csv [--official FILE.csv ...]",
		Short: "Compare extracted grades with Ofsted's official outcome statistics",
		Long: `Verify compares the inspections in the index with Ofsted's official statistics of local
authority inspection outcomes (the CSV tables published with them: the ILACS inspection
history, the in-year inspections and visits, and the older tables with one row per authority
and a group of columns per inspection). Title and note lines before the header are skipped.

Each official row is matched with a document of the same authority and type: by visit start
and inspection date, else by publication dates (within 31 days, nearest first), else, for a
table with publication dates only, by a publication within 120 days after the visit ended.
Documents marked as another copy of an inspection (same_as) are not counted twice. Every
disagreement is listed:

  missing  an official inspection or visit that no document matches (only for authorities
           and types the index has, within the dates of its documents, unless --all)
  date     matched, but the dates differ
  grade    matched, but a judgement differs, or one side has it and the other does not

Exit status: 0 when there is no disagreement, 3 when there is at least one (so that a script
can tell a clean comparison from a failure), 1 on error.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if len(o.official) == 0 {
				return usagef("--official FILE.csv is required")
			}
			d, err := indexDir(e, dir)
			if err != nil {
				return err
			}
			o.dir = d
			return runVerify(c.Context(), o)
		},
	}
	indexFlag(c, &dir)
	c.Flags().StringArrayVar(&o.official, "official", nil, "official outcome table (CSV); repeat for several")
	c.Flags().BoolVar(&o.all, "all", false, "report every official row no document matches, not only those in the index's scope")
	return c
}

func runVerify(ctx context.Context, o verifyOptions) error {
	var off []classify.Official
	for _, p := range o.official {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("verify: %w", err)
		}
		rows, err := classify.ReadOfficial(f, p)
		f.Close()
		if err != nil {
			return fmt.Errorf("verify: %w", err)
		}
		off = append(off, rows...)
	}
	ix, err := openForReading(o.dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	paths, err := ix.Paths()
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	var docs []classify.Extracted
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, ok, err := ix.Record(p)
		if err != nil {
			return fmt.Errorf("verify: %w", err)
		}
		if !ok {
			continue
		}
		for i, d := range rec.Documents {
			docs = append(docs, classify.Extracted{ID: index.DocumentID(rec.SHA256, i+1), Path: rec.Path, Document: d})
		}
	}
	dis := classify.CompareOfficial(off, docs, classify.CompareOptions{All: o.all})
	if err := writeDisagreements(o.stdout, dis, len(off), len(docs)); err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if len(dis) > 0 {
		return errSomeFailed
	}
	return nil
}

func writeDisagreements(w io.Writer, dis []classify.Disagreement, official, docs int) error {
	count := map[classify.Problem]int{}
	if len(dis) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "PROBLEM\tAUTHORITY\tCODE\tDATE\tTYPE\tDOMAIN\tOURS\tOFFICIAL\tDOCUMENT")
		dash := func(s string) string {
			if s == "" {
				return "-"
			}
			return s
		}
		for _, d := range dis {
			count[d.Problem]++
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", d.Problem, dash(d.Authority.Name), dash(d.Authority.Code),
				dash(d.Date), dash(string(d.Type)), dash(string(d.Domain)), dash(d.Ours), dash(d.Official), dash(d.ID))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "%d official rows, %d documents: %d disagreements (%d missing, %d date, %d grade)\n",
		official, docs, len(dis), count[classify.ProblemMissing], count[classify.ProblemDate], count[classify.ProblemGrade])
	return err
}
