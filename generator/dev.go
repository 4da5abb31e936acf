package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"safesource.dev/safesource/generator/internal/gotool"
	"safesource.dev/safesource/generator/internal/hugo"
	"safesource.dev/safesource/generator/internal/pipeline"
	"safesource.dev/safesource/generator/internal/watch"
)

// The development server (`make serve`) is Hugo's, with live reload, plus
// what the production build adds around Hugo:
//
//   - Hugo renders into build/dev/public (not memory), and after every
//     build it reports, the pages are indexed into /search-index/ there,
//     debounced, so search works and follows edits.
//   - Edits to the checker (its Go files or rules.json) re-run the rules and
//     wasm stages in a fresh process (the running generator has the old
//     checker compiled in); Hugo sees the new generated files and reloads
//     the browser.

// devQuiet is how long changes must settle before re-indexing or rebuilding.
const devQuiet = 300 * time.Millisecond

// serveDev runs the development server until interrupted (Ctrl-C).
func (b *builder) serveDev() error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return b.runDev(ctx, nil)
}

// runDev runs the development server until ctx ends. ready, if set, gets
// the server's address once Hugo is started and the checker is watched.
func (b *builder) runDev(ctx context.Context, ready func(url string)) error {
	if _, err := pipeline.Run(b.w, b.prepareStages()); err != nil {
		return err
	}
	port, err := freePort(b.cfg.bind, b.cfg.port)
	if err != nil {
		return err
	}
	dev := filepath.Join(b.root, "build", "dev", "public")
	if err := os.RemoveAll(dev); err != nil {
		return fmt.Errorf("clearing the development output %s: %w", dev, err)
	}
	out := &lockedWriter{w: b.w}
	devb := *b
	devb.out, devb.w, devb.cacheTag = dev, out, "-dev"

	reindex := watch.NewDebouncer(devQuiet)
	defer reindex.Stop()
	index := func() {
		var msg strings.Builder
		c := devb
		c.w = &msg
		start := time.Now()
		if err := c.buildSearch(); err != nil {
			fmt.Fprintf(out, "search index: %v\n", err)
			return
		}
		fmt.Fprintf(out, "search index: %sin %s\n", msg.String(), time.Since(start).Round(time.Millisecond))
	}

	opts := b.hugoOptions()
	opts.Dest = dev
	cmd, err := hugo.DevServer(ctx, opts, b.cfg.bind, port)
	if err != nil {
		return err
	}
	var pipes sync.WaitGroup
	for _, dst := range []*io.Writer{&cmd.Stdout, &cmd.Stderr} {
		r, w := io.Pipe()
		*dst = w
		defer w.Close()
		pipes.Go(func() {
			sc := bufio.NewScanner(r)
			for sc.Scan() {
				line := sc.Text()
				fmt.Fprintln(out, line)
				if hugo.Rebuilt(line) {
					reindex.Trigger(index)
				}
			}
		})
	}
	if err := cmd.Start(); err != nil {
		return gotool.Wrap(err, "hugo server")
	}

	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	watching := make(chan struct{})
	watchErr := make(chan error, 1)
	go func() {
		watchErr <- watch.Tree(watchCtx, []string{filepath.Join(b.moduleRoot, "checker")}, isCheckerSource, devQuiet, devb.checkerChanged, watching)
	}()
	select {
	case <-watching:
	case err := <-watchErr:
		return err
	}
	url := fmt.Sprintf("http://%s/", net.JoinHostPort(displayHost(b.cfg.bind), strconv.Itoa(port)))
	fmt.Fprintf(out, "serving at %s (live reload; search re-indexed on change; checker edits rebuild the rules and wasm; Ctrl-C stops)\n", url)
	if ready != nil {
		ready(url)
	}
	err = cmd.Wait()
	if ctx.Err() != nil {
		return nil // stopped on purpose
	}
	return gotool.Wrap(err, "hugo server")
}

// isCheckerSource reports whether a changed file feeds the rules or the
// WebAssembly build. rules_data.go is generated from rules.json (by the
// rebuild itself), and tests are not compiled into either.
func isCheckerSource(p string) bool {
	base := filepath.Base(p)
	switch {
	case base == "rules.json":
		return true
	case base == "rules_data.go", strings.HasSuffix(base, "_test.go"):
		return false
	}
	return strings.HasSuffix(base, ".go")
}

// checkerChanged regenerates the rules data when rules.json changed, then
// runs the stages before Hugo in a new generator process, which compiles
// the edited checker. A failure is reported and the server keeps running.
func (b *builder) checkerChanged(paths []string) {
	rel := make([]string, len(paths))
	rulesData := false
	for i, p := range paths {
		rel[i], _ = filepath.Rel(b.moduleRoot, p)
		rulesData = rulesData || filepath.Base(p) == "rules.json"
	}
	fmt.Fprintf(b.w, "checker changed (%s): rebuilding the rules and wasm\n", strings.Join(rel, ", "))
	if rulesData {
		if err := b.goCommand("generate", "./checker"); err != nil {
			fmt.Fprintf(b.w, "checker: %v\n", err)
			return
		}
	}
	if err := b.goCommand("run", "./generator", "prepare", "-root", b.root); err != nil {
		fmt.Fprintf(b.w, "checker: %v\n", err)
	}
}

func (b *builder) goCommand(args ...string) error {
	c := gotool.Command(b.moduleRoot, args...)
	c.Stdout, c.Stderr = b.w, b.w
	return gotool.Wrap(c.Run(), "go "+strings.Join(args, " "))
}

// prepare runs the stages before Hugo (rules, content, wasm): what the
// development server re-runs when the checker changes.
func (b *builder) prepare() error {
	_, err := pipeline.Run(b.w, b.prepareStages())
	return err
}

// freePort checks the port can be listened on (0 picks a free one), so a
// busy port is reported here rather than silently moved by Hugo.
func freePort(bind string, port int) (int, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
	if err != nil {
		return 0, usageError{fmt.Errorf("cannot listen on %s:%d: %w (is another server running? pick another -port, or -port 0 for any free one)", bind, port, err)}
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func displayHost(bind string) string {
	if bind == "127.0.0.1" || bind == "" || bind == "0.0.0.0" {
		return "localhost"
	}
	return bind
}

// lockedWriter serialises writes from Hugo's output and the re-index.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
