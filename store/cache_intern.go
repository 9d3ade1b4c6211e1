package store

import (
	"hash/maphash"
	"unsafe"
)

// strTable interns the merge cache's strings (ids, codes, places, dates'
// precisions) as int32 numbers, in memory the garbage collector does not
// scan: the bytes in chunks that are only ever appended to, the entries
// and the hash index in slices of integers. A cache of millions of
// reports built of Go strings and pointers kept the collector busy for a
// third of an ingest's CPU; numbers into these tables cost it nothing.
//
// A string handed out by get points into a chunk; a chunk's bytes are
// never written again once a string is in them, so such strings stay
// valid (and keep their chunk alive) after the table is dropped.
type strTable struct {
	chunks [][]byte
	refs   []strRef // string i is refs[i]; 0 is ""
	index  []int32  // open addressing by hash: 0 empty, else i
	seed   maphash.Seed
}

type strRef struct {
	chunk, off, n, hash uint32
}

// strChunk is the size of a chunk of string bytes; a longer string has
// a chunk of its own.
const strChunk = 64 << 10

func newStrTable() strTable {
	return strTable{refs: []strRef{{}}, index: make([]int32, 1024), seed: maphash.MakeSeed()}
}

func (t *strTable) bytes(i int32) []byte {
	r := t.refs[i]
	return t.chunks[r.chunk][r.off : r.off+r.n]
}

// get is string i.
func (t *strTable) get(i int32) string {
	r := t.refs[i]
	if r.n == 0 {
		return ""
	}
	return unsafe.String(&t.chunks[r.chunk][r.off], r.n)
}

// find returns the number of b, or 0 and the index slot where it would go.
func (t *strTable) find(b []byte, h uint32) (int32, int) {
	mask := len(t.index) - 1
	for j := int(h) & mask; ; j = (j + 1) & mask {
		i := t.index[j]
		if i == 0 {
			return 0, j
		}
		if t.refs[i].hash == h && string(t.bytes(i)) == string(b) {
			return i, j
		}
	}
}

// lookup returns the number of s, if s is interned.
func (t *strTable) lookup(s string) (int32, bool) {
	if s == "" {
		return 0, true
	}
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	i, _ := t.find(b, uint32(maphash.Bytes(t.seed, b)))
	return i, i != 0
}

// id interns b (copied) and returns its number.
func (t *strTable) id(b []byte) int32 {
	if len(b) == 0 {
		return 0
	}
	h := uint32(maphash.Bytes(t.seed, b))
	i, j := t.find(b, h)
	if i != 0 {
		return i
	}
	k := len(t.chunks) - 1
	if k < 0 || len(t.chunks[k])+len(b) > cap(t.chunks[k]) {
		t.chunks = append(t.chunks, make([]byte, 0, max(strChunk, len(b))))
		k++
	}
	off := len(t.chunks[k])
	t.chunks[k] = append(t.chunks[k], b...)
	i = int32(len(t.refs))
	t.refs = append(t.refs, strRef{chunk: uint32(k), off: uint32(off), n: uint32(len(b)), hash: h})
	t.index[j] = i
	if 2*len(t.refs) > len(t.index) {
		t.grow()
	}
	return i
}

// idString interns s.
func (t *strTable) idString(s string) int32 {
	return t.id(unsafe.Slice(unsafe.StringData(s), len(s)))
}

func (t *strTable) grow() {
	index := make([]int32, 2*len(t.index))
	mask := len(index) - 1
	for i := 1; i < len(t.refs); i++ {
		j := int(t.refs[i].hash) & mask
		for index[j] != 0 {
			j = (j + 1) & mask
		}
		index[j] = int32(i)
	}
	t.index = index
}
