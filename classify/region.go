package classify

// Regions group authorities the way the DfE and Ofsted report them (and
// analysts compare them): the nine ONS regions of England. The table is
// generated with the gazetteer, from the same reference lookup.

import (
	"sort"
	"sync"
)

var regionTable = sync.OnceValue(regionData)

// Region returns the region of the authority with this ONS code (current
// or former), or "" for a code the gazetteer does not know.
func Region(code string) string {
	if r, ok := regionTable()[code]; ok {
		return r
	}
	if a, ok := LookupAuthority(code); ok {
		return regionTable()[a.Code]
	}
	return ""
}

// Regions lists the regions, sorted by name, in a new slice.
func Regions() []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range regionTable() {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	sort.Strings(out)
	return out
}
