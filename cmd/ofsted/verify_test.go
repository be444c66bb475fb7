package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestVerify(t *testing.T) {
	c := newCLI(t)
	sample := sampleDir(t)
	dir := t.TempDir()
	idx := filepath.Join(dir, "idx")
	if code, out, errs := c.run("ingest", sample, "--index", idx, "--quiet"); code != exitOK {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, errs)
	}
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	header := "Official statistics\nA note line.\n" +
		"Web link,Local authority area code,Local authority name,Inspection/Visit date,Publication date,Inspection/Visit type,Overall effectiveness,The impact of leaders on social work practice with children and families,The experiences and progress of children who need help and protection,The experiences and progress of children in care,The experiences and progress of care leavers\n"
	visits := "link,E09000014,Haringey,11/10/2022,09/11/2022,LA Monitoring visit,,,,,\n" +
		"link,E08000002,Bury,09/02/2021,12/03/2021,ILACS Focused Visit,,,,,\n" +
		"link,E08000002,Bury,01/12/2021,12/01/2022,ILACS Focused Visit,,,,,\n" // after the index's Bury documents: out of scope
	clean := write("clean.csv", header+visits+
		"link,E06000018,Nottingham,10/07/2023,01/09/2023,ILACS Standard Inspection,Requires improvement to be good,Requires improvement to be good,Requires improvement to be good,Good,Requires improvement to be good\n")
	code, out, errs := c.run("verify", "--index", idx, "--official", clean)
	if code != exitOK || !strings.Contains(out, "0 disagreements") {
		t.Fatalf("verify clean: exit %d\n%s\n%s", code, out, errs)
	}
	differs := write("differs.csv", header+visits+
		"link,E06000018,Nottingham,10/07/2023,01/09/2023,ILACS Standard Inspection,Requires improvement to be good,Requires improvement to be good,Inadequate,Good,Requires improvement to be good\n")
	code, out, _ = c.run("verify", "--index", idx, "--official", differs)
	if code != exitSomeFailed {
		t.Errorf("verify with a disagreement: exit %d, want %d", code, exitSomeFailed)
	}
	if !strings.Contains(out, "1 disagreements (0 missing, 0 date, 1 grade)") {
		t.Errorf("summary:\n%s", out)
	}
	var row string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "grade") {
			row = strings.Join(strings.Fields(l), " ")
		}
	}
	if !strings.HasPrefix(row, "grade Nottingham E06000018 2023-07-10 ilacs_inspection help_and_protection requires_improvement inadequate ") {
		t.Errorf("disagreement row = %q\n%s", row, out)
	}
	if code, _, errs := c.run("verify", "--index", idx); code != exitUsage || !strings.Contains(errs, "--official") {
		t.Errorf("verify without --official: exit %d, %s", code, errs)
	}
}
