package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/index"
)

func TestParseShard(t *testing.T) {
	tests := []struct {
		in   string
		want shard
		bad  bool
	}{
		{"", shard{}, false},
		{"1/1", shard{1, 1}, false},
		{"2/3", shard{2, 3}, false},
		{" 3 / 3 ", shard{3, 3}, false},
		{"0/3", shard{}, true},
		{"4/3", shard{}, true},
		{"1/0", shard{}, true},
		{"2", shard{}, true},
		{"a/b", shard{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseShard(tt.in)
			if (err != nil) != tt.bad || got != tt.want {
				t.Errorf("parseShard(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.bad)
			}
		})
	}
}

// TestShardHolds checks that every hash falls in exactly one shard of N.
func TestShardHolds(t *testing.T) {
	for _, sum := range []string{
		"0000000000000000aa", "0000000000000001bb", "ffffffffffffffff00", "8a3b0c9d1e2f3a4b5c",
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	} {
		for n := 1; n <= 5; n++ {
			in := 0
			for k := 1; k <= n; k++ {
				if (shard{k, n}).holds(sum) {
					in++
				}
			}
			if in != 1 {
				t.Errorf("%s is in %d shards of %d, want 1", sum, in, n)
			}
		}
	}
	if (shard{1, 2}).holds("xyz") {
		t.Errorf("a malformed hash is in a shard")
	}
}

// shardFolder writes a folder for the shard tests: the sample documents,
// a second copy of one of them, and letters with varied wording (some of
// them word for word alike, so that scores tie).
func shardFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if !slices.Contains(copySample(t, dir), "ilacs-2023.pdf") {
		t.Fatal("the sample has no ilacs-2023.pdf to copy")
	}
	copyFile(t, filepath.Join(dir, "ilacs-2023.pdf"), filepath.Join(dir, "copy-of-ilacs.pdf"))
	las := []string{"Leeds", "Kent", "Derby", "Surrey", "Bury"}
	themes := []string{"strategy discussions", "supervision", "care leavers' pathway plans", "private fostering"}
	for i := 0; i < 24; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Monitoring visit to %s children's services\n\n", las[i%len(las)])
		fmt.Fprintf(&b, "This letter summarises the findings of the monitoring visit (reference %d).\n\n", i%6)
		for j := 0; j < 5; j++ {
			fmt.Fprintf(&b, "%d. Inspectors found that %s are not always timely, although managers now review them weekly.\n", j+1, themes[(i+j)%len(themes)])
		}
		b.WriteString("\nWhat needs to improve\n\n")
		for j := 0; j < 3; j++ {
			fmt.Fprintf(&b, "• The quality of %s for children.\n", themes[(i*3+j)%len(themes)])
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("letter-%02d.txt", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestShardsEqualOneIndex ingests one folder into one index and, with
// --shard, into three; search, export and show over the three (--index
// repeated) must print exactly what they print over the one.
func TestShardsEqualOneIndex(t *testing.T) {
	c := newCLI(t)
	folder := shardFolder(t)
	tmp := t.TempDir()
	all := filepath.Join(tmp, "all")
	if code, out, errs := c.run("ingest", folder, "--index", all, "--quiet"); code != exitOK {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	var shards []string
	elsewhere := 0
	for k := 1; k <= 3; k++ {
		idx := filepath.Join(tmp, fmt.Sprintf("shard%d", k))
		code, out, errs := c.run("ingest", folder, "--index", idx, "--quiet", "--shard", fmt.Sprintf("%d/3", k))
		if code != exitOK {
			t.Fatalf("ingest shard %d: exit %d\n%s%s", k, code, out, errs)
		}
		if strings.Contains(out, "ingested 0,") {
			t.Fatalf("shard %d is empty: the test would prove nothing\n%s", k, out)
		}
		var n int
		if _, err := fmt.Sscanf(out[strings.Index(out, "other shards' "):], "other shards' %d", &n); err != nil {
			t.Fatalf("shard %d summary: %v\n%s", k, err, out)
		}
		elsewhere += n
		// A second run hashes nothing and changes nothing.
		code, out, _ = c.run("ingest", folder, "--index", idx, "--quiet", "--shard", fmt.Sprintf("%d/3", k))
		if code != exitOK || !strings.Contains(out, "ingested 0,") || !strings.Contains(out, fmt.Sprintf("other shards' %d", n)) {
			t.Errorf("shard %d re-run: exit %d\n%s", k, code, out)
		}
		shards = append(shards, idx)
	}
	if elsewhere == 0 {
		t.Errorf("no file was left to another shard")
	}
	many := func(args ...string) []string {
		for _, s := range shards {
			args = append(args, "--index", s)
		}
		return args
	}
	same := func(args ...string) {
		t.Helper()
		code1, out1, err1 := c.run(append(args, "--index", all)...)
		code3, out3, err3 := c.run(many(args...)...)
		if code1 != exitOK || code3 != exitOK {
			t.Fatalf("%v: exit %d / %d\n%s\n%s", args, code1, code3, err1, err3)
		}
		if out1 != out3 {
			t.Errorf("%v: one index and three shards differ:\n%s", args, firstDiff(out1, out3))
		}
		if strings.TrimSpace(out1) == "" || strings.HasPrefix(out1, "no hits") {
			t.Errorf("%v: no output: the comparison proves nothing", args)
		}
	}
	for _, q := range []string{"supervision", `"strategy discussions"`, "timely -fostering", "plan*", ""} {
		same("search", q, "--format", "json", "--limit", "5")
		same("search", q, "--format", "json", "--limit", "5", "--offset", "5")
		same("search", q, "--limit", "50")
	}
	same("search", "timely", "--authority", "Leeds", "--format", "csv")
	same("search", "timely", "--kind", "recommendation", "--format", "json", "--limit", "3")
	same("search", "inspectors", "--from", "2020", "--format", "json", "--limit", "3")

	// The facet counts compared above are only a test of the alias if the
	// hits, and each facet's values, come from more than one shard.
	hitShards := 0
	for _, s := range shards {
		var res index.Results
		_, out, _ := c.run("search", "timely", "--index", s, "--format", "json", "--limit", "1")
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("search over %s: %v\n%s", s, err, out)
		}
		if res.Total > 0 {
			hitShards++
		}
		if res.Total > 0 && len(res.Facets["kind"]) == 0 {
			t.Errorf("search over %s: %d hits but no kind facet: the facet comparison proves nothing", s, res.Total)
		}
	}
	if hitShards < 2 {
		t.Errorf("'timely' has hits in %d of 3 shards: the merge is not exercised", hitShards)
	}
	same("export")
	same("export", "--format", "json", "--dedupe=false")
	same("export", "timely", "--kind", "recommendation")
	same("summary", "--format", "csv")
	same("summary", "--format", "json", "--sort", "authority", "--desc")
	same("summary")

	// The web page's API over the three shards answers as over the one.
	one, three := startServer(t, all, false), startServerOver(t, shards, false, nil)
	for _, path := range []string{"/api/search?q=supervision&limit=7&offset=7", "/api/search?q=%22strategy+discussions%22",
		"/api/search?q=timely&sort=oldest", "/api/summary"} {
		var a, b any
		if s1, s3 := one.getJSON(t, path, &a), three.getJSON(t, path, &b); s1 != 200 || s3 != 200 {
			t.Fatalf("GET %s: status %d / %d", path, s1, s3)
		}
		if !reflect.DeepEqual(a, b) {
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			t.Errorf("GET %s: one index and three shards differ:\n%.400s\n%.400s", path, ja, jb)
		}
	}

	_, out, _ := c.run("search", "inspectors", "--index", all, "--format", "json", "--limit", "1")
	i := strings.Index(out, `"document_id": "`)
	if i < 0 {
		t.Fatalf("no document id in\n%s", out)
	}
	id := out[i+len(`"document_id": "`):]
	id = id[:strings.IndexByte(id, '"')]
	same("show", id)
}
