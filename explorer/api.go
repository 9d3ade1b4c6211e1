package explorer

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/graph/eventfile"
	"github.com/eventgraph/eventgraph/model"
)

// writeJSON answers v as JSON. Encoding escapes <, > and & so that a
// response opened as a page by mistake cannot become markup.
func (x *Explorer) writeJSON(w http.ResponseWriter, r *http.Request, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(v); err != nil {
		x.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(buf.Bytes())
}

// apiActors answers the actors of the filtered events with the number of
// those events each takes part in, busiest first.
func (x *Explorer) apiActors(w http.ResponseWriter, r *http.Request) {
	f, ok := x.filter(w, r)
	if !ok {
		return
	}
	events, err := x.events(r.Context(), f)
	if err != nil {
		x.fail(w, r, err)
		return
	}
	count := map[string]*model.ActorSummary{}
	for _, e := range events {
		seen := map[string]bool{}
		for _, a := range []*model.Actor{&e.Source, e.Target} {
			if a == nil || seen[a.ID] {
				continue
			}
			seen[a.ID] = true
			if count[a.ID] == nil {
				count[a.ID] = &model.ActorSummary{Actor: *a}
			}
			count[a.ID].Events++
		}
	}
	out := make([]model.ActorSummary, 0, len(count))
	for _, s := range count {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].ID < out[j].ID
	})
	x.writeJSON(w, r, out)
}

// apiGraph answers the network of the filtered events as the pages draw
// it: report.NetworkData, nodes most central first, laid out.
func (x *Explorer) apiGraph(w http.ResponseWriter, r *http.Request) {
	s, _, ok := x.site(w, r)
	if !ok {
		return
	}
	x.writeJSON(w, r, s.Network())
}

// download answers the current view as a file in one export format.
func (x *Explorer) download(w http.ResponseWriter, r *http.Request, name string) {
	f, ok := x.filter(w, r)
	if !ok {
		return
	}
	var write func(*bytes.Buffer, []model.Event) error
	var ctype string
	switch name {
	case "graph.dot":
		ctype = "text/vnd.graphviz; charset=utf-8"
		write = func(b *bytes.Buffer, events []model.Event) error {
			net, err := graph.Build(events)
			if err != nil {
				return err
			}
			return graph.WriteDOT(b, net, graph.DOTOptions{})
		}
	case "graph.graphml", "graph.gexf", "graph.cytoscape.json":
		ctype = map[string]string{"graph.graphml": "application/graphml+xml", "graph.gexf": "application/gexf+xml",
			"graph.cytoscape.json": "application/json"}[name] + "; charset=utf-8"
		write = func(b *bytes.Buffer, events []model.Event) error {
			net, err := graph.Build(events)
			if err != nil {
				return err
			}
			switch name {
			case "graph.graphml":
				return graph.WriteGraphML(b, net)
			case "graph.gexf":
				return graph.WriteGEXF(b, net)
			}
			return graph.WriteCytoscape(b, net)
		}
	case "timeline.json":
		ctype = "application/json; charset=utf-8"
		write = func(b *bytes.Buffer, events []model.Event) error {
			return eventfile.WriteTimelineJS(b, events, x.opt.Title)
		}
	case "events.gdelt.csv":
		ctype = "text/csv; charset=utf-8"
		write = func(b *bytes.Buffer, events []model.Event) error { return eventfile.WriteGDELT(b, events) }
	case "events.acled.csv":
		ctype = "text/csv; charset=utf-8"
		write = func(b *bytes.Buffer, events []model.Event) error { return eventfile.WriteACLED(b, events) }
	case "events.json":
		ctype = "application/json; charset=utf-8"
		write = func(b *bytes.Buffer, events []model.Event) error {
			enc := json.NewEncoder(b)
			enc.SetIndent("", "  ")
			return enc.Encode(events)
		}
	case "events.csv":
		ctype = "text/csv; charset=utf-8"
		write = writeCSV
	default:
		http.NotFound(w, r)
		return
	}
	events, err := x.events(r.Context(), f)
	if err != nil {
		x.fail(w, r, err)
		return
	}
	if events == nil {
		events = []model.Event{}
	}
	var buf bytes.Buffer
	if err := write(&buf, events); err != nil {
		x.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Write(buf.Bytes())
}

// writeCSV writes one row per mention, the shape of `eventgraph events
// --format csv`, so spreadsheets get every piece of evidence.
func writeCSV(b *bytes.Buffer, events []model.Event) error {
	cw := csv.NewWriter(b)
	cw.Write([]string{"id", "date", "precision", "end", "source", "source_code", "target", "target_code",
		"cameo", "root", "quad", "goldstein", "location", "sources", "outlet", "published", "url", "sentence"})
	for _, e := range events {
		c := e.CAMEO()
		target, tcode := "", ""
		if e.Target != nil {
			target, tcode = e.Target.Name, e.Target.Code
		}
		ms := e.Mentions
		if len(ms) == 0 {
			ms = []model.Mention{{}}
		}
		for _, m := range ms {
			row := []string{e.ID, e.Date.String(), string(e.Date.Precision), e.Date.EndString(),
				e.Source.Name, e.Source.Code, target, tcode, e.Code, e.Root(), strconv.Itoa(c.Quad),
				strconv.FormatFloat(c.Goldstein, 'f', 1, 64), e.Location, strconv.Itoa(e.Sources()),
				m.Outlet, m.Published, m.URL, m.Sentence}
			for _, i := range []int{4, 6, 12, 14, 16, 17} { // the article's text
				row[i] = defuseCell(row[i])
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuseCell keeps article text from being read as a spreadsheet formula:
// a cell starting with =, +, -, @ or a tab is prefixed with a quote.
func defuseCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
