package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/extract"
)

type extractOptions struct {
	files  []string
	format string
	jobs   int
	lim    limits
	stdout io.Writer
	stderr io.Writer
}

func newExtractCmd(e *env) *cobra.Command {
	o := extractOptions{stdout: e.stdout, stderr: e.stderr}
	c := &cobra.Command{
		Use:   "extract FILE...",
		Short: "Run the pipeline on files without touching the index",
		Long: `Extract runs the whole pipeline (read, classify, find) on each file and prints what it
found, without touching the index. With --format json it prints one JSON object per input
file per line, in the order given:

  {"file": "...", "sha256": "...", "error": "...", "documents": [...]}

The first document is the file as a whole; documents embedded in it follow.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			o.files = args
			if o.format != "json" && o.format != "text" {
				return usagef("--format must be json or text, not %q", o.format)
			}
			return runExtract(c.Context(), o)
		},
	}
	c.Flags().StringVar(&o.format, "format", "text", "output format: text or json")
	c.Flags().IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "files processed in parallel")
	addLimitFlags(c, &o.lim)
	return c
}

// fileJSON is the JSON form of one input file in `extract --format json`.
type fileJSON struct {
	File      string             `json:"file"`
	SHA256    string             `json:"sha256"`
	Error     string             `json:"error,omitempty"`
	Documents []extract.Document `json:"documents"`
}

func runExtract(ctx context.Context, o extractOptions) error {
	failed := 0
	proc, done, err := processor(o.jobs, o.lim)
	if err != nil {
		return err
	}
	defer done()
	work := func(ctx context.Context, path string) result { return proc(ctx, path, nil) }
	err = forEachResult(ctx, o.files, o.jobs, work, func(r result) error {
		if r.err != nil {
			failed++
		}
		if o.format == "json" {
			return writeFileJSON(o.stdout, r)
		}
		return writeFileText(o.stdout, r)
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		fmt.Fprintf(o.stderr, "ofsted: %d of %d files failed\n", failed, len(o.files))
		return errSomeFailed
	}
	return nil
}

func writeFileJSON(w io.Writer, r result) error {
	out := fileJSON{File: r.path, SHA256: r.sha256, Documents: r.docs}
	if r.err != nil {
		out.Error = errorText(r.err)
	}
	if out.Documents == nil {
		out.Documents = []extract.Document{}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

func writeFileText(w io.Writer, r result) error {
	if r.err != nil {
		_, err := fmt.Fprintf(w, "%s\n  error: %s\n\n", r.path, errorText(r.err))
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", r.path)
	for i, d := range r.docs {
		writeDocText(&b, fmt.Sprintf("document %d", i+1), d)
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeDocText renders a document and its findings for people.
func writeDocText(b *strings.Builder, label string, d extract.Document) {
	fmt.Fprintf(b, "  %s: %s", label, orDash(string(d.Type)))
	if d.Authority.Name != "" {
		fmt.Fprintf(b, " · %s (%s)", d.Authority.Name, d.Authority.Code)
	}
	fmt.Fprintf(b, " · pages %d-%d\n", d.PageStart, d.PageEnd)
	if d.Title != "" {
		fmt.Fprintf(b, "    title:          %s\n", d.Title)
	}
	for _, kv := range [][2]string{{"published", d.Published}, {"visit", dateRange(d.VisitStart, d.VisitEnd)}, {"lead inspector", d.LeadInspector}, {"committee", d.Committee}, {"outlet", d.Outlet}} {
		if kv[1] != "" {
			fmt.Fprintf(b, "    %-15s %s\n", kv[0]+":", kv[1])
		}
	}
	for _, w := range d.Warnings {
		fmt.Fprintf(b, "    %-15s %s\n", "warning:", w)
	}
	for _, f := range d.Findings {
		head := string(f.Kind)
		if f.Domain != "" {
			head += " " + string(f.Domain)
		}
		if f.Grade != "" {
			head += " = " + string(f.Grade)
		}
		fmt.Fprintf(b, "    - [p%d] %s: %s\n", f.Page, head, oneLine(f.Text, 160))
	}
}

func dateRange(a, b string) string {
	switch {
	case a == "" && b == "":
		return ""
	case a == b || b == "":
		return a
	case a == "":
		return "? to " + b
	}
	return a + " to " + b
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine shortens s to at most n runes on one line.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// errorText is the one-line reason shown for a failed file.
func errorText(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}
