package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// cyElement is one node or edge of Cytoscape.js's element JSON.
type cyElement struct {
	Data map[string]any `json:"data"`
}

// cyDocument is the shape Cytoscape.js takes as its elements option and
// Cytoscape desktop imports as "Cytoscape.js JSON".
type cyDocument struct {
	Data     map[string]string `json:"data,omitempty"` // graph-level data: only the betweenness note, when there is one
	Elements struct {
		Nodes []cyElement `json:"nodes"`
		Edges []cyElement `json:"edges"`
	} `json:"elements"`
}

// WriteCytoscape writes the network as Cytoscape.js JSON:
// {"elements":{"nodes":[{"data":{...}}],"edges":[{"data":{...}}]}}. Node
// data has id (the actor id), label and the attributes of the other
// network exports (see [WriteGraphML]); edge data has id ("e0", "e1", …
// in edge order), source, target, label, weight (the event count) and the
// edge attributes. When betweenness is an estimate
// ([Network.BetweennessSample]) the document's graph-level data has a
// "betweenness" note saying so. Numbers are JSON numbers; empty values are left out.
// Keys are sorted and the JSON indented, so the output is byte-identical
// for the same network. Write errors of w are returned wrapped; a nil
// network gives empty lists.
func WriteCytoscape(w io.Writer, n *Network) error {
	if n == nil {
		n = &Network{}
	}
	cent := n.Centralities()
	nodeSpells, _ := n.spells()

	var doc cyDocument
	if note := n.betweennessNote(); note != "" {
		doc.Data = map[string]string{"betweenness": note}
	}
	doc.Elements.Nodes = make([]cyElement, 0, len(n.nodes))
	doc.Elements.Edges = make([]cyElement, 0, len(n.edges))
	for i, nd := range n.nodes {
		data := cyData(nodeColumns, n.nodeValues(i, cent[i], nodeSpells[i]))
		data["id"], data["label"] = nd.Actor.ID, nd.Actor.Name
		doc.Elements.Nodes = append(doc.Elements.Nodes, cyElement{data})
	}
	for i, e := range n.edges {
		data := cyData(edgeColumns, edgeValues(e))
		data["id"], data["source"], data["target"] = "e"+strconv.Itoa(i), e.Source, e.Target
		data["label"], data["weight"] = edgeLabel(e), e.Count
		doc.Elements.Edges = append(doc.Elements.Edges, cyElement{data})
	}

	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("graph: write Cytoscape JSON: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("graph: write Cytoscape JSON: %w", err)
	}
	return nil
}

// cyData turns formatted values into JSON values: numbers stay as written
// (json.Number), so that a score prints with the same digits as in the
// XML formats.
func cyData(cols []column, values []string) map[string]any {
	data := make(map[string]any, len(cols)+5)
	for k, c := range cols {
		switch {
		case values[k] == "":
		case c.Type == attrString:
			data[c.Name] = values[k]
		default:
			data[c.Name] = json.Number(values[k])
		}
	}
	return data
}
