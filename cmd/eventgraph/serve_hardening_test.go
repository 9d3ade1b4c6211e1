package main

import (
	"bufio"
	"crypto/sha256"
	"database/sql"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rawRequest sends text as is over TCP, so that no client cleans the path,
// and returns the status line and the body.
func rawRequest(t *testing.T, base, text string) (status, body string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	if _, err := io.WriteString(conn, text); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%q: %v", text[:min(len(text), 60)], err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.Status, string(b)
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestServeHardening checks the served explorer from outside, as the
// command runs it: loopback by default, the database untouched, traversal
// answered 404, oversized and slow requests cut off, and no internals in
// what a client is told.
func TestServeHardening(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command as its own process")
	}
	db := filepath.Join(t.TempDir(), "eg.db")
	if _, errs, code := MustRun(t, "", "ingest", "--db", db, samples); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	// Fold the WAL into the file so that its bytes say what is stored.
	conn, err := sql.Open("sqlite3", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	before := fileSum(t, db)
	base := MustServeProcess(t, db)

	t.Run("loopback by default", func(t *testing.T) {
		out, _, code := MustRun(t, "", "serve", "--help")
		if code != 0 || !strings.Contains(out, `"127.0.0.1:8080"`) {
			t.Errorf("serve --help does not show the loopback default:\n%s", out)
		}
		host, _, _ := net.SplitHostPort(strings.TrimPrefix(base, "http://"))
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			t.Errorf("serving on %s", host)
		}
	})

	t.Run("traversal is 404", func(t *testing.T) {
		for _, p := range []string{"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fgo.mod",
			"/static/../../go.mod", "/download/..%2f..%2feg.db", "/eg.db", "/" + filepath.Base(db),
			"/actor-..%2f..%2fx.html", "/report.css/..", "/.%2e/.%2e/etc/passwd", "//etc/passwd", "/..\\..\\etc\\passwd"} {
			status, body := rawRequest(t, base, "GET "+p+" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
			if !strings.HasPrefix(status, "404") {
				t.Errorf("GET %s: %s, want 404", p, status)
			}
			if strings.Contains(body, "root:") || strings.Contains(body, "SQLite format") || strings.Contains(body, "module ") {
				t.Errorf("GET %s leaks a file: %.80q", p, body)
			}
		}
	})

	t.Run("size limits", func(t *testing.T) {
		for _, tt := range []struct {
			name, req, want string
		}{
			{"long query", "GET /api/events?q=" + strings.Repeat("a", 8<<10) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", "414"},
			{"huge header", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + strings.Repeat("a", 64<<10) + "\r\nConnection: close\r\n\r\n", "431"},
			{"body", "POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10485760\r\nConnection: close\r\n\r\n" + strings.Repeat("x", 4096), "405"},
			{"foreign host", "GET / HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n", "421"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				if status, _ := rawRequest(t, base, tt.req); !strings.HasPrefix(status, tt.want) {
					t.Errorf("%s, want %s", status, tt.want)
				}
			})
		}
	})

	t.Run("slow request is cut off", func(t *testing.T) {
		conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		// Half a request line, then silence: a slowloris client.
		io.WriteString(conn, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
		start := time.Now()
		conn.SetReadDeadline(time.Now().Add(30 * time.Second))
		io.Copy(io.Discard, conn) // returns when the server closes
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("a half-sent request held the connection for %v", d.Round(time.Second))
		}
	})

	t.Run("read-only", func(t *testing.T) {
		for _, p := range []string{"/", "/network.html", "/explore.html", "/api/events", "/api/actors", "/api/graph", "/download/events.csv"} {
			resp, err := http.Get(base + p)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("%s: %d", p, resp.StatusCode)
			}
		}
		if fileSum(t, db) != before {
			t.Error("serving changed the database file")
		}
	})

	t.Run("no internals to the client", func(t *testing.T) {
		// Break the database under the running server: its queries fail,
		// and the client must learn no more than that.
		conn, err := sql.Open("sqlite3", "file:"+db+"?_busy_timeout=5000")
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := conn.Exec("ALTER TABLE events RENAME TO events_gone"); err != nil {
			t.Fatal(err)
		}
		// Filters no earlier request used, so that no cached page answers.
		for _, p := range []string{"/api/events?q=broken", "/?q=broken", "/download/graph.dot?q=broken"} {
			resp, err := http.Get(base + p)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 500 {
				t.Errorf("%s on a broken database: %d", p, resp.StatusCode)
			}
			for _, leak := range []string{"goroutine", ".go:", "sqlite", "SQL", "events_gone", "no such table", filepath.Dir(db)} {
				if strings.Contains(string(b), leak) {
					t.Errorf("%s: the answer shows %q: %.200s", p, leak, b)
				}
			}
			if s := strings.TrimSpace(string(b)); s != "internal error" {
				t.Errorf("%s: 500 body %.200q, want the bare \"internal error\"", p, s)
			}
		}
	})
}
