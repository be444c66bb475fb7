package index

import (
	"testing"
	"time"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Empty", "", "<nil>"},
		{"Blank", "   ", "<nil>"},
		{"Word", "discussion", "discussion"},
		{"ImplicitAnd", "a b c", "(a AND b AND c)"},
		{"ExplicitAnd", "a AND b", "(a AND b)"},
		{"LowerCaseOperatorsAreWords", "a and b or c not d", "(a AND and AND b AND or AND c AND not AND d)"},
		{"Or", "a OR b", "(a OR b)"},
		{"OrChain", "a OR b OR c", "(a OR b OR c)"},
		{"Precedence", "a b OR c", "((a AND b) OR c)"},
		{"PrecedenceRight", "a OR b c", "(a OR (b AND c))"},
		{"Not", "NOT a", "NOT a"},
		{"Minus", "a -b", "(a AND NOT b)"},
		{"Plus", "+a +b", "(a AND b)"},
		{"DoubleNot", "NOT NOT a", "a"},
		{"NotBindsTight", "NOT a OR b", "(NOT a OR b)"},
		{"Phrase", `"children in need"`, `"children in need"`},
		{"PhraseSpaces", "\"  children \t in need \"", `"children in need"`},
		{"CurlyQuotes", "“children in need”", `"children in need"`},
		{"PhraseAndWord", `"children in need" plans`, `("children in need" AND plans)`},
		{"NegatedPhrase", `-"children of need"`, `NOT "children of need"`},
		{"Unterminated", `"children in`, `"children in"`},
		{"EmptyPhrase", `"" a`, "a"},
		{"Group", "(a OR b) c", "((a OR b) AND c)"},
		{"NestedGroup", "((a OR b) (c OR d))", "((a OR b) AND (c OR d))"},
		{"NegatedGroup", "-(a OR b)", "NOT (a OR b)"},
		{"UnclosedGroup", "(a OR b", "(a OR b)"},
		{"StrayClose", "a ) b", "(a AND b)"},
		{"DanglingAnd", "a AND", "a"},
		{"LeadingOr", "OR a", "a"},
		{"DoubleOr", "a OR OR b", "(a OR b)"},
		{"LoneNot", "NOT", "<nil>"},
		{"NotThenOr", "a NOT OR b", "(a OR b)"},
		{"Prefix", "plan*", "plan*"},
		{"PrefixStars", "plan**", "plan*"},
		{"LoneStar", "*", "<nil>"},
		{"Hyphenated", "self-harm", "self-harm"},
		{"LoneMinus", "a - b", "(a AND - AND b)"},
		{"SymbolOperators", "a && b || c", "((a AND b) OR c)"},
		{"EmptyGroup", "() a", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := parse(tt.in)
			got := "<nil>"
			if n != nil {
				got = n.String()
			}
			if got != tt.want {
				t.Errorf("parse(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "a b", `"children in need" -x`, "(a OR (b NOT c)) d*", "NOT NOT", "((((", "))))", `"`, "-", "+-+-a", "a OR", "“x”"} {
		f.Add(s)
	}
	m, err := newMapping()
	if err != nil {
		f.Fatal(err)
	}
	an, err := newAnalyzers(m)
	if err != nil {
		f.Fatal(err)
	}
	c := newCompiler(an, func(p string) ([]string, error) { return []string{p, p + "x"}, nil })
	f.Fuzz(func(t *testing.T, s string) {
		start := time.Now()
		n := parse(s)
		if n != nil {
			out := n.String()
			if utf8.ValidString(s) && !utf8.ValidString(out) {
				t.Errorf("parse(%q) printed invalid UTF-8 %q", s, out)
			}
			// Reparsing the printed tree gives the same tree (the printed
			// form uses only the language itself).
			if m := parse(out); m == nil || m.String() != out {
				t.Errorf("parse(%q) = %s; reparsed: %v", s, out, m)
			}
		}
		c.compile(n)
		if d := time.Since(start); d > 30*time.Second { // a hang guard, not a speed test
			t.Errorf("parse(%q) took %v", s, d)
		}
	})
}
