package text

import (
	"testing"
)

func TestBullet(t *testing.T) {
	for _, tc := range []struct{ name, in, glyph, rest string }{
		{"Square", "◼ The quality of plans.", "◼", "The quality of plans."},
		{"PrivateUse", "\uF0B7Plans", "\uF0B7", "Plans"},
		{"HyphenWithSpace", "- Plans", "-", "Plans"},
		{"HyphenGlued", "-Plans", "", "-Plans"},
		{"LetterO", "o Plans", "o", "Plans"},
		{"WordStartingO", "obviously", "", "obviously"},
		{"None", "Plans", "", "Plans"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if g, r := Bullet(tc.in); g != tc.glyph || r != tc.rest {
				t.Errorf("Bullet(%q) = %q, %q; want %q, %q", tc.in, g, r, tc.glyph, tc.rest)
			}
		})
	}
}

func TestItemMarkers(t *testing.T) {
	if n, rest, ok := NumberedItem("12.Ensure plans"); !ok || n != "12" || rest != "Ensure plans" {
		t.Errorf("NumberedItem = %q, %q, %v", n, rest, ok)
	}
	if l, rest, ok := LetteredItem("(c) The quality"); !ok || l != "c" || rest != "The quality" {
		t.Errorf("LetteredItem = %q, %q, %v", l, rest, ok)
	}
	if got := StripItemMarker("b) Plans are late"); got != "Plans are late" {
		t.Errorf("StripItemMarker = %q", got)
	}
	// The item's first character is several bytes long (found by FuzzCommittee).
	if got := StripItemMarker("a. \u00c9tudes and plans"); got != "\u00c9tudes and plans" {
		t.Errorf("StripItemMarker = %q", got)
	}
	if got := ParaNumber("2.1) Plans"); got != "2.1) " {
		t.Errorf("ParaNumber = %q", got)
	}
	if got := StripSectionNumber("3.1.2 Ofsted judged"); got != "Ofsted judged" {
		t.Errorf("StripSectionNumber = %q", got)
	}
	if l, r, ok := SplitRow("Area | Progress | made"); !ok || l != "Area" || r != "Progress   made" {
		t.Errorf("SplitRow = %q, %q, %v", l, r, ok)
	}
}
