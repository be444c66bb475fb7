package extract

import (
	"fmt"
	"os"
	"testing"
)

// TestDebugFile prints the findings of $OFSTED_DEBUG_FILE (a corpus path)
// read as $OFSTED_DEBUG_TYPE; a development aid, skipped otherwise.
func TestDebugFile(t *testing.T) {
	f := os.Getenv("OFSTED_DEBUG_FILE")
	if f == "" {
		t.Skip("set OFSTED_DEBUG_FILE to print a corpus file's findings")
	}
	corpus := corpusDir(t)
	pages := corpusPages(t, corpus, f)
	if os.Getenv("OFSTED_DEBUG_LINES") != "" {
		for _, l := range cleanLines(pages, 1) {
			fmt.Printf("%d| %s\n", l.page, l.text)
		}
	}
	for _, x := range Find(&Document{Type: Type(os.Getenv("OFSTED_DEBUG_TYPE"))}, &Source{Pages: pages}) {
		fmt.Printf("%s %s %s p%d %s: %s\n", x.Kind, x.Domain, x.Grade, x.Page, x.Rule, x.Text)
	}
}
