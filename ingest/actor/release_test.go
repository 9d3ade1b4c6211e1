package actor

import (
	"reflect"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

// A document reused after Release must read an article exactly as a new
// one does: nothing of the article before it (people named, genders, led
// coalitions, focus, pronoun history) may carry over.
func TestResetDocumentForgetsTheArticleBefore(t *testing.T) {
	first := []string{
		"Northland's defence minister Alma Verity said the Saudi-led coalition struck Sanaa.",
		"She said the coalition would strike again, and the army said it had shelled Hodeidah.",
		"Verity met Putin in Moscow; he said Russia would send observers.",
	}
	second := []string{
		"Verity said the coalition had hit a market.",
		"The army said she was wrong, and he denied it.",
		"Ukrainian forces shelled Donetsk, and the ministry said they would go on.",
	}
	g := Default()
	at := day("2023-05-02")
	// Built as NewDocument builds a new one, bypassing the pool.
	want := readAll(&Document{g: g, at: at, people: map[string]model.Actor{}, genders: map[string]byte{}}, second)

	d := g.NewDocument(day("2019-03-01"))
	if got := readAll(d, first); reflect.DeepEqual(got, want) {
		t.Fatalf("the two articles read alike; the test could not tell a stale document")
	}
	d.reset(at)
	if got := readAll(d, second); !reflect.DeepEqual(got, want) {
		t.Errorf("reused document read\n%v\nwant, as a new one,\n%v", got, want)
	}
}

// readAll returns the matches of every sentence, in order.
func readAll(d *Document, sentences []string) [][]Match {
	var out [][]Match
	for _, s := range sentences {
		out = append(out, d.Find(s))
	}
	return out
}

// Gazetteer.Find hands its document back to the pool: what it returned
// must not change when the next call reuses the document, and each call
// must read its text as a new document does.
func TestFindReleasesItsDocument(t *testing.T) {
	g := Default()
	at := day("2023-05-02")
	texts := []string{
		"Northland's defence minister Alma Verity said the Saudi-led coalition struck Sanaa.",
		"She said the coalition would strike again, and Verity met Putin in Moscow.",
		"Ukrainian forces shelled Donetsk, and the ministry said they would go on.",
	}
	var got, want [][]Match
	for _, s := range texts {
		got = append(got, g.Find(s, at))
		fresh := &Document{g: g, at: at, people: map[string]model.Actor{}, genders: map[string]byte{}}
		want = append(want, fresh.Find(s))
	}
	if len(want[0]) == 0 {
		t.Fatal("no matches: the test needs some")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Find read\n%v\nwant, as new documents,\n%v", got, want)
	}
}
