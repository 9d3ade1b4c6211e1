package syndicate

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// indexed is a text of the brute-force model the index is checked with.
type indexed struct {
	id, group string
	sig       []uint32
}

// joinedByEveryMate is what Index.Joined must answer: the groups of the
// texts sharing a band with sig that are near-identical to it.
func joinedByEveryMate(texts []indexed, sig []uint32) []string {
	var out []string
	for _, t := range texts {
		if sharesBand(t.sig, sig) && Similarity(t.sig, sig) >= Threshold && !slices.Contains(out, t.group) {
			out = append(out, t.group)
		}
	}
	slices.Sort(out)
	return out
}

func sharesBand(a, b []uint32) bool {
	for _, x := range Bands(a) {
		if slices.Contains(Bands(b), x) {
			return true
		}
	}
	return false
}

// mutant returns a copy of sig with n positions changed, so that texts
// made from one story share some bands and reach the threshold or not.
func mutant(rng *rand.Rand, sig []uint32, n int) []uint32 {
	out := slices.Clone(sig)
	for range n {
		out[rng.IntN(len(out))] = rng.Uint32()
	}
	return out
}

// TestIndex_SameAsEveryMate adds random texts (mutants of a few stories,
// some too far from theirs to be copies), now and then emptying or
// shrinking the index, learning each one's unknown
// bands from the texts stored before it as a store would, moves and
// merges groups as copies join them, and wants Joined to find what
// comparing the text with every text sharing a band finds.
//
// An index that has held every text from the start (AddAll, never reset
// or shrunk) knows every band some text has: a band it does not know
// has no mate, and Fill with none makes it known.
func TestIndex_SameAsEveryMate(t *testing.T) {
	for trial := range 60 {
		complete := trial%2 == 1
		rng := rand.New(rand.NewPCG(uint64(trial/2), 15))
		var stories [][]uint32
		for range 1 + rng.IntN(4) {
			s := make([]uint32, numHashes)
			for i := range s {
				s[i] = rng.Uint32() % 64 // small values: unrelated stories share some bands too
			}
			stories = append(stories, s)
		}
		x := NewIndex()
		var texts []indexed
		joins, misses := 0, 0
		for i := range 60 {
			sig := mutant(rng, stories[rng.IntN(len(stories))], rng.IntN(14))
			id := fmt.Sprintf("t%03d.%02d", rng.IntN(1000), i) // unique, in random order
			switch r := rng.IntN(8); {
			case complete:
			case r == 0:
				x.Reset()
			case r == 1:
				x.Shrink(rng.IntN(x.Members() + 1))
			}
			if _, ok := x.Joined(sig); ok != (len(x.Unknown(sig)) == 0) {
				t.Fatalf("trial %d text %d: Joined ok=%v with unknown bands %v", trial, i, ok, x.Unknown(sig))
			}
			unknown := x.Unknown(sig)
			var mates []Mate
			for _, tx := range texts {
				for _, b := range Bands(tx.sig) {
					if slices.Contains(unknown, b) {
						mates = append(mates, Mate{Band: b, ID: tx.id, Sig: tx.sig, Group: tx.group})
					}
				}
			}
			if complete && len(mates) > 0 {
				t.Fatalf("trial %d text %d: a complete index does not know bands %v that texts have", trial, i, unknown)
			}
			x.Fill(unknown, mates)
			got, ok := x.Joined(sig)
			if !ok {
				t.Fatalf("trial %d text %d: bands unknown after Fill", trial, i)
			}
			slices.Sort(got)
			want := joinedByEveryMate(texts, sig)
			if !slices.Equal(got, want) {
				t.Fatalf("trial %d text %d: Joined %v, every mate %v", trial, i, got, want)
			}
			// The text joins its groups under the least id, as the store
			// does, and every text of those groups moves there.
			group := id
			for _, g := range want {
				group = min(group, g)
			}
			for _, g := range want {
				x.Move(g, group)
				for j := range texts {
					if texts[j].group == g {
						texts[j].group = group
					}
				}
			}
			if complete {
				x.AddAll(sig, group)
			} else {
				x.Add(sig, group)
			}
			texts = append(texts, indexed{id: id, group: group, sig: sig})
			if len(want) > 0 {
				joins++
			} else {
				misses++
			}
		}
		if joins == 0 || misses == 0 {
			t.Errorf("trial %d: %d texts joined groups, %d did not: the trial tests too little", trial, joins, misses)
		}
	}
}

