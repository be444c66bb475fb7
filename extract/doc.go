// Package extract holds the domain model: the vocabulary every other
// package shares.
//
// The model (model.go) is the project's shared vocabulary: document
// types, finding kinds, judgement domains and grades appear unchanged in
// JSON, CSV, command-line flags and the index, so every other package
// imports them from here.
//
// Reading is not here: package extract/read decides a file's format by
// its content, never its extension (real folders hold web error pages
// saved as ".pdf"), and builds a Source from what the leaf readers return:
// extract/pdftext (the only importer of the PDF library), extract/htmltext
// (the only importer of goquery: article body, headline, date and outlet
// from meta tags, legacy charsets converted) and extract/plaintext. Every
// reader returns pages of text; nothing downstream knows which reader ran.
// Keeping the readers out of this package keeps the PDF library and the
// HTML parser out of everything that imports the model.
//
// The layers below and beside the model: extract/text is the line
// machinery every rule shares (cleaning, joining wrapped lines, sentence
// cutting, prefiltered pattern tables) and imports nothing of the
// project; extract/framework holds what the inspection frameworks say
// (domains and their labels, grades, headings, themes) as data;
// extract/find holds the rules that turn a document's text into findings.
// The model also keeps what is true of each type of document (Type's
// Ofsted, Graded, Restates and Evaluative, from one table), so that no
// other package keeps its own list.
//
// Extraction never guesses: an unknown value is empty.
package extract
