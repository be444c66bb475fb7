package pdftext

// CMaps: the ToUnicode map of a font (code -> text) and the encoding CMap of
// a Type0 font (bytes -> code -> CID).

import (
	"sort"
	"strconv"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// codespace is one codespacerange: codes of n bytes between lo and hi,
// compared byte by byte.
type codespace struct {
	n      int
	lo, hi [4]byte
}

type textRange struct {
	lo, hi uint32
	base   []uint16 // UTF-16 of lo; the last unit is incremented
}

type cidRange struct{ lo, hi, cid uint32 }

// cmap holds what a CMap stream defines.
type cmap struct {
	spaces []codespace
	text   map[uint32]string
	ranges []textRange
	cids   []cidRange
}

// maxRangeExpand bounds how many codes of one bfrange are stored one by one.
const maxRangeExpand = 256

// maxCMapBytes bounds how much of a CMap stream is read.
const maxCMapBytes = 4 << 20

// readCMap reads a CMap stream. CMaps are PostScript resources that
// pdf.Interpret cannot run whole (findresource must yield a dictionary), so
// they are tokenised here; only the range operators matter.
func (d *doc) readCMap(strm pdf.Value) *cmap {
	return parseCMap(d.readStream(strm, maxCMapBytes))
}

// cmapToken is a CMap operand: a string, a number, a name or an array of
// strings.
type cmapToken struct {
	kind byte // 's' string, 'n' number, '/' name, '[' array
	s    string
	n    int64
	arr  []string
}

func parseCMap(data []byte) *cmap {
	m := &cmap{text: map[uint32]string{}}
	var args []cmapToken
	var arr []string
	inArray := false
	lx := cmapLexer{data: data}
	for {
		kind, tok := lx.next()
		if kind == 0 {
			break
		}
		switch kind {
		case 's', '/':
			if inArray {
				arr = append(arr, tok)
				continue
			}
			args = append(args, cmapToken{kind: kind, s: tok})
		case 'n':
			n, _ := strconv.ParseInt(tok, 10, 64)
			args = append(args, cmapToken{kind: 'n', n: n})
		case '[':
			inArray, arr = true, nil
		case ']':
			if inArray {
				args = append(args, cmapToken{kind: '[', arr: arr})
			}
			inArray = false
		case 'k':
			m.apply(tok, args)
			args = args[:0]
		}
		if len(args) > 1<<16 {
			args = args[:0]
		}
	}
	sort.SliceStable(m.spaces, func(i, j int) bool { return m.spaces[i].n < m.spaces[j].n })
	return m
}

// apply runs the end-of-section operator op on its operands.
func (m *cmap) apply(op string, args []cmapToken) {
	switch op {
	case "endcodespacerange":
		for i := 0; i+1 < len(args); i += 2 {
			lo, hi := args[i].s, args[i+1].s
			if len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
				continue
			}
			cs := codespace{n: len(lo)}
			copy(cs.lo[:], lo)
			copy(cs.hi[:], hi)
			m.spaces = append(m.spaces, cs)
		}
	case "endbfchar":
		for i := 0; i+1 < len(args); i += 2 {
			src, dst := args[i], args[i+1]
			if src.kind != 's' || src.s == "" {
				continue
			}
			t := utf16String(dst.s)
			if dst.kind == '/' {
				t = nameToText(dst.s)
			}
			m.text[codeOf(src.s)] = t
		}
	case "endbfrange":
		for i := 0; i+2 < len(args); i += 3 {
			if args[i].kind != 's' || args[i].s == "" {
				continue
			}
			lo, hi, dst := codeOf(args[i].s), codeOf(args[i+1].s), args[i+2]
			if hi < lo {
				continue
			}
			switch dst.kind {
			case '[':
				for k := 0; k < len(dst.arr) && lo+uint32(k) <= hi; k++ {
					m.text[lo+uint32(k)] = utf16String(dst.arr[k])
				}
			case 's':
				base := utf16Units(dst.s)
				if len(base) == 0 {
					continue
				}
				if hi-lo < maxRangeExpand {
					for c := lo; c <= hi; c++ {
						m.text[c] = rangeText(base, c-lo)
					}
				} else {
					m.ranges = append(m.ranges, textRange{lo, hi, base})
				}
			}
		}
	case "endcidrange":
		for i := 0; i+2 < len(args); i += 3 {
			lo, hi := codeOf(args[i].s), codeOf(args[i+1].s)
			if hi >= lo && args[i+2].kind == 'n' {
				m.cids = append(m.cids, cidRange{lo, hi, uint32(args[i+2].n)})
			}
		}
	case "endcidchar":
		for i := 0; i+1 < len(args); i += 2 {
			c := codeOf(args[i].s)
			if args[i+1].kind == 'n' {
				m.cids = append(m.cids, cidRange{c, c, uint32(args[i+1].n)})
			}
		}
	}
}

// cmapLexer splits a CMap into tokens: 's' strings (hex or literal, as
// bytes), 'n' integers, '/' names, '[' and ']', and 'k' keywords (anything
// else, dictionaries' delimiters included).
type cmapLexer struct {
	data []byte
	pos  int
	buf  []byte
}

