package pdftext

import (
	"testing"
)

func TestNameToText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"AGL", "bullet", "\u2022"},
		{"AGLLetter", "a", "a"},
		{"Suffix", "a.sc", "a"},
		{"Ligature", "f_i", "fi"},
		{"Uni", "uni0041", "A"},
		{"UniSequence", "uni00410042", "AB"},
		{"UniLowerCaseIsNotUni", "uni00e9", ""},
		{"U", "u1F600", "\U0001F600"},
		{"Surrogate", "uniD800", ""},
		{"NotDef", ".notdef", ""},
		{"Meaningless", "g123", ""},
		{"Empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := nameToText(tc.in); got != tc.want {
				t.Errorf("nameToText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseCMap(t *testing.T) {
	src := `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Test def
2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange
2 beginbfchar <41> <0042> <8001> <D83DDE00> endbfchar
3 beginbfrange
<0061> <0063> <0041>
<8100> <8102> [<0078> <0079> <007A>]
<9000> <9FFF> <4E00>
endbfrange
1 begincidrange <8200> <82FF> 10 endcidrange
% a comment (with a paren
endcmap CMapName currentdict /CMap defineresource pop end end`
	m := parseCMap([]byte(src))
	tests := []struct {
		name string
		code uint32
		want string
		ok   bool
	}{
		{"Char", 0x41, "B", true},
		{"CharSurrogatePair", 0x8001, "\U0001F600", true},
		{"RangeIncrement", 0x62, "B", true},
		{"RangeArray", 0x8101, "y", true},
		{"LargeRange", 0x9001, "\u4E01", true},
		{"Missing", 0x42, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := m.lookupText(tc.code)
			if got != tc.want || ok != tc.ok {
				t.Errorf("lookupText(%#x) = %q, %v; want %q, %v", tc.code, got, ok, tc.want, tc.ok)
			}
		})
	}
	if cid, ok := m.cid(0x8205); !ok || cid != 15 {
		t.Errorf("cid(0x8205) = %d, %v; want 15", cid, ok)
	}
	if n := codeLen(m.spaces, "\x41\x80\x01"); n != 1 {
		t.Errorf("codeLen one-byte = %d", n)
	}
	if n := codeLen(m.spaces, "\x80\x01"); n != 2 {
		t.Errorf("codeLen two-byte = %d", n)
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"Plain", "abc", "abc", true},
		{"Ligatures", "\uFB01\uFB03", "fiffi", true},
		{"NoBreakSpace", "\u00A0", " ", true},
		{"Control", "\x00", "", false},
		{"Replacement", "\uFFFD", "", false},
		{"PrivateUseBullet", "\uF0B7", "\uF0B7", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := cleanText(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("cleanText(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestBaseEncodings(t *testing.T) {
	tests := []struct {
		name string
		enc  baseEncoding
		code byte
		want rune
	}{
		{"WinAnsiEnDash", encWinAnsi, 0x96, '\u2013'},
		{"WinAnsiBullet", encWinAnsi, 0x95, '\u2022'},
		{"MacRomanBullet", encMacRoman, 0xA5, '\u2022'},
		{"StandardQuoteRight", encStandard, 0x27, '\u2019'},
		{"StandardFi", encStandard, 0xAE, '\uFB01'},
		{"SymbolBullet", encSymbol, 0xB7, '\u2022'},
		{"SymbolAlpha", encSymbol, 'a', '\u03B1'},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.enc.rune(tc.code); got != tc.want {
				t.Errorf("rune(%#x) = %U, want %U", tc.code, got, tc.want)
			}
		})
	}
}

func TestLayoutWords(t *testing.T) {
	// Glyphs of "ab cd" where the space is a gap, then "ef" on the next line,
	// drawn first: reading order must follow position, not stream order.
	g := func(x, y float64, s string) glyph { return glyph{x: x, y: y, w: 5, size: 10, text: s} }
	glyphs := []glyph{
		g(10, 80, "e"), g(15, 80, "f"),
		g(10, 100, "a"), g(15, 100, "b"), g(23, 100, "c"), g(28, 100, "d"),
	}
	if got, want := layoutPage(glyphs), "ab cd\n\nef"; got != want {
		t.Errorf("layoutPage = %q, want %q", got, want)
	}
}
