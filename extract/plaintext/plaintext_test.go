package plaintext

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestPages(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"OnePage", "Line one\nline two\n", []string{"Line one\nline two\n"}},
		{"FormFeeds", "Page one\fPage two\fPage three", []string{"Page one", "Page two", "Page three"}},
		{"FinalFormFeedDropped", "Page one\n\fPage two\n\f", []string{"Page one\n", "Page two\n"}},
		{"FinalBlankPageDropped", "Page one\f \n", []string{"Page one"}},
		{"WindowsLineEnds", "a\r\nb\r\n", []string{"a\nb\n"}},
		{"OldMacLineEnds", "a\rb", []string{"a\nb"}},
		{"ByteOrderMark", "\ufeffText", []string{"Text"}},
		{"Windows1252", "Caf\xe9 \x93good\x94 \x96 fine", []string{"Café “good” – fine"}},
		{"Empty", "", []string{""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Pages([]byte(tc.in)); !slices.Equal(got, tc.want) {
				t.Errorf("Pages(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestUTF8(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"ValidUTF8Kept", "Café “good”", "Café “good”"},
		{"Windows1252", "\x93quoted\x94 \x85", "“quoted” …"},
		{"UndefinedByteIsStillValid", "a\x81b", "a\ufffdb"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := UTF8([]byte(tc.in))
			if got != tc.want || !utf8.ValidString(got) {
				t.Errorf("UTF8(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
