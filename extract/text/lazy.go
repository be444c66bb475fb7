package text

import (
	"regexp"
	"sync"
)

// A LazyRegexp is a regular expression compiled on its first use. The
// rules keep well over a hundred patterns in package variables;
// compiling them all when the program starts cost every command (a
// search, a completion) 20-30 ms before it did any work, though most
// commands use none of them. The pattern is checked when first used,
// so a test that runs the rule catches a bad one; TestLazyPatterns in
// each package that declares them compiles them all.
type LazyRegexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// Lazy returns expr, to be compiled with regexp.MustCompile on first use.
func Lazy(expr string) *LazyRegexp { return &LazyRegexp{expr: expr} }

// Regexp returns the compiled expression.
func (l *LazyRegexp) Regexp() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}

// String returns the source text of the expression.
func (l *LazyRegexp) String() string { return l.expr }

// MatchString is (*regexp.Regexp).MatchString.
func (l *LazyRegexp) MatchString(s string) bool { return l.Regexp().MatchString(s) }

// FindString is (*regexp.Regexp).FindString.
func (l *LazyRegexp) FindString(s string) string { return l.Regexp().FindString(s) }

// FindStringIndex is (*regexp.Regexp).FindStringIndex.
func (l *LazyRegexp) FindStringIndex(s string) []int { return l.Regexp().FindStringIndex(s) }

// FindStringSubmatch is (*regexp.Regexp).FindStringSubmatch.
func (l *LazyRegexp) FindStringSubmatch(s string) []string { return l.Regexp().FindStringSubmatch(s) }

// FindStringSubmatchIndex is (*regexp.Regexp).FindStringSubmatchIndex.
func (l *LazyRegexp) FindStringSubmatchIndex(s string) []int {
	return l.Regexp().FindStringSubmatchIndex(s)
}

// FindAllString is (*regexp.Regexp).FindAllString.
func (l *LazyRegexp) FindAllString(s string, n int) []string { return l.Regexp().FindAllString(s, n) }

// FindAllStringIndex is (*regexp.Regexp).FindAllStringIndex.
func (l *LazyRegexp) FindAllStringIndex(s string, n int) [][]int {
	return l.Regexp().FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is (*regexp.Regexp).FindAllStringSubmatch.
func (l *LazyRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	return l.Regexp().FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is (*regexp.Regexp).FindAllStringSubmatchIndex.
func (l *LazyRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.Regexp().FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is (*regexp.Regexp).ReplaceAllString.
func (l *LazyRegexp) ReplaceAllString(src, repl string) string {
	return l.Regexp().ReplaceAllString(src, repl)
}

// Split is (*regexp.Regexp).Split.
func (l *LazyRegexp) Split(s string, n int) []string { return l.Regexp().Split(s, n) }

// ReplaceAllStringFunc is (*regexp.Regexp).ReplaceAllStringFunc.
func (l *LazyRegexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return l.Regexp().ReplaceAllStringFunc(src, repl)
}
