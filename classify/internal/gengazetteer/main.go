// Command gengazetteer writes classify/gazetteer_data.go: the English local
// authorities with children's services, with current ONS codes, former codes
// and the names Ofsted, ONS and the DfE use for them; and
// classify/region_data.go: the region of each.
//
// It reads the reference tables of the shared corpus (the ONS lower-to-upper
// tier lookup, the Ofsted provider lookup with also_known_as, and Ofsted's
// outcome statistics). The generated file is plain Go data, so the package
// builds and tests without the corpus.
//
//	go run ./internal/gengazetteer -ref ../../shared/corpus/reference -out gazetteer_data.go -regions region_data.go
package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// entry is one authority as it will be written.
type entry struct {
	Code      string
	Name      string
	Aliases   map[string]bool
	OldCodes  map[string]bool
	Successor string // former entries: the code that took over, if one did
	Until     string // former entries: the date it ceased
}

// successor is the authority that took over a former one's children's
// services, and the date it did.
type successor struct {
	code string
	from string // ISO date of the change
}

// successorCodes maps codes of authorities abolished or re-coded by the
// 2009-2023 reorganisations to the code of the single current authority that
// took over their children's services. Authorities split between several
// successors (Cumbria, Northamptonshire) are kept as former entries instead,
// with the date in splitDates. The dates are those of the statutory orders;
// no reference table carries them.
func successorCodes() map[string]successor {
	return map[string]successor{
		"E06000028": {"E06000058", "2019-04-01"}, // Bournemouth -> Bournemouth, Christchurch and Poole
		"E06000029": {"E06000058", "2019-04-01"}, // Poole -> BCP
		"E10000009": {"E06000059", "2019-04-01"}, // Dorset county -> Dorset unitary
		"E10000002": {"E06000060", "2020-04-01"}, // Buckinghamshire county -> unitary
		"E10000023": {"E06000065", "2023-04-01"}, // North Yorkshire county -> unitary
		"E10000027": {"E06000066", "2023-04-01"}, // Somerset county -> unitary
		"E08000016": {"E08000038", "2014-04-01"}, // Barnsley re-coded
		"E08000019": {"E08000039", "2014-04-01"}, // Sheffield re-coded
		"E08000020": {"E08000037", "2013-04-01"}, // Gateshead re-coded
		"E06000048": {"E06000057", "2009-04-01"}, // Northumberland re-coded
	}
}

// splitDates are the dates authorities split between several successors
// were abolished.
func splitDates() map[string]string {
	return map[string]string{
		"E10000006": "2023-04-01", // Cumbria -> Cumberland, Westmorland and Furness
		"E10000021": "2021-04-01", // Northamptonshire -> North and West Northamptonshire
	}
}

// manualAliases are names in common use that no reference table carries.
func manualAliases() map[string][]string {
	return map[string][]string{
		"E06000010": {"Hull", "Hull City", "City of Hull", "Kingston upon Hull City"},
		"E06000058": {"BCP", "Christchurch", "Bournemouth, Christchurch & Poole"},
		"E06000033": {"Southend", "Southend on Sea"},
		"E06000019": {"Herefordshire, County of", "County of Herefordshire"},
		"E06000047": {"Durham", "County Durham"},
		"E06000023": {"Bristol", "City of Bristol"},
		"E09000001": {"City of London Corporation", "London Corporation", "Corporation of London"},
		"E06000053": {"Scilly", "Council of the Isles of Scilly"},
		"E08000021": {"Newcastle"},
		"E06000055": {"Bedford Borough"},
		"E08000013": {"St Helens", "St. Helens"},
		"E06000043": {"Brighton & Hove", "Brighton"},
		"E06000021": {"Stoke"},
		"E06000004": {"Stockton"},
		"E06000003": {"Redcar"},
		"E06000008": {"Blackburn"},
		// Short forms councils and the press use for themselves.
		"E06000020": {"Telford"},
		"E06000011": {"East Riding"},
		"E06000050": {"Cheshire West"},
		"E06000022": {"B&NES", "BANES", "Bath & NE Somerset"},
		"E06000012": {"North East Lincs", "NE Lincs"},
		"E06000013": {"North Lincs"},
		"E06000040": {"RBWM"},
		"E09000013": {"Hammersmith"},
		"E06000064": {"Westmorland"},
	}
}

func main() {
	ref := flag.String("ref", "../../shared/corpus/reference", "corpus reference folder")
	out := flag.String("out", "gazetteer_data.go", "output Go file")
	regions := flag.String("regions", "region_data.go", "output Go file for the regions")
	flag.Parse()
	if err := run(*ref, *out, *regions); err != nil {
		fmt.Fprintln(os.Stderr, "gengazetteer:", err)
		os.Exit(1)
	}
}