func (lx *cmapLexer) next() (byte, string) {
	d := lx.data
	for lx.pos < len(d) {
		c := d[lx.pos]
		switch {
		case c == '%':
			for lx.pos < len(d) && d[lx.pos] != '\n' && d[lx.pos] != '\r' {
				lx.pos++
			}
			continue
		case isCMapSpace(c):
			lx.pos++
			continue
		}
		break
	}
	if lx.pos >= len(d) {
		return 0, ""
	}
	c := d[lx.pos]
	lx.pos++
	switch c {
	case '[', ']':
		return c, ""
	case '{', '}', ')':
		return 'k', string(c)
	case '<':
		if lx.pos < len(d) && d[lx.pos] == '<' {
			lx.pos++
			return 'k', "<<"
		}
		lx.buf = lx.buf[:0]
		hi := -1
		for lx.pos < len(d) && d[lx.pos] != '>' {
			v := unhexDigit(d[lx.pos])
			lx.pos++
			if v < 0 {
				continue
			}
			if hi < 0 {
				hi = v
			} else {
				lx.buf = append(lx.buf, byte(hi<<4|v))
				hi = -1
			}
		}
		if hi >= 0 {
			lx.buf = append(lx.buf, byte(hi<<4))
		}
		lx.pos++
		return 's', string(lx.buf)
	case '>':
		if lx.pos < len(d) && d[lx.pos] == '>' {
			lx.pos++
		}
		return 'k', ">>"
	case '(':
		lx.buf = lx.buf[:0]
		depth := 1
		for lx.pos < len(d) {
			c := d[lx.pos]
			lx.pos++
			if c == '\\' && lx.pos < len(d) {
				c = d[lx.pos]
				lx.pos++
				switch c {
				case 'n':
					c = '\n'
				case 'r':
					c = '\r'
				case 't':
					c = '\t'
				case 'b':
					c = '\b'
				case 'f':
					c = '\f'
				case '0', '1', '2', '3', '4', '5', '6', '7':
					v := int(c - '0')
					for k := 0; k < 2 && lx.pos < len(d) && d[lx.pos] >= '0' && d[lx.pos] <= '7'; k++ {
						v = v*8 + int(d[lx.pos]-'0')
						lx.pos++
					}
					c = byte(v)
				}
				lx.buf = append(lx.buf, c)
				continue
			}
			if c == '(' {
				depth++
			} else if c == ')' {
				if depth--; depth == 0 {
					break
				}
			}
			lx.buf = append(lx.buf, c)
		}
		return 's', string(lx.buf)
	}
	start := lx.pos - 1
	if c == '/' {
		start = lx.pos
	}
	for lx.pos < len(d) && !isCMapSpace(d[lx.pos]) && !isCMapDelim(d[lx.pos]) {
		lx.pos++
	}
	tok := string(d[start:lx.pos])
	if c == '/' {
		return '/', tok
	}
	if _, err := strconv.ParseInt(tok, 10, 64); err == nil {
		return 'n', tok
	}
	return 'k', tok
}

func isCMapSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isCMapDelim(c byte) bool {
	switch c {
	case '<', '>', '(', ')', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func unhexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func codeOf[S ~string | ~[]byte](s S) uint32 {
	var c uint32
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

func utf16Units(s string) []uint16 {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	if len(s) == 1 { // a one-byte destination: take it as a code point
		u = append(u, uint16(s[0]))
	}
	return u
}

func utf16String(s string) string { return string(utf16.Decode(utf16Units(s))) }

func rangeText(base []uint16, off uint32) string {
	u := make([]uint16, len(base))
	copy(u, base)
	u[len(u)-1] += uint16(off)
	return string(utf16.Decode(u))
}

// lookupText returns the text mapped to code, if any.
func (m *cmap) lookupText(code uint32) (string, bool) {
	if m == nil {
		return "", false
	}
	if t, ok := m.text[code]; ok {
		return t, true
	}
	for _, r := range m.ranges {
		if code >= r.lo && code <= r.hi {
			return rangeText(r.base, code-r.lo), true
		}
	}
	return "", false
}

// cid maps a code through the cidrange/cidchar definitions.
func (m *cmap) cid(code uint32) (uint32, bool) {
	for _, r := range m.cids {
		if code >= r.lo && code <= r.hi {
			return r.cid + code - r.lo, true
		}
	}
	return 0, false
}

// codeLen returns how many bytes of s form the next code under the codespaces.
func codeLen[S ~string | ~[]byte](spaces []codespace, s S) int {
	for _, cs := range spaces {
		if cs.n > len(s) {
			continue
		}
		ok := true
		for i := 0; i < cs.n; i++ {
			if s[i] < cs.lo[i] || s[i] > cs.hi[i] {
				ok = false
				break
			}
		}
		if ok {
			return cs.n
		}
	}
	// No range matches: take the shortest length that has a range whose
	// first byte fits, else the shortest length.
	best := 0
	for _, cs := range spaces {
		if cs.n <= len(s) && s[0] >= cs.lo[0] && s[0] <= cs.hi[0] && (best == 0 || cs.n < best) {
			best = cs.n
		}
	}
	if best == 0 {
		for _, cs := range spaces {
			if best == 0 || cs.n < best {
				best = cs.n
			}
		}
	}
	if best == 0 || best > len(s) {
		best = len(s)
		if best > 2 {
			best = 2
		}
	}
	return best
}
