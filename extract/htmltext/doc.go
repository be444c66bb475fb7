// Package htmltext reads the article of a saved web page: its text, and
// the headline, date and outlet its metadata give.
//
// It is the only importer of goquery and golang.org/x/net/html, and does
// not know the domain model: package read builds an extract.Source from
// what it returns, so that the model's importers (classify, the rules) do
// not compile an HTML parser.
//
// Saved news pages carry far more than the article: navigation, cookie
// banners, adverts, "most read" lists, footers. Read keeps the article
// body (an itemprop=articleBody, <article> or <main> element when the page
// has one, else the body less its header and boilerplate, recognised by
// the class and id values of page furniture) and writes it with a line
// break around every block element and a bullet before each list item, so
// that the sentence and list rules downstream see the article's structure.
// The headline, date and outlet come from meta tags and JSON-LD, which
// publishers fill for search engines and which are more reliable than any
// date printed in the page header (often today's date, on the masthead).
// Legacy charsets are converted as the page declares them.
package htmltext
