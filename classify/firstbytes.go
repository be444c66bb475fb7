package classify

// Tables of anchored patterns run over every line of a document; most
// lines start with a letter no row can start with. firstBytes reads a
// pattern's compiled program to find the bytes its matches can start
// with, so that a row is tried only on lines that can match it, without
// a hand-kept list beside each pattern that could drift from it.

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// firstBytes returns the set of first bytes of the non-empty matches of
// pattern at the start of a string; every byte when it cannot tell (a
// match may be empty, or start with a rune outside ASCII or any rune).
func firstBytes(pattern string) *[256]bool {
	var set [256]bool
	all := func() *[256]bool {
		for i := range set {
			set[i] = true
		}
		return &set
	}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return all()
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return all()
	}
	seen := map[uint32]bool{}
	var visit func(pc uint32) bool // false: cannot tell
	visit = func(pc uint32) bool {
		if seen[pc] {
			return true
		}
		seen[pc] = true
		in := prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			return visit(in.Out) && visit(in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			return visit(in.Out)
		case syntax.InstFail:
			return true
		case syntax.InstRune1, syntax.InstRune:
			rs := in.Rune
			if in.Op == syntax.InstRune1 || len(rs) == 1 {
				rs = []rune{rs[0], rs[0]}
			}
			fold := syntax.Flags(in.Arg)&syntax.FoldCase != 0
			for k := 0; k+1 < len(rs); k += 2 {
				lo, hi := rs[k], rs[k+1]
				if fold && hi-lo > 256 {
					return false
				}
				markRunes(&set, lo, hi)
				if fold {
					for r := lo; r <= hi; r++ {
						for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
							markRunes(&set, f, f)
						}
					}
				}
			}
			return true
		}
		return false // a match, or any rune
	}
	if !visit(uint32(prog.Start)) {
		return all()
	}
	return &set
}

// markRunes adds the first bytes of the UTF-8 encodings of runes lo..hi
// (first bytes grow with the rune). A range holding the replacement
// character adds every byte that starts no valid encoding, since an
// invalid byte matches as U+FFFD.
func markRunes(set *[256]bool, lo, hi rune) {
	for r := lo; r <= min(hi, utf8.RuneSelf-1); r++ {
		set[r] = true
	}
	if hi < utf8.RuneSelf {
		return
	}
	first := func(r rune) byte {
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], r)
		return b[0]
	}
	for b := int(first(max(lo, utf8.RuneSelf))); b <= int(first(hi)); b++ {
		set[b] = true
	}
	if lo <= utf8.RuneError && utf8.RuneError <= hi {
		for b := 0x80; b < 0x100; b++ {
			set[b] = true
		}
	}
}
