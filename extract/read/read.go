package read

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/htmltext"
	"github.com/ofsted/ofsted/extract/pdftext"
	"github.com/ofsted/ofsted/extract/plaintext"
)

// Errors callers branch on. The PDF errors come from package pdftext and are
// re-exported here so that callers need import only this package.
var (
	ErrEncrypted   = pdftext.ErrEncrypted
	ErrNoText      = pdftext.ErrNoText
	ErrUndecodable = pdftext.ErrUndecodable
	ErrCorrupt     = pdftext.ErrCorrupt
	ErrTooLarge    = pdftext.ErrTooLarge
	ErrUnsupported = errors.New("unsupported file type")
	ErrNotPDF      = errors.New("not a PDF")
	ErrEmpty       = errors.New("empty file")
)

// DefaultMaxBytes is the largest file read unless the caller says otherwise.
// Real inspection reports and committee packs are under 50 MB; anything much
// larger is almost certainly not one, and reading it would cost memory that a
// batch of thousands of files cannot spare.
const DefaultMaxBytes = 200 << 20

// Options limits the work done on one file.
type Options struct {
	MaxBytes int64 // files larger than this fail with ErrTooLarge; 0 means DefaultMaxBytes
}

// Format names what a file's content is, decided by sniffing its bytes.
type Format string

// Formats the readers accept, and those they recognise only to refuse.
const (
	FormatPDF  Format = "pdf"
	FormatHTML Format = "html"
	FormatText Format = "text"
	FormatPNG  Format = "png"
	FormatJPEG Format = "jpeg"
	FormatZip  Format = "zip"
	FormatBin  Format = "binary"
)

// Sniff decides the format of content from its first bytes. The extension
// is never trusted: real folders hold web error pages saved as ".pdf".
func Sniff(head []byte) Format {
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return FormatPDF
	case bytes.HasPrefix(head, []byte("\x89PNG")):
		return FormatPNG
	case bytes.HasPrefix(head, []byte("\xff\xd8\xff")):
		return FormatJPEG
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return FormatZip
	}
	// Some PDF writers put junk before the header; readers accept it within
	// the first kilobyte.
	if i := bytes.Index(head, []byte("%PDF-")); i >= 0 && i < 1024 {
		return FormatPDF
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	lower := bytes.ToLower(t[:min(len(t), 512)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--", "<meta", "<title"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return FormatHTML
		}
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return FormatBin
	}
	if !utf8.Valid(trimPartialRune(head)) && binaryShare(head) > 0.1 {
		return FormatBin
	}
	return FormatText
}

// trimPartialRune drops an incomplete UTF-8 sequence cut off at the end of a
// sniffed prefix.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < 3 && len(b) > 0; i++ {
		r, _ := utf8.DecodeLastRune(b)
		if r != utf8.RuneError {
			return b
		}
		b = b[:len(b)-1]
	}
	return b
}

func binaryShare(b []byte) float64 {
	if len(b) == 0 {
		return 0
	}
	n := 0
	for _, c := range b {
		if c < 0x09 || (c > 0x0d && c < 0x20) {
			n++
		}
	}
	return float64(n) / float64(len(b))
}

// Accepts reports whether a path's extension is one the ingester reads.
func Accepts(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".pdf", ".html", ".htm", ".txt", ".md":
		return true
	}
	return false
}

// File reads the file at path into a Source. The content decides the
// reader; a mismatch between extension and content is an error when the
// extension promises a PDF (an analyst must see that the file is not what
// its name says), and is otherwise followed silently.
func File(ctx context.Context, path string, opt Options) (*extract.Source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%w: is a directory", ErrUnsupported)
	}
	return Content(ctx, path, f, st.Size(), opt)
}

// Content reads size bytes of content from r as File reads a file; name is
// used for the extension check and in the returned Source.
func Content(ctx context.Context, name string, r io.ReaderAt, size int64, opt Options) (*extract.Source, error) {
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if size == 0 {
		return nil, ErrEmpty
	}
	if size > max {
		return nil, fmt.Errorf("%w: %d MB, limit %d MB", ErrTooLarge, size>>20, max>>20)
	}
	head := make([]byte, min(size, 4096))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, err
	}
	format := Sniff(head)
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".pdf" && format != FormatPDF {
		return nil, fmt.Errorf("%w: %s content", ErrNotPDF, describe(format))
	}
	src := &extract.Source{Path: name, Format: string(format)}
	switch format {
	case FormatPDF:
		f, err := pdftext.Read(ctx, r, size, pdftext.Options{MaxBytes: max})
		if err != nil {
			return nil, err
		}
		src.Pages, src.Created = f.Pages, f.Created
	case FormatHTML:
		data, err := readAll(r, size)
		if err != nil {
			return nil, err
		}
		pg, err := htmltext.Read(data)
		if err != nil {
			return nil, err
		}
		src.Pages = []string{pg.Text}
		src.Title, src.Date, src.Site = pg.Title, pg.Date, pg.Site
	case FormatText:
		data, err := readAll(r, size)
		if err != nil {
			return nil, err
		}
		src.Pages = plaintext.Pages(data)
	default:
		return nil, fmt.Errorf("%w: %s content", ErrUnsupported, describe(format))
	}
	if !anyText(src.Pages) {
		return nil, fmt.Errorf("%w: no text", ErrEmpty)
	}
	return src, nil
}

func describe(f Format) string {
	switch f {
	case FormatHTML:
		return "HTML"
	case FormatPNG:
		return "PNG image"
	case FormatJPEG:
		return "JPEG image"
	case FormatZip:
		return "ZIP archive (Word/Excel?)"
	case FormatText:
		return "plain text"
	}
	return "binary"
}

func readAll(r io.ReaderAt, size int64) ([]byte, error) {
	data := make([]byte, size)
	n, err := r.ReadAt(data, 0)
	if err != nil && err != io.EOF {
		return nil, err
	}
	return data[:n], nil
}

func anyText(pages []string) bool {
	for _, p := range pages {
		if strings.TrimSpace(p) != "" {
			return true
		}
	}
	return false
}
