package main

// End-to-end tests of the web page in headless Chromium (Debian's chromium
// package), driven with chromedp: ingest the fixtures, start `ofsted
// serve`, and use the page as an analyst would. They are the only user of
// chromedp. Without Chromium they skip, unless OFSTED_BROWSER_TESTS=require
// (CI sets it), when they fail instead. With -update they rewrite the two
// screenshots the README shows (docs/screenshots/).

import (
	"bytes"
	"context"
	"encoding/csv"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/ofsted/ofsted/index"
)

// chromium finds the browser, or skips (fails in CI) when there is none.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("OFSTED_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("OFSTED_BROWSER_TESTS") == "require" {
		t.Fatal("Chromium not found, and OFSTED_BROWSER_TESTS=require: install it (apt-get install chromium) or set OFSTED_CHROMIUM")
	}
	t.Skip("Chromium is not installed (apt-get install chromium): skipping the browser tests, which CI runs")
	return ""
}

// newBrowser starts headless Chromium with a fresh profile and returns a
// tab's context; the deadline is a hang guard for the whole test.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromium(t)
	profile, err := os.MkdirTemp("", "ofsted-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	// Without the background-networking flags Chromium tries to reach
	// Google's servers, which a closed network refuses.
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		// A page restored from the back-forward cache is a document the
		// driver has not been told about; load pages afresh instead.
		chromedp.Flag("disable-features", "BackForwardCache"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 860),
	)
	ctx, cancelTab := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancelTab()
		cancelAlloc()
		// Chromium's helpers may write to the profile for a moment after
		// the browser has gone.
		for range 50 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	return ctx
}

