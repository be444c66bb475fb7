package pdftext

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
)

// opsOfInterpret lists the operators pdf.Interpret calls, each with its
// operands, and whether it stopped on malformed input (by panicking).
func opsOfInterpret(data []byte) (ops []string, broke bool) {
	defer func() {
		if recover() != nil {
			broke = true
		}
	}()
	pdf.Interpret(streamFromBytes(data), func(stk *pdf.Stack, op string) {
		var args []string
		for stk.Len() > 0 {
			args = append([]string{valueString(stk.Pop())}, args...)
		}
		ops = append(ops, op+" "+strings.Join(args, " "))
	})
	return ops, false
}

// opsOfLexer is opsOfInterpret for interpretContent.
func opsOfLexer(data []byte) (ops []string, broke bool) {
	err := interpretContent(data, func(op string, args []operand) {
		var s []string
		for _, a := range args {
			s = append(s, operandString(a))
		}
		ops = append(ops, op+" "+strings.Join(s, " "))
	})
	return ops, err != nil
}

func valueString(v pdf.Value) string {
	switch v.Kind() {
	case pdf.Integer, pdf.Real:
		return "n" + strconv.FormatFloat(v.Float64(), 'g', -1, 64)
	case pdf.String:
		return "s" + strconv.Quote(v.RawString())
	case pdf.Name:
		return "/" + v.Name()
	case pdf.Array:
		var s []string
		for i := 0; i < v.Len(); i++ {
			s = append(s, valueString(v.Index(i)))
		}
		return "[" + strings.Join(s, " ") + "]"
	case pdf.Dict:
		return "d"
	case pdf.Bool:
		return "b"
	}
	return "z"
}

func operandString(o operand) string {
	switch o.kind {
	case 'n':
		return "n" + strconv.FormatFloat(o.num, 'g', -1, 64)
	case 's':
		return "s" + strconv.Quote(string(o.str))
	case '/':
		return "/" + o.name
	case '[':
		var s []string
		for _, x := range o.arr {
			s = append(s, operandString(x))
		}
		return "[" + strings.Join(s, " ") + "]"
	case 'd':
		return "d"
	case 'b':
		return "b"
	}
	return "z"
}

// streamFromBytes wraps data as the stream object of a minimal PDF, as
// content was handed to pdf.Interpret before this package had its own
// lexer.
func streamFromBytes(data []byte) pdf.Value {
	var b bytes.Buffer
	b.Grow(len(data) + 256)
	b.WriteString("%PDF-1.4\n")
	off := b.Len()
	fmt.Fprintf(&b, "1 0 obj\n<</Length %d>>\nstream\n", len(data))
	b.Write(data)
	b.WriteString("\nendstream\nendobj\n")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 2\n0000000000 65535 f \n%010d 00000 n \ntrailer\n<</Size 2/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", off, xref)
	r, err := pdf.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		return pdf.Value{}
	}
	return r.Trailer().Key("Root")
}

// contentStreams returns the decoded content of every page of the PDF at
// path and of the forms its pages draw.
func contentStreams(t testing.TB, path string) [][]byte {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	rd, err := pdf.NewReader(f, st.Size())
	if err != nil {
		return nil // not a PDF the reader opens: nothing to compare
	}
	d := &doc{ctx: context.Background(), fonts: map[fontKey]*font{}}
	var out [][]byte
	d.guard(func() {
		for _, pv := range d.pageTree(rd.Trailer().Key("Root").Key("Pages"), 500) {
			out = append(out, d.contentBytes(pv.Key("Contents")))
			xo := inherited(pv, "Resources").Key("XObject")
			for _, k := range xo.Keys() {
				if x := xo.Key(k); x.Kind() == pdf.Stream && x.Key("Subtype").Name() == "Form" {
					out = append(out, d.contentBytes(x))
				}
			}
		}
	})
	return out
}

