package index

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFragments(t *testing.T) {
	long := strings.Repeat("filler words here ", 40) // 720 bytes
	tests := []struct {
		name  string
		text  string
		spans [][2]int
		whole bool
		want  []string
	}{
		{"WholeFinding", "Caseloads are\n too high.", [][2]int{{0, 9}}, true, []string{"[Caseloads] are too high."}},
		{"NoSpans", "Short page.", nil, false, []string{"Short page."}},
		{"Empty", "  \n ", nil, false, nil},
		{"PhraseMerged", "children in need here", [][2]int{{0, 8}, {9, 11}, {12, 16}}, false, []string{"[children in need] here"}},
		{"OverlapMerged", "abcdef", [][2]int{{0, 4}, {2, 6}}, false, []string{"[abcdef]"}},
		{"BadSpansDropped", "abc", [][2]int{{-1, 2}, {2, 1}, {1, 9}}, false, []string{"abc"}},
		{"CutAroundMatch", long + "the target word " + long, [][2]int{{len(long) + 4, len(long) + 10}}, false,
			[]string{"… here filler words here filler words here filler words here the [target] word filler words here filler words here filler words here filler words here filler words here filler words here filler words here filler words here filler words here filler words here filler words here filler words here filler words …"}},
		{"TwoClusters", "alpha " + long + " omega", [][2]int{{0, 5}, {len(long) + 7, len(long) + 12}}, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := fragments(tt.text, tt.spans, tt.whole)
			var got []string
			for _, f := range fs {
				got = append(got, f.Mark("[", "]"))
			}
			if tt.name == "TwoClusters" {
				if len(got) != 2 || !strings.HasPrefix(got[0], "[alpha]") || !strings.HasSuffix(got[1], "[omega]") {
					t.Errorf("got %q, want two fragments, alpha then omega", got)
				}
				return
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func FuzzFragments(f *testing.F) {
	f.Add("children in need are seen", 0, 8, 12, 16)
	f.Add("é\u00a0ü  x\n\ny", 0, 2, 3, 6)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		for _, whole := range []bool{true, false} {
			for _, fr := range fragments(text, [][2]int{{a, b}, {c, d}}, whole) {
				if utf8.ValidString(text) && !utf8.ValidString(fr.Text) {
					t.Fatalf("invalid UTF-8 fragment %q", fr.Text)
				}
				last := 0
				for _, m := range fr.Matches {
					if m[0] < last || m[0] >= m[1] || m[1] > len(fr.Text) {
						t.Fatalf("bad match %v in %q (%v)", m, fr.Text, fr.Matches)
					}
					last = m[1]
				}
				fr.Mark("<", ">")
			}
		}
	})
}
