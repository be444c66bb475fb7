package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDebug checks what the hidden debug command is for: the readers'
// metadata, the evidence behind each document, and every finding with its
// rule, classified or as a given type.
func TestDebug(t *testing.T) {
	c := newCLI(t)
	sample := sampleDir(t)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want []string // regexps the output must match
	}{
		{"PDF", []string{"debug", filepath.Join(sample, "focused-visit-2021.pdf")}, exitOK, []string{
			`(?m)^  format pdf, \d+ pages$`,
			`(?m)^  created: \d{4}-\d\d-\d\d$`,
			`(?m)^document 1: focused_visit · pages 1-\d+$`,
			`(?m)^  authority: \S.* E\d{8}$`,
			`(?m)^  p\d+ recommendation \[recommend\.[a-z.-]+\]`,
		}},
		{"HTML", []string{"debug", filepath.Join(sample, "news-2024.html")}, exitOK, []string{
			`(?m)^  format html, 1 pages$`,
			`(?m)^  date:    2024-03-14$`,
			`(?m)^  site:    \S`,
			`(?m)^document 1: news_article`,
		}},
		{"GivenType", []string{"debug", "--type", "monitoring_visit", filepath.Join(sample, "committee-2022.txt")}, exitOK, []string{
			`(?m)^document 1: monitoring_visit · pages 1-1$`,
			`(?m)^  p1 recommendation \[recommend\.[a-z.-]+\]`,
		}},
		{"BadType", []string{"debug", "--type", "report", filepath.Join(sample, "committee-2022.txt")}, exitUsage, nil},
		{"Unreadable", []string{"debug", filepath.Join(sample, "readme-notes.odt")}, exitError, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := c.run(tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, tc.code, out, errs)
			}
			for _, w := range tc.want {
				if !regexp.MustCompile(w).MatchString(out) {
					t.Errorf("output does not match %s:\n%s", w, out)
				}
			}
			if tc.code != exitOK && strings.TrimSpace(errs) == "" {
				t.Errorf("no error message")
			}
		})
	}
}
