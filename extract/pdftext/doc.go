// Package pdftext reads the text of a PDF, page by page, in reading order.
//
// It is the only importer of github.com/ledongthuc/pdf, and uses it only for
// the file structure (objects, streams, pages). Everything that turns
// content into text is here:
//
//   - lexer.go tokenises content streams, token for token as pdf.Interpret
//     did (a test compares the two on every stream of the fixtures and the
//     corpus), from the decoded bytes, without building a PDF around them
//     or boxing operands: a quarter of an ingest's time went there.
//   - content.go interprets the graphics and text state (CTM, q/Q, text
//     matrices, spacing, rise, scaling, TJ adjustments) and Form XObjects
//     (with a depth limit and a guard against forms that draw themselves),
//     producing positioned glyphs. Vertical writing is not handled.
//   - font.go decodes each code: the font's ToUnicode CMap first; where it is
//     silent (common in 2013-2019 documents whose subset fonts have partial
//     maps), CID -> glyph id (CIDToGIDMap) -> the embedded font program's own
//     cmap, reversed, or its glyph names through the Adobe Glyph List; for
//     simple fonts the Differences names, the base encodings and the
//     program's built-in (symbol) cmap. Symbol bullets stay in the private
//     use area (U+F0xx) as the fonts define them. Decoders are built once
//     per font object per file.
//   - truetype.go reads the embedded TrueType/OpenType 'cmap' and 'post'
//     tables; golang.org/x/image/font/sfnt is used when it accepts the
//     program, but subsets often lack tables it requires.
//   - layout.go rebuilds words (gaps against the font size, explicit
//     spaces), lines and the reading order (recursive XY cuts that prefer
//     column gutters), keeping a blank line between paragraphs. Hyphenated
//     line ends are left as they are.
//   - created.go reads the file's creation date (/Info /CreationDate, else
//     XMP xmp:CreateDate), tolerating the malformed date strings writers
//     produce; a date that is not whole and real is left empty.
//
// No U+FFFD is ever produced: a code that nothing can decode is dropped and
// counted, and a file with too many such glyphs fails with ErrUndecodable.
//
// The library reports malformed input by panicking; every call into it runs
// under one recover boundary (doc.guard), which turns a panic into an error
// wrapping ErrCorrupt. A page whose content stream breaks part way keeps
// the text read before the break. Context cancellation is checked between
// pages and every few thousand operators.
package pdftext

//go:generate go run ./internal/aglgen -o agl_table.go

// BUG(pdftext): Vertical writing (Identity-V) is laid out as if horizontal.
// Bare CFF programs (FontFile3 /Type1C, /CIDFontType0C) are not parsed, so
// their glyph names cannot fill gaps in a ToUnicode map. Fonts without
// /Widths (the standard 14) get an average width, so word gaps rely on
// explicit spaces there.
