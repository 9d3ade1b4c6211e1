package store

import (
	"bytes"
	"strconv"
	"unsafe"
)

// The merge cache's reports, flat: each report is a slot of int32
// numbers (strings interned in a strTable, actors numbered), in pages of
// slots that hold no pointer, found by its id through an integer hash
// index. A report's id is kept as its parts (reportID: the report's own
// event key, its article and its start), not as a string.

// slot is one report. A slot that is not loaded holds only the id: an
// event's member not read yet.
type slot struct {
	key, art, start int32 // key/article/start; art < 0: the id is key alone
	event           int32
	code, place     int32
	prec            int32 // the precision as stored ("" when undated)
	sentence        int32 // only when it contests blame
	src, tgt        int32 // actors; tgt < 0: no target
	first, last     int32 // day numbers of date_start and date_end
	article         int32 // as the row reads it (mergeCache.arts has the rest)
	kind            uint8 // prec as a precKind
	loaded          bool
}

// The precisions nearMatch tells apart.
const (
	precNone uint8 = iota
	precDay
	precMonth
	precYear
	precRange
)

func precKind(p string) uint8 {
	switch p {
	case "day":
		return precDay
	case "month":
		return precMonth
	case "year":
		return precYear
	case "range":
		return precRange
	}
	return precNone
}

const slotPageBits = 12

// slots is the table of reports, numbered from 1.
type slots struct {
	pages [][]slot
	n     int32   // slots in use, slot 0 included
	index []int32 // open addressing by id: 0 empty, else the slot
}

func newSlots() slots {
	return slots{pages: [][]slot{make([]slot, 1<<slotPageBits)}, n: 1, index: make([]int32, 1024)}
}

func (t *slots) at(i int32) *slot {
	return &t.pages[i>>slotPageBits][i&(1<<slotPageBits-1)]
}

func ridHash(key, art, start int32) uint32 {
	h := uint64(uint32(key))*0x9E3779B97F4A7C15 ^ uint64(uint32(art))*0xC2B2AE3D27D4EB4F ^ uint64(uint32(start))*0x165667B19E3779F9
	return uint32(h>>32) ^ uint32(h)
}

// find returns the slot of the id, or 0 and the index position where it
// would go.
func (t *slots) find(key, art, start int32) (int32, int) {
	mask := len(t.index) - 1
	for j := int(ridHash(key, art, start)) & mask; ; j = (j + 1) & mask {
		i := t.index[j]
		if i == 0 {
			return 0, j
		}
		if s := t.at(i); s.key == key && s.art == art && s.start == start {
			return i, j
		}
	}
}

// add makes an unloaded slot for an id not in the table, at index
// position j as find returned it.
func (t *slots) add(key, art, start int32, j int) int32 {
	i := t.n
	if int(i>>slotPageBits) == len(t.pages) {
		t.pages = append(t.pages, make([]slot, 1<<slotPageBits))
	}
	t.n++
	*t.at(i) = slot{key: key, art: art, start: start}
	t.index[j] = i
	if 2*int(t.n) > len(t.index) {
		t.reindex(make([]int32, 2*len(t.index)))
	}
	return i
}

// reindex makes index, empty, the index of the slots in use.
func (t *slots) reindex(index []int32) {
	mask := len(index) - 1
	for k := int32(1); k < t.n; k++ {
		s := t.at(k)
		p := int(ridHash(s.key, s.art, s.start)) & mask
		for index[p] != 0 {
			p = (p + 1) & mask
		}
		index[p] = k
	}
	t.index = index
}

// shrink keeps slots [0, n), which the caller has filled, and lets go
// of the pages past them; the index is made again for them, in the
// table it had when that is as large as n needs.
func (t *slots) shrink(n int32) {
	pages := int((n-1)>>slotPageBits) + 1
	clear(t.pages[pages:])
	t.pages = t.pages[:pages]
	t.n = n
	size := 1024
	for 2*int(n) > size {
		size *= 2
	}
	index := t.index
	if size == len(index) {
		clear(index)
	} else {
		index = make([]int32, size)
	}
	t.reindex(index)
}

// splitID splits a report id into what reportID joins: the event key,
// the article id and the start. ok is false for an id of another form,
// which the cache then keeps whole as its key.
func splitID(id []byte) (key, art []byte, start int32, ok bool) {
	i := bytes.IndexByte(id, '/')
	j := bytes.LastIndexByte(id, '/')
	if i < 0 || j <= i {
		return nil, nil, 0, false
	}
	n, err := strconv.ParseInt(unsafe.String(unsafe.SliceData(id[j+1:]), len(id)-j-1), 10, 32)
	if err != nil {
		return nil, nil, 0, false
	}
	var buf [12]byte
	if !bytes.Equal(strconv.AppendInt(buf[:0], n, 10), id[j+1:]) { // "007" would come back "7"
		return nil, nil, 0, false
	}
	return id[:i], id[i+1 : j], int32(n), true
}

// slotOf returns the slot of the report id, making an unloaded one when
// the cache has none; made says which.
func (c *mergeCache) slotOf(id []byte) (i int32, made bool) {
	key, art, start, ok := splitID(id)
	var k, a int32 = 0, -1
	if ok {
		k, a = c.strs.id(key), c.strs.id(art)
	} else {
		k, start = c.strs.id(id), 0
	}
	i, j := c.slots.find(k, a, start)
	if i != 0 {
		return i, false
	}
	return c.slots.add(k, a, start, j), true
}

// known returns the slot of the report id, or 0 when the cache has none.
func (c *mergeCache) known(id []byte) int32 {
	key, art, start, ok := splitID(id)
	var k, a int32 = 0, -1
	var found bool
	if ok {
		if k, found = c.strs.lookup(unsafe.String(unsafe.SliceData(key), len(key))); !found {
			return 0
		}
		if a, found = c.strs.lookup(unsafe.String(unsafe.SliceData(art), len(art))); !found {
			return 0
		}
	} else {
		if k, found = c.strs.lookup(unsafe.String(unsafe.SliceData(id), len(id))); !found {
			return 0
		}
		start = 0
	}
	i, _ := c.slots.find(k, a, start)
	return i
}

// idOf is the id of slot i.
func (c *mergeCache) idOf(i int32) string {
	s := c.slots.at(i)
	if s.art < 0 {
		return c.strs.get(s.key)
	}
	key, art := c.strs.bytes(s.key), c.strs.bytes(s.art)
	b := make([]byte, 0, len(key)+len(art)+13)
	b = append(append(append(append(b, key...), '/'), art...), '/')
	b = strconv.AppendInt(b, int64(s.start), 10)
	return unsafe.String(unsafe.SliceData(b), len(b))
}
