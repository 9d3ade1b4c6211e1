//go:build linux && cgo

package main

/*
#include <malloc.h>

static void eventgraph_limit_arenas(int n) {
#ifdef M_ARENA_MAX
	mallopt(M_ARENA_MAX, n);
#endif
}
*/
import "C"

import "os"

// mallocArenas is how many malloc arenas the C library may make. SQLite
// allocates its page cache and statements with malloc, on whichever
// thread the Go scheduler runs the writer's call; glibc gives threads
// arenas of their own, up to eight per core, and each keeps memory freed
// in it. A 100k-article ingest spread SQLite's memory over nine arenas
// holding 77-103 MB (for a 64 MiB page cache); with two, 40-50 MB (for
// 32 MiB), with passing peaks of 30-60 MB more (SQLite's temporary
// memory; what it held was not traced). Only SQLite mallocs here (the
// Go heap is the Go runtime's), and one goroutine writes, so the arenas
// are not contended.
const mallocArenas = 2

// init limits the arenas before SQLite allocates anything, unless
// MALLOC_ARENA_MAX says otherwise (glibc reads it itself).
func init() {
	if os.Getenv("MALLOC_ARENA_MAX") == "" {
		C.eventgraph_limit_arenas(mallocArenas)
	}
}
