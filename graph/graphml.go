package graph

import (
	"fmt"
	"io"
	"strconv"
)

// graphMLTypes are the attr.type names of GraphML for each attribute type.
var graphMLTypes = map[attrType]string{attrString: "string", attrInt: "int", attrDouble: "double"}

// WriteGraphML writes the network as GraphML (graphml.graphdrawing.org),
// the format yEd, Gephi, Cytoscape desktop, NetworkX and igraph read. The
// graph is directed; every node and edge carries the attributes of the
// other network exports as typed <data> keys: for nodes name, country,
// role, code, event counts, in and out degree (edges and events),
// betweenness, PageRank, community, first and last date; for edges the
// event count (also as "weight"), dominant CAMEO root and QuadClass with
// its colour, counts per root and per QuadClass, first and last date,
// mean Goldstein score and the event ids. Key ids are prefixed n_ and e_
// so node and edge keys of one name never clash. When betweenness is an
// estimate ([Network.BetweennessSample]) the graph carries a "betweenness"
// data saying so.
//
// The output is byte-identical for the same network. Write errors of w are
// returned wrapped; a nil network is written as an empty graph.
func WriteGraphML(w io.Writer, n *Network) error {
	if n == nil {
		n = &Network{}
	}
	cent := n.Centralities()
	nodeSpells, _ := n.spells()

	var x xmlWriter
	x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.WriteString(fmt.Sprintf("<!-- eventgraph actor network: %d actors, %d edges -->\n", len(n.nodes), len(n.edges)))
	x.start("graphml",
		"xmlns", "http://graphml.graphdrawing.org/xmlns",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
	x.empty("key", "id", "n_label", "for", "node", "attr.name", "label", "attr.type", "string")
	for _, c := range nodeColumns {
		x.empty("key", "id", "n_"+c.Name, "for", "node", "attr.name", c.Name, "attr.type", graphMLTypes[c.Type])
	}
	x.empty("key", "id", "e_label", "for", "edge", "attr.name", "label", "attr.type", "string")
	x.empty("key", "id", "e_weight", "for", "edge", "attr.name", "weight", "attr.type", "double")
	for _, c := range edgeColumns {
		x.empty("key", "id", "e_"+c.Name, "for", "edge", "attr.name", c.Name, "attr.type", graphMLTypes[c.Type])
	}
	note := n.betweennessNote()
	if note != "" {
		x.empty("key", "id", "g_betweenness", "for", "graph", "attr.name", "betweenness", "attr.type", "string")
	}
	x.start("graph", "id", "eventgraph", "edgedefault", "directed")
	if note != "" {
		x.text("data", note, "key", "g_betweenness")
	}
	for i, nd := range n.nodes {
		x.start("node", "id", nd.Actor.ID)
		x.text("data", nd.Actor.Name, "key", "n_label")
		writeGraphMLData(&x, "n_", nodeColumns, n.nodeValues(i, cent[i], nodeSpells[i]))
		x.end("node")
	}
	for i, e := range n.edges {
		x.start("edge", "id", "e"+strconv.Itoa(i), "source", e.Source, "target", e.Target)
		x.text("data", edgeLabel(e), "key", "e_label")
		x.text("data", strconv.Itoa(e.Count), "key", "e_weight")
		writeGraphMLData(&x, "e_", edgeColumns, edgeValues(e))
		x.end("edge")
	}
	x.end("graph")
	x.end("graphml")
	if _, err := w.Write(x.Bytes()); err != nil {
		return fmt.Errorf("graph: write GraphML: %w", err)
	}
	return nil
}

// writeGraphMLData writes one <data> per column, leaving out empty values
// (GraphML's "no value", which readers show as blank rather than as an
// empty string or a parse error for numbers).
func writeGraphMLData(x *xmlWriter, prefix string, cols []column, values []string) {
	for k, c := range cols {
		if values[k] != "" {
			x.text("data", values[k], "key", prefix+c.Name)
		}
	}
}
