package pdftext

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden .txt files")

const fixtures = "../../testdata/pdf"

func readPDF(t testing.TB, path string, opt Options) (*File, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Read(context.Background(), bytes.NewReader(data), int64(len(data)), opt)
}

func readFile(t testing.TB, path string, opt Options) ([]string, error) {
	t.Helper()
	f, err := readPDF(t, path, opt)
	if err != nil {
		return nil, err
	}
	return f.Pages, nil
}

func TestReadGolden(t *testing.T) {
	tests := []struct {
		name, file string
		want       []string // words or phrases the text must have
	}{
		{"Simple", "simple.pdf", []string{"What needs to improve?", "Social workers visit children regularly.", "confident and flexible", "pre-\nproceedings", "timely – and"}},
		{"TwoColumns", "columns.pdf", []string{"Leaders in the area\nshare an ambitious", "and young people.\n\nWaiting times for"}},
		{"CIDFontPartialToUnicode", "cidfont.pdf", []string{"Inspection of children's services", "Children in care receive effective support from", "their social workers, who know them well."}},
		{"CIDFontGlyphNames", "cidfont-postnames.pdf", []string{"Inspection of children's services", "their social workers, who know them well."}},
		{"InlineImage", "inlineimage.pdf", []string{"Text before the image.", "Text after the image."}},
		{"FormXObject", "form.pdf", []string{"Letter heading in a form", "Ofsted, Piccadilly Gate", "Body text on the page.", "Footer text"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pages, err := readFile(t, filepath.Join(fixtures, tc.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(pages, "\f")
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("text lacks %q", w)
				}
			}
			checkText(t, got)
			golden := filepath.Join(fixtures, strings.TrimSuffix(tc.file, ".pdf")+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if got != string(want) {
				t.Errorf("text differs from %s:\n--- got\n%s\n--- want\n%s", golden, got, want)
			}
		})
	}
}

func TestReadPages(t *testing.T) {
	pages, err := readFile(t, filepath.Join(fixtures, "simple.pdf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || !strings.HasPrefix(pages[1], "1. Strategy") || !strings.HasSuffix(pages[0], "Page 1\n") {
		t.Errorf("pages = %q", pages)
	}
	pages, err = readFile(t, filepath.Join(fixtures, "simple.pdf"), Options{MaxPages: 1})
	if err != nil || len(pages) != 1 {
		t.Errorf("MaxPages 1: %d pages, %v", len(pages), err)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, file string
		opt        Options
		want       error
	}{
		{"Encrypted", "encrypted.pdf", Options{}, ErrEncrypted},
		{"ImageOnly", "imageonly.pdf", Options{}, ErrNoText},
		{"Truncated", "truncated.pdf", Options{}, ErrCorrupt},
		{"NotPDF", "notpdf.pdf", Options{}, ErrCorrupt},
		{"Undecodable", "undecodable.pdf", Options{}, ErrUndecodable},
		{"TooLarge", "simple.pdf", Options{MaxBytes: 100}, ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pages, err := readFile(t, filepath.Join(fixtures, tc.file), tc.opt)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if pages != nil {
				t.Errorf("pages = %q, want none", pages)
			}
		})
	}
}

func TestReadUndecodableMessage(t *testing.T) {
	_, err := readFile(t, filepath.Join(fixtures, "undecodable.pdf"), Options{})
	if err == nil || !strings.Contains(err.Error(), "121 of 121 glyphs (100.0%)") {
		t.Errorf("err = %v, want a count of undecodable glyphs", err)
	}
}

func TestReadCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data, err := os.ReadFile(filepath.Join(fixtures, "simple.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Read(ctx, bytes.NewReader(data), int64(len(data)), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// checkText asserts the properties every output has.
func checkText(t testing.TB, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("invalid UTF-8")
	}
	if i := strings.IndexRune(s, utf8.RuneError); i >= 0 {
		t.Errorf("U+FFFD at byte %d: %q", i, s[max(0, i-40):min(len(s), i+40)])
	}
}

func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "*.pdf"))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		start := time.Now()
		got, err := Read(ctx, bytes.NewReader(data), int64(len(data)), Options{MaxBytes: 1 << 20})
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("Read took %v", d)
		}
		if err != nil {
			if got != nil {
				t.Errorf("a file and error %v", err)
			}
			return
		}
		checkText(t, strings.Join(got.Pages, "\f"))
		checkDate(t, got.Created)
	})
}

func BenchmarkRead(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "*.pdf"))
	if root := corpusDir(); root != "" {
		sample := corpusFiles(b, root)
		for i := 0; i < len(sample); i += 20 { // every 20th corpus PDF
			files = append(files, sample[i])
		}
	}
	var inputs [][]byte
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, data)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, data := range inputs {
			Read(context.Background(), bytes.NewReader(data), int64(len(data)), Options{})
		}
	}
}
