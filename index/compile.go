package index

// compile turns a parsed query into bleve queries.
//
// A word is analysed as the "text" field is (English: lower case,
// possessive and stop words dropped, Porter stem). One token becomes a
// term query on "text"; several ("self-harm") a phrase on "exact"; none (a
// stop word such as "in" searched alone) a term on "exact", so that it
// still means something. A phrase is a phrase query on "exact", whose
// analyser keeps every word as written (lower-cased), so "children in
// need" does not match "children of need". A prefix is a prefix query
// on "exact". Only "exact" has term vectors (positions): every query that
// needs positions runs there.

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

type compiler struct {
	stem  analysis.Analyzer
	exact analysis.Analyzer
}

func newCompiler(m mapping.IndexMapping) *compiler {
	return &compiler{stem: m.AnalyzerNamed(en.AnalyzerName), exact: m.AnalyzerNamed(analyzerExact)}
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
		if ts := terms(c.stem, n.text); len(ts) == 1 {
			q := query.NewTermQuery(ts[0])
			q.SetField(fText)
			return q
		}
		// A stop word alone ("in") has no stem; several tokens
		// ("self-harm") need positions: both run on "exact".
		return c.exactQuery(n.text)
	case prefixNode:
		ex := terms(c.exact, n.text)
		if len(ex) == 0 {
			return nil
		}
		if len(ex) > 1 { // "self-ha*": the words before, then a prefix
			var qs []query.Query
			for _, t := range ex[:len(ex)-1] {
				q := query.NewTermQuery(t)
				q.SetField(fExact)
				qs = append(qs, q)
			}
			p := query.NewPrefixQuery(ex[len(ex)-1])
			p.SetField(fExact)
			return query.NewConjunctionQuery(append(qs, p))
		}
		q := query.NewPrefixQuery(ex[0])
		q.SetField(fExact)
		return q
	case phraseNode:
		return c.exactQuery(n.text)
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

// exactQuery matches the words of text as written and in order, on
// "exact": a term query for one word, a phrase query for several, nil for
// none.
func (c *compiler) exactQuery(text string) query.Query {
	ex := terms(c.exact, text)
	switch len(ex) {
	case 0:
		return nil
	case 1:
		q := query.NewTermQuery(ex[0])
		q.SetField(fExact)
		return q
	}
	return query.NewPhraseQuery(ex, fExact)
}

// stems returns the stemmed terms of the words of n that a hit may match
// on the "text" field (words under NOT cannot be in a hit). The field has
// no term vectors -- they would double the cost of indexing its text --
// so highlights for plain words are found by analysing the hit's text
// again and marking the tokens whose stem is one of these.
func (c *compiler) stems(n node, out map[string]bool) {
	switch n := n.(type) {
	case wordNode:
		for _, t := range terms(c.stem, n.text) {
			out[t] = true
		}
	case andNode:
		for _, k := range n.kids {
			c.stems(k, out)
		}
	case orNode:
		for _, k := range n.kids {
			c.stems(k, out)
		}
	}
}

// stemSpans returns the byte ranges of the tokens of text whose stem is in
// stems.
func (c *compiler) stemSpans(text string, stems map[string]bool) [][2]int {
	if len(stems) == 0 || c.stem == nil {
		return nil
	}
	var out [][2]int
	for _, t := range c.stem.Analyze([]byte(text)) {
		if stems[string(t.Term)] {
			out = append(out, [2]int{t.Start, t.End})
		}
	}
	return out
}
