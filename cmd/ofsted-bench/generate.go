package main

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"

	"github.com/ofsted/ofsted/classify"
)

// generateFolder writes n files into dir: the sample PDFs and HTML as they
// are, and text letters spread over nested folders as real collections
// are. Each letter is drawn from its own seed: its authority (any English
// local authority), visit and publication dates (2015-2025), kind of
// visit, and how many of which sentences, so that documents differ in
// wording and length as real ones do (no deduplication or run of equal
// scores flatters the figures), while the words the benchmark searches
// for stay common: most are in nearly every letter.
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
	authorities := classify.Authorities()
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
		r := rand.New(rand.NewSource(int64(i)))
		la := authorities[r.Intn(len(authorities))].Name
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%05d-letter.txt", i)), []byte(letter(r, i, la)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

var (
	genMonths = []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	// genSubjects are what the letters' sentences are about; the first
	// ones are in nearly every letter.
	genSubjects = []string{"strategy discussions", "supervision", "care leavers' pathway plans", "the MASH",
		"private fostering", "return home interviews", "assessments", "management oversight",
		"the front door", "the LADO arrangements", "child protection plans", "placement sufficiency",
		"responses to exploitation", "children in need plans", "early help assessments",
		"permanence planning", "life-story work", "visits to children in care", "caseloads",
		"audits of practice", "the quality of plans", "contact with brothers and sisters",
		"health assessments", "personal education plans", "the voice of the child"}
	genFindings = []string{
		"Inspectors found that %s are not always timely, although managers now review them weekly.",
		"Since the last visit, %s have improved, and most children now benefit from this.",
		"Leaders know that %s remain too variable in quality across the teams.",
		"In a small number of cases, %s did not lead to decisive action for children.",
		"Social workers told inspectors that %s help them to understand children's experiences.",
		"The local authority has invested in %s, but it is too soon to see the impact.",
		"Managers do not consistently record the rationale for decisions about %s.",
		"Partners contribute well to %s, and information is shared promptly.",
	}
	genImprove = []string{
		"The quality and timeliness of %s.",
		"Management oversight of %s, so that drift and delay are identified.",
		"The consistency of %s for children who need help and protection.",
	}
)

// letter writes one generated visit letter.
func letter(r *rand.Rand, i int, la string) string {
	year := 2015 + r.Intn(11)
	month := r.Intn(12)
	day := 1 + r.Intn(24)
	kind := []string{"Monitoring visit", "Focused visit"}[r.Intn(2)]
	var b strings.Builder
	fmt.Fprintf(&b, "%s to %s children's services\n\n", kind, la)
	fmt.Fprintf(&b, "Inspection dates: %d to %d %s %d\n", day, day+1+r.Intn(3), genMonths[month], year)
	fmt.Fprintf(&b, "Publication date: %d %s %d\n\n", 1+r.Intn(27), genMonths[(month+1)%12], year+(month+1)/12)
	fmt.Fprintf(&b, "This letter summarises the findings of the %s to %s children's services (reference %d).\n\n",
		strings.ToLower(kind), la, i)
	sentences := 6 + r.Intn(14)
	for j := 0; j < sentences; j++ {
		subject := genSubjects[pick(r, len(genSubjects))]
		fmt.Fprintf(&b, "%d. "+genFindings[r.Intn(len(genFindings))]+"\n", j+1, subject)
	}
	b.WriteString("\nWhat needs to improve\n\n")
	for j := 0; j < 2+r.Intn(4); j++ {
		fmt.Fprintf(&b, "• "+genImprove[r.Intn(len(genImprove))]+"\n", genSubjects[pick(r, len(genSubjects))])
	}
	return b.String()
}

// pick draws an index below n, the first ones most often (about half the
// draws fall in the first four).
func pick(r *rand.Rand, n int) int {
	if r.Intn(2) == 0 {
		return r.Intn(min(4, n))
	}
	return r.Intn(n)
}
