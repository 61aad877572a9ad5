package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A panic is shown from its first line, however long the stack after it: the tail alone would
// show frames of goroutines and not what went wrong.
func TestLogTailShowsThePanic(t *testing.T) {
	var log []string
	for range 30 {
		log = append(log, "level=INFO msg=request")
	}
	log = append(log, "panic: runtime error: invalid memory address or nil pointer dereference")
	for range 60 {
		log = append(log, "\t/src/some/frame.go:1 +0x1")
	}
	s := &site{logPath: filepath.Join(t.TempDir(), "server.log")}
	if err := os.WriteFile(s.logPath, []byte(strings.Join(log, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(s.logTail(20), "\n")
	if !strings.HasPrefix(got[0], "panic: runtime error") || len(got) != 40 {
		t.Errorf("logTail(20) starts with %q and has %d lines; want the panic line first and 40 lines", got[0], len(got))
	}

	// Without a panic, the last lines.
	if err := os.WriteFile(s.logPath, []byte(strings.Join(log[:30], "\n")+"\nlevel=ERROR msg=last\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got = strings.Split(s.logTail(5), "\n")
	if len(got) != 5 || got[4] != "level=ERROR msg=last" {
		t.Errorf("logTail(5) = %q; want the last 5 lines", got)
	}
}
