package gold

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// Levels are the three scoring levels, from loosest to strictest.
var Levels = []string{"actors", "code", "date"}

// symmetric roots: an event of these extracted in both directions counts once
// and matches gold in either direction.
var symmetric = map[string]bool{"03": true, "04": true, "05": true, "06": true, "19": true}

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	TP        int     `json:"tp"`
	System    int     `json:"system"`
	Gold      int     `json:"gold"`
	Precision float64 `json:"p"`
	Recall    float64 `json:"r"`
	F1        float64 `json:"f1"`
}

func newPRF(tp, sys, gold int) PRF {
	p := PRF{TP: tp, System: sys, Gold: gold}
	if sys > 0 {
		p.Precision = float64(tp) / float64(sys)
	}
	if gold > 0 {
		p.Recall = float64(tp) / float64(gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

// rootPRF is one root's figures: precision over the extractions coded
// with the root, recall over the gold events of the root; TP is the
// recall side's count.
func rootPRF(tpSys, tpGold, sys, gold int) PRF {
	p := newPRF(tpGold, sys, gold)
	p.Precision = 0
	if sys > 0 {
		p.Precision = float64(tpSys) / float64(sys)
	}
	p.F1 = 0
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

// Miss is a gold event not found at the strictest level, with the closest
// extraction from the same sentence, if any, to show why.
type Miss struct {
	Article string `json:"article"`
	Quote   string `json:"quote"`
	Want    string `json:"want"`
	Got     string `json:"got"`
	Level   string `json:"level"` // the first level it failed: actors, code or date
}

// Result is the score of a run.
type Result struct {
	Levels    map[string]PRF `json:"levels"`
	ByRoot    map[string]PRF `json:"by_root"` // actors+code level, by gold root (recall side) and system root (precision side)
	Role      float64        `json:"role_accuracy"`
	Location  float64        `json:"location_accuracy"`
	Misses    []Miss         `json:"misses"`
	Spurious  []Miss         `json:"spurious"` // extractions matching no gold event at the actors+code level
	GoldCount int            `json:"gold"`
	SysCount  int            `json:"system"`
}

type extraction struct {
	ev       model.Event
	sentence string
	root     string
	src, tgt string
}

// Score compares the mentions of events with the gold files. Every mention
// is one extraction of the article whose file name it names; gold events
// match extractions whose sentence contains the gold quote, whose source and
// target countries are equal (either way round for symmetric codes) and, at
// the stricter levels, whose root is the gold code or an alternative and
// whose date agrees at the gold precision.
func Score(files []File, events []model.Event) Result {
	byArticle := map[string][]extraction{}
	for _, ev := range events {
		for _, m := range ev.Mentions {
			key := filepath.Base(m.Path)
			x := extraction{ev: ev, sentence: fold(m.Sentence), root: ev.Root(), src: ev.Source.Country}
			if ev.Target != nil {
				x.tgt = ev.Target.Country
			}
			byArticle[key] = append(byArticle[key], x)
		}
	}
	for key, list := range byArticle {
		byArticle[key] = dropMirrors(list)
	}

	res := Result{Levels: map[string]PRF{}, ByRoot: map[string]PRF{}}
	tp := map[string]int{}
	// A gold event matched through one of its alternative codes counts
	// for its own root on the recall side and for the extraction's root
	// on the precision side, so that neither exceeds 1.
	rootTPGold, rootTPSys := map[string]int{}, map[string]int{}
	rootGold, rootSys := map[string]int{}, map[string]int{}
	roleOK, locOK, matched := 0, 0, 0
	for _, f := range files {
		cands := byArticle[filepath.Base(f.Article)]
		res.SysCount += len(cands)
		res.GoldCount += len(f.Events)
		for _, x := range cands {
			rootSys[x.root]++
		}
		usedAt := map[string]map[int]bool{}
		for _, lvl := range Levels {
			used := map[int]bool{}
			usedAt[lvl] = used
			for _, ge := range f.Events {
				i := match(ge, cands, used, lvl)
				if i < 0 {
					continue
				}
				used[i] = true
				tp[lvl]++
				if lvl == "code" {
					rootTPSys[cands[i].root]++
					rootTPGold[prefix(ge.CAMEO, 2)]++
				}
				if lvl == "actors" {
					matched++
					if rolesAgree(ge, cands[i].ev) {
						roleOK++
					}
					if locationAgrees(ge, cands[i].ev) {
						locOK++
					}
				}
			}
		}
		for _, ge := range f.Events {
			rootGold[prefix(ge.CAMEO, 2)]++
			if m, ok := explainMiss(f, ge, cands); ok {
				res.Misses = append(res.Misses, m)
			}
		}
		for i, x := range cands {
			if !usedAt["code"][i] {
				res.Spurious = append(res.Spurious, Miss{Article: filepath.Base(f.Article), Quote: x.sentence, Got: describe(x), Level: "code"})
			}
		}
	}
	for _, lvl := range Levels {
		res.Levels[lvl] = newPRF(tp[lvl], res.SysCount, res.GoldCount)
	}
	roots := map[string]bool{}
	for r := range rootGold {
		roots[r] = true
	}
	for r := range rootSys {
		roots[r] = true
	}
	for r := range roots {
		res.ByRoot[r] = rootPRF(rootTPSys[r], rootTPGold[r], rootSys[r], rootGold[r])
	}
	if matched > 0 {
		res.Role = float64(roleOK) / float64(matched)
		res.Location = float64(locOK) / float64(matched)
	}
	return res
}

// dropMirrors keeps one of a symmetric event extracted in both directions.
func dropMirrors(list []extraction) []extraction {
	seen := map[string]bool{}
	var keep []extraction
	for _, x := range list {
		if symmetric[x.root] && seen[x.sentence+"\x00"+x.tgt+"\x00"+x.src+"\x00"+x.root] {
			continue
		}
		seen[x.sentence+"\x00"+x.src+"\x00"+x.tgt+"\x00"+x.root] = true
		keep = append(keep, x)
	}
	return keep
}

func match(ge Event, cands []extraction, used map[int]bool, lvl string) int {
	q := fold(ge.Quote)
	want := [2]string{countryOf(ge.Source), countryOf(ge.Target)}
	for i, x := range cands {
		if used[i] || !strings.Contains(x.sentence, q) {
			continue
		}
		pair := [2]string{x.src, x.tgt}
		if pair != want && !(symmetric[x.root] && pair == [2]string{want[1], want[0]}) {
			continue
		}
		if (lvl == "code" || lvl == "date") && !codeAgrees(ge, x.root) {
			continue
		}
		if lvl == "date" && !DateAgrees(ge, x.ev.Date) {
			continue
		}
		return i
	}
	return -1
}

func codeAgrees(ge Event, root string) bool {
	if strings.HasPrefix(ge.CAMEO, root) && len(root) == 2 {
		return true
	}
	for _, alt := range ge.CAMEOAlt {
		if len(alt) >= 2 && alt[:2] == root {
			return true
		}
	}
	return false
}

// DateAgrees reports whether an extracted date equals the gold date at the
// gold's precision; ranges agree when either side's first day lies in the
// other's span.
func DateAgrees(ge Event, d model.Date) bool {
	if ge.Date == "" || d.IsZero() {
		return false
	}
	// Compare the ISO text at the extraction's own precision, as the
	// reference scorer does: a month-precision "2018-09" does not match a
	// gold day.
	sys := d.String()
	switch ge.Precision {
	case "year":
		return prefix(sys, 4) == prefix(ge.Date, 4) && len(ge.Date) >= 4
	case "month":
		return prefix(sys, 7) == prefix(ge.Date, 7) && len(ge.Date) >= 7
	}
	g := prefix(ge.Date, 10)
	gEnd := g
	if ge.Precision == "range" && ge.End != "" {
		gEnd = prefix(ge.End, 10)
	}
	sys = prefix(sys, 10)
	sEnd := sys
	if end := d.EndString(); end != "" {
		sEnd = end
	}
	return (g <= sys && sys <= gEnd) || (sys <= g && g <= sEnd)
}

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

func rolesAgree(ge Event, ev model.Event) bool {
	if ge.Source == nil || string(ev.Source.Role) != ge.Source.Role {
		return false
	}
	if ge.Target == nil || ev.Target == nil {
		return ge.Target == nil && ev.Target == nil
	}
	return string(ev.Target.Role) == ge.Target.Role
}

func locationAgrees(ge Event, ev model.Event) bool {
	if ge.Location == nil {
		return ev.Location == ""
	}
	return strings.EqualFold(*ge.Location, ev.Location)
}

// explainMiss reports a gold event not matched at the date level, naming the
// first level it fails and the closest extraction from its sentence.
func explainMiss(f File, ge Event, cands []extraction) (Miss, bool) {
	for _, lvl := range Levels {
		if match(ge, cands, map[int]bool{}, lvl) < 0 {
			m := Miss{Article: filepath.Base(f.Article), Quote: ge.Quote, Want: describeGold(ge), Level: lvl}
			q := fold(ge.Quote)
			var got []string
			for _, x := range cands {
				if strings.Contains(x.sentence, q) {
					got = append(got, describe(x))
				}
			}
			sort.Strings(got)
			m.Got = strings.Join(got, "; ")
			return m, true
		}
	}
	return Miss{}, false
}

func describeGold(ge Event) string {
	d := ge.Date
	if ge.Precision == "range" && ge.End != "" {
		d += "/" + ge.End
	}
	return orNull(countryOf(ge.Source)) + "→" + orNull(countryOf(ge.Target)) + " " + ge.CAMEO + " " + d
}

func describe(x extraction) string {
	return orNull(x.src) + "→" + orNull(x.tgt) + " " + x.root + " " + x.ev.Date.Encode()
}

func orNull(s string) string {
	if s == "" {
		return "null"
	}
	return s
}
