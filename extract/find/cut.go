package find

// News articles, committee papers and the heads of letters are read as
// running prose: paragraphs cut into sentences, each with its page and
// paragraph. The focus, prose-judgement, news and reported-finding rules
// all read prose so cut.

import (
	"regexp"
	"strings"

	"github.com/ofsted/ofsted/extract/text"
)

// prose is one sentence of running text with the page it starts on and the
// index of its paragraph.
type prose struct {
	text string
	page int
	para int
}

// cutProse returns the sentences of ls: paragraphs are runs of non-empty
// lines (list items are paragraphs of their own), cut at a full stop,
// question or exclamation mark followed by a space and a capital letter or
// opening quote.
func cutProse(ls []text.Line, ws text.WordSet) []prose {
	var out []prose
	para := 0
	var cur strings.Builder
	page := 0
	flush := func() {
		if cur.Len() > 0 {
			ss, _ := text.Sentences(cur.String())
			for _, s := range ss {
				out = append(out, prose{text: s, page: page, para: para})
			}
			para++
		}
		cur.Reset()
	}
	for _, l := range ls {
		if l.Text == "" {
			flush()
			continue
		}
		if g, _ := text.Bullet(l.Text); g != "" || text.ListMarker(l.Text) {
			flush()
		}
		if cur.Len() == 0 {
			page = l.Page
			cur.WriteString(l.Text)
			continue
		}
		s := text.JoinText(cur.String(), l.Text, ws)
		cur.Reset()
		cur.WriteString(s)
	}
	flush()
	return out
}

// proseText is the sentences joined by spaces.
func proseText(sents []prose) string {
	var b strings.Builder
	for _, s := range sents {
		b.WriteString(s.text)
		b.WriteByte(' ')
	}
	return b.String()
}

// reOtherSpeaker is speech by someone other than the inspectors ("she said").
var reOtherSpeaker = regexp.MustCompile(`(?i)\b(?:he|she|i|we)\s+(?:said|says|added|adds)\b|^[“"]`)
