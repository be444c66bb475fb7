package plaintext

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Pages splits plain text into pages on form feeds (what pdftotext
// writes, and what analysts' saved text keeps), with line ends made '\n'
// and the text made valid UTF-8 by UTF8. A byte-order mark is dropped, and
// so is an empty page after a final form feed.
func Pages(data []byte) []string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	s := UTF8(data)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	pages := strings.Split(s, "\f")
	if len(pages) > 1 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// UTF8 returns data as UTF-8, decoding it as Windows-1252 when it is not
// valid UTF-8 already.
func UTF8(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "")
	}
	return string(out)
}
