package index

// The query language, parsed by hand (a tokenizer and a recursive-descent
// parser) into a small tree that compile.go turns into bleve queries:
//
//	discussion            a word: stemmed English match ("discussions" too)
//	"children in need"    a phrase: these words, stemmed, in this order
//	plan*                 a prefix of a word's stem, or of the word
//	a b, a AND b, +a b    both (AND is the default)
//	a OR b                either
//	NOT a, -a             not
//	(a OR b) c            grouping
//
// NOT binds tighter than AND, AND tighter than OR. Operators are upper
// case; "and", "or", "not" in lower case are words. The parser is lenient:
// a dangling operator or an unmatched parenthesis is dropped, an
// unterminated quote runs to the end, so every input parses.

import (
	"strings"
	"unicode"
)

type tokKind int

const (
	tokWord tokKind = iota
	tokPhrase
	tokAnd
	tokOr
	tokNot  // NOT or a leading '-'
	tokPlus // a leading '+'
	tokOpen
	tokClose
)

type token struct {
	kind tokKind
	text string
}

// lex splits a query into tokens.
func lex(s string) []token {
	var out []token
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '(':
			out = append(out, token{kind: tokOpen})
			i++
		case r == ')':
			out = append(out, token{kind: tokClose})
			i++
		case r == '"' || r == '“' || r == '”':
			j := i + 1
			for j < len(rs) && rs[j] != '"' && rs[j] != '”' && rs[j] != '“' {
				j++
			}
			out = append(out, token{kind: tokPhrase, text: string(rs[i+1 : j])})
			i = j + 1
		case (r == '-' || r == '+') && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) && rs[i+1] != ')':
			if r == '-' {
				out = append(out, token{kind: tokNot})
			} else {
				out = append(out, token{kind: tokPlus})
			}
			i++
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && !strings.ContainsRune("()\"“”", rs[j]) {
				j++
			}
			w := string(rs[i:j])
			switch w {
			case "AND", "&&":
				out = append(out, token{kind: tokAnd})
			case "OR", "||":
				out = append(out, token{kind: tokOr})
			case "NOT":
				out = append(out, token{kind: tokNot})
			default:
				out = append(out, token{kind: tokWord, text: w})
			}
			i = j
		}
	}
	return out
}

// node is a parsed query.
type node interface{ String() string }

type (
	wordNode   struct{ text string }
	prefixNode struct{ text string }
	phraseNode struct{ text string }
	andNode    struct{ kids []node }
	orNode     struct{ kids []node }
	notNode    struct{ kid node }
)

func (n wordNode) String() string   { return n.text }
func (n prefixNode) String() string { return n.text + "*" }
func (n phraseNode) String() string { return `"` + n.text + `"` }
func (n notNode) String() string    { return "NOT " + n.kid.String() }
func (n andNode) String() string    { return group("AND", n.kids) }
func (n orNode) String() string     { return group("OR", n.kids) }

func group(op string, kids []node) string {
	s := make([]string, len(kids))
	for i, k := range kids {
		s[i] = k.String()
	}
	return "(" + strings.Join(s, " "+op+" ") + ")"
}

// parse parses a query; it returns nil for a query with no terms.
func parse(s string) node {
	p := &parser{toks: lex(s)}
	var n node
	for p.pos < len(p.toks) {
		m := p.or()
		if m == nil {
			p.pos++ // a stray ')' or operator
			continue
		}
		n = joinAnd(n, m)
	}
	return n
}

type parser struct {
	toks []token
	pos  int
}

func (p *parser) peek() (token, bool) {
	if p.pos < len(p.toks) {
		return p.toks[p.pos], true
	}
	return token{}, false
}

// or := and ( OR and )*
func (p *parser) or() node {
	var kids []node
	if n := p.and(); n != nil {
		kids = append(kids, n)
	}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tokOr {
			break
		}
		p.pos++
		if n := p.and(); n != nil {
			kids = append(kids, n)
		}
	}
	switch len(kids) {
	case 0:
		return nil
	case 1:
		return kids[0]
	}
	var flat []node
	for _, k := range kids {
		if o, ok := k.(orNode); ok {
			flat = append(flat, o.kids...)
		} else {
			flat = append(flat, k)
		}
	}
	return orNode{kids: flat}
}

// and := unary ( [AND] unary )*
func (p *parser) and() node {
	var n node
	for {
		t, ok := p.peek()
		if !ok || t.kind == tokOr || t.kind == tokClose {
			return n
		}
		if t.kind == tokAnd {
			p.pos++
			continue
		}
		if m := p.unary(); m != nil {
			n = joinAnd(n, m)
		}
	}
}

func joinAnd(a, b node) node {
	if a == nil {
		return b
	}
	var kids []node
	for _, k := range []node{a, b} {
		if x, ok := k.(andNode); ok {
			kids = append(kids, x.kids...)
		} else {
			kids = append(kids, k)
		}
	}
	return andNode{kids: kids}
}

// unary := (NOT | '-' | '+') unary | primary
func (p *parser) unary() node {
	t, ok := p.peek()
	if !ok {
		return nil
	}
	switch t.kind {
	case tokNot:
		p.pos++
		k := p.unary()
		if k == nil {
			return nil
		}
		if n, ok := k.(notNode); ok { // NOT NOT a
			return n.kid
		}
		return notNode{kid: k}
	case tokPlus:
		p.pos++
		return p.unary()
	}
	return p.primary()
}

// primary := '(' or ')' | phrase | word
func (p *parser) primary() node {
	t, ok := p.peek()
	if !ok || t.kind == tokAnd || t.kind == tokOr || t.kind == tokClose {
		return nil // an operator where an operand belongs: dropped by the caller
	}
	p.pos++
	switch t.kind {
	case tokOpen:
		n := p.or()
		for {
			// Skip anything the inner expression could not use, up to
			// the closing parenthesis (or the end).
			u, ok := p.peek()
			if !ok {
				break
			}
			if u.kind == tokClose {
				p.pos++
				break
			}
			if m := p.or(); m != nil {
				n = joinAnd(n, m)
			} else {
				p.pos++
			}
		}
		return n
	case tokPhrase:
		if strings.TrimSpace(t.text) == "" {
			return nil
		}
		return phraseNode{text: strings.Join(strings.Fields(t.text), " ")}
	case tokWord:
		if w, ok := strings.CutSuffix(t.text, "*"); ok && strings.TrimRight(w, "*") != "" {
			return prefixNode{text: strings.TrimRight(w, "*")}
		}
		if strings.Trim(t.text, "*") == "" {
			return nil
		}
		return wordNode{text: t.text}
	}
	return nil
}
