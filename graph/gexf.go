package graph

import (
	"fmt"
	"io"
	"strconv"
	"time"
)

// gexfTypes are the attribute type names of GEXF for each attribute type.
var gexfTypes = map[attrType]string{attrString: "string", attrInt: "integer", attrDouble: "double"}

// WriteGEXF writes the network as a dynamic GEXF 1.3 graph, the native
// format of Gephi. Every edge has spells, one per run of days on which
// its events happened (a month-precision event covers the month, a range
// its days, overlapping or touching spells merged), and every node the
// spells of its events, so that Gephi's timeline plays the network over
// time. Undated events add no spell: an element with only undated events
// has none and is shown at every time, as GEXF means.
//
// Nodes and edges carry the attributes of the other network exports as
// static attributes (see [WriteGraphML]); edges also carry their event
// count as GEXF weight and their QuadClass colour ([QuadColour]) as
// viz:color. When betweenness is an estimate ([Network.BetweennessSample])
// the description in meta says so. The file has no modification date, so that it is
// byte-identical for the same network. Write errors of w are returned
// wrapped; a nil network is written as an empty graph.
func WriteGEXF(w io.Writer, n *Network) error {
	if n == nil {
		n = &Network{}
	}
	cent := n.Centralities()
	nodeSpells, edgeSpells := n.spells()

	var x xmlWriter
	x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.start("gexf",
		"xmlns", "http://gexf.net/1.3",
		"xmlns:viz", "http://gexf.net/1.3/viz",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
		"version", "1.3")
	x.start("meta")
	x.text("creator", "eventgraph")
	desc := fmt.Sprintf("Actor network of %d actors and %d edges: one edge per ordered pair of actors, with the CAMEO-coded events between them", len(n.nodes), len(n.edges))
	if note := n.betweennessNote(); note != "" {
		desc += ". Betweenness is " + note
	}
	x.text("description", desc)
	x.end("meta")
	x.start("graph", "defaultedgetype", "directed", "mode", "dynamic", "timeformat", "date", "timerepresentation", "interval")
	writeGEXFAttributes(&x, "node", nodeColumns)
	writeGEXFAttributes(&x, "edge", edgeColumns)

	x.start("nodes")
	for i, nd := range n.nodes {
		x.start("node", "id", nd.Actor.ID, "label", nd.Actor.Name)
		writeGEXFValues(&x, nodeColumns, n.nodeValues(i, cent[i], nodeSpells[i]))
		writeGEXFSpells(&x, nodeSpells[i])
		x.end("node")
	}
	x.end("nodes")

	x.start("edges")
	for i, e := range n.edges {
		x.start("edge", "id", strconv.Itoa(i), "source", e.Source, "target", e.Target,
			"weight", strconv.Itoa(e.Count), "label", edgeLabel(e))
		writeGEXFValues(&x, edgeColumns, edgeValues(e))
		writeGEXFSpells(&x, edgeSpells[i])
		r, g, b := rgb(QuadColour(e.DominantQuad()))
		x.empty("viz:color", "r", r, "g", g, "b", b)
		x.end("edge")
	}
	x.end("edges")
	x.end("graph")
	x.end("gexf")
	if _, err := w.Write(x.Bytes()); err != nil {
		return fmt.Errorf("graph: write GEXF: %w", err)
	}
	return nil
}

func writeGEXFAttributes(x *xmlWriter, class string, cols []column) {
	x.start("attributes", "class", class, "mode", "static")
	for _, c := range cols {
		x.empty("attribute", "id", c.Name, "title", c.Name, "type", gexfTypes[c.Type])
	}
	x.end("attributes")
}

// writeGEXFValues writes the non-empty values; an absent attvalue is
// GEXF's "no value".
func writeGEXFValues(x *xmlWriter, cols []column, values []string) {
	x.start("attvalues")
	for k, c := range cols {
		if values[k] != "" {
			x.empty("attvalue", "for", c.Name, "value", values[k])
		}
	}
	x.end("attvalues")
}

func writeGEXFSpells(x *xmlWriter, spells []spell) {
	if len(spells) == 0 {
		return
	}
	x.start("spells")
	for _, s := range spells {
		x.empty("spell", "start", s.start.Format(time.DateOnly), "end", s.end.Format(time.DateOnly))
	}
	x.end("spells")
}

// rgb splits a "#rrggbb" colour into decimal components.
func rgb(hex string) (r, g, b string) {
	part := func(i int) string {
		v, _ := strconv.ParseUint(hex[i:i+2], 16, 8) // our own palette: always valid
		return strconv.FormatUint(v, 10)
	}
	return part(1), part(3), part(5)
}
