package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
	"time"
)

// goldPath is the TempEval-3 dev set shared by the team; it is read in
// place and never copied into the repository.
const goldPath = "../../../shared/eval/timex/dev.jsonl"

// Floors a little under the scores reached, so a regression fails.
const (
	minValueF1 = 0.80
	minTypeF1  = 0.88
)

type goldDoc struct {
	DocID   string `json:"doc_id"`
	DCT     string `json:"dct"`
	Text    string `json:"text"`
	Timexes []struct {
		Start, End int
		Text, Type string
		Value      string
	} `json:"timexes"`
}

// score is TempEval-3 attribute scoring over relaxed (overlapping) span
// matches, the same as shared/eval/scorers/score_timex.py.
type score struct{ gold, sys, relaxed, strict, value, typ int }

func f1(c, s, g int) (p, r, f float64) {
	if s > 0 {
		p = float64(c) / float64(s)
	}
	if g > 0 {
		r = float64(c) / float64(g)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func scoreDoc(tb testing.TB, d goldDoc, sc *score, verbose bool) {
	dct, err := time.Parse("2006-01-02", d.DCT[:10])
	if err != nil {
		tb.Fatalf("%s: bad dct %q", d.DocID, d.DCT)
	}
	// Gold offsets are in characters; ours are bytes.
	byteAt := make([]int, 0, len(d.Text)+1)
	for i := range d.Text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(d.Text))
	sys := Tag(d.Text, dct)
	sc.sys += len(sys)
	used := make([]bool, len(sys))
	for _, g := range d.Timexes {
		if g.End <= g.Start {
			continue
		}
		sc.gold++
		bs, be := byteAt[g.Start], byteAt[g.End]
		best := -1
		for k, s := range sys {
			if used[k] || !(s.Start < be && bs < s.End) {
				continue
			}
			best = k
			if s.Start == bs && s.End == be {
				break
			}
		}
		if best < 0 {
			if verbose {
				tb.Logf("miss  %s %q %s", d.DocID, g.Text, g.Value)
			}
			continue
		}
		s := sys[best]
		used[best] = true
		sc.relaxed++
		if s.Start == bs && s.End == be {
			sc.strict++
		}
		if s.Value == g.Value {
			sc.value++
		} else if verbose {
			tb.Logf("value %s %q gold %s got %s (%q)", d.DocID, g.Text, g.Value, s.Value, s.Text)
		}
		if string(s.Type) == g.Type {
			sc.typ++
		}
	}
	if verbose {
		for k, s := range sys {
			if !used[k] {
				tb.Logf("extra %s %q %s", d.DocID, s.Text, s.Value)
			}
		}
	}
}

func TestTempEvalGold(t *testing.T) {
	f, err := os.Open(goldPath)
	if err != nil {
		t.Skipf("gold set not available: %v", err)
	}
	defer f.Close()
	verbose := os.Getenv("TIMEX_VERBOSE") != ""
	var sc score
	in := bufio.NewScanner(f)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	for in.Scan() {
		var d goldDoc
		if err := json.Unmarshal(in.Bytes(), &d); err != nil {
			t.Fatalf("%s: %v", goldPath, err)
		}
		scoreDoc(t, d, &sc, verbose)
	}
	if err := in.Err(); err != nil {
		t.Fatal(err)
	}
	_, _, strict := f1(sc.strict, sc.sys, sc.gold)
	_, _, relaxed := f1(sc.relaxed, sc.sys, sc.gold)
	vp, vr, vf := f1(sc.value, sc.sys, sc.gold)
	tp, tr, tf := f1(sc.typ, sc.sys, sc.gold)
	t.Logf("gold %d system %d; span F1 strict %.4f relaxed %.4f", sc.gold, sc.sys, strict, relaxed)
	t.Logf("value P %.4f R %.4f F1 %.4f", vp, vr, vf)
	t.Logf("type  P %.4f R %.4f F1 %.4f", tp, tr, tf)
	if vf < minValueF1 {
		t.Errorf("value F1 %.4f below the floor %.2f", vf, minValueF1)
	}
	if tf < minTypeF1 {
		t.Errorf("type F1 %.4f below the floor %.2f", tf, minTypeF1)
	}
}
