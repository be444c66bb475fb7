package main

import (
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"
	"github.com/ofsted/ofsted/index"
)

// filterFlags are the filters shared by search and export.
type filterFlags struct {
	authority, from, to, typ, kind, grade, domain, theme string
}

func (f *filterFlags) add(c *cobra.Command) {
	c.Flags().StringVar(&f.authority, "authority", "", "local authority: name or ONS code (case-insensitive)")
	c.Flags().StringVar(&f.from, "from", "", "from this year or date (YYYY or YYYY-MM-DD), inclusive")
	c.Flags().StringVar(&f.to, "to", "", "to this year or date (YYYY or YYYY-MM-DD), inclusive")
	c.Flags().StringVar(&f.typ, "type", "", "document type: "+joinVocab(extract.Types()))
	c.Flags().StringVar(&f.kind, "kind", "", "finding kind: "+joinVocab(extract.Kinds()))
	c.Flags().StringVar(&f.grade, "grade", "", "grade: "+joinVocab(extract.Grades()))
	c.Flags().StringVar(&f.domain, "domain", "", "judgement domain: "+joinVocab(extract.Domains()))
	c.Flags().StringVar(&f.theme, "theme", "", "practice theme id (e.g. strategy_discussions, front_door, lado)")
}

func joinVocab[T ~string](v []T) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

var dateFlag = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// query validates the filters and turns them into an index query. Values
// are checked against the shared vocabulary so that a typo is a usage
// error, not an empty result.
func (f *filterFlags) query(text string) (index.Query, error) {
	q := index.Query{Text: text}
	if f.authority != "" {
		a, ok := classify.LookupAuthority(f.authority)
		if !ok {
			return q, usagef("--authority %q: no English local authority of that name or code", f.authority)
		}
		q.Authority = a.Code
	}
	for _, d := range []struct{ name, v string }{{"--from", f.from}, {"--to", f.to}} {
		if d.v != "" && !dateFlag.MatchString(d.v) {
			return q, usagef("%s %q: want a year (2023) or a date (2023-07-21)", d.name, d.v)
		}
	}
	q.From, q.To = f.from, f.to
	var err error
	if q.Type, err = vocab("--type", f.typ, extract.Types()); err != nil {
		return q, err
	}
	if q.Kind, err = vocab("--kind", f.kind, extract.Kinds()); err != nil {
		return q, err
	}
	if q.Grade, err = vocab("--grade", normGrade(f.grade), extract.Grades()); err != nil {
		return q, err
	}
	if q.Domain, err = vocab("--domain", f.domain, extract.Domains()); err != nil {
		return q, err
	}
	q.Theme = strings.ToLower(strings.TrimSpace(f.theme))
	if q.Theme != "" && !framework.KnownTheme(q.Theme) {
		return q, usagef("--theme %q: unknown theme (see the README's theme table)", f.theme)
	}
	return q, nil
}

// normGrade accepts the grades as people write them ("requires improvement").
func normGrade(s string) string {
	parts := strings.Split(strings.ToLower(s), ",")
	for i, p := range parts {
		p = strings.NewReplacer(" ", "_", "-", "_").Replace(strings.TrimSpace(p))
		if strings.HasPrefix(p, "requires_improvement") {
			p = "requires_improvement"
		}
		parts[i] = p
	}
	return strings.Join(parts, ",")
}

// vocab checks a flag's value, or comma-separated values (any of them
// matches), against the vocabulary.
func vocab[T ~string](flag, v string, allowed []T) (string, error) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "" {
		return "", nil
	}
	var out []string
	for _, x := range strings.Split(v, ",") {
		x = strings.TrimSpace(x)
		ok := false
		for _, a := range allowed {
			ok = ok || string(a) == x
		}
		if !ok {
			return "", usagef("%s %q: want one of %s (or several, separated by commas)", flag, x, joinVocab(allowed))
		}
		out = append(out, x)
	}
	return strings.Join(out, ","), nil
}
