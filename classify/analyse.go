package classify

// Analyse is the whole of what is decided about a source once it is read:
// its documents (classify) and their findings (extract/find), each
// embedded document searched in its own text only.

import (
	"strings"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/find"
)

// Analyse classifies a source and finds the findings of each of its
// documents. The first document is the file as a whole; when others are
// embedded in it (a committee pack's Ofsted report and letters), each is
// searched in its own text only, and the whole-file document keeps only
// the findings from outside them, so that no finding is counted twice.
// Finding.Page is always the page of the file. Findings is never nil.
func Analyse(src *extract.Source) []extract.Document {
	parts := ClassifyParts(src)
	docs := make([]extract.Document, len(parts))
	own := src
	if len(parts) > 1 {
		own = withoutEmbedded(src, parts[1:])
	}
	for i, p := range parts {
		d := p.Document
		text := own
		if i > 0 {
			text = alignPages(p.Source, d.PageStart)
		}
		d.Findings = find.Find(&d, text)
		if d.Findings == nil {
			d.Findings = []extract.Finding{}
		}
		docs[i] = d
	}
	return docs
}

// alignPages returns sub, whose first page is page first of the file, with
// blank pages before it, so that page numbers in findings are the file's.
func alignPages(sub *extract.Source, first int) *extract.Source {
	if first <= 1 {
		return sub
	}
	out := *sub
	out.Pages = append(make([]string, first-1, first-1+len(sub.Pages)), sub.Pages...)
	return &out
}

// withoutEmbedded returns src with the text of the embedded parts blanked
// out (line breaks kept, so that line structure and pages stay as they were).
func withoutEmbedded(src *extract.Source, parts []Part) *extract.Source {
	out := *src
	out.Pages = append([]string(nil), src.Pages...)
	for _, p := range parts {
		for i, text := range p.Source.Pages {
			n := p.Document.PageStart - 1 + i
			if n < 0 || n >= len(out.Pages) || strings.TrimSpace(text) == "" {
				continue
			}
			blank := strings.Repeat("\n", strings.Count(text, "\n"))
			out.Pages[n] = strings.Replace(out.Pages[n], text, blank, 1)
		}
	}
	return &out
}
