package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/extract/read"
)

func newTextCmd(e *env) *cobra.Command {
	var maxBytes int64
	c := &cobra.Command{
		Use:   "text FILE",
		Short: "Print a file's text exactly as the readers see it",
		Long: `Text prints the text of FILE as the readers see it, pages separated by a form feed (as
pdftotext does). Every finding rests on this text: look here when a finding seems wrong.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runText(c.Context(), e.stdout, args[0], maxBytes)
		},
	}
	c.Flags().Int64Var(&maxBytes, "max-size", read.DefaultMaxBytes, "size limit, in bytes")
	return c
}

func runText(ctx context.Context, w io.Writer, path string, maxBytes int64) error {
	src, err := read.File(ctx, path, read.Options{MaxBytes: maxBytes})
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	bw := bufio.NewWriter(w)
	for _, p := range src.Pages {
		bw.WriteString(p)
		bw.WriteString("\f")
	}
	return bw.Flush()
}