func run(ref, out, regionsOut string) error {
	provider, err := readTable(filepath.Join(ref, "Provider_data_lookup.csv"), "la_code_new")
	if err != nil {
		return err
	}
	history, err := readTable(filepath.Join(ref, "ofsted-outcomes-2025", "ILACS_inspection_history.csv"), "Local authority area code")
	if err != nil {
		return err
	}
	successors := successorCodes()
	gone := map[string]bool{}
	oldNames := map[string]string{} // names the tables give former codes
	for _, r := range history {
		if r["Local authority status"] == "No longer exists" {
			gone[r["Local authority area code"]] = true
			oldNames[r["Local authority area code"]] = r["Local authority name"]
		}
	}
	current := map[string]*entry{}
	former := map[string]*entry{}
	region := map[string]string{}
	for _, r := range provider {
		code := r["la_code_new"]
		region[code] = r["region_name"]
		e := &entry{Code: code, Name: canonical(r), Aliases: map[string]bool{}, OldCodes: map[string]bool{}}
		for _, n := range []string{r["local_authority_ons_name"], r["utla23nm"], r["ltla23nm"]} {
			e.add(n)
		}
		for _, n := range strings.Split(strings.Trim(r["also_known_as"], "[]"), ",") {
			e.add(strings.TrimSpace(n))
		}
		switch {
		case successors[code].code != "":
			// Folded into its successor below, unless it had a name of
			// its own.
			former[code] = e
			oldNames[code] = e.Name
		case gone[code] || r["ons_la_type"] == "":
			former[code] = e
		default:
			current[code] = e
		}
	}
	// Fold abolished or re-coded authorities with a single successor into
	// it when they had its name (a county become a unitary authority, a
	// new code); an authority that merged into one of another name
	// (Bournemouth and Poole into BCP) stays itself, for documents dated
	// before the merger.
	for old, to := range successors {
		e, ok := current[to.code]
		if !ok {
			continue
		}
		if n := oldNames[old]; n != "" && key(n) != key(e.Name) {
			f := former[old]
			if f == nil {
				f = &entry{Code: old, Name: n, Aliases: map[string]bool{}, OldCodes: map[string]bool{}}
				former[old] = f
			}
			f.Successor, f.Until = to.code, to.from
			continue
		}
		e.OldCodes[old] = true
		if f, ok := former[old]; ok {
			for a := range f.Aliases {
				e.Aliases[a] = true
			}
			delete(former, old)
		}
	}
	for code, until := range splitDates() {
		if f := former[code]; f != nil {
			f.Until = until
		}
	}
	// Names Ofsted uses, from tables with codes.
	for _, f := range []string{"ofsted-outcomes-2025/ILACS_inspection_history.csv", "ofsted-outcomes-2025/In-year_inspections.csv"} {
		rows, err := readTable(filepath.Join(ref, f), "Local authority area code")
		if err != nil {
			return err
		}
		for _, r := range rows {
			code, name := r["Local authority area code"], r["Local authority name"]
			if e := former[code]; e != nil {
				e.add(name)
				continue
			}
			if to := successors[code].code; to != "" {
				code = to
			}
			if e := current[code]; e != nil {
				e.add(name)
			}
		}
	}
	// Names Ofsted uses in tables without codes: join on a normalised name.
	byKey := map[string]*entry{}
	for _, e := range current {
		for a := range e.Aliases {
			byKey[key(a)] = e
		}
	}
	for _, f := range []string{"ofsted-outcomes-2024/ILACS_inspections_2018-2024.csv", "ofsted-outcomes-2024/Inspections_in_year_2023-24.csv",
		"csc-2023/LA_inspections_2009-2023.csv", "csc-2023/LA_level_in_year_2022-23.csv"} {
		rows, err := readTable(filepath.Join(ref, f), "Local authority name")
		if err != nil {
			return err
		}
		for _, r := range rows {
			if e := byKey[key(r["Local authority name"])]; e != nil {
				e.add(r["Local authority name"])
			}
		}
	}
	// The ONS lookup gives codes that were re-coded since (same name, new code).
	lookup, err := readTable(filepath.Join(ref, "LTLA-UTLA_Apr23_Lookup_England-Wales.csv"), "UTLA23CD")
	if err != nil {
		return err
	}
	for _, r := range lookup {
		code := r["UTLA23CD"]
		if !strings.HasPrefix(code, "E") || current[code] != nil {
			continue
		}
		if e := byKey[key(r["UTLA23NM"])]; e != nil {
			e.OldCodes[code] = true
		}
	}
	for code, names := range manualAliases() {
		e := current[code]
		if e == nil {
			return fmt.Errorf("manual alias for unknown code %s", code)
		}
		for _, n := range names {
			e.add(n)
		}
	}
	// A former authority's own names are its own, not its successor's
	// (a list of aliases split on commas gives BCP "Bournemouth").
	for _, f := range former {
		e := current[f.Successor]
		if e == nil {
			continue
		}
		own := map[string]bool{key(f.Name): true}
		for a := range f.Aliases {
			own[key(a)] = true
		}
		for a := range e.Aliases {
			if own[key(a)] {
				delete(e.Aliases, a)
			}
		}
	}
	if len(current) != 153 {
		return fmt.Errorf("found %d current authorities, want 153", len(current))
	}
	src, err := render(current, former)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		return err
	}
	src, err = renderRegions(current, region)
	if err != nil {
		return err
	}
	return os.WriteFile(regionsOut, src, 0o644)
}