// browserIndex ingests the sample folder and the web fixtures, with hostile
// set also the hostile committee paper and a file whose very name is
// hostile, and returns the index.
func browserIndex(t *testing.T, c cli, withHostile bool) string {
	t.Helper()
	web, err := filepath.Abs(filepath.Join("..", "..", "testdata", "web"))
	if err != nil {
		t.Fatal(err)
	}
	folders := []string{sampleDir(t), web}
	if withHostile {
		folders = append(folders, hostileWeb(t))
	}
	idx := filepath.Join(t.TempDir(), "idx")
	if code, out, errs := c.run(append(append([]string{"ingest"}, folders...), "--index", idx, "--quiet")...); code != exitOK {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	return idx
}

// hostileWeb returns a folder with the hostile committee paper and a file
// with a hostile name.
func hostileWeb(t *testing.T) string {
	t.Helper()
	hostile := t.TempDir()
	copyFile(t, filepath.Join("..", "..", "testdata", "webhostile", "nottingham-committee-2024.txt"),
		filepath.Join(hostile, "nottingham-committee-2024.txt"))
	name := `<img src=x onerror="window.xssRan=4">.txt`
	text := "Nottingham City Post\n\n20 May 2024\n\nA council spokesperson said the new tracker of quince audits would be reported to the committee.\n"
	if err := os.WriteFile(filepath.Join(hostile, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return hostile
}

// step runs actions, failing the test with what was being done.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitURL waits until the page's address contains s and the page has
// loaded.
func waitURL(t *testing.T, ctx context.Context, s string) {
	t.Helper()
	waitJS(t, ctx, "the address to hold "+s, `location.href.includes(`+strconv.Quote(s)+`)`)
}

// waitJS waits until a JavaScript condition holds in a loaded page. It
// asks again and again rather than polling in the page, whose context a
// navigation replaces.
func waitJS(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	expr := `(` + cond + `) && document.readyState === "complete"`
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if ctx.Err() != nil {
			t.Fatalf("waiting for %s: %v", what, ctx.Err())
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// screenshot captures the viewport; with -update it rewrites the
// README's copy.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dx() < 800 {
		t.Fatalf("screenshot %s is not a page-sized PNG: %v", name, err)
	}
	dir := t.TempDir()
	if *update {
		dir = filepath.Join("..", "..", "docs", "screenshots")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// dialogs records any JavaScript dialog the pages open (and closes it):
// a hostile document that ran would show up here.
type dialogs struct {
	mu   sync.Mutex
	msgs []string
}

func watchDialogs(ctx context.Context) *dialogs {
	d := &dialogs{}
	evs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range evs {
			if err != nil {
				return
			}
			d.mu.Lock()
			d.msgs = append(d.msgs, ev.Message)
			d.mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	return d
}

func (d *dialogs) opened() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.msgs...)
}

// TestBrowserSearchToAuthority walks the page as an analyst would: a phrase,
// a facet, the back button, the CSV download, a document, its authority.
func TestBrowserSearchToAuthority(t *testing.T) {
	ctx := newBrowser(t)
	c := newCLI(t)
	s := startServer(t, browserIndex(t, c, false), false)
	seen := watchDialogs(ctx)

	step(t, ctx, "open the page", chromedp.Navigate(s.url), chromedp.WaitVisible(chromedp.ID("q")))
	step(t, ctx, "type a phrase and search",
		chromedp.SendKeys(chromedp.ID("q"), `"strategy discussions"`),
		chromedp.Click(chromedp.CSS(`form.search button[type=submit]`)))
	waitURL(t, ctx, "q=%22strategy+discussions%22")
	all := hitCount(t, ctx)
	if all < 10 {
		t.Fatalf("%d hits for the phrase", all)
	}
	marks := eval[[]string](t, ctx, `[...document.querySelectorAll("ol.hits mark")].map(m => m.textContent.toLowerCase())`)
	if len(marks) == 0 {
		t.Error("no highlighted match")
	}
	for _, m := range marks {
		if !strings.HasPrefix(m, "strategy") && !strings.HasPrefix(m, "discussion") {
			t.Errorf("highlighted %q", m)
		}
	}

	step(t, ctx, "click the Nottingham facet",
		chromedp.Click(chromedp.CSS(`section[data-facet="authority"] a[href*="authority=Nottingham&"]`)))
	waitURL(t, ctx, "authority=Nottingham&")
	narrowed := hitCount(t, ctx)
	if narrowed == 0 || narrowed >= all {
		t.Errorf("the facet left %d of %d hits", narrowed, all)
	}
	where := eval[[]string](t, ctx, `[...document.querySelectorAll("ol.hits .meta a[href^='/authority/']")].map(a => a.textContent)`)
	for _, w := range where {
		if w != "Nottingham" {
			t.Errorf("after the facet, a hit of %s", w)
		}
	}
	if chip := eval[string](t, ctx, `document.querySelector("ul.chips").innerText`); !strings.Contains(chip, "authority: Nottingham") {
		t.Errorf("the filter in force is not shown: %q", chip)
	}
	screenshot(t, ctx, "search.png")

	// The address holds the search: back returns to the phrase alone.
	// history.back rather than NavigateBack, which waits for a load event
	// that a page restored from the back-forward cache never fires.
	eval[any](t, ctx, "setTimeout(() => history.back(), 0)")
	waitJS(t, ctx, "the search without the facet", `location.search.includes("q=%22strategy+discussions%22") && !location.search.includes("authority")`)
	if loc := eval[string](t, ctx, "location.search"); strings.Contains(loc, "authority") {
		t.Errorf("back leaves %s", loc)
	}
	if q := eval[string](t, ctx, `document.getElementById("q").value`); q != `"strategy discussions"` {
		t.Errorf("the query box holds %q after going back", q)
	}
	if n := hitCount(t, ctx); n != all {
		t.Errorf("back: %d hits, first time %d", n, all)
	}
	eval[any](t, ctx, "setTimeout(() => history.forward(), 0)")
	waitURL(t, ctx, "authority=Nottingham&")

	// Download the CSV of these findings and check its rows.
	offered := eval[string](t, ctx, `document.querySelector("p.downloads").innerText`)
	m := regexp.MustCompile(`these (\d+) finding`).FindStringSubmatch(offered)
	if m == nil {
		t.Fatalf("no count of findings to download: %q", offered)
	}
	want, _ := strconv.Atoi(m[1])
	rows := download(t, ctx, chromedp.ID("download-csv"))
	if rows[0][0] != "document_id" || len(rows)-1 != want {
		t.Errorf("the CSV has %d rows (header %v), the page offered %d", len(rows)-1, rows[0][:3], want)
	}
	for _, r := range rows[1:] {
		if r[3] != "Nottingham" || !strings.Contains(strings.ToLower(r[11]), "strategy discussion") {
			t.Errorf("a row the search did not select: %v", r)
		}
	}

	step(t, ctx, "open the first hit's document",
		chromedp.Click(chromedp.CSS(`ol.hits li:first-child a.doc`)),
		chromedp.WaitVisible(chromedp.ID("doc-title")))
	waitURL(t, ctx, "/doc/")
	if tbl := eval[string](t, ctx, `document.body.innerText`); !strings.Contains(tbl, "Source") || !strings.Contains(tbl, "Nottingham") {
		t.Errorf("document page: %.300s", tbl)
	}

	step(t, ctx, "open its authority",
		chromedp.Click(chromedp.CSS(`p.crumbs a[href^="/authority/"]`)),
		chromedp.WaitVisible(chromedp.ID("grade-chart")))
	waitURL(t, ctx, "/authority/E06000018")
	if n := eval[int](t, ctx, `document.querySelectorAll("#grade-chart circle").length`); n < 8 {
		t.Errorf("%d grades on the chart, want the 2019 and 2023 reports' (8 or more)", n)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#timeline li.item").length`); n < 3 {
		t.Errorf("%d documents on the timeline", n)
	}
	if name := eval[string](t, ctx, `document.getElementById("authority-name").textContent`); name != "Nottingham" {
		t.Errorf("authority page of %q", name)
	}
	screenshot(t, ctx, "authority.png")

	step(t, ctx, "open the summary", chromedp.Navigate(s.url+"summary"), chromedp.WaitVisible(chromedp.ID("summary")))
	if row := eval[string](t, ctx, `[...document.querySelectorAll("#summary tbody tr")].find(r => r.innerText.startsWith("Nottingham\t")).innerText`); !strings.Contains(row, "improved") {
		t.Errorf("summary row of Nottingham: %q", row)
	}
	if d := seen.opened(); len(d) > 0 {
		t.Errorf("dialogs opened: %v", d)
	}
}

// hitCount reads the number of hits the page reports.
func hitCount(t *testing.T, ctx context.Context) int {
	t.Helper()
	text := eval[string](t, ctx, `document.getElementById("total").innerText`)
	if strings.HasPrefix(text, "No hits") {
		return 0
	}
	n, err := strconv.Atoi(strings.Fields(text)[0])
	if err != nil {
		t.Fatalf("hit count %q", text)
	}
	return n
}

// download clicks a download link and returns the CSV the browser saved.
func download(t *testing.T, ctx context.Context, link chromedp.ID) [][]string {
	t.Helper()
	dir := t.TempDir()
	yes := true
	progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &yes}); err != nil {
		t.Fatalf("allow downloads: %v", err)
	}
	step(t, ctx, "click "+string(link), chromedp.Click(link))
	var file string
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatal("download canceled")
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			file = filepath.Join(dir, ev.GUID)
			break
		}
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("downloaded file: %v", err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("the download is not CSV: %v", err)
	}
	return rows
}

// TestBrowserHostileDocument checks that a document's hostile text and a
// hostile file name show as text and run nothing, on every page that shows
// them.
func TestBrowserHostileDocument(t *testing.T) {
	ctx := newBrowser(t)
	c := newCLI(t)
	idx := browserIndex(t, c, true)
	s := startServer(t, idx, false)
	seen := watchDialogs(ctx)

	ix, err := index.OpenReadOnly(idx)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := ix.Catalogue(context.Background())
	ix.Close()
	if err != nil {
		t.Fatal(err)
	}
	var committee, named string
	for _, e := range cat {
		switch {
		case strings.HasSuffix(e.Path, "nottingham-committee-2024.txt"):
			committee = e.ID
		case strings.Contains(e.Path, "onerror"):
			named = e.ID
		}
	}
	if committee == "" || named == "" {
		t.Fatalf("fixtures not in the index: %q %q", committee, named)
	}
	for _, tt := range []struct {
		name, path, shown string
	}{
		{"SearchHits", "?q=police&type=committee_paper&authority=Nottingham", "<script>window.xssRan=1</script>"},
		{"Document", "doc/" + committee, `<img src=x onerror="window.xssRan=2">`},
		{"FileName", "doc/" + named, `<img src=x onerror="window.xssRan=4">.txt`},
		{"Authority", "authority/E06000018", "Progress against the Ofsted recommendations"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			step(t, ctx, "open "+tt.path, chromedp.Navigate(s.url+tt.path), chromedp.WaitReady(chromedp.CSS("main")))
			body := eval[string](t, ctx, "document.body.innerText")
			if !strings.Contains(strings.ToLower(body), strings.ToLower(tt.shown)) {
				t.Errorf("the page does not show %q as text:\n%.600s", tt.shown, body)
			}
			if ran := eval[string](t, ctx, "typeof window.xssRan"); ran != "undefined" {
				t.Errorf("a hostile script ran: window.xssRan is %s", ran)
			}
			if title := eval[string](t, ctx, "document.title"); title == "pwned" {
				t.Errorf("a hostile script set the title: %q", title)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll("main script, main img[src='x'], main b").length`); n != 0 {
				t.Errorf("%d elements of the document's text became markup", n)
			}
		})
	}
	if d := seen.opened(); len(d) > 0 {
		t.Errorf("dialogs opened: %v", d)
	}
}
