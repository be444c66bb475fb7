package index

// compile turns a parsed query into bleve queries on the "text" field
// (see mapping.go), whose analyser is applied to query words too.
//
// A word is a term query on its stem ("discussion" finds "discussions");
// a word that analyses to several tokens ("self-harm") is a phrase of
// them. A quoted phrase is a phrase query on the stems in order, stop
// words included: "strategy discussion" finds "strategy discussions", and
// "children in need" does not match "children of need". A phrase of two
// stems, neither a stop word, or of two such stems with a stop word
// between them, is looked up as one term of the "pairs" field, which
// holds every such pair and triple of adjacent stems: the same units,
// without comparing positions.
// Finding where the words are (for highlights) needs the positions, so
// the compiler has a mode that keeps every phrase a phrase query.
//
// A prefix matches the stems that begin with it, or with the stem of it
// ("plan*" finds "plans" and "planning"; "safeguard*" finds
// "safeguarding"). It is expanded here, over every index searched, into
// a disjunction of those stems, so that it is the same query in each.

import (
	"sort"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

type compiler struct {
	an        *analyzers
	text      analysis.Analyzer
	expand    func(prefix string) ([]string, error) // stems beginning with prefix
	positions bool                                  // phrases as phrase queries on "text"
	err       error                                 // the first error of expand
	expanded  map[string][]string
}

func newCompiler(an *analyzers, expand func(string) ([]string, error)) *compiler {
	return &compiler{an: an, text: an.text, expand: expand}
}

func terms(a analysis.Analyzer, s string) []string {
	if a == nil {
		return strings.Fields(strings.ToLower(s))
	}
	var out []string
	for _, t := range a.Analyze([]byte(s)) {
		out = append(out, string(t.Term))
	}
	return out
}

// compile returns the bleve query for n; nil means "no constraint" (a
// node that analysed to nothing, such as a lone punctuation mark).
func (c *compiler) compile(n node) query.Query {
	switch n := n.(type) {
	case wordNode:
		return c.textQuery(n.text)
	case prefixNode:
		ts := terms(c.text, n.text)
		if len(ts) == 0 {
			return nil
		}
		// The last word is a prefix: of the stems as indexed, the word as
		// typed, lower-cased, and its stem ("planning*" -> "plan").
		words := strings.FieldsFunc(strings.ToLower(n.text), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsNumber(r)
		})
		prefixes := []string{ts[len(ts)-1]}
		if len(words) > 0 && words[len(words)-1] != prefixes[0] {
			prefixes = append(prefixes, words[len(words)-1])
		}
		last := c.prefix(prefixes)
		if len(ts) == 1 {
			return last
		}
		// "self-ha*": the words before, then the prefix.
		var qs []query.Query
		for _, t := range ts[:len(ts)-1] {
			q := query.NewTermQuery(t)
			q.SetField(fText)
			qs = append(qs, q)
		}
		return query.NewConjunctionQuery(append(qs, last))
	case phraseNode:
		return c.textQuery(n.text)
	case notNode:
		k := c.compile(n.kid)
		if k == nil {
			return nil
		}
		b := query.NewBooleanQuery([]query.Query{query.NewMatchAllQuery()}, nil, []query.Query{k})
		return b
	case andNode:
		var must, not []query.Query
		for _, kid := range n.kids {
			if x, ok := kid.(notNode); ok {
				if q := c.compile(x.kid); q != nil {
					not = append(not, q)
				}
				continue
			}
			if q := c.compile(kid); q != nil {
				must = append(must, q)
			}
		}
		if len(not) == 0 {
			switch len(must) {
			case 0:
				return nil
			case 1:
				return must[0]
			}
			return query.NewConjunctionQuery(must)
		}
		if len(must) == 0 {
			must = []query.Query{query.NewMatchAllQuery()}
		}
		return query.NewBooleanQuery(must, nil, not)
	case orNode:
		var should []query.Query
		for _, kid := range n.kids {
			if q := c.compile(kid); q != nil {
				should = append(should, q)
			}
		}
		switch len(should) {
		case 0:
			return nil
		case 1:
			return should[0]
		}
		return query.NewDisjunctionQuery(should)
	}
	return nil
}

// textQuery matches the words of text in order: a term query for one
// word, a term of "pairs" for two words or a word, stop word and word,
// a phrase query for the rest, nil for none (punctuation alone).
func (c *compiler) textQuery(text string) query.Query {
	ts := terms(c.text, text)
	switch {
	case len(ts) == 0:
		return nil
	case len(ts) == 1:
		q := query.NewTermQuery(ts[0])
		q.SetField(fText)
		return q
	case len(ts) == 2 && !c.positions && c.an.paired([]byte(ts[0]), []byte(ts[1])),
		len(ts) == 3 && !c.positions && c.an.tripled([]byte(ts[0]), []byte(ts[1]), []byte(ts[2])):
		q := query.NewTermQuery(strings.Join(ts, " "))
		q.SetField(fPairs)
		return q
	}
	return query.NewPhraseQuery(ts, fText)
}

// prefix matches the stems that begin with any of prefixes.
func (c *compiler) prefix(prefixes []string) query.Query {
	seen := map[string]bool{}
	var stems []string
	for _, p := range prefixes {
		ts, ok := c.expanded[p]
		if !ok {
			var err error
			if ts, err = c.expand(p); err != nil {
				if c.err == nil {
					c.err = err
				}
				return query.NewMatchNoneQuery()
			}
			if c.expanded == nil {
				c.expanded = map[string][]string{}
			}
			c.expanded[p] = ts
		}
		for _, t := range ts {
			if !seen[t] {
				seen[t] = true
				stems = append(stems, t)
			}
		}
	}
	sort.Strings(stems)
	switch len(stems) {
	case 0:
		return query.NewMatchNoneQuery()
	case 1:
		q := query.NewTermQuery(stems[0])
		q.SetField(fText)
		return q
	}
	qs := make([]query.Query, len(stems))
	for i, t := range stems {
		q := query.NewTermQuery(t)
		q.SetField(fText)
		qs[i] = q
	}
	return query.NewDisjunctionQuery(qs)
}