// renderRegions writes the region of every current authority, from the
// provider lookup's region_name (the nine ONS regions of England).
func renderRegions(current map[string]*entry, region map[string]string) ([]byte, error) {
	codes := make([]string, 0, len(current))
	for c := range current {
		if region[c] == "" {
			return nil, fmt.Errorf("no region for %s %s", c, current[c].Name)
		}
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var b bytes.Buffer
	b.WriteString("// Code generated by classify/internal/gengazetteer from the corpus reference tables; DO NOT EDIT.\n\n")
	b.WriteString("package classify\n\n")
	b.WriteString("// regionData maps the code of every current authority to its region.\n")
	b.WriteString("func regionData() map[string]string {\n\treturn map[string]string{\n")
	for _, c := range codes {
		fmt.Fprintf(&b, "%q: %q,\n", c, region[c])
	}
	b.WriteString("\t}\n}\n")
	return format.Source(b.Bytes())
}

// canonical picks the display name: the ONS upper-tier name, with the
// ONS "X, City of" inversion undone.
func canonical(r map[string]string) string {
	n := r["utla23nm"]
	if n == "" {
		n = r["local_authority_ons_name"]
	}
	n = strings.TrimSpace(n)
	n = strings.TrimSuffix(n, ", City of")
	n = strings.TrimSuffix(n, ", County of")
	return n
}

var inverted = regexp.MustCompile(`^(.+), (City|County) of$`)

func (e *entry) add(n string) {
	n = strings.Join(strings.Fields(n), " ")
	if n == "" {
		return
	}
	e.Aliases[n] = true
	if m := inverted.FindStringSubmatch(n); m != nil {
		e.Aliases[m[1]] = true
		e.Aliases[m[2]+" of "+m[1]] = true
	}
	if strings.Contains(n, " and ") {
		e.Aliases[strings.ReplaceAll(n, " and ", " & ")] = true
	}
}

// key normalises a name for joining tables: lower case, & as and, letters only.
func key(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "&", " and "))
	var b strings.Builder
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) {
		b.WriteString(f)
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}

// readTable reads a CSV whose header row is the first row containing col
// (the Ofsted tables have title lines above the header).
func readTable(path, col string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read table: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var header []string
	var rows []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read table %s: %w", path, err)
		}
		for i := range rec {
			rec[i] = strings.TrimPrefix(rec[i], "\ufeff")
		}
		if header == nil {
			for _, c := range rec {
				if c == col {
					header = rec
				}
			}
			continue
		}
		if len(rec) > 0 && strings.HasPrefix(rec[0], "Table ") {
			header = nil // a second table follows with its own header
			continue
		}
		m := map[string]string{}
		for i, c := range header {
			if i < len(rec) {
				m[c] = strings.TrimSpace(rec[i])
			}
		}
		rows = append(rows, m)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("read table %s: no rows under a %q header", path, col)
	}
	return rows, nil
}

func render(current, former map[string]*entry) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by classify/internal/gengazetteer from the corpus reference tables; DO NOT EDIT.\n\n")
	b.WriteString("package classify\n\n")
	b.WriteString("// gazetteerEntries returns every current English local authority with children's services.\n")
	b.WriteString("func gazetteerEntries() []gazetteerEntry {\n\treturn []gazetteerEntry{\n")
	writeEntries(&b, current)
	b.WriteString("\t}\n}\n\n")
	b.WriteString("// formerEntries returns abolished authorities that keep their last code: those whose services were\n")
	b.WriteString("// split between several successors, and those that merged into an authority of another name\n")
	b.WriteString("// (Successor), each with the date it ceased (Until).\n")
	b.WriteString("func formerEntries() []gazetteerEntry {\n\treturn []gazetteerEntry{\n")
	writeEntries(&b, former)
	b.WriteString("\t}\n}\n")
	return format.Source(b.Bytes())
}

func writeEntries(b *bytes.Buffer, m map[string]*entry) {
	codes := make([]string, 0, len(m))
	for c := range m {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		e := m[c]
		fmt.Fprintf(b, "{Code: %q, Name: %q, Aliases: %s, OldCodes: %s", e.Code, e.Name, list(e.Aliases, e.Name), list(e.OldCodes, ""))
		if e.Successor != "" {
			fmt.Fprintf(b, ", Successor: %q", e.Successor)
		}
		if e.Until != "" {
			fmt.Fprintf(b, ", Until: %q", e.Until)
		}
		b.WriteString("},\n")
	}
}

func list(set map[string]bool, skip string) string {
	var xs []string
	for x := range set {
		if x != skip {
			xs = append(xs, x)
		}
	}
	if len(xs) == 0 {
		return "nil"
	}
	sort.Strings(xs)
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}
