package pdftext

// The content-stream lexer. Content streams were tokenised by
// pdf.Interpret, which needs the bytes wrapped as a stream of a PDF (a
// small PDF was built and parsed for every page and form) and boxes every
// operand in a pdf.Value; that was over a quarter of the time of an
// ingest. This lexer reads the bytes directly and keeps only what the
// interpreter uses: numbers, strings, names and arrays, with dictionaries
// and booleans as opaque operands.
//
// It follows pdf.Interpret token for token, malformed input included, so
// that pages read exactly as before (TestLexerMatchesInterpret compares
// the two on every content stream of the fixtures and, when present, of
// the corpus): an error in a top-level token (an unexpected delimiter, a
// bad escape, a malformed hex string or name, an integer out of range)
// ends the content stream, as pdf.Interpret's panic did; an error inside
// an array or dictionary drops that operand and carries on, as its
// recover did; true, false and null are operands; everything else that
// is not a number is an operator.

import (
	"errors"
	"strconv"
)

// operand is a content-stream operand. A string's bytes and an array's
// elements live in the lexer's buffers and are valid until the operator
// that takes them returns: shown, never kept.
type operand struct {
	kind byte // 'n' number, 's' string, '/' name, '[' array, 'd' dictionary, 'b' boolean, 'z' null
	num  float64
	str  []byte // a string
	name string // a name
	arr  []operand
}

func (o operand) float() float64 {
	if o.kind == 'n' {
		return o.num
	}
	return 0
}

func (o operand) nameOf() string {
	if o.kind == '/' {
		return o.name
	}
	return ""
}

func (o operand) raw() []byte {
	if o.kind == 's' {
		return o.str
	}
	return nil
}

// errContent is a malformed token that ends a content stream.
var errContent = errors.New("malformed content stream")

// token kinds
const (
	tokEOF byte = iota
	tokOp       // an operator, or [ ] << >> { } null
	tokOperand
	tokBad // a malformed token
)

type contentLexer struct {
	data []byte
	pos  int
	buf  []byte      // a name being read
	strs []byte      // the strings of the current operator's operands
	free [][]operand // arrays to reuse
}

// reset drops the current operator's operands, keeping their storage.
func (lx *contentLexer) reset(stack []operand) {
	for _, o := range stack {
		if o.kind == '[' && len(lx.free) < 16 {
			lx.free = append(lx.free, o.arr[:0])
		}
	}
	lx.strs = lx.strs[:0]
}

func (lx *contentLexer) newArray() []operand {
	if n := len(lx.free); n > 0 {
		a := lx.free[n-1]
		lx.free = lx.free[:n-1]
		return a
	}
	return nil
}

