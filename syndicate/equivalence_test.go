package syndicate

import (
	"hash/fnv"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The patterns Credit searched whole bodies with, and the way Signature
// hashed shingles, before both were made faster: what they find and make
// must not change (stored signatures were made the old way).
var (
	refDatelineRE = regexp.MustCompile(`(?m)^[^\n()]{0,60}\(([A-Za-z][A-Za-z .-]{1,30})\)\s*[-–—]`)
	refBylineRE   = regexp.MustCompile(`(?mi)^\s*by (?:the )?([A-Za-z][A-Za-z .-]{1,30}?)(?: staff| reporters)?\s*$`)
)

func refFind(re *regexp.Regexp, body string) [][4]int {
	var out [][4]int
	for _, m := range re.FindAllStringSubmatchIndex(body, 3) {
		out = append(out, [4]int{m[0], m[1], m[2], m[3]})
	}
	return out
}

func refSignature(text string) []uint32 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	})
	if len(words) < 3*shingle {
		return nil
	}
	sig := make([]uint32, numHashes)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for i := 0; i+shingle <= len(words); i++ {
		x := refShingleHash(words[i : i+shingle])
		for k := range sig {
			y := (x ^ (uint64(k+1) * 0x9E3779B97F4A7C15)) * 0xBF58476D1CE4E5B9
			y ^= y >> 31
			if v := uint32(y >> 32); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

func refShingleHash(words []string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(strings.Join(words, " ")))
	return h.Sum64()
}

// checkSameCredits fails when the line-start search finds other credits
// than the multi-line patterns, or the signature differs.
func checkSameCredits(t *testing.T, body string) {
	t.Helper()
	for _, c := range []struct {
		name string
		p    creditPattern
		ref  *regexp.Regexp
	}{{"dateline", dateline, refDatelineRE}, {"byline", byline, refBylineRE}} {
		if got, want := c.p.find(body, 3), refFind(c.ref, body); !slices.Equal(got, want) {
			t.Fatalf("%s of %q: got matches %v, want %v", c.name, body, got, want)
		}
	}
	if got, want := Signature(body), refSignature(body); !slices.Equal(got, want) {
		t.Fatalf("signature of %q: %x, want %x", body, got, want)
	}
}

var creditSeeds = []string{
	"MOSCOW (Reuters) - The Kremlin said...",
	"KHARTOUM, Sudan (AP) — Fighting raged...",
	"By Reuters Staff\n\nThe Kremlin said...",
	"\n\n  \nBY the associated press\nText",
	"Omar Haj Kadour / AFP\n\nThe Kremlin said...",
	"The Kremlin told Reuters (in a call) nothing.",
	"Paris (AFP)\n\n\t— a dash two lines down\nKYIV (AP) -\n(dpa)-",
	"a (b) c (Reuters) - two parentheses",
	"ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ (AFP) - sixty runes, more bytes",
	"ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ (AFP) - sixty-one",
	"by reuters ſtaff\nby Interfax reporters  \nBy TASS\nby efe\n",
	"(Reuters) -\n(AP) -\n(AFP) -\n(dpa) -",
	"X (AFP)\n- Y (AP) - a match that ends on a line where another could begin",
	"x\r\nby AP\r\n",
	"By Reuters\n\nBy AP\n", // the first match ends just after a newline, where the next begins
	"",
	"\n",
	"(",
	"by ",
	"One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
	"Élan vital, \xff\xfe BROKEN bytes; naïve café — ДВА три four five six seven eight nine ten 11 12 13 14 15 16",
}

func TestCreditPatternsAsBefore(t *testing.T) {
	for _, body := range creditSeeds {
		checkSameCredits(t, body)
	}
	// The sample articles: their bodies are what the patterns see in
	// practice.
	for _, body := range sampleBodies(t) {
		checkSameCredits(t, body)
		checkSameCredits(t, strings.ToLower(body))
	}
}

func FuzzCreditAsBefore(f *testing.F) {
	for _, s := range creditSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		checkSameCredits(t, body)
	})
}
