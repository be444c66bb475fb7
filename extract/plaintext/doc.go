// Package plaintext reads plain text files: pages split on form feeds,
// line ends normalised, legacy encodings made UTF-8.
//
// Text that is not valid UTF-8 is taken as Windows-1252, the usual legacy
// encoding of English text (Word's "smart quotes" saved as ANSI, old
// council web pages). Windows-1252 gives nearly every byte a character,
// so decoding never fails (the five bytes it leaves undefined become
// U+FFFD), and Windows-1252 text with any byte above 0x7F is almost never
// valid UTF-8, so trying UTF-8 first cannot misread it. The HTML reader
// falls back to the same decoding for pages that declare no charset.
//
// The package is a leaf: it does not know the domain model.
package plaintext
