package htmltext

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/ofsted/ofsted/extract/plaintext"
)

// boilerplate matches class and id values of page furniture.
var boilerplate = regexp.MustCompile(`(?i)(^|[-_ ])(nav|navbar|navigation|menu|header|footer|sidebar|aside|advert|advertisement|ads?|promo|cookie|consent|banner|share|sharing|social|related|recommended|most-?read|newsletter|subscribe|comments?|breadcrumbs?|popup|modal|skip|outbrain|taboola)([-_ ]|$)`)

// Page is what Read finds in a saved web page. Title, Date (YYYY-MM-DD)
// and Site are empty when the page does not say.
type Page struct {
	Text  string // the article's text, lines separated by '\n', ending in '\n'
	Title string // the headline: og:title, twitter:title, the first <h1>, or <title> less the outlet
	Date  string // the publication date from meta tags, JSON-LD or the article's <time>
	Site  string // the outlet: og:site_name, application-name, JSON-LD publisher, or <title>'s suffix
}

// Read returns the article text and metadata of the HTML page data, in
// whatever charset the page declares (bytes that are not valid UTF-8 in a
// page that declares none are taken as Windows-1252).
func Read(data []byte) (Page, error) {
	var pg Page
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(toUTF8(data)))
	if err != nil {
		return pg, fmt.Errorf("parse HTML: %w", err)
	}
	headline, site := splitTitle(doc.Find("title").First().Text())
	pg.Title = firstNonEmpty(
		metaContent(doc, "og:title"), metaContent(doc, "twitter:title"),
		strings.TrimSpace(doc.Find("h1").First().Text()),
		headline)
	pg.Site = firstNonEmpty(metaContent(doc, "og:site_name"), metaContent(doc, "application-name"), jsonLD(doc, "publisher"), site)
	pg.Date = firstNonEmpty(
		isoDate(metaContent(doc, "article:published_time")),
		isoDate(metaContent(doc, "og:published_time")),
		isoDate(metaContent(doc, "datePublished")),
		isoDate(metaContent(doc, "date")),
		isoDate(metaContent(doc, "pubdate")),
		isoDate(metaContent(doc, "dc.date")),
		isoDate(metaContent(doc, "dcterms.created")),
		isoDate(jsonLD(doc, "datePublished")),
		isoDate(attr(doc.Find("article time[datetime]").First(), "datetime")),
		isoDate(attr(doc.Find("main time[datetime]").First(), "datetime")),
		isoDate(attr(doc.Find("time[pubdate][datetime]").First(), "datetime")),
		isoDate(attr(doc.Find("[itemprop=datePublished]").First(), "content")),
		isoDate(attr(doc.Find("[itemprop=datePublished]").First(), "datetime")),
	)

	doc.Find("script, style, noscript, iframe, svg, form, nav, footer, aside, template, button, select").Remove()
	body := doc.Find("[itemprop=articleBody]").First()
	if body.Length() == 0 {
		body = largest(doc.Find("article"))
	}
	if body.Length() == 0 {
		body = doc.Find("main").First()
	}
	if body.Length() == 0 {
		body = doc.Find("body").First()
		body.Find("header").Remove()
	}
	if body.Length() == 0 {
		body = doc.Selection
	}
	body.Find("*").Each(func(_ int, s *goquery.Selection) {
		if boilerplate.MatchString(attr(s, "class")) || boilerplate.MatchString(attr(s, "id")) || attr(s, "aria-hidden") == "true" {
			s.Remove()
		}
	})
	var b strings.Builder
	if pg.Title != "" {
		b.WriteString(pg.Title)
		b.WriteString("\n\n")
	}
	for _, n := range body.Nodes {
		blockText(&b, n)
	}
	pg.Text = collapseBlankLines(b.String())
	return pg, nil
}

// toUTF8 converts data to UTF-8 according to its BOM, <meta charset> or
// Content-Type meta, falling back to Windows-1252 for invalid UTF-8.
func toUTF8(data []byte) string {
	enc, name, _ := charset.DetermineEncoding(data, "text/html")
	if name == "utf-8" || enc == nil {
		return plaintext.UTF8(data)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return plaintext.UTF8(data)
	}
	return string(out)
}

