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
// lines (list items are paragraphs of their own, and so is a line that
// ends no sentence and stands alone, as sentences.go tells: short, not
// carrying a sentence on, before a line that starts anew; a headline, a
// label or a table row where the blank lines around it were dropped), cut at a
// full stop, question or exclamation mark followed by a space and a
// capital letter or opening quote.
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
	for i, l := range ls {
		if l.Text == "" {
			if !pageBreakInSentence(ls, i) {
				flush()
			}
			continue
		}
		if g, _ := text.Bullet(l.Text); g != "" || text.ListMarker(l.Text) {
			flush()
		} else if i > 0 && !text.SentenceEnd(ls[i-1].Text) && standsAlone(ls, i-1) {
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
