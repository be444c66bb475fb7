package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

func newShowCmd(e *env) *cobra.Command {
	var format string
	var dirs []string
	c := &cobra.Command{
		Use:   "show DOCUMENT_ID",
		Short: "Print one document's metadata and findings",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usagef("--format must be text or json, not %q", format)
			}
			d, err := indexDirs(e, dirs)
			if err != nil {
				return err
			}
			return runShow(c.Context(), e.stdout, d, args[0], format)
		},
	}
	indexesFlag(c, &dirs)
	c.Flags().StringVar(&format, "format", "text", "output format: text or json")
	completeFormats(c, "text", "json")
	c.ValidArgsFunction = completeDocumentIDs(e)
	return c
}

func runShow(_ context.Context, w io.Writer, dirs []string, id, format string) error {
	g, err := openGroupForReading(dirs)
	if err != nil {
		return err
	}
	defer g.Close()
	d, err := g.Document(id)
	if err != nil {
		return fmt.Errorf("show %s: %w", id, err)
	}
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s\n", d.ID, d.Path)
	writeDocText(&b, "document", d.Document)
	_, err = io.WriteString(w, b.String())
	return err
}
