package main

// The web page's figures: `ofsted serve` over the index just built, asked
// for the search page with the bench's queries, every authority page and
// the summary page. Times are the server's own (its Server-Timing header:
// from the request's arrival to the first byte of the answer), apart from
// the client and the loopback; the wall time a client sees is printed
// beside them.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"time"
)

// benchServe starts the server and times its pages.
func benchServe(w io.Writer, bin, idx string, queries []string, n int) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "serve", "--index", idx, "--addr", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("ofsted serve: %w", err)
	}
	defer cmd.Wait()
	defer cmd.Process.Kill()
	base, err := serverURL(out)
	if err != nil {
		return err
	}
	go io.Copy(io.Discard, out)

	// The first summary after the server opens the index waits for the
	// catalogue (computed once per opening of the index, in the
	// background from the start).
	first, _, err := timePage(base + "summary")
	if err != nil {
		return err
	}
	var search, searchWall []time.Duration
	for i := 0; i < n; i++ {
		q := url.Values{"q": {queries[i%len(queries)]}}
		if i%3 == 1 {
			q.Set("from", "2019")
		}
		st, wall, err := timePage(base + "?" + q.Encode())
		if err != nil {
			return err
		}
		search, searchWall = append(search, st), append(searchWall, wall)
	}
	var list struct {
		Authorities []struct {
			Code string `json:"code"`
		} `json:"authorities"`
	}
	if err := getJSON(base+"api/authorities", &list); err != nil {
		return err
	}
	var auth, authWall []time.Duration
	for i := 0; i < max(n, len(list.Authorities)) && len(list.Authorities) > 0; i++ {
		st, wall, err := timePage(base + "authority/" + list.Authorities[i%len(list.Authorities)].Code)
		if err != nil {
			return err
		}
		auth, authWall = append(auth, st), append(authWall, wall)
	}
	var sum, sumWall []time.Duration
	for i := 0; i < n; i++ {
		st, wall, err := timePage(base + "summary")
		if err != nil {
			return err
		}
		sum, sumWall = append(sum, st), append(sumWall, wall)
	}
	line := func(name string, st, wall []time.Duration) {
		if len(st) == 0 {
			return
		}
		sort.Slice(st, func(i, j int) bool { return st[i] < st[j] })
		sort.Slice(wall, func(i, j int) bool { return wall[i] < wall[j] })
		fmt.Fprintf(w, "web %-16s (%3d): server p50 %s  p95 %s  max %s   (client p95 %s)\n", name, len(st),
			pct(st, 0.5), pct(st, 0.95), st[len(st)-1].Round(10*time.Microsecond), pct(wall, 0.95))
	}
	line("search page", search, searchWall)
	line("authority pages", auth, authWall)
	line("summary page", sum, sumWall)
	fmt.Fprintf(w, "web summary, first after opening: server %s\n", first.Round(10*time.Microsecond))
	return nil
}

// serverURL reads the address the server prints when it listens.
func serverURL(r io.Reader) (string, error) {
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if i := strings.Index(sc.Text(), "http://"); i >= 0 {
				lines <- strings.Fields(sc.Text()[i:])[0]
				return
			}
		}
		close(lines)
	}()
	select {
	case u, ok := <-lines:
		if !ok {
			return "", fmt.Errorf("ofsted serve: no address printed")
		}
		return u, nil
	case <-time.After(30 * time.Second):
		return "", fmt.Errorf("ofsted serve: no address printed after 30s")
	}
}

// timePage fetches a page and returns the server's time and the client's.
func timePage(u string) (server, wall time.Duration, err error) {
	start := time.Now()
	res, err := http.Get(u)
	if err != nil {
		return 0, 0, err
	}
	_, err = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	wall = time.Since(start)
	if err != nil {
		return 0, 0, err
	}
	if res.StatusCode != http.StatusOK {
		return 0, 0, fmt.Errorf("GET %s: %s", u, res.Status)
	}
	st := res.Header.Get("Server-Timing")
	_, dur, ok := strings.Cut(st, "dur=")
	ms, perr := strconv.ParseFloat(dur, 64)
	if !ok || perr != nil {
		return 0, 0, fmt.Errorf("GET %s: no Server-Timing (%q)", u, st)
	}
	return time.Duration(ms * float64(time.Millisecond)), wall, nil
}

func getJSON(u string, v any) error {
	res, err := http.Get(u)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, res.Status)
	}
	return json.NewDecoder(res.Body).Decode(v)
}