var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "li": true, "ul": true, "ol": true, "blockquote": true, "table": true,
	"tr": true, "td": true, "th": true, "br": true, "header": true, "figure": true, "figcaption": true, "dd": true,
	"dt": true, "pre": true, "hr": true,
}

// blockText writes the text of n, with a line break around every block
// element and bullets before list items, so that sentence and list rules
// downstream see the article's structure.
func blockText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(strings.Join(strings.Fields(n.Data), " "))
		if strings.HasSuffix(n.Data, " ") || strings.HasSuffix(n.Data, "\n") {
			b.WriteByte(' ')
		}
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	block := n.Type == html.ElementNode && blockTags[n.Data]
	if block {
		b.WriteString("\n")
		switch n.Data {
		case "li":
			b.WriteString("• ")
		case "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote":
			b.WriteString("\n")
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && c.PrevSibling != nil && c.PrevSibling.Type == html.ElementNode && !blockTags[c.PrevSibling.Data] &&
			(strings.HasPrefix(c.Data, " ") || strings.HasPrefix(c.Data, "\n")) {
			b.WriteByte(' ')
		}
		blockText(b, c)
	}
	if block {
		b.WriteString("\n")
	}
}

var manyBlank = regexp.MustCompile(`\n[ \t]*(\n[ \t]*)+`)

func collapseBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(strings.Join(strings.Fields(l), " "))
	}
	s = strings.Join(lines, "\n")
	s = manyBlank.ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s) + "\n"
}

func metaContent(doc *goquery.Document, key string) string {
	var out string
	doc.Find("meta").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		for _, a := range []string{"property", "name", "itemprop"} {
			if strings.EqualFold(attr(s, a), key) {
				out = strings.TrimSpace(attr(s, "content"))
				return out == ""
			}
		}
		return true
	})
	return out
}

// jsonLD finds key in the page's JSON-LD blocks (schema.org NewsArticle).
// For "publisher" it returns the publisher's name.
func jsonLD(doc *goquery.Document, key string) string {
	var out string
	doc.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) != nil {
			return true
		}
		out = findJSON(v, key, 0)
		return out == ""
	})
	return out
}

func findJSON(v any, key string, depth int) string {
	if depth > 8 {
		return ""
	}
	switch x := v.(type) {
	case map[string]any:
		if val, ok := x[key]; ok {
			switch y := val.(type) {
			case string:
				return y
			case map[string]any:
				if n, ok := y["name"].(string); ok {
					return n
				}
			}
		}
		for _, k := range []string{"@graph", "mainEntity", "itemListElement"} {
			if s := findJSON(x[k], key, depth+1); s != "" {
				return s
			}
		}
	case []any:
		for _, e := range x {
			if s := findJSON(e, key, depth+1); s != "" {
				return s
			}
		}
	}
	return ""
}

func attr(s *goquery.Selection, name string) string {
	v, _ := s.Attr(name)
	return v
}

func largest(s *goquery.Selection) *goquery.Selection {
	best, n := s.First(), -1
	s.Each(func(_ int, e *goquery.Selection) {
		if l := len(e.Text()); l > n {
			best, n = e, l
		}
	})
	return best
}

// reTitleSite is the outlet's name at the end of a page title: "Headline
// | Express & Star", "Headline - BBC News", "Headline – The Guardian".
var reTitleSite = regexp.MustCompile(`^(.{12,}?)\s+[|–—-]\s+([^|–—]{2,40})$`)

// splitTitle splits a page title into the headline and the outlet's name
// that sites append to it. The name is a few words, at most five, ending
// in a capitalised word ("... - says council" is part of a headline).
func splitTitle(t string) (headline, site string) {
	t = strings.Join(strings.Fields(t), " ")
	m := reTitleSite.FindStringSubmatch(t)
	if m == nil {
		return t, ""
	}
	name := strings.TrimSpace(m[2])
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 5 {
		return t, ""
	}
	if last := []rune(words[len(words)-1]); !unicode.IsUpper(last[0]) && !unicode.IsDigit(last[0]) {
		return t, ""
	}
	return strings.TrimSpace(m[1]), name
}

func firstNonEmpty(v ...string) string {
	for _, s := range v {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// isoDate turns the date forms found in meta tags into YYYY-MM-DD, or "".
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02", "2006/01/02", "20060102", "2 January 2006", "January 2, 2006", "Mon, 02 Jan 2006 15:04:05 MST", time.RFC1123Z} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}
