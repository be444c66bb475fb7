package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// generateFolder writes n files into dir: the sample PDFs and HTML as they
// are, and text documents with varied wording, spread over nested
// folders as real collections are. Text varies so that every document is
// distinct (no deduplication flatters the figures).
func generateFolder(dir string, n int) error {
	sample := filepath.Join("testdata", "sample")
	entries, err := os.ReadDir(sample)
	if err != nil {
		return fmt.Errorf("generate: %w (run from the repository root)", err)
	}
	var seeds []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			seeds = append(seeds, filepath.Join(sample, e.Name()))
		}
	}
	authorities := []string{"Nottingham City", "Nottinghamshire", "Bury", "Dorset", "Haringey", "Leeds", "Derby", "Surrey"}
	themes := []string{"strategy discussions", "supervision", "care leavers' pathway plans", "the MASH", "private fostering", "return home interviews"}
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("batch-%03d", i/500))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		if i < len(seeds)*4 && i%4 == 0 {
			data, err := os.ReadFile(seeds[i/4])
			if err != nil {
				return err
			}
			name := fmt.Sprintf("%05d-%s", i, filepath.Base(seeds[i/4]))
			if err := os.WriteFile(filepath.Join(sub, name), data, 0o644); err != nil {
				return err
			}
			continue
		}
		la := authorities[i%len(authorities)]
		var b strings.Builder
		fmt.Fprintf(&b, "Monitoring visit to %s children's services\n\nDate: %d March 20%02d\n\n", la, 1+i%28, 18+i%8)
		fmt.Fprintf(&b, "This letter summarises the findings of the monitoring visit (reference %d).\n\n", i)
		for j := 0; j < 12; j++ {
			t := themes[(i+j)%len(themes)]
			fmt.Fprintf(&b, "%d. Inspectors found that %s are not always timely, although managers now review them weekly (case %d-%d).\n", j+1, t, i, j)
		}
		b.WriteString("\nWhat needs to improve\n\n")
		for j := 0; j < 4; j++ {
			fmt.Fprintf(&b, "• The quality of %s for children (%d/%d).\n", themes[(i*3+j)%len(themes)], i, j)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%05d-letter.txt", i)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