func isSpaceByte(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

func isDelimByte(c byte) bool {
	switch c {
	case '<', '>', '(', ')', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// next returns the next token: an operator (or structural keyword) in op,
// or an operand.
func (lx *contentLexer) next() (kind byte, op string, o operand) {
	d := lx.data
	for lx.pos < len(d) {
		c := d[lx.pos]
		if isSpaceByte(c) {
			lx.pos++
			continue
		}
		if c == '%' {
			for lx.pos < len(d) && d[lx.pos] != '\r' && d[lx.pos] != '\n' {
				lx.pos++
			}
			continue
		}
		break
	}
	if lx.pos >= len(d) {
		return tokEOF, "", operand{}
	}
	c := d[lx.pos]
	lx.pos++
	switch c {
	case '<':
		if lx.pos < len(d) && d[lx.pos] == '<' {
			lx.pos++
			return tokOp, "<<", operand{}
		}
		s, ok := lx.hexString()
		if !ok {
			return tokBad, "", operand{}
		}
		return tokOperand, "", operand{kind: 's', str: s}
	case '(':
		s, ok := lx.literalString()
		if !ok {
			return tokBad, "", operand{}
		}
		return tokOperand, "", operand{kind: 's', str: s}
	case '[':
		return tokOp, "[", operand{}
	case ']':
		return tokOp, "]", operand{}
	case '{':
		return tokOp, "{", operand{}
	case '}':
		return tokOp, "}", operand{}
	case '/':
		s, ok := lx.readName()
		if !ok {
			return tokBad, "", operand{}
		}
		return tokOperand, "", operand{kind: '/', name: s}
	case '>':
		if lx.pos < len(d) && d[lx.pos] == '>' {
			lx.pos++
			return tokOp, ">>", operand{}
		}
		return tokBad, "", operand{}
	}
	if isDelimByte(c) { // ')'
		return tokBad, "", operand{}
	}
	start := lx.pos - 1
	for lx.pos < len(d) && !isDelimByte(d[lx.pos]) && !isSpaceByte(d[lx.pos]) {
		lx.pos++
	}
	w := d[start:lx.pos]
	switch {
	case string(w) == "true", string(w) == "false":
		return tokOperand, "", operand{kind: 'b'}
	case isIntegerWord(w):
		n, err := strconv.ParseInt(string(w), 10, 64)
		if err != nil {
			return tokBad, "", operand{}
		}
		return tokOperand, "", operand{kind: 'n', num: float64(n)}
	case isRealWord(w):
		f, err := strconv.ParseFloat(string(w), 64)
		if err != nil {
			return tokBad, "", operand{}
		}
		return tokOperand, "", operand{kind: 'n', num: f}
	}
	return tokOp, string(w), operand{}
}

func isIntegerWord(s []byte) bool {
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if len(s) == 0 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func isRealWord(s []byte) bool {
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if len(s) == 0 {
		return false
	}
	dots := 0
	for _, c := range s {
		if c == '.' {
			dots++
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	return dots == 1
}

// byteAt returns the next byte, or '\n' past the end (as pdf's reader
// does).
func (lx *contentLexer) byteAt() (byte, bool) {
	if lx.pos >= len(lx.data) {
		return '\n', false
	}
	c := lx.data[lx.pos]
	lx.pos++
	return c, true
}

func unhexByte(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// hexString reads a <...> string; a digit missing before the '>' or a
// non-hex character is malformed (pdf's reader fails there too). An
// unterminated one is malformed (pdf's reader never returned).
func (lx *contentLexer) hexString() ([]byte, bool) {
	at := len(lx.strs)
	b := lx.strs
	defer func() { lx.strs = b }()
	for {
		c, ok := lx.byteAt()
		for ok && isSpaceByte(c) {
			c, ok = lx.byteAt()
		}
		if !ok {
			return nil, false
		}
		if c == '>' {
			return b[at:len(b):len(b)], true
		}
		c2, ok := lx.byteAt()
		for ok && isSpaceByte(c2) {
			c2, ok = lx.byteAt()
		}
		if !ok {
			return nil, false
		}
		x := unhexByte(c)<<4 | unhexByte(c2)
		if x < 0 {
			return nil, false
		}
		b = append(b, byte(x))
	}
}

// literalString reads a (...) string with its escapes; an unknown escape
// is malformed (pdf's reader fails there).
func (lx *contentLexer) literalString() ([]byte, bool) {
	at := len(lx.strs)
	b := lx.strs
	defer func() { lx.strs = b }()
	depth := 1
	for lx.pos < len(lx.data) {
		c := lx.data[lx.pos]
		lx.pos++
		switch c {
		default:
			b = append(b, c)
		case '(':
			depth++
			b = append(b, c)
		case ')':
			if depth--; depth == 0 {
				return b[at:len(b):len(b)], true
			}
			b = append(b, c)
		case '\\':
			c, _ = lx.byteAt()
			switch c {
			default:
				return nil, false
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 'b':
				b = append(b, '\b')
			case 't':
				b = append(b, '\t')
			case 'f':
				b = append(b, '\f')
			case '(', ')', '\\':
				b = append(b, c)
			case '\r':
				if lx.pos < len(lx.data) && lx.data[lx.pos] == '\n' {
					lx.pos++
				}
			case '\n':
			case '0', '1', '2', '3', '4', '5', '6', '7':
				x := int(c - '0')
				for i := 0; i < 2 && lx.pos < len(lx.data); i++ {
					c = lx.data[lx.pos]
					if c < '0' || c > '7' {
						break
					}
					lx.pos++
					x = x*8 + int(c-'0')
				}
				if x > 255 {
					return nil, false
				}
				b = append(b, byte(x))
			}
		}
	}
	return b[at:len(b):len(b)], true // unterminated: what there is
}

// readName reads a /name with its #xx escapes.
func (lx *contentLexer) readName() (string, bool) {
	b := lx.buf[:0]
	defer func() { lx.buf = b }()
	for lx.pos < len(lx.data) {
		c := lx.data[lx.pos]
		if isDelimByte(c) || isSpaceByte(c) {
			break
		}
		lx.pos++
		if c == '#' {
			h, _ := lx.byteAt()
			l, _ := lx.byteAt()
			x := unhexByte(h)<<4 | unhexByte(l)
			if x < 0 {
				return "", false
			}
			b = append(b, byte(x))
			continue
		}
		b = append(b, c)
	}
	return string(b), true
}

// maxNesting bounds arrays and dictionaries within each other (as pdf's
// reader does).
const maxNesting = 1000

// object reads the rest of an operand opened by op: "[", "<<", or "null",
// "]", ">>" (which pdf's reader takes for null where an operand should
// be). ok is false when it is malformed, which drops it.
func (lx *contentLexer) object(op string, depth int) (operand, bool) {
	if depth > maxNesting {
		return operand{}, false
	}
	switch op {
	case "null", "]", ">>":
		return operand{kind: 'z'}, true
	case "[":
		arr := lx.newArray()
		for {
			kind, op, o := lx.next()
			switch kind {
			case tokEOF: // unterminated: what there is
				return operand{kind: '[', arr: arr}, true
			case tokBad:
				return operand{}, false
			case tokOperand:
				arr = append(arr, o)
			case tokOp:
				if op == "]" {
					return operand{kind: '[', arr: arr}, true
				}
				x, ok := lx.object(op, depth+1)
				if !ok {
					return operand{}, false
				}
				arr = append(arr, x)
			}
		}
	case "<<":
		for {
			kind, op, o := lx.next()
			switch {
			case kind == tokEOF || kind == tokOp && op == ">>":
				return operand{kind: 'd'}, true
			case kind != tokOperand || o.kind != '/': // a key that is no name
				return operand{}, false
			}
			kind, op, _ = lx.next()
			switch kind {
			case tokEOF:
				return operand{kind: 'd'}, true
			case tokBad:
				return operand{}, false
			case tokOp:
				if _, ok := lx.object(op, depth+1); !ok {
					return operand{}, false
				}
			}
		}
	}
	return operand{}, false // an operator where an operand should be
}

// interpretContent calls do with each operator of data and its operands.
// It returns errContent when a malformed token ended the stream early.
// The PostScript operators pdf.Interpret knows (dict, begin, end, def,
// pop, currentdict: for CMaps, never in a page) act on the operands as
// there; begin, end and currentdict end the stream, as they did there
// without a dictionary to work on.
func interpretContent(data []byte, do func(op string, args []operand)) error {
	lx := contentLexer{data: data}
	var stack []operand
	pop := func() operand {
		if n := len(stack); n > 0 {
			o := stack[n-1]
			stack = stack[:n-1]
			return o
		}
		return operand{}
	}
	for {
		kind, op, o := lx.next()
		switch kind {
		case tokEOF:
			return nil
		case tokBad:
			return errContent
		case tokOperand:
			stack = append(stack, o)
		case tokOp:
			switch op {
			case "null", "[", "<<", "]", ">>":
				if x, ok := lx.object(op, 1); ok {
					stack = append(stack, x)
				}
			case "dict":
				pop()
				stack = append(stack, operand{kind: 'd'})
			case "def", "pop":
				pop()
			case "begin", "end", "currentdict":
				return errContent
			default:
				do(op, stack)
				lx.reset(stack)
				stack = stack[:0]
			}
		}
	}
}
