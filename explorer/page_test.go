package explorer

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// encodeEvents must give exactly what writeJSON gives for a page, markup
// escaped and line separators included.
func TestEncodeEvents(t *testing.T) {
	src := model.NewActor("Al <b>Shabaab</b> & co", "SOM", model.RoleREB)
	tgt := model.NewActor("Ministry\u2028of Defence", "KEN", model.RoleGOV)
	e := model.Event{Code: "190", Date: model.DayOf(2021, 3, 4), Source: src, Target: &tgt, Location: "Lamu",
		Mentions: []model.Mention{{ArticleID: "a-1", Outlet: "Nation", Sentence: `Gunmen </script><script>alert("x")</script> attacked.`,
			Published: "2021-03-05", Start: 3, End: 40}}}
	e.SetID()
	month := model.Event{Code: "036", Date: model.Month(2020, time.May), Source: tgt}
	month.SetID()
	for name, events := range map[string][]model.Event{"none": {}, "one": {e}, "two": {e, month}} {
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(events); err != nil {
			t.Fatal(err)
		}
		got, err := encodeEvents(events)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want.Bytes())
		}
	}
}
