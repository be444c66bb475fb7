package pdftext

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/ledongthuc/pdf"
)

func TestDebugPage(t *testing.T) {
	path := os.Getenv("PDF")
	if path == "" {
		t.Skip()
	}
	f, _ := os.Open(path)
	st, _ := f.Stat()
	rd, err := pdf.NewReader(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	d := &doc{ctx: context.Background(), fonts: map[fontKey]*font{}}
	pn, _ := strconv.Atoi(os.Getenv("PAGE")); if pn == 0 { pn = 1 }; p := rd.Page(pn)
	ps := &pageState{d: d, forms: map[uint64]bool{}}
	ps.box = pageBox(p)
	err = d.guard(func() {
		ps.run(p.V.Key("Contents"), inherited(p.V, "Resources"), gstate{ctm: identity, th: 1})
	})
	fmt.Println("err", err, "glyphs", len(ps.glyphs), "box", ps.box)
	for i, g := range ps.glyphs {
		if i < 60 || os.Getenv("ALL") != "" {
			fmt.Printf("%q x=%.1f y=%.1f w=%.2f s=%.1f sp=%v\n", g.text, g.x, g.y, g.w, g.size, g.space)
		}
	}
}
