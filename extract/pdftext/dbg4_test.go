package pdftext

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/ledongthuc/pdf"
)

func TestDebugDamage(t *testing.T) {
	root := corpusDir()
	if root == "" || os.Getenv("DAMAGE") == "" {
		t.Skip()
	}
	for _, p := range corpusFiles(t, root) {
		f, _ := os.Open(p)
		st, _ := f.Stat()
		d := &doc{ctx: context.Background(), fonts: map[fontKey]*font{}}
		d.guard(func() {
			rd, err := pdf.NewReader(f, st.Size())
			if err != nil {
				return
			}
			for i, pv := range d.pageTree(rd.Trailer().Key("Root").Key("Pages"), 100000) {
				if _, err := d.page(pdf.Page{V: pv}); err != nil {
					fmt.Println(p, i+1, err)
				}
			}
		})
		f.Close()
	}
}
