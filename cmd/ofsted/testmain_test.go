package main

import (
	"context"
	"os"
	"testing"
)

// TestMain lets the test binary act as the ofsted binary: ingest and
// extract start worker processes by re-executing themselves, which under
// test is this binary. The parent marks its environment, and a child that
// sees the mark runs the command line it was given instead of the tests.
func TestMain(m *testing.M) {
	if os.Getenv("OFSTED_TEST_AS_MAIN") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Setenv("OFSTED_TEST_AS_MAIN", "1")
	os.Exit(m.Run())
}
