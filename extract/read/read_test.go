package read

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"
)

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want Format
	}{
		{"PDF", "%PDF-1.7\n", FormatPDF},
		{"PDFAfterJunk", "\x00\x00junk%PDF-1.4", FormatPDF},
		{"HTMLDoctype", "<!DOCTYPE html><html>", FormatHTML},
		{"HTMLWithBOMAndSpace", "\ufeff\n  <html lang=en>", FormatHTML},
		{"HTMLUpperCase", "<HTML><HEAD>", FormatHTML},
		{"PNG", "\x89PNG\r\n\x1a\n", FormatPNG},
		{"JPEG", "\xff\xd8\xff\xe0", FormatJPEG},
		{"Zip", "PK\x03\x04", FormatZip},
		{"Text", "Monitoring visit to Bury children's services\n", FormatText},
		{"Windows1252Text", "Caf\xe9 \x93quoted\x94\n", FormatText},
		{"Binary", "\x00\x01\x02\x03", FormatBin},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Sniff([]byte(tc.in)); got != tc.want {
				t.Errorf("Sniff(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func read(t *testing.T, name string, data []byte) (*extract.Source, error) {
	t.Helper()
	return Content(context.Background(), name, bytes.NewReader(data), int64(len(data)), Options{})
}

func TestReadRefusals(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		want             error
		msg              string
	}{
		{"Empty", "a.pdf", "", ErrEmpty, "empty file"},
		{"HTMLSavedAsPDF", "a.pdf", "<html><body>Not found</body></html>", ErrNotPDF, "not a PDF: HTML content"},
		{"PNGSavedAsPDF", "a.pdf", "\x89PNG\r\n\x1a\nxxxx", ErrNotPDF, "not a PDF: PNG image content"},
		{"WordAsText", "a.txt", "PK\x03\x04xxxx", ErrUnsupported, "ZIP"},
		{"OnlySpaces", "a.txt", "  \n\n ", ErrEmpty, "no text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := read(t, tc.file, []byte(tc.data))
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %v, want %v saying %q", err, tc.want, tc.msg)
			}
		})
	}
	t.Run("TooLarge", func(t *testing.T) {
		_, err := Content(context.Background(), "a.pdf", bytes.NewReader(nil), 500<<20, Options{})
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("error %v, want ErrTooLarge", err)
		}
	})
}

func TestReadText(t *testing.T) {
	src, err := read(t, "a.txt", []byte("\ufeffPage one\r\nline two\fPage two\n\f"))
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Pages) != 2 || src.Pages[0] != "Page one\nline two" || src.Pages[1] != "Page two\n" {
		t.Errorf("pages = %q", src.Pages)
	}
	src, err = read(t, "a.txt", []byte("Caf\xe9 \x93good\x94"))
	if err != nil {
		t.Fatal(err)
	}
	if src.Pages[0] != "Café “good”" {
		t.Errorf("Windows-1252 text read as %q", src.Pages[0])
	}
}

// TestReadPDFCreated checks that a PDF's creation date reaches the Source,
// and that formats without one leave it empty.
func TestReadPDFCreated(t *testing.T) {
	for _, tc := range []struct{ name, path, format, created string }{
		{"InfoDate", filepath.Join("..", "..", "testdata", "pdf", "created.pdf"), "pdf", "2023-05-12"},
		{"XMPDate", filepath.Join("..", "..", "testdata", "pdf", "created-xmp.pdf"), "pdf", "2022-10-04"},
		{"NoDate", filepath.Join("..", "..", "testdata", "pdf", "simple.pdf"), "pdf", ""},
		{"HTMLHasNone", filepath.Join("..", "..", "testdata", "sample", "news-2024.html"), "html", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := File(context.Background(), tc.path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if src.Format != tc.format || src.Created != tc.created {
				t.Errorf("format %q created %q, want %q %q", src.Format, src.Created, tc.format, tc.created)
			}
		})
	}
}

func TestReadHTML(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample", "news-2024.html"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := read(t, "news.html", data)
	if err != nil {
		t.Fatal(err)
	}
	if src.Format != "html" || src.Date != "2024-03-14" || src.Site == "" || src.Title == "" {
		t.Errorf("metadata: format %q date %q site %q title %q", src.Format, src.Date, src.Site, src.Title)
	}
	text := src.Pages[0]
	if !utf8.ValidString(text) || strings.ContainsRune(text, utf8.RuneError) {
		t.Errorf("text not clean UTF-8")
	}
	if !strings.Contains(text, "Ofsted") {
		t.Errorf("article text missing:\n%s", text)
	}
	for _, furniture := range []string{"cookie", "Cookie", "Subscribe", "Advertisement"} {
		if strings.Contains(text, furniture) {
			t.Errorf("page furniture %q kept:\n%s", furniture, text)
		}
	}
}

// FuzzRead feeds arbitrary bytes to the text and HTML readers (the PDF
// reader has its own fuzz test): no panic, valid UTF-8 out, bounded time.
func FuzzRead(f *testing.F) {
	f.Add("a.html", []byte(`<html><head><meta charset="windows-1252"><title>x</title></head><body><nav>menu</nav><article><p>Rated "good"</p></article></body></html>`))
	f.Add("a.txt", []byte("What needs to improve\n\n• item\f2\n"))
	f.Add("a.htm", []byte("<p><b>unclosed <i>tags<table><tr><td>cell"))
	if data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample", "news-2024.html")); err == nil {
		f.Add("news.html", data)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if strings.EqualFold(filepath.Ext(name), ".pdf") {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		start := time.Now()
		src, err := Content(ctx, name, bytes.NewReader(data), int64(len(data)), Options{})
		if d := time.Since(start); d > 30*time.Second {
			t.Errorf("read took %s on %d bytes: %.80q", d, len(data), data)
		}
		if err != nil {
			return
		}
		for _, p := range src.Pages {
			if !utf8.ValidString(p) {
				t.Errorf("invalid UTF-8 out: %q", p)
			}
		}
		for _, s := range []string{src.Title, src.Date, src.Site} {
			if !utf8.ValidString(s) {
				t.Errorf("invalid UTF-8 metadata: %q", s)
			}
		}
	})
}
