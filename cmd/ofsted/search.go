package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/cmd/ofsted/internal/safecsv"
	"github.com/ofsted/ofsted/index"
)

type searchOptions struct {
	dirs   []string
	query  index.Query
	format string
	color  bool
	stdout io.Writer
}

func newSearchCmd(e *env) *cobra.Command {
	o := searchOptions{stdout: e.stdout}
	var f filterFlags
	var dirs []string
	c := &cobra.Command{
		Use:   "search [QUERY]",
		Short: "Search documents and findings",
		Long: `Search finds findings and pages that match QUERY, across every authority and year in the
index, with highlighted snippets and counts by authority, year, type, kind and grade. A
sentence that is a finding is found once, as the finding; the rest of a page, as the page.

Words match any form ("discussion" finds "discussions"). A quoted phrase matches its
words in order, in any form ('"strategy discussion"' finds "strategy discussions";
'"children in need"' does not match "children of need"). Words are combined with AND
unless joined by OR; NOT or a leading minus excludes a word or phrase; parentheses group.

  ofsted search '"strategy discussions"'
  ofsted search 'MASH OR "front door"' --authority E06000018 --from 2020
  ofsted search supervision --kind weakness --type ilacs_inspection`,
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
			if q.Limit < 0 || q.Offset < 0 {
				return usagef("--limit and --offset must not be negative")
			}
			switch o.format {
			case "table", "json", "csv":
			default:
				return usagef("--format must be table, json or csv, not %q", o.format)
			}
			d, err := indexDirs(e, dirs)
			if err != nil {
				return err
			}
			o.dirs, o.color = d, e.isTTY(e.stdout)
			q.Limit, q.Offset = o.query.Limit, o.query.Offset
			o.query = q
			return runSearch(c.Context(), o)
		},
	}
	indexesFlag(c, &dirs)
	f.add(c)
	completeFilters(e, c)
	c.Flags().StringVar(&o.format, "format", "table", "output format: table, json or csv")
	completeFormats(c, "table", "json", "csv")
	c.Flags().IntVar(&o.query.Limit, "limit", 20, "hits to show")
	c.Flags().IntVar(&o.query.Offset, "offset", 0, "hits to skip (for paging)")
	return c
}

// openForReading opens the index for a reading command, with an error
// that says what to do when there is none yet.
func openForReading(dir string) (*index.Index, error) {
	ix, err := index.OpenReadOnly(dir)
	if err != nil {
		return nil, noIndexHint(err, dir)
	}
	return ix, nil
}

// openGroupForReading opens the indexes of a reading command as one.
func openGroupForReading(dirs []string) (*index.Group, error) {
	var ixs []*index.Index
	for _, d := range dirs {
		ix, err := openForReading(d)
		if err != nil {
			index.NewGroup(ixs...).Close()
			return nil, err
		}
		ixs = append(ixs, ix)
	}
	return index.NewGroup(ixs...), nil
}

func noIndexHint(err error, dir string) error {
	if errors.Is(err, index.ErrNoIndex) {
		return fmt.Errorf("no index at %s: run 'ofsted ingest FOLDER' first, or give --index DIR", dir)
	}
	return err // the index names itself, and the writer's process when locked
}

func runSearch(ctx context.Context, o searchOptions) error {
	g, err := openGroupForReading(o.dirs)
	if err != nil {
		return err
	}
	defer g.Close()
	res, err := g.Search(ctx, o.query)
	if err != nil {
		return fmt.Errorf("search %q: %w", o.query.Text, err)
	}
	switch o.format {
	case "json":
		enc := json.NewEncoder(o.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	case "csv":
		return writeHitsCSV(o.stdout, res)
	}
	return writeHitsTable(o.stdout, o.query, res, o.color)
}

func writeHitsCSV(w io.Writer, res *index.Results) error {
	cw, err := safecsv.NewWriter(w, false)
	if err != nil {
		return err
	}
	if err := cw.Header([]string{"rank", "score", "document_id", "source_file", "doc_type", "authority", "authority_code", "date", "page", "kind", "domain", "grade", "snippet"}); err != nil {
		return err
	}
	for i, h := range res.Hits {
		if err := cw.Row([]string{strconv.Itoa(i + 1), strconv.FormatFloat(h.Score, 'f', 4, 64), h.DocumentID, h.Path, h.Type,
			h.Authority, h.AuthorityCode, h.Date, strconv.Itoa(h.Page), h.Kind, h.Domain, h.Grade,
			plainSnippet(h.Fragments)}); err != nil {
			return err
		}
	}
	return cw.Flush()
}

func plainSnippet(frags []index.Fragment) string {
	s := make([]string, len(frags))
	for i, f := range frags {
		s[i] = oneLine(f.Text, 1<<20)
	}
	return strings.Join(s, " … ")
}

// writeHitsTable renders hits for people: a heading line per hit with where
// it is, then its snippet with the matched words highlighted (bold on a
// terminal, **like this** elsewhere), then the facet counts.
func writeHitsTable(w io.Writer, q index.Query, res *index.Results, color bool) error {
	var b strings.Builder
	open, close := "**", "**"
	if color {
		open, close = "\033[1;33m", "\033[0m"
	}
	if res.Total == 0 {
		fmt.Fprintf(&b, "no hits\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	last := q.Offset + len(res.Hits)
	fmt.Fprintf(&b, "%d hits", res.Total)
	if len(res.Hits) > 0 {
		fmt.Fprintf(&b, " (showing %d-%d)", q.Offset+1, last)
	}
	b.WriteString("\n\n")
	for i, h := range res.Hits {
		where := []string{orDash(h.Authority), orDash(h.Type), orDash(h.Date)}
		if h.Page > 0 {
			where = append(where, "p."+strconv.Itoa(h.Page))
		}
		if h.Kind != "" {
			k := h.Kind
			if h.Domain != "" {
				k += " " + h.Domain
			}
			if h.Grade != "" {
				k += " = " + h.Grade
			}
			where = append(where, k)
		}
		fmt.Fprintf(&b, "%3d. %s\n", q.Offset+i+1, strings.Join(where, " · "))
		fmt.Fprintf(&b, "     %s  [%s]\n", h.Path, h.DocumentID)
		for _, fr := range h.Fragments {
			fmt.Fprintf(&b, "     %s\n", oneLine(fr.Mark(open, close), 1<<20))
		}
		b.WriteString("\n")
	}
	if res.Total > last {
		fmt.Fprintf(&b, "more: --offset %d\n\n", last)
	}
	writeFacets(&b, res.Facets)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeFacets(b *strings.Builder, facets map[string][]index.Facet) {
	names := index.FacetNames()
	var extra []string
	for k := range facets {
		if !slices.Contains(names, k) {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	names = append(names, extra...)
	for _, n := range names {
		fc := facets[n]
		if len(fc) == 0 {
			continue
		}
		parts := make([]string, len(fc))
		for i, c := range fc {
			parts[i] = fmt.Sprintf("%s %d", c.Value, c.Count)
		}
		fmt.Fprintf(b, "%-10s %s\n", n+":", strings.Join(parts, " · "))
	}
}
