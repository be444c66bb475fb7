package index

import (
	"context"
	"testing"
)

func TestZZProf(t *testing.T) {
	ix := openT(t, "/tmp/ofsted-benchidx")
	defer ix.Close()
	for k := 0; k < 60; k++ {
		ix.Search(context.Background(), Query{Text: `"social workers"`})
	}
}
