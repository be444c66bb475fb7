package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ofsted/ofsted/index"
)

// webIndex ingests the sample folder and the web fixtures (an earlier
// Nottingham report and a later visit) into a new index.
func webIndex(t *testing.T, c cli) string {
	t.Helper()
	idx := filepath.Join(t.TempDir(), "idx")
	web, err := filepath.Abs(filepath.Join("..", "..", "testdata", "web"))
	if err != nil {
		t.Fatal(err)
	}
	if code, out, errs := c.run("ingest", sampleDir(t), web, "--index", idx, "--quiet"); code != exitOK {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	return idx
}

func TestSummaryCommand(t *testing.T) {
	c := newCLI(t)
	idx := webIndex(t, c)

	code, out, errs := c.run("summary", "--index", idx)
	if code != exitOK {
		t.Fatalf("summary: exit %d\n%s", code, errs)
	}
	for _, want := range []string{"AUTHORITY", "Nottingham", "East Midlands", "improved", "2024-02-06", "5 authorities"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = c.run("summary", "--index", idx, "--format", "csv", "--region", "east midlands")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != exitOK || err != nil {
		t.Fatalf("csv: exit %d, %v", code, err)
	}
	if strings.Join(rows[0], ",") != strings.Join(index.SummaryHeader(), ",") || len(rows) != 3 {
		t.Errorf("csv: %d rows, header %v", len(rows), rows[0])
	}
	for _, r := range rows[1:] {
		if r[2] != "East Midlands" {
			t.Errorf("region filter let through %v", r[:3])
		}
	}

	code, out, _ = c.run("summary", "--index", idx, "--format", "json", "--grade", "requires improvement", "--sort", "published", "--desc")
	var js []index.SummaryRow
	if err := json.Unmarshal([]byte(out), &js); code != exitOK || err != nil {
		t.Fatalf("json: exit %d, %v", code, err)
	}
	if len(js) != 2 || js[0].Authority.Name != "Nottingham" || js[0].Previous == nil || js[0].Direction != index.DirectionImproved {
		t.Errorf("json rows: %+v", js)
	}

	file := filepath.Join(t.TempDir(), "summary.xlsx")
	if code, _, errs := c.run("summary", "--index", idx, "--format", "xlsx", "-o", file); code != exitOK {
		t.Fatalf("xlsx: exit %d\n%s", code, errs)
	}
	x, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := strings.Join(x.GetSheetList(), ","); got != "Summary,Findings" {
		t.Errorf("sheets %s", got)
	}
	judgements, _ := x.GetRows("Findings")
	if len(judgements) < 10 {
		t.Errorf("%d rows of judgements behind the summary", len(judgements))
	}

	for _, args := range [][]string{
		{"summary", "--format", "yaml"},
		{"summary", "--region", "Atlantis"},
		{"summary", "--grade", "excellent"},
		{"summary", "--sort", "colour"},
	} {
		if code, _, errs := c.run(append(args, "--index", idx)...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d\n%s", args, code, exitUsage, errs)
		}
	}
}

func TestExportXLSX(t *testing.T) {
	c := newCLI(t)
	idx := webIndex(t, c)
	file := filepath.Join(t.TempDir(), "findings.xlsx")
	if code, _, errs := c.run("export", "--index", idx, "--authority", "Nottingham", "--format", "xlsx", "-o", file); code != exitOK {
		t.Fatalf("export: exit %d\n%s", code, errs)
	}
	_, csvOut, _ := c.run("export", "--index", idx, "--authority", "Nottingham")
	want, _ := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	x, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("Findings")
	if len(rows) != len(want) || len(rows) < 20 {
		t.Errorf("workbook has %d finding rows, the CSV export %d", len(rows), len(want))
	}
	summary, _ := x.GetRows("Summary")
	if len(summary) != 2 || summary[1][0] != "Nottingham" {
		t.Errorf("summary sheet %v", summary)
	}
}

func TestCompletion(t *testing.T) {
	c := newCLI(t)
	idx := webIndex(t, c)
	tests := []struct {
		name string
		args []string
		want []string
		not  []string
	}{
		{"Authority", []string{"search", "--index", idx, "--authority", "Nott"}, []string{"Nottingham\t", "Nottinghamshire\t"}, []string{"Bury"}},
		{"KindList", []string{"export", "--index", idx, "--kind", "strength,we"}, []string{"strength,weakness\t"}, nil},
		{"Theme", []string{"search", "--index", idx, "--theme", "la"}, []string{"lado\t"}, nil},
		{"Type", []string{"search", "--index", idx, "--type", "f"}, []string{"focused_visit\t"}, []string{"jtai"}},
		{"Domain", []string{"search", "--index", idx, "--domain", ""}, []string{"in_care\t"}, nil},
		{"Grade", []string{"summary", "--index", idx, "--grade", ""}, []string{"good\n", "none"}, nil},
		{"Region", []string{"summary", "--region", "Lon"}, []string{"London"}, nil},
		{"NoIndex", []string{"search", "--index", t.TempDir(), "--type", "j"}, []string{"jtai"}, nil},
		{"ShowID", []string{"show", "--index", idx, ""}, []string{"Nottingham focused_visit 2024-03-12"}, nil},
		{"Format", []string{"export", "--format", ""}, []string{"xlsx"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := c.run(append([]string{"__complete"}, tt.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d\n%s", code, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("completion lacks %q:\n%s", w, out)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("completion offers %q:\n%s", n, out)
				}
			}
		})
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		code, out, errs := c.run("completion", shell)
		if code != exitOK || !strings.Contains(out, "ofsted") || len(out) < 500 {
			t.Errorf("completion %s: exit %d, %d bytes\n%s", shell, code, len(out), errs)
		}
	}
}
