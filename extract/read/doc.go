// Package read turns a file into an extract.Source: pages of text and
// what the file's metadata says.
//
// It decides a file's format by its content, never its extension (real
// folders hold web error pages and images saved as ".pdf"), and hands the
// bytes to the reader of that format: package pdftext for PDF, htmltext
// for HTML, plaintext for text. Those readers are leaves that return text
// and do not know the model; this package is the only one that knows both,
// so that the model's importers (classify, the finding rules) do not
// compile a PDF library or an HTML parser.
//
// Every refusal is an error wrapping a sentinel that callers branch on
// (ErrNotPDF, ErrUnsupported, ErrEmpty, and pdftext's ErrEncrypted,
// ErrNoText, ErrUndecodable, ErrCorrupt, ErrTooLarge re-exported here), so
// that a batch can say in one line why each file was not read.
package read
