package classify

import (
	"strings"
	"testing"
	"time"

	"github.com/ofsted/ofsted/extract"
)

// TestLargeInputsBounded checks that pathological inputs (one huge line,
// thousands of letter openings, a wall of dates) classify in bounded time.
func TestLargeInputsBounded(t *testing.T) {
	tests := []struct{ name, text string }{
		{"OneHugeLine", strings.Repeat("Inspection of focused visit to 1 to 2 March 2020 Leeds ", 20000)},
		{"ManyLetterOpenings", "Public Document Pack\n" + strings.Repeat("4 April 2023\nDear x\nMonitoring visit to Leeds children's services\n", 5000)},
		{"WallOfDates", strings.Repeat("1 January 2020 ", 50000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			docs := Classify(&extract.Source{Format: "pdf", Pages: []string{tt.text}})
			if len(docs) == 0 {
				t.Fatal("no documents")
			}
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}
