// Package hugo runs the Hugo version pinned in go.mod (`go tool hugo`).
package hugo

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"

	"safesource.dev/safesource/generator/internal/gotool"
)

// Options say where the site is and where it goes.
type Options struct {
	ModuleRoot string // directory holding go.mod (where `go tool hugo` resolves)
	Source     string // site root (hugo.toml); absolute
	ThemesDir  string // optional; absolute
	Dest       string // output directory; absolute
}

func (o Options) args(cmd ...string) []string {
	a := append([]string{"tool", "hugo"}, cmd...)
	a = append(a, "--source", o.Source, "--logLevel", "warn")
	if o.ThemesDir != "" {
		a = append(a, "--themesDir", o.ThemesDir)
	}
	return a
}

// Build renders the site into o.Dest, removing stale files. Hugo's summary
// table is dropped; warnings and errors still reach stderr.
func Build(o Options) error {
	c := gotool.Command(o.ModuleRoot, append(o.args(), "--destination", o.Dest, "--cleanDestinationDir", "--gc", "--minify", "--environment", "production")...)
	c.Stdout = io.Discard
	return gotool.Wrap(c.Run(), "hugo build")
}

// DevServer is the command line of Hugo's development server with live
// reload, rendering into dest (a scratch folder, never the deployable
// public/) so the generator can index the pages for search. Every change
// re-renders every page (no fast render), so the index sees all of them.
// The pinned Hugo binary is run directly (its path from `go tool -n`), so
// stopping the command stops Hugo.
func DevServer(ctx context.Context, o Options, bind string, port int) (*exec.Cmd, error) {
	bin, err := gotool.Output(o.ModuleRoot, "tool", "-n", "hugo")
	if err != nil {
		return nil, fmt.Errorf("locating the pinned Hugo: %w", err)
	}
	args := append(o.args("server")[2:], "--destination", o.Dest, "--disableFastRender",
		"--bind", bind, "--port", strconv.Itoa(port), "--environment", "development")
	c := exec.CommandContext(ctx, strings.TrimSpace(bin), args...)
	c.Dir = o.ModuleRoot
	c.Env = append(os.Environ(), "CGO_ENABLED=0")
	c.Cancel = func() error { return c.Process.Signal(os.Interrupt) }
	c.WaitDelay = 5 * time.Second
	return c, nil
}

// Rebuilt reports whether a line of the development server's output says a
// build finished ("Built in 412 ms" at start, "Total in 36 ms" after a change).
func Rebuilt(line string) bool {
	return rebuiltLine.MatchString(line)
}

var rebuiltLine = regexp.MustCompile(`^(Built|Total) in \d+ ms`)
