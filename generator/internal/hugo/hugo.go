// Package hugo runs the Hugo version pinned in go.mod (`go tool hugo`).
package hugo

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

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

// command runs Hugo. Hugo's script bundler finds npm packages (the
// search's stemmer) only under the site's own folder, so a site outside
// the repository (a test fixture, the synthetic benchmark site) gets a
// node_modules link to the repository's.
func (o Options) command(args ...string) *exec.Cmd {
	link := filepath.Join(o.Source, "node_modules")
	if _, err := os.Lstat(link); os.IsNotExist(err) {
		if rel, err := filepath.Rel(o.ModuleRoot, o.Source); err != nil || strings.HasPrefix(rel, "..") {
			_ = os.Symlink(filepath.Join(o.ModuleRoot, "node_modules"), link) // if it fails, Hugo names the missing package
		}
	}
	return gotool.Command(o.ModuleRoot, args...)
}

// Build renders the site into o.Dest, removing stale files. Hugo's summary
// table is dropped; warnings and errors still reach stderr.
func Build(o Options) error {
	c := o.command(append(o.args(), "--destination", o.Dest, "--cleanDestinationDir", "--gc", "--minify", "--environment", "production")...)
	c.Stdout = io.Discard
	return gotool.Wrap(c.Run(), "hugo build")
}

// Serve runs Hugo's development server with live reload until interrupted.
func Serve(o Options, bind string, port int) error {
	// Render to memory: the development build (with its live-reload script)
	// must never land in the deployable public/ folder.
	c := o.command(append(o.args("server"), "--renderToMemory", "--bind", bind, "--port", strconv.Itoa(port), "--environment", "development")...)
	return gotool.Wrap(c.Run(), "hugo server")
}
