package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ofsted/ofsted/cmd/ofsted/internal/web"
	"github.com/ofsted/ofsted/index"
)

type serveOptions struct {
	dirs   []string
	addr   string
	public bool
	poll   time.Duration // how often the view checks for a waiting writer
	stdout io.Writer
	stderr io.Writer
	ready  func(url string)                // tests: called once the server listens
	wrap   func(http.Handler) http.Handler // tests: wraps the pages' handler
}

func newServeCmd(e *env) *cobra.Command {
	o := serveOptions{stdout: e.stdout, stderr: e.stderr, poll: 200 * time.Millisecond}
	var dirs []string
	c := &cobra.Command{
		Use:   "serve",
		Short: "Serve a web page over the index: search, documents, authorities, summary",
		Long: `Serve starts a web page over the index on this machine: search with facets, every
document with its findings, a timeline per authority, the summary table, downloads as
CSV and Excel, and a JSON API under /api/. It prints the address to open.

It listens on 127.0.0.1:8080 unless --addr says otherwise; an address other machines
can reach needs --public (the page has no login). Ctrl-C stops it once the requests
in flight have finished. 'ofsted ingest' may run at any time: the page gives way while
the index is written and shows the new documents when the ingest ends. Several --index
(the shards of 'ingest --shard') are served as one index.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			d, err := indexDirs(e, dirs)
			if err != nil {
				return err
			}
			if err := checkServeAddr(o.addr, o.public); err != nil {
				return err
			}
			o.dirs = d
			return runServe(c.Context(), o)
		},
	}
	indexesFlag(c, &dirs)
	c.Flags().StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on, host:port (port 0 picks a free one)")
	c.Flags().BoolVar(&o.public, "public", false, "allow an address other machines can reach, and any host name")
	return c
}

// checkServeAddr refuses an address other machines could reach, unless
// public is set.
func checkServeAddr(addr string, public bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return usagef("--addr %q: want host:port, for example 127.0.0.1:8080", addr)
	}
	if public || loopback(host) {
		return nil
	}
	where := host
	if where == "" {
		where = "every interface"
	}
	return usagef("--addr %s listens on %s, which other machines can reach; the page has no login, so add --public if that is what you want", addr, where)
}

// loopback reports whether host names only this machine.
func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

func runServe(ctx context.Context, o serveOptions) error {
	for _, d := range o.dirs {
		if _, err := os.Stat(d); err != nil {
			fmt.Fprintf(o.stderr, "ofsted: no index at %s yet: run 'ofsted ingest FOLDER --index %s'; the page shows it once it exists\n", d, d)
		}
	}
	var store interface {
		web.Store
		Close() error
	}
	if len(o.dirs) == 1 {
		store = index.OpenLive(o.dirs[0], o.poll)
	} else {
		store = index.OpenLiveGroup(o.dirs, o.poll)
	}
	defer store.Close()
	srv, err := web.New(web.Options{Store: store, Public: o.public, Log: o.stderr})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	url := "http://" + ln.Addr().String() + "/"
	if o.public {
		fmt.Fprintf(o.stderr, "ofsted: warning: serving on %s with --public: anyone who can reach it can read the index and the source files it names\n", ln.Addr())
	}
	fmt.Fprintf(o.stdout, "ofsted: serving %s at %s (Ctrl-C to stop)\n", strings.Join(o.dirs, ", "), url)
	var h http.Handler = srv
	if o.wrap != nil {
		h = o.wrap(h)
	}
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	if o.ready != nil {
		o.ready(url)
	}
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Let the requests in flight finish, within reason.
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("serve: shut down: %w", err)
	}
	fmt.Fprintln(o.stdout, "ofsted: stopped")
	return nil
}
