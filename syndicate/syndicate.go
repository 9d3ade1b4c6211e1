// Package syndicate recognises wire stories republished by other outlets,
// so that a Reuters story carried by The Moscow Times counts as one
// source: by the credit the text gives ("(Reuters) -", "By Reuters") and
// by near-identical text, found with MinHash signatures of word shingles.
//
// It is pure: the store keeps the signatures and looks up candidates by
// [Bands].
package syndicate

import (
	"encoding/binary"
	"encoding/hex"
	"regexp"
	"strings"
)

// agencies maps the names wire services are credited by to the name
// eventgraph shows.
var agencies = map[string]string{
	"reuters": "Reuters", "ap": "Associated Press", "associated press": "Associated Press",
	"afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
	"dpa": "dpa", "anadolu": "Anadolu Agency", "anadolu agency": "Anadolu Agency",
	"tass": "TASS", "interfax": "Interfax", "xinhua": "Xinhua", "efe": "EFE", "ansa": "ANSA",
}

// Credit returns the wire service the body credits for the story, or ""
// when it credits none. A photo credit ("Name / AFP") is not a story
// credit and is ignored.
func Credit(body string) string {
	for _, c := range []creditPattern{dateline, byline} {
		for _, name := range c.names(body, 3) {
			if a, ok := agencies[strings.ToLower(strings.TrimSpace(name))]; ok {
				return a
			}
		}
	}
	return ""
}

// creditPattern finds credits that begin at the start of a line: what
// FindAllStringSubmatch of the multi-line pattern finds, the first group
// of each match. The pattern's matches can begin only at a line start,
// so it is tried, anchored, only at the line starts that can begin one
// (could): over a whole body, the regular expression engine tried every
// position, two fifths of the CPU of working out an article's origin
// (0.80 of 2.05 s in a 10k-article ingest).
type creditPattern struct {
	at    *regexp.Regexp // the pattern anchored at the start of the text
	could func(line string) bool
}

// names returns the first group of the first n matches in body, in
// order.
func (c creditPattern) names(body string, n int) []string {
	var out []string
	for _, m := range c.find(body, n) {
		out = append(out, body[m[2]:m[3]])
	}
	return out
}

// find returns the first n matches in body as FindAllStringSubmatchIndex
// of the multi-line pattern gives them: the match's bounds, then the
// first group's. Matches do not overlap.
func (c creditPattern) find(body string, n int) [][4]int {
	var out [][4]int
	for ls := 0; ls <= len(body) && len(out) < n; {
		if c.could(body[ls:]) {
			if m := c.at.FindStringSubmatchIndex(body[ls:]); m != nil {
				out = append(out, [4]int{ls + m[0], ls + m[1], ls + m[2], ls + m[3]})
				// The next match begins at a line start at or past this
				// one's end; a byline's trailing white space can end it
				// just after a newline, so that its end is one.
				ls += m[1]
				if body[ls-1] == '\n' {
					continue
				}
			}
		}
		next := strings.IndexByte(body[ls:], '\n')
		if next < 0 {
			break
		}
		ls += next + 1
	}
	return out
}

var (
	// "MOSCOW (Reuters) -", "(AP) —" at the start of a paragraph.
	dateline = creditPattern{
		at: regexp.MustCompile(`\A[^\n()]{0,60}\(([A-Za-z][A-Za-z .-]{1,30})\)\s*[-–—]`),
		// The line's first parenthesis or newline is an opening one.
		could: func(line string) bool {
			i := strings.IndexAny(line, "\n()")
			return i >= 0 && line[i] == '('
		},
	}
	// "By Reuters", "By Reuters staff", "By the Associated Press" on a line of its own.
	byline = creditPattern{
		at: regexp.MustCompile(`(?mi)\A\s*by (?:the )?([A-Za-z][A-Za-z .-]{1,30}?)(?: staff| reporters)?\s*$`),
		// "by " after white space; b and y fold to no other letters.
		could: func(line string) bool {
			line = strings.TrimLeft(line, "\t\n\f\r ")
			return len(line) >= 3 && (line[0]|0x20) == 'b' && (line[1]|0x20) == 'y' && line[2] == ' '
		},
	}
)

