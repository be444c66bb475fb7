package framework

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/themes.md from the taxonomy")

func TestKnownTheme(t *testing.T) {
	for _, n := range ThemeNames() {
		if !KnownTheme(n) {
			t.Errorf("KnownTheme(%q) = false", n)
		}
	}
	if KnownTheme("nonsense") {
		t.Error("KnownTheme(nonsense) = true")
	}
}

// TestThemePatternsCompile checks that every theme's patterns and
// near-misses compile on their own, and that names are unique.
func TestThemePatternsCompile(t *testing.T) {
	seen := map[string]bool{}
	for _, th := range Themes() {
		if seen[th.Name] {
			t.Errorf("theme %s twice", th.Name)
		}
		seen[th.Name] = true
		if len(th.Any) == 0 {
			t.Errorf("theme %s has no patterns", th.Name)
		}
		for _, p := range append(append([]string{}, th.Any...), th.Not...) {
			if _, err := regexp.Compile(`(?i)` + p); err != nil {
				t.Errorf("theme %s: %v", th.Name, err)
			}
		}
	}
}

// TestThemesDoc keeps docs/themes.md in step with the taxonomy; run with
// -update to rewrite it.
func TestThemesDoc(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "themes.md")
	want := ThemeMarkdown()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (run with -update to create): %v", path, err)
	}
	if string(got) != want {
		t.Errorf("%s is out of date: run go test ./extract/framework -run TestThemesDoc -update", path)
	}
	for _, r := range Themes() {
		if r.Covers == "" {
			t.Errorf("theme %s has no description", r.Name)
		}
	}
}