// Shrink keeps the bands used last, whole, within its bound, and
// forgets the rest.
func TestIndex_ShrinkKeepsRecentBands(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	x := NewIndex()
	var sigs [][]uint32
	for range 40 {
		sig := make([]uint32, numHashes)
		for j := range sig {
			sig[j] = rng.Uint32()
		}
		sigs = append(sigs, sig)
	}
	// Each text with a copy, so that its bands are kept.
	for i, sig := range sigs {
		var mates []Mate
		for _, b := range Bands(sig) {
			mates = append(mates, Mate{Band: b, ID: fmt.Sprint("a", i), Sig: sig, Group: fmt.Sprint("g", i)},
				Mate{Band: b, ID: fmt.Sprint("b", i), Sig: sig, Group: fmt.Sprint("g", i)})
		}
		x.Fill(x.Unknown(sig), mates)
	}
	old, recent := sigs[0], sigs[len(sigs)-1]
	if _, ok := x.Joined(recent); !ok {
		t.Fatal("the last text's bands are unknown before Shrink")
	}
	before := x.Members()
	x.Shrink(before / 2)
	if x.Members() > before/2 || x.Members() == 0 {
		t.Fatalf("Shrink(%d) left %d memberships of %d", before/2, x.Members(), before)
	}
	if groups, ok := x.Joined(recent); !ok || !slices.Equal(groups, []string{fmt.Sprint("g", len(sigs)-1)}) {
		t.Errorf("the text used last: Joined %v, %v after Shrink", groups, ok)
	}
	if len(x.Unknown(old)) == 0 {
		t.Error("the text used first kept all its bands")
	}
	x.Shrink(0)
	if x.Members() != 0 || len(x.Unknown(recent)) == 0 {
		t.Errorf("Shrink(0) left %d memberships", x.Members())
	}
}

// A text whose signature has another length is never a copy, as
// Similarity says, and a malformed band is ignored.
func TestIndex_OddSignatures(t *testing.T) {
	sig := make([]uint32, numHashes)
	x := NewIndex()
	x.Fill(append(Bands(sig), "zz"), []Mate{{Band: Bands(sig)[0], ID: "short", Sig: sig[:8], Group: "g"}, {Band: "zz", ID: "odd", Sig: sig, Group: "h"}})
	if got, ok := x.Joined(sig); !ok || len(got) != 0 {
		t.Errorf("Joined = %v, %v; want none, true", got, ok)
	}
	// Added, the text is the second of its first band and the only one
	// of the others, which the index forgets.
	x.Add(sig, "k")
	if got := x.Unknown(sig); !slices.Equal(got, Bands(sig)[1:]) {
		t.Errorf("Unknown after Add = %v, want %v", got, Bands(sig)[1:])
	}
	if got, ok := x.Joined(sig); ok {
		t.Errorf("Joined = %v with bands unknown", got)
	}
	var mates []Mate
	for _, b := range x.Unknown(sig) {
		mates = append(mates, Mate{Band: b, ID: "k1", Sig: sig, Group: "k"})
	}
	x.Fill(x.Unknown(sig), mates)
	if got, ok := x.Joined(sig); !ok || !slices.Equal(got, []string{"k"}) {
		t.Errorf("Joined = %v, %v; want [k], true", got, ok)
	}
}

// A text is held once however many of its bands are learnt, one call at
// a time, and an exact copy shares its signature: what bounds the
// index's memory is then its texts, not its band memberships.
func TestIndex_HoldsATextOnce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	sig := make([]uint32, numHashes)
	for i := range sig {
		sig[i] = rng.Uint32()
	}
	other := mutant(rng, sig, 4)
	x := NewIndex()
	for _, b := range Bands(sig) {
		x.Fill([]string{b}, []Mate{{Band: b, ID: "a1", Sig: sig, Group: "a"}, {Band: b, ID: "a2", Sig: sig, Group: "a"}})
	}
	x.Fill(x.Unknown(other), []Mate{{Band: Bands(other)[7], ID: "b1", Sig: other, Group: "b"}})
	x.Add(sig, "a")
	if got, want := x.Texts(), 2; got != want {
		t.Errorf("Texts() = %d, want %d (a1, a2 and the added copy are one signature; b1 another)", got, want)
	}
	if got, want := x.Members(), 8*3+1; got != want {
		t.Errorf("Members() = %d, want %d", got, want)
	}
	if got, ok := x.Joined(sig); !ok || !slices.Equal(got, []string{"a"}) {
		t.Errorf("Joined = %v, %v; want [a], true", got, ok)
	}
	x.Reset()
	if x.Texts() != 0 || x.Members() != 0 {
		t.Errorf("after Reset: %d texts, %d members", x.Texts(), x.Members())
	}
}
