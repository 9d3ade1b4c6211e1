package place

// firstWords is a Bloom filter of the first words of the indexed names.
// scan asks the index about every capitalised word of a text, and most
// are no place ("The", "President", a person's name); the index is a
// map of tens of thousands of keys whose lookups miss the cache, while
// the filter's bits stay in it and turn nearly all such words away
// without a lookup. It never turns away a first word.
type firstWords [1 << 14]uint64

// filterBits is the number of bits of firstWords, a power of two.
const filterBits = 1 << 20

// add records the first word of key k, a folded name.
func (f *firstWords) add(k string) {
	for i := 0; i < len(k); i++ {
		if k[i] == ' ' {
			k = k[:i]
			break
		}
	}
	h := fnv(k)
	for _, b := range [2]uint64{h, h >> 32} {
		b &= filterBits - 1
		f[b/64] |= 1 << (b % 64)
	}
}

// may reports whether w can be the first word of a name; false is sure.
func (f *firstWords) may(w []byte) bool {
	h := fnv(w)
	for _, b := range [2]uint64{h, h >> 32} {
		b &= filterBits - 1
		if f[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return true
}

// fnv is 64-bit FNV-1a, cheap on the short words it hashes.
func fnv[T string | []byte](s T) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
