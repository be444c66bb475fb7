package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

// Exit statuses, mapped in one place.
const (
	exitOK          = 0
	exitError       = 1
	exitUsage       = 2
	exitSomeFailed  = 3
	exitInterrupted = 130
)

// errSomeFailed is returned by a command that finished its job but could not
// read every input; the per-file reasons have been printed already.
var errSomeFailed = errors.New("some files failed")

// usageError marks errors in the command line, as opposed to failures of
// the work itself.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// env is what every command may use of the process: its streams and
// environment. Tests supply buffers and a fake environment.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	isTTY  func(io.Writer) bool
}

// run executes the command line args and returns the process exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, isTTY: isTerminal}
	return runEnv(ctx, e, args)
}

func runEnv(ctx context.Context, e *env, args []string) int {
	root := newRootCmd(e)
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errSomeFailed):
		return exitSomeFailed
	case ctx.Err() != nil || errors.Is(err, context.Canceled):
		fmt.Fprintln(e.stderr, "ofsted: interrupted")
		return exitInterrupted
	}
	fmt.Fprintf(e.stderr, "ofsted: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		return exitUsage
	}
	return exitError
}

// isCobraUsage recognises the errors cobra itself returns for bad flags,
// unknown commands and wrong argument counts.
func isCobraUsage(err error) bool {
	s := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "requires at most", "bad flag syntax"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "ofsted",
		Short: "Searchable, exportable findings from children's-services inspection documents",
		Long: `ofsted reads a folder of Ofsted children's-services inspection reports, visit letters,
committee papers and news articles (PDF, HTML, text), finds what they say (judgements,
recommendations, strengths and weaknesses, each with its sentence and page), and lets you
search and export the findings.

  ofsted ingest ~/reports              read a folder into the index
  ofsted search '"strategy discussions"' --authority Nottingham
  ofsted export --from 2022 > findings.csv`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newIngestCmd(e),
		newSearchCmd(e),
		newExportCmd(e),
		newExtractCmd(e),
		newShowCmd(e),
		newTextCmd(e),
		newReindexCmd(e),
		newWorkerCmd(e),
		newVerifyCmd(e),
		newDebugCmd(e),
		newServeCmd(e),
		newSummaryCmd(e),
	)
	return root
}

// indexFlag adds the --index flag shared by every command that uses the index.
func indexFlag(c *cobra.Command, dir *string) {
	c.Flags().StringVar(dir, "index", "", "index directory (default $OFSTED_INDEX, else $XDG_DATA_HOME/ofsted/index or ~/.local/share/ofsted/index)")
}

// indexesFlag adds the --index flag of commands that read several indexes
// as one (search, export, show).
func indexesFlag(c *cobra.Command, dirs *[]string) {
	c.Flags().StringArrayVar(dirs, "index", nil, "index directory; repeat to read several as one, such as the shards of ingest --shard (default $OFSTED_INDEX, else $XDG_DATA_HOME/ofsted/index or ~/.local/share/ofsted/index)")
}

// indexDirs resolves the --index values of a reading command: the flags
// as given, or the one default location.
func indexDirs(e *env, flags []string) ([]string, error) {
	if len(flags) > 0 {
		return flags, nil
	}
	d, err := indexDir(e, "")
	if err != nil {
		return nil, err
	}
	return []string{d}, nil
}

// indexDir resolves the index location: the flag, then $OFSTED_INDEX, then
// the user's data directory.
func indexDir(e *env, flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if d := e.getenv("OFSTED_INDEX"); d != "" {
		return d, nil
	}
	if d := e.getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "ofsted", "index"), nil
	}
	home := e.getenv("HOME")
	if home == "" {
		h, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find index directory: %w (use --index DIR)", err)
		}
		home = h
	}
	return filepath.Join(home, ".local", "share", "ofsted", "index"), nil
}
