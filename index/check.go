package index

// Queries from the command line are checked by its flags; queries from
// elsewhere (the web page's URL, the JSON API) are checked here, so that a
// misspelt value is a bad query (HTTP 400), not an empty result.

import (
	"fmt"
	"strings"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"
)

// Check reports the first value of q outside its vocabulary, wrapping
// ErrQuery: an authority the gazetteer does not know, a type, kind, grade,
// domain, theme, unit or sort that does not exist, a malformed date, a
// negative limit or offset.
func (q *Query) Check() error {
	for _, a := range splitList(q.Authority) {
		if _, ok := classify.LookupAuthority(a); !ok {
			return fmt.Errorf("%w: authority %q: no English local authority of that name or code", ErrQuery, a)
		}
	}
	if _, _, err := dateBounds(q.From, q.To); err != nil {
		return err
	}
	checks := []struct {
		name, val string
		known     []string
	}{
		{"type", q.Type, vocabulary(extract.Types())},
		{"kind", q.Kind, vocabulary(extract.Kinds())},
		{"grade", q.Grade, vocabulary(extract.Grades())},
		{"domain", q.Domain, vocabulary(extract.Domains())},
		{"theme", q.Theme, framework.ThemeNames()},
		{"unit", q.Unit, []string{unitPage, unitFinding}},
	}
	for _, c := range checks {
		for _, v := range values(c.val) {
			if !contains(c.known, v) {
				return fmt.Errorf("%w: %s %q: want one of %s", ErrQuery, c.name, v, strings.Join(c.known, ", "))
			}
		}
	}
	switch q.Sort {
	case "", SortNewest, SortOldest:
	default:
		return fmt.Errorf("%w: sort %q: want %s or %s", ErrQuery, q.Sort, SortNewest, SortOldest)
	}
	if q.Limit < 0 || q.Offset < 0 {
		return fmt.Errorf("%w: limit and offset must not be negative", ErrQuery)
	}
	return nil
}

func vocabulary[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
