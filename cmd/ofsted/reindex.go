package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/index"
)

func newReindexCmd(e *env) *cobra.Command {
	var dir string
	var quiet bool
	c := &cobra.Command{
		Use:   "reindex",
		Short: "Rebuild the search index from the stored record, without reading any file",
		Long: `Reindex rebuilds the search index from the durable record of what was extracted. No
source file is read again. Use it after an upgrade that changes the index layout, or if the
search index is damaged.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			d, err := indexDir(e, dir)
			if err != nil {
				return err
			}
			return runReindex(c.Context(), e.stderr, e.stdout, d, quiet, e.isTTY(e.stderr))
		},
	}
	indexFlag(c, &dir)
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress output")
	return c
}

func runReindex(ctx context.Context, errw, out io.Writer, dir string, quiet, tty bool) error {
	ix, err := index.Open(dir)
	if err != nil {
		return err // the index names itself, and the writer's process when locked
	}
	defer ix.Close()
	var bar *progress
	err = ix.Reindex(ctx, func(done, total int) {
		if bar == nil {
			bar = newProgress(errw, tty, quiet, total)
		}
		for bar.done < done {
			bar.step()
		}
	})
	if bar != nil {
		bar.finish()
	}
	if err != nil {
		return fmt.Errorf("reindex %s: %w", dir, err)
	}
	if err := ix.Close(); err != nil {
		return fmt.Errorf("reindex %s: %w", dir, err)
	}
	fmt.Fprintf(out, "reindexed %s\n", dir)
	return nil
}
