// Package gotool locates the module root and runs Go toolchain commands,
// such as the pinned Hugo (`go tool hugo`), from it.
package gotool

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// ModuleRoot returns the nearest directory at or above dir holding go.mod.
func ModuleRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod at or above %s: run the generator inside the repository", dir)
		}
	}
}

// Command builds an exec.Cmd for `go ARGS...` run in the module root, with
// cgo disabled so Hugo is always its standard edition.
func Command(moduleRoot string, args ...string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	cmd.Dir = moduleRoot
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	return cmd
}

// Wrap explains a failed go command; what names the command.
func Wrap(err error, what string) error {
	if errors.Is(err, exec.ErrNotFound) {
		return fmt.Errorf("the go command is not on PATH: install Go 1.26 (see README)")
	}
	if err != nil {
		return fmt.Errorf("%s: %w (the messages above say where)", what, err)
	}
	return nil
}

// Output runs `go ARGS...` in the module root and returns its standard output.
func Output(moduleRoot string, args ...string) (string, error) {
	cmd := Command(moduleRoot, args...)
	cmd.Stdout = nil
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %v: %w", args, err)
	}
	return string(out), nil
}