// TestLexerMatchesInterpret checks that the lexer calls the same
// operators with the same operands as pdf.Interpret did, and breaks off
// where it did, on every content stream of the test PDFs and, when it is
// there, of the corpus.
func TestLexerMatchesInterpret(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "pdf", "*.pdf"))
	if root := corpusDir(); root != "" {
		files = append(files, corpusFiles(t, root)...)
	} else {
		t.Log("corpus absent: comparing on the test PDFs only")
	}
	streams := 0
	for _, path := range files {
		for i, data := range contentStreams(t, path) {
			streams++
			want, wantBroke := opsOfInterpret(data)
			got, gotBroke := opsOfLexer(data)
			if wantBroke != gotBroke || len(want) != len(got) {
				t.Errorf("%s stream %d: %d operators (broke %v), want %d (broke %v)", path, i, len(got), gotBroke, len(want), wantBroke)
				continue
			}
			for j := range want {
				if got[j] != want[j] {
					t.Errorf("%s stream %d operator %d: %.200q, want %.200q", path, i, j, got[j], want[j])
					break
				}
			}
		}
	}
	if streams == 0 {
		t.Fatal("no content stream compared")
	}
	t.Logf("%d content streams of %d files", streams, len(files))
}

// TestLexerMalformed checks the lexer on malformed input against
// pdf.Interpret, case by case.
func TestLexerMalformed(t *testing.T) {
	for _, in := range []string{
		"BT /F1 12 Tf (a\\qb) Tj ET",    // unknown escape: ends the stream
		"BT [(a) 5 (b)] TJ ) (c) Tj ET", // stray ')': ends the stream
		"BT [(a) R (b)] TJ (c) Tj ET",   // an operator in an array: dropped
		"BT [(a) <4 1> (b)] TJ ET",      // spaces in hex
		"BT <414> Tj ET",                // odd hex: ends the stream
		"1 2 3 4 5 6 cm 1.5.5 Tz 3 Tc",  // not a number: an operator
		"/N#4 Do /N#41 Do",              // malformed name: ends the stream
		"[1 [2 [3]] << /a [1] /b << >> >>] TJ null true false ] >> Tj",
		"<< /a 1 /b >> BDC EMC",                   // a value missing before >>
		"<< 1 2 >> BDC (x) Tj",                    // a key that is no name
		"q 1 0 0 1 0 0 cm Q (a) Tj (unterminated", // at the end, what there is
		"[(a) (b)",                       // an array at the end
		"99999999999999999999 Tc (a) Tj", // out of range: ends the stream
		"1 dict 2 pop def (a) Tj",
		"% comment\r\n(a)Tj(b)'(c)\"",
		"(a\\\r\nb\\101\\0121) Tj",
	} {
		want, wantBroke := opsOfInterpret([]byte(in))
		got, gotBroke := opsOfLexer([]byte(in))
		if wantBroke != gotBroke || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q:\n got %q (broke %v)\nwant %q (broke %v)", in, got, gotBroke, want, wantBroke)
		}
	}
}

// FuzzContentLexer checks that the lexer ends on any input, without
// panicking, and calls only well-formed operators. (Agreement with
// pdf.Interpret is checked on real streams above: pdf.Interpret itself
// loops forever on some malformed input, so it cannot be fuzzed against.)
func FuzzContentLexer(f *testing.F) {
	for _, s := range []string{"BT /F1 12 Tf 10 20 Td (Hello) Tj ET", "[(a) -250 (b)] TJ", "<< /MCID 0 >> BDC <00410042> Tj EMC",
		"q 0.5 0 0 0.5 0 0 cm /Fm0 Do Q", "(\\(nested (parens)\\)) '", "[[[[[[[[", "<<<<<<", "(((((", "<41"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		interpretContent(data, func(op string, args []operand) {
			n++
			if op != "{" && op != "}" && (op == "" || strings.ContainsAny(op, " \t\r\n\x00()<>[]{}/%")) {
				t.Fatalf("bad operator %q", op)
			}
			if n > len(data) {
				t.Fatalf("%d operators from %d bytes", n, len(data))
			}
		})
	})
}
