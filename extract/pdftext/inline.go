package pdftext

// Inline images (BI ... ID <binary> EI) hold raw bytes that a tokeniser
// cannot skip: a stray ')' or '>' in the data would stop the whole content
// stream. Content streams are therefore read here and inline image data is
// cut out before the lexer (lexer.go) sees them.

import (
	"bytes"

	"github.com/ledongthuc/pdf"
)

// maxContentBytes bounds the decoded size of one page's content.
const maxContentBytes = 64 << 20

// contentBytes returns the decoded bytes of content (a stream or an array
// of streams, joined by newlines) without inline image data.
func (d *doc) contentBytes(content pdf.Value) []byte {
	var data []byte
	switch content.Kind() {
	case pdf.Stream:
		data = d.readStream(content, maxContentBytes)
	case pdf.Array:
		for i, n := 0, content.Len(); i < n && len(data) < maxContentBytes; i++ {
			if s := content.Index(i); s.Kind() == pdf.Stream {
				data = append(data, d.readStream(s, maxContentBytes-int64(len(data)))...)
				data = append(data, '\n')
			}
		}
	default:
		return nil
	}
	if !bytes.Contains(data, []byte("ID")) {
		return data
	}
	return stripInlineImages(data)
}

// stripInlineImages removes everything from each BI operator to its EI.
func stripInlineImages(data []byte) []byte {
	out := make([]byte, 0, len(data))
	i := 0
	for i < len(data) {
		c := data[i]
		switch {
		case c == '(':
			j := skipLiteral(data, i)
			out = append(out, data[i:j]...)
			i = j
		case c == '<' && i+1 < len(data) && data[i+1] != '<':
			j := bytes.IndexByte(data[i:], '>')
			if j < 0 {
				j = len(data) - i - 1
			}
			out = append(out, data[i:i+j+1]...)
			i += j + 1
		case c == '%':
			j := bytes.IndexAny(data[i:], "\r\n")
			if j < 0 {
				j = len(data) - i
			}
			i += j
		case c == 'B' && isKeywordAt(data, i, "BI"):
			end := inlineImageEnd(data, i+2)
			out = append(out, ' ')
			i = end
		default:
			out = append(out, c)
			i++
		}
	}
	return out
}

// skipLiteral returns the index after the literal string starting at i.
func skipLiteral(data []byte, i int) int {
	depth := 0
	for j := i; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return j + 1
			}
		}
	}
	return len(data)
}

func isContentSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isContentDelim(c byte) bool {
	return isContentSpace(c) || bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// isKeywordAt reports whether the keyword kw stands alone at data[i:].
func isKeywordAt(data []byte, i int, kw string) bool {
	if !bytes.HasPrefix(data[i:], []byte(kw)) {
		return false
	}
	if i > 0 && !isContentDelim(data[i-1]) {
		return false
	}
	j := i + len(kw)
	return j == len(data) || isContentDelim(data[j])
}

// inlineImageEnd returns the index after the EI that ends the inline image
// whose dictionary starts at i.
func inlineImageEnd(data []byte, i int) int {
	for ; i < len(data); i++ {
		if data[i] == 'I' && isKeywordAt(data, i, "ID") {
			i += 2
			break
		}
	}
	// The data follows one white-space byte and ends before a
	// whitespace-delimited EI.
	for j := i + 1; j+1 < len(data); j++ {
		if data[j] == 'E' && data[j+1] == 'I' && isContentSpace(data[j-1]) &&
			(j+2 == len(data) || isContentDelim(data[j+2])) {
			return j + 2
		}
	}
	return len(data)
}
