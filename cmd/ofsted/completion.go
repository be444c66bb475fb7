package main

// Shell completion is cobra's (`ofsted completion bash|zsh|fish|powershell`
// prints the script). Flag values are completed from the index, as gh and
// restic complete from their state: the authorities, types, kinds,
// domains, grades and themes that occur in the user's folder, counted, so
// that what is offered always finds something. Without an index the
// vocabulary is offered instead. A flag that takes a comma-separated list
// completes its last item. The counts come from the facets of the whole
// index, which the writer keeps cached, so completing costs an index open
// and no search.

import (
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"
	"github.com/ofsted/ofsted/index"
)

// indexFacets returns the facet counts of the whole index (or indexes)
// named by cmd's --index flag (or the default), or nil when it cannot be
// read.
func indexFacets(e *env, cmd *cobra.Command) map[string][]index.Facet {
	ix, err := openFlagged(e, cmd)
	if err != nil {
		return nil
	}
	defer ix.Close()
	res, err := ix.Search(cmd.Context(), index.Query{Limit: 1})
	if err != nil {
		return nil
	}
	return res.Facets
}

// openFlagged opens, read-only, the index or indexes cmd's --index flag
// names (or the default).
func openFlagged(e *env, cmd *cobra.Command) (*index.Group, error) {
	flags, err := cmd.Flags().GetStringArray("index")
	if err != nil { // a command that reads one index
		flag, _ := cmd.Flags().GetString("index")
		flags = nil
		if flag != "" {
			flags = []string{flag}
		}
	}
	dirs, err := indexDirs(e, flags)
	if err != nil {
		return nil, err
	}
	return index.OpenGroup(dirs...)
}

// listCompletion completes the last item of a comma-separated value from
// candidates (value, then description).
func listCompletion(toComplete string, candidates [][2]string) []cobra.Completion {
	head, last := "", toComplete
	if i := strings.LastIndexByte(toComplete, ','); i >= 0 {
		head, last = toComplete[:i+1], toComplete[i+1:]
	}
	var out []cobra.Completion
	for _, c := range candidates {
		if strings.HasPrefix(strings.ToLower(c[0]), strings.ToLower(last)) {
			out = append(out, cobra.CompletionWithDesc(head+c[0], c[1]))
		}
	}
	return out
}

// facetCompletion completes a flag from the index's facet (with counts),
// or from the vocabulary when there is no index.
func facetCompletion[T ~string](e *env, facet string, vocabulary []T) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var cands [][2]string
		if fs := indexFacets(e, cmd)[facet]; len(fs) > 0 {
			for _, f := range fs {
				cands = append(cands, [2]string{f.Value, strconv.Itoa(f.Count) + " in the index"})
			}
		} else {
			for _, v := range vocabulary {
				cands = append(cands, [2]string{string(v), ""})
			}
		}
		return listCompletion(toComplete, cands), cobra.ShellCompDirectiveNoFileComp
	}
}

// fixedCompletion completes a flag from a fixed list.
func fixedCompletion(values ...string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var cands [][2]string
		for _, v := range values {
			cands = append(cands, [2]string{v, ""})
		}
		return listCompletion(toComplete, cands), cobra.ShellCompDirectiveNoFileComp
	}
}

func authorityNames() []string {
	var out []string
	for _, a := range classify.Authorities() {
		out = append(out, a.Name)
	}
	sort.Strings(out)
	return out
}

// completeFilters registers completion for the filter flags (filterFlags)
// of c.
func completeFilters(e *env, c *cobra.Command) {
	c.RegisterFlagCompletionFunc("authority", facetCompletion(e, "authority", authorityNames()))
	c.RegisterFlagCompletionFunc("type", facetCompletion(e, "type", extract.Types()))
	c.RegisterFlagCompletionFunc("kind", facetCompletion(e, "kind", extract.Kinds()))
	c.RegisterFlagCompletionFunc("domain", facetCompletion(e, "domain", extract.Domains()))
	c.RegisterFlagCompletionFunc("grade", facetCompletion(e, "grade", extract.Grades()))
	c.RegisterFlagCompletionFunc("theme", facetCompletion(e, "theme", framework.ThemeNames()))
	for _, f := range []string{"from", "to"} {
		c.RegisterFlagCompletionFunc(f, facetCompletion(e, "year", []string{}))
	}
}

// completeFormats registers the values of a --format flag.
func completeFormats(c *cobra.Command, formats ...string) {
	c.RegisterFlagCompletionFunc("format", fixedCompletion(formats...))
}

// completeDocumentIDs completes a document ID argument from the index,
// with each document's authority, type and date as its description.
func completeDocumentIDs(e *env) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		ix, err := openFlagged(e, cmd)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		defer ix.Close()
		cat, err := ix.Catalogue(cmd.Context())
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, d := range cat {
			if strings.HasPrefix(d.ID, toComplete) {
				out = append(out, cobra.CompletionWithDesc(d.ID, strings.Join([]string{d.Authority.Name, string(d.Type), d.Date()}, " ")))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
