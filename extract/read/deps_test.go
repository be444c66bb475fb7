package read

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/ofsted/ofsted"

// readerLibraries are the libraries behind the readers and the index,
// each with the one package allowed to import it. A library path covers
// its subpackages.
var readerLibraries = []struct{ lib, owner string }{
	{"github.com/ledongthuc/pdf", module + "/extract/pdftext"},
	{"github.com/PuerkitoBio/goquery", module + "/extract/htmltext"},
	{"golang.org/x/net/html", module + "/extract/htmltext"},
	{"github.com/blevesearch/bleve", module + "/index"},
}

// goList runs `go list` with args from the module, skipping the test when
// the go command is not there (a test binary copied elsewhere).
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not on PATH")
	}
	out, err := exec.Command(gobin, append([]string{"list"}, args...)...).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, ee.Stderr)
		}
		t.Fatalf("go list %s: %v", strings.Join(args, " "), err)
	}
	return strings.Fields(string(out))
}

// camel names a subtest after a package path: "extract/text" -> "ExtractText".
func camel(pkg string) string {
	var b strings.Builder
	for _, p := range strings.Split(pkg, "/") {
		b.WriteString(strings.ToUpper(p[:1]) + p[1:])
	}
	return b.String()
}

func under(pkg, lib string) bool {
	return pkg == lib || strings.HasPrefix(pkg, lib+"/")
}

// TestModelImportersCompileNoReader checks what the readers' split is for:
// the model and the packages that need only the model do not pull in the
// PDF library or the HTML parser.
func TestModelImportersCompileNoReader(t *testing.T) {
	for _, pkg := range []string{"extract", "extract/text", "extract/framework", "extract/find", "classify", "index"} {
		t.Run(camel(pkg), func(t *testing.T) {
			for _, dep := range goList(t, "-deps", module+"/"+pkg) {
				for _, l := range readerLibraries {
					if under(dep, l.lib) && module+"/"+pkg != l.owner {
						t.Errorf("%s depends on %s", pkg, dep)
					}
				}
				if under(dep, module+"/extract/read") {
					t.Errorf("%s depends on %s", pkg, dep)
				}
			}
		})
	}
}

// TestOnlyLeavesImportReaderLibraries checks that each reader library is
// imported by its leaf package only (tests included), so that moving code
// cannot quietly spread it.
func TestOnlyLeavesImportReaderLibraries(t *testing.T) {
	lines := goList(t, "-f", "{{.ImportPath}}={{join .Imports \",\"}},{{join .TestImports \",\"}},{{join .XTestImports \",\"}}", module+"/...")
	if len(lines) < 5 {
		t.Fatalf("go list listed only %d packages", len(lines))
	}
	seen := map[string]bool{}
	for _, line := range lines {
		pkg, imports, _ := strings.Cut(line, "=")
		for _, imp := range strings.Split(imports, ",") {
			for _, l := range readerLibraries {
				if !under(imp, l.lib) {
					continue
				}
				seen[l.lib] = true
				if pkg != l.owner {
					t.Errorf("%s imports %s; only %s may", pkg, imp, l.owner)
				}
			}
		}
	}
	for _, l := range readerLibraries {
		if !seen[l.lib] {
			t.Errorf("no package imports %s: is the table out of date?", l.lib)
		}
	}
}

// TestLayers checks the layering of the extraction packages: the line
// machinery below everything imports no package of the project, so that
// no knowledge of Ofsted's documents (or of the model) creeps into it;
// the framework tables import only the model, so that any package can
// read them without the rules.
func TestLayers(t *testing.T) {
	for _, tc := range []struct {
		name, pkg string
		allowed   []string // project packages it may depend on
	}{
		{"Text", "extract/text", nil},
		{"Framework", "extract/framework", []string{"extract"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, dep := range goList(t, "-deps", "-test", module+"/"+tc.pkg) {
				dep = strings.Trim(dep, "[]") // "pkg [pkg.test]" is two fields
				if !under(dep, module) || dep == module+"/"+tc.pkg || strings.HasSuffix(dep, ".test") {
					continue
				}
				ok := false
				for _, a := range tc.allowed {
					ok = ok || dep == module+"/"+a
				}
				if !ok {
					t.Errorf("%s depends on %s", tc.pkg, dep)
				}
			}
		})
	}
}
