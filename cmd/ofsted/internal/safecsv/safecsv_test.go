package safecsv

import (
	"bytes"
	"strings"
	"testing"
)

func TestCell(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"Plain", "Strategy discussions are timely.", "Strategy discussions are timely."},
		{"Formula", "=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"Plus", "+44 115 000", "'+44 115 000"},
		{"At", "@SUM(A1)", "'@SUM(A1)"},
		{"HyphenBullet", "- Improve the quality of plans", "Improve the quality of plans"},
		{"BulletGlyph", "• Improve plans", "Improve plans"},
		{"NestedBullets", "- – Improve plans", "Improve plans"},
		{"NegativeNumber", "-5 children", "'-5 children"},
		{"Tab", "\t=1+1", "'\t=1+1"},
		{"Empty", "", ""},
		{"InvalidUTF8", "a\xffb", "a\uFFFDb"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Cell(tc.in); got != tc.want {
				t.Errorf("Cell(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestForExcel(t *testing.T) {
	var b bytes.Buffer
	w, err := NewWriter(&b, true)
	if err != nil {
		t.Fatal(err)
	}
	w.Header([]string{"document_id", "text"})
	w.Row([]string{"a", "b, with comma", "say \"hi\"", "two\nlines"})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\ufeffdocument_id,") {
		t.Errorf("no BOM: %q", out[:20])
	}
	if !strings.Contains(out, "a,\"b, with comma\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n") {
		t.Errorf("quoting or CRLF wrong: %q", out)
	}
}
