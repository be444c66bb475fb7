package text

import (
	"regexp"
	"slices"
	"testing"
)

func TestRequired(t *testing.T) {
	for _, tc := range []struct {
		name, expr string
		want       []string
	}{
		{"Literal", `(?i)strategy discussions?`, []string{"STRATEGY DISCUSSION"}},
		{"Alternation", `(?i)\b(?:delays?|too slow)\b`, []string{"DELAY", "TOO SLOW"}},
		{"WordBoundaryClass", `(?:^|[^\pL\pN])(?:not always)(?:$|[^\pL\pN])`, []string{"NOT ALWAYS"}},
		{"OptionalOnlyGivesNothing", `(?i)(?:foo)?bar?`, []string{"BA"}},
		{"NoLiteral", `\d+`, nil},
		{"CaseSensitiveGroup", `(?-i:SEND)`, []string{"SEND"}},
		{"LongS", `(?i)ſtrategy`, []string{"STRATEGY"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Required(tc.expr)
			slices.Sort(got)
			slices.Sort(tc.want)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Required(%q) = %q, want %q", tc.expr, got, tc.want)
			}
		})
	}
}

// FuzzPrefilter checks the prefilter's one promise: when it says a
// pattern cannot match, the regexp does not match.
func FuzzPrefilter(f *testing.F) {
	exprs := []string{`(?i)strategy (discussion|meeting)s?`, `(?:^|[^\pL\pN])(?:not always|too slow|delays?)(?:$|[^\pL\pN])`, `(?i)(?-i:MASH)|front door`, `(?i)s\.?\s?47`}
	for _, s := range []string{"Strategy Discussions are held", "delays in s47", "the MASH", "not  always", "ſtrategy diſcuſſion", "\u212a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range exprs {
			p := MustPattern(e)
			if !p.May(Fold(s)) && regexp.MustCompile(e).MatchString(s) {
				t.Errorf("prefilter of %q rejects %q, which matches", e, s)
			}
		}
	})
}
