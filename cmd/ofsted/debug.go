package main

// debug is the developer's view of one file: everything that decided its
// documents, and every finding with the rule that made it, in one run in
// this process (so a debugger or a print in a rule works). It replaces a
// test that printed the same and could not fail. It is hidden: its output
// is for people working on the rules and may change at any time.

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/find"
	"github.com/ofsted/ofsted/extract/read"
)

type debugOptions struct {
	path     string
	typ      string // run the rules as this type on the whole file, without classifying
	maxBytes int64
	stdout   io.Writer
}

func newDebugCmd(e *env) *cobra.Command {
	o := debugOptions{stdout: e.stdout}
	c := &cobra.Command{
		Use:   "debug FILE",
		Short: "Print what decided a file's documents and each finding's rule (for rule development)",
		Long: `Debug reads FILE in this process and prints what the readers found (format, pages, title,
date, site, creation date), then each document with the evidence for its type and date, its
warnings, and every finding with its page and the rule that made it.

With --type T the file is not classified: the rules run on the whole file as a document of
type T. To see the rules on another reader's text, save that text (pages separated by form
feeds, as pdftotext writes) and debug the text file.`,
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			o.path = args[0]
			if o.typ != "" && !slices.Contains(extract.Types(), extract.Type(o.typ)) {
				return usagef("--type must be one of %s, not %q", joinVocab(extract.Types()), o.typ)
			}
			return runDebug(c.Context(), o)
		},
	}
	c.Flags().StringVar(&o.typ, "type", "", "run the rules as this document type, without classifying")
	c.Flags().Int64Var(&o.maxBytes, "max-size", read.DefaultMaxBytes, "size limit, in bytes")
	return c
}

func runDebug(ctx context.Context, o debugOptions) error {
	src, err := read.File(ctx, o.path, read.Options{MaxBytes: o.maxBytes})
	if err != nil {
		return fmt.Errorf("read %s: %w", o.path, err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n  format %s, %d pages\n", o.path, src.Format, len(src.Pages))
	for _, kv := range [][2]string{{"title", src.Title}, {"date", src.Date}, {"site", src.Site}, {"created", src.Created}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "  %-8s %s\n", kv[0]+":", kv[1])
		}
	}
	var docs []extract.Document
	if o.typ != "" {
		d := extract.Document{Type: extract.Type(o.typ), PageStart: 1, PageEnd: len(src.Pages)}
		d.Findings = find.Find(&d, src)
		docs = []extract.Document{d}
	} else {
		docs = classify.Analyse(src)
	}
	for i, d := range docs {
		writeDebugDoc(&b, i+1, d)
	}
	_, err = io.WriteString(o.stdout, b.String())
	return err
}

// writeDebugDoc writes one document: what writeDocText shows, the evidence
// behind it, and each finding's rule and themes in full.
func writeDebugDoc(b *strings.Builder, n int, d extract.Document) {
	fmt.Fprintf(b, "\ndocument %d: %s · pages %d-%d\n", n, orDash(string(d.Type)), d.PageStart, d.PageEnd)
	for _, kv := range [][2]string{
		{"type from", d.TypeReason},
		{"authority", strings.TrimSpace(d.Authority.Name + " " + d.Authority.Code)},
		{"title", d.Title},
		{"published", strings.TrimSpace(d.Published + " " + parenthesised(d.PublishedFrom))},
		{"visit", dateRange(d.VisitStart, d.VisitEnd)},
		{"lead", d.LeadInspector},
		{"committee", d.Committee},
		{"outlet", d.Outlet},
		{"same as", d.SameAs},
	} {
		if kv[1] != "" {
			fmt.Fprintf(b, "  %-10s %s\n", kv[0]+":", kv[1])
		}
	}
	for _, w := range d.Warnings {
		fmt.Fprintf(b, "  warning:   %s\n", w)
	}
	for _, f := range d.Findings {
		head := strings.Join(slices.DeleteFunc([]string{string(f.Kind), string(f.Domain), string(f.Grade)}, func(s string) bool { return s == "" }), " ")
		fmt.Fprintf(b, "  p%d %s [%s]", f.Page, head, f.Rule)
		if len(f.Themes) > 0 {
			fmt.Fprintf(b, " {%s}", strings.Join(f.Themes, ", "))
		}
		fmt.Fprintf(b, ": %s\n", strings.Join(strings.Fields(f.Text), " "))
	}
}

func parenthesised(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}
