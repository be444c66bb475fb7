package find

// News articles, committee papers and the heads of letters are read as
// running prose: paragraphs cut into sentences, each with its page and
// paragraph. The focus, prose-judgement, news and reported-finding rules
// all read prose so cut.

import (
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

// cutProse returns the sentences of ls, each with its page and the index
// of its paragraph: the blocks of ls (headings, paragraphs, list items,
// cells; see text.Blocks), each cut at a full stop, question or
// exclamation mark followed by a space and a capital letter or opening
// quote. An item keeps its marker as the document wrote it.
func cutProse(ls []text.Line, ws text.WordSet) []prose {
	var out []prose
	for para, b := range blocksOf(ls, ws) {
		t := blockText(b)
		lead := len(t) - len(b.Text) // the marker written before the block's text
		ss, offs := text.Sentences(t)
		for k, s := range ss {
			out = append(out, prose{text: s, page: b.PageAt(max(offs[k]-lead, 0)), para: para})
		}
	}
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
var reOtherSpeaker = text.Lazy(`(?i)\b(?:he|she|i|we)\s+(?:said|says|added|adds)\b|^[“"]`)

// pageBreakInSentence reports whether the blank line ls[i] is part of a
// page break that falls inside a sentence: the text before it, on an
// earlier page, ends no sentence, and the text after it carries it on in
// lower case ("... child protection" / page number / "plans").
func pageBreakInSentence(ls []text.Line, i int) bool {
	prev := i - 1
	for prev >= 0 && ls[prev].Text == "" {
		prev--
	}
	next := i + 1
	for next < len(ls) && ls[next].Text == "" {
		next++
	}
	if prev < 0 || next >= len(ls) || ls[prev].Page == ls[next].Page {
		return false
	}
	return !text.SentenceEnd(ls[prev].Text) && text.StartsLower(ls[next].Text)
}
