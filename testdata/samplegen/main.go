// Command ofsted-sample-gen writes the invented sample documents of
// testdata/sample and the bad inputs of testdata/bad. Run it from its own
// folder: cd testdata/sample/gen && go run .
//
// The text of each document lives in the Go files beside this one
// (ilacs.go, focused.go, monitoring.go, sif.go, news.go, bad.go); layout.go
// sets it on A4 pages the way Word-made Ofsted PDFs are set. Output is
// deterministic: fixed dates, sorted catalogue, no random IDs.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"
)

func main() {
	if err := run(filepath.Join("..", "sample")); err != nil {
		fmt.Fprintln(os.Stderr, "ofsted-sample-gen:", err)
		os.Exit(1)
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t.Add(9 * time.Hour)
}

func run(sample string) error {
	bad := filepath.Join(sample, "..", "bad")
	if err := os.MkdirAll(bad, 0o755); err != nil {
		return err
	}

	d := NewDoc(ilacsHeader, day("2023-09-01"))
	d.Footer = RunningFooter(ilacsHeader, ilacsDates)
	if err := d.Render(filepath.Join(sample, "ilacs-2023.pdf"), ilacsBlocks()); err != nil {
		return err
	}
	if p := d.PagesOf(ilacsStraddle); len(p) != 2 {
		return fmt.Errorf("ilacs: the marked improvement item is on pages %v, want two pages (adjust the summary length)", p)
	}
	if p := d.PagesOf(ilacsStraddle); slices.Contains(p, 1) {
		return fmt.Errorf("ilacs: the marked item starts on page 1, which has no running footer")
	}
	for _, o := range []struct {
		name, title, created string
		footer               func(*Doc, int)
		blocks               []Block
	}{
		{"focused-visit-2021.pdf", "Focused visit to Bury children’s services", "2021-03-12", PageNumberFooter(2), focusedBlocks()},
		{"monitoring-visit-2022.pdf", "Monitoring visit to Haringey children’s services", "2022-11-09", PageNumberFooter(2), monitoringBlocks()},
		{"sif-2016.pdf", "Dorset County Council: inspection of services for children", "2016-07-18", PageNumberFooter(1), sifBlocks()},
	} {
		d := NewDoc(o.title, day(o.created))
		d.Footer = o.footer
		if err := d.Render(filepath.Join(sample, o.name), o.blocks); err != nil {
			return err
		}
	}
	if err := writeNews(filepath.Join(sample, "news-2024.html")); err != nil {
		return err
	}
	if err := writeODT(filepath.Join(sample, "readme-notes.odt")); err != nil {
		return err
	}
	if err := writeBroken(filepath.Join(sample, "ilacs-2023.pdf"), filepath.Join(bad, "broken.pdf")); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(bad, "error-page.pdf"), []byte(errorPageHTML), 0o644)
}
