package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/eventgraph/eventgraph/model"
)

// TestEventPageBlame: the page of an event laid at two doors shows each
// perpetrator with the sources that name it, as text even when a name
// carries markup.
func TestEventPageBlame(t *testing.T) {
	jets := model.NewActor("<script>alert(1)</script> jets", "RUS", model.RoleMIL)
	e := event(model.DayOf(2021, time.March, 14), jets, ptr(whiteH), "195", "Saraqib",
		mention("r-a", "Reuters", "https://example.com/a", "2021-03-15", "Jets bombed the rescuers."),
		mention("r-b", "AFP & <b>Co</b>", "https://example.com/b", "2021-03-16", "Aircraft bombed them; Moscow denied it."))
	e.Disputes = []model.Dispute{{Kind: model.DisputeBlame, Versions: []model.Version{
		{Value: jets.Name + " (RUSMIL)", Sources: []string{"Reuters"}, Articles: []string{"r-a"}},
		{Value: "Syrian aircraft (SYRMIL)", Sources: []string{"AFP & <b>Co</b>", "BBC News"}, Articles: []string{"r-b", "r-c"}},
	}}}
	dir := MustWrite(t, []model.Event{e})
	b, err := os.ReadFile(filepath.Join(dir, eventPage(e.ID)))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("<script>alert")) || bytes.Contains(b, []byte("<b>Co")) {
		t.Fatal("a name or outlet became markup")
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	walk(doc, func(n *html.Node) {
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
	})
	for _, want := range []string{
		"blame · who did it",
		"<script>alert(1)</script> jets (RUSMIL), according to Reuters",
		"Syrian aircraft (SYRMIL), according to AFP & <b>Co</b>, BBC News",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("event page does not say %q", want)
		}
	}
}
