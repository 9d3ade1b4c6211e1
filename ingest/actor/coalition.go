package actor

import (
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// ledNouns are the bodies a state is said to lead ("the Saudi-led
// coalition", "a US-led alliance"): news text names the leader once and
// then writes "the coalition" or "coalition forces", which are the
// leader's in CAMEO (the guidelines code a coalition by its lead state).
var ledNouns = map[string]bool{"coalition": true, "alliance": true}

// ledSuffixes turn a state's name into a leader: "Saudi-led",
// "US-backed" is no lead and stays a filler word.
var ledSuffixes = []string{"-led", "-headed"}

// noteLed remembers, for each "X-led <noun>" of the passage where X is a
// state, that a later bare <noun> is X's: up to two words (the filler of
// "Saudi-led military coalition", "US-led Western alliance") may stand
// between. Only tokens ending in "-led" are looked at, so most passages
// cost one suffix test a token.
func (d *Document) noteLed(text string, toks []token) {
	for i, t := range toks {
		c := d.ledState(text[t.start:t.end], t.key)
		if c == "" {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			if ledNouns[toks[k].key] {
				if d.led == nil {
					d.led = map[string]string{}
				}
				d.led[toks[k].key] = c
				break
			}
			if !toks[k].upper && !d.filler(toks[k]) {
				break
			}
		}
	}
}

// ledState is the state X of a token "X-led" (written as word, folded
// as key), or "".
func (d *Document) ledState(word, key string) string {
	if len(key) < 5 || key[len(key)-1] != 'd' || strings.IndexByte(key, '-') < 0 {
		return "" // every suffix ends in "d" after a hyphen: most words stop here
	}
	var prefix string
	for _, suf := range ledSuffixes {
		if strings.HasSuffix(key, suf) && len(word) > len(suf) {
			prefix = word[:len(word)-len(suf)]
			break
		}
	}
	if prefix == "" {
		return ""
	}
	ptoks := tokenize(prefix, nil)
	ls, n := d.g.idx.lookup(prefix, ptoks, 0)
	if n == 0 || n != len(ptoks) {
		return ""
	}
	l, ok := first(ls, lxState, lxAdj, lxMetonym)
	if !ok {
		return ""
	}
	c := d.g.idx.named[l.id].actor.Country
	if c == model.CountryIGO {
		return ""
	}
	return c
}

// ledBy is the state that leads the body named by a bare head at
// toks[h:end] ("the coalition", "coalition forces", "coalition
// warplanes"), as remembered by noteLed, or "".
func (d *Document) ledBy(toks []token, h, end int) string {
	if len(d.led) == 0 {
		return ""
	}
	for k := h; k < end; k++ {
		if c, ok := d.led[toks[k].key]; ok {
			return c
		}
	}
	return ""
}

// ledBefore is the state X of an "X-led" word right before toks[h], or "".
func (d *Document) ledBefore(text string, toks []token, h int) string {
	if h == 0 {
		return ""
	}
	t := toks[h-1]
	return d.ledState(text[t.start:t.end], t.key)
}
