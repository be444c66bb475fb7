package text

import (
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestLazyPatterns compiles every pattern given to Lazy in the packages
// that declare them: a lazy pattern is compiled on first use, so without
// this a bad one would surface only when a document first reached its
// rule. Each argument is type-checked and its constant value compiled;
// the test fails if an argument is not a constant (a pattern built at run
// time belongs in a function, compiled there) or if none is found.
func TestLazyPatterns(t *testing.T) {
	n := 0
	for _, dir := range []string{".", filepath.Join("..", "find"), filepath.Join("..", "..", "classify")} {
		fset := token.NewFileSet()
		pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
		if err != nil {
			t.Fatalf("parse %s: %v", dir, err)
		}
		for _, pkg := range pkgs {
			var files []*ast.File
			for _, f := range pkg.Files {
				files = append(files, f)
			}
			info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
			conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
			if _, err := conf.Check(pkg.Name, fset, files, info); err != nil {
				t.Fatalf("type-check %s: %v", dir, err)
			}
			for _, f := range files {
				ast.Inspect(f, func(node ast.Node) bool {
					call, ok := node.(*ast.CallExpr)
					if !ok || len(call.Args) != 1 || !isLazy(call.Fun) {
						return true
					}
					tv := info.Types[call.Args[0]]
					if tv.Value == nil || tv.Value.Kind() != constant.String {
						t.Errorf("%s: the pattern is not a constant", fset.Position(call.Pos()))
						return true
					}
					if _, err := regexp.Compile(constant.StringVal(tv.Value)); err != nil {
						t.Errorf("%s: %v", fset.Position(call.Pos()), err)
					}
					n++
					return true
				})
			}
		}
	}
	if n < 100 {
		t.Errorf("found %d lazy patterns, want the rules' hundred and more", n)
	}
}

// isLazy reports whether fun names this package's Lazy.
func isLazy(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name == "Lazy"
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		return ok && x.Name == "text" && f.Sel.Name == "Lazy"
	}
	return false
}