// Agency returns the wire service an outlet name is, or "" when it is
// not one: an article published by Reuters is its own origin.
func Agency(outlet string) string { return agencies[strings.ToLower(strings.TrimSpace(outlet))] }

const (
	shingle   = 5  // words per shingle
	numHashes = 32 // signature length
	bandRows  = 4  // rows per LSH band: 8 bands
)

// Threshold is the estimated Jaccard similarity of word shingles above
// which two texts are copies of one story. Rewritten stories on one topic
// share far fewer 5-word shingles; a copy with a new headline, a footer
// or a trimmed paragraph keeps most of them.
const Threshold = 0.7

// Signature is the MinHash signature of the text's word shingles, case
// and punctuation folded; nil for texts too short to judge.
func Signature(text string) []uint32 {
	lower := strings.ToLower(text)
	var sig [numHashes]uint32
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	// The words are runs of letters, digits and non-ASCII runes; every
	// byte of a non-ASCII rune (or of invalid UTF-8) is 0x80 or above, so
	// they are runs of such bytes. Only the latest shingle's are kept.
	var latest [shingle]string
	words := 0
	for i := 0; i < len(lower); {
		if !isWordByte(lower[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(lower) && isWordByte(lower[j]) {
			j++
		}
		latest[words%shingle] = lower[i:j]
		words++
		i = j
		if words < shingle {
			continue
		}
		var ordered [shingle]string
		for k := range ordered {
			ordered[k] = latest[(words+k)%shingle]
		}
		x := shingleHash(ordered[:])
		for k := range sig {
			// One 64-bit hash, remixed per k (xorshift-multiply), stands
			// in for k independent hash functions.
			y := (x ^ (uint64(k+1) * 0x9E3779B97F4A7C15)) * 0xBF58476D1CE4E5B9
			y ^= y >> 31
			if v := uint32(y >> 32); v < sig[k] {
				sig[k] = v
			}
		}
	}
	if words < 3*shingle {
		return nil
	}
	return sig[:]
}

func isWordByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80 }

// FNV-1a, 64 bits (hash/fnv).
const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

// shingleHash is the FNV-1a hash of the words joined by spaces, worked
// out in place: joining each shingle and hashing it through hash/fnv
// allocated twice a shingle, half the cost of a signature. Stored
// signatures were made that way, so the value must stay the same.
func shingleHash(words []string) uint64 {
	h := uint64(fnvOffset64)
	for j, w := range words {
		if j > 0 {
			h ^= ' '
			h *= fnvPrime64
		}
		for k := 0; k < len(w); k++ {
			h ^= uint64(w[k])
			h *= fnvPrime64
		}
	}
	return h
}

// Similarity estimates the Jaccard similarity of the texts of two
// signatures: the share of positions where they agree.
func Similarity(a, b []uint32) float64 {
	if len(a) != numHashes || len(b) != numHashes {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / numHashes
}

// Bands returns the LSH band keys of a signature: texts above the
// threshold share at least one band with high probability.
func Bands(sig []uint32) []string {
	var out []string
	for b := 0; b+bandRows <= len(sig); b += bandRows {
		buf := make([]byte, 1+4*bandRows)
		buf[0] = byte(b / bandRows)
		for r := 0; r < bandRows; r++ {
			binary.BigEndian.PutUint32(buf[1+4*r:], sig[b+r])
		}
		out = append(out, hex.EncodeToString(buf))
	}
	return out
}

// Encode writes a signature as hex for storage; Decode reads it back.
func Encode(sig []uint32) string {
	buf := make([]byte, 4*len(sig))
	for i, v := range sig {
		binary.BigEndian.PutUint32(buf[4*i:], v)
	}
	return hex.EncodeToString(buf)
}

// Decode reads a signature written by [Encode]; nil for anything else.
func Decode(s string) []uint32 {
	buf, err := hex.DecodeString(s)
	if err != nil || len(buf)%4 != 0 {
		return nil
	}
	sig := make([]uint32, len(buf)/4)
	for i := range sig {
		sig[i] = binary.BigEndian.Uint32(buf[4*i:])
	}
	return sig
}
