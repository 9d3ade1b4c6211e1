package graph

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/eventgraph/eventgraph/model"
)

// DOTOptions controls [WriteDOT]. The zero value is a left-to-right graph
// without a title or clusters.
type DOTOptions struct {
	// Title is shown above the graph; "" shows none.
	Title string
	// RankDir is the direction of the layout: "LR" (the default when
	// empty), "RL", "TB" or "BT".
	RankDir string
	// ClusterByCountry draws the actors of each country inside a box
	// labelled with the country code. Actors of unknown country stay
	// outside every box.
	ClusterByCountry bool
}

// QuadColour is the colour [WriteDOT] gives an edge whose dominant
// QuadClass is q, as "#rrggbb", for other views to match: verbal
// cooperation light green, material cooperation dark green, verbal conflict
// orange, material conflict red, grey for anything else.
func QuadColour(q int) string {
	switch q {
	case 1:
		return "#a6d96a"
	case 2:
		return "#1a9641"
	case 3:
		return "#fdae61"
	case 4:
		return "#d7191c"
	}
	return "#808080"
}

// maxPenWidth caps the line width of the busiest edges.
const maxPenWidth = 8

// WriteDOT writes the network as a Graphviz digraph. The output is the same
// byte for byte for the same network: nodes in actor id order (grouped by
// country with [DOTOptions.ClusterByCountry]), edges in (source, target)
// order.
//
// Nodes carry label (name and actor code), country, role, code, events and
// tooltip; edges carry label (the dominant CAMEO root's name and the
// count), weight, penwidth, color (by dominant QuadClass, see
// [QuadColour]), quad, roots, first, last, goldstein, events, event_ids
// and tooltip. Attributes Graphviz does not know are kept by it and read as
// data by Gephi and others. Event ids are a quoted attribute, not a
// comment, so no id can end a comment early.
//
// All identifiers and values are quoted, with quotes, backslashes and line
// breaks escaped; in the texts Graphviz renders (labels, tooltips) "&" is
// written "&amp;" too, since Graphviz decodes HTML entities there. Invalid
// UTF-8 becomes U+FFFD and other control characters become spaces.
//
// WriteDOT returns [ErrBadOption] for an unknown [DOTOptions.RankDir], and
// write errors of w wrapped. A nil network is written as an empty graph.
func WriteDOT(w io.Writer, n *Network, opt DOTOptions) error {
	rankdir := cmp.Or(opt.RankDir, "LR")
	if !slices.Contains([]string{"LR", "RL", "TB", "BT"}, rankdir) {
		return fmt.Errorf("graph: write DOT: %w: RankDir %q (want LR, RL, TB or BT)", ErrBadOption, opt.RankDir)
	}
	if n == nil {
		n = &Network{}
	}
	events := 0
	for _, nd := range n.nodes {
		events += nd.Out + nd.NoTarget
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "// eventgraph actor network: %d actors, %d edges, %d events\n", len(n.nodes), len(n.edges), events)
	b.WriteString("digraph \"eventgraph\" {\n")
	graphAttrs := []string{"rankdir", quote(rankdir), "fontname", `"Helvetica"`}
	if opt.Title != "" {
		graphAttrs = append(graphAttrs, "label", quoteText(opt.Title), "labelloc", `"t"`, "fontsize", `"16"`)
	}
	if opt.ClusterByCountry {
		// dot's default ranking fails ("trouble in init_rank") on the
		// sample corpus's network drawn with clusters; the newer ranking
		// handles edges between clusters.
		graphAttrs = append(graphAttrs, "newrank", `"true"`)
	}
	attrs(&b, "\tgraph", graphAttrs...)
	attrs(&b, "\tnode", "shape", `"box"`, "style", `"rounded"`, "fontname", `"Helvetica"`)
	attrs(&b, "\tedge", "fontname", `"Helvetica"`, "fontsize", `"10"`)

	if opt.ClusterByCountry {
		writeClusters(&b, n.nodes)
	} else {
		for _, nd := range n.nodes {
			writeNode(&b, "\t", nd)
		}
	}
	for _, e := range n.edges {
		writeEdge(&b, n, e)
	}
	b.WriteString("}\n")

	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("graph: write DOT: %w", err)
	}
	return nil
}

// writeClusters writes the nodes of each country in a cluster, countries
// in order, then the nodes of unknown country.
func writeClusters(b *bytes.Buffer, nodes []Node) {
	byCountry := map[string][]Node{}
	for _, nd := range nodes {
		byCountry[nd.Actor.Country] = append(byCountry[nd.Actor.Country], nd)
	}
	countries := make([]string, 0, len(byCountry))
	for c := range byCountry {
		if c != "" {
			countries = append(countries, c)
		}
	}
	slices.Sort(countries)
	for _, c := range countries {
		fmt.Fprintf(b, "\tsubgraph %s {\n", quote("cluster_"+c))
		fmt.Fprintf(b, "\t\tlabel=%s;\n\t\tstyle=\"dashed\";\n", quoteText(c))
		for _, nd := range byCountry[c] {
			writeNode(b, "\t\t", nd)
		}
		b.WriteString("\t}\n")
	}
	for _, nd := range byCountry[""] {
		writeNode(b, "\t", nd)
	}
}

func writeNode(b *bytes.Buffer, indent string, nd Node) {
	a := nd.Actor
	label := a.Name
	if a.Code != "" {
		label += "\n" + a.Code
	}
	tooltip := fmt.Sprintf("%s (%s): %s, %d as source, %d as target, %d without target",
		a.Name, cmp.Or(a.Code, "unknown"), plural(nd.Events, "event"), nd.Out, nd.In, nd.NoTarget)
	attrs(b, indent+quote(a.ID),
		"label", quoteText(label),
		"country", quote(a.Country),
		"role", quote(string(a.Role)),
		"code", quote(a.Code),
		"events", quote(strconv.Itoa(nd.Events)),
		"tooltip", quoteText(tooltip))
}

func writeEdge(b *bytes.Buffer, n *Network, e Edge) {
	q := e.DominantQuad()
	name := rootName(e.DominantRoot())
	pen := min(1+math.Log2(float64(e.Count)), maxPenWidth)

	roots := make([]string, 0, len(e.Roots))
	for r := range e.Roots {
		roots = append(roots, r)
	}
	slices.Sort(roots)
	var rootCounts, rootNames []string
	for _, r := range roots {
		rootCounts = append(rootCounts, fmt.Sprintf("%s:%d", r, e.Roots[r]))
		rootNames = append(rootNames, fmt.Sprintf("%s %s %d", r, rootName(r), e.Roots[r]))
	}
	tooltip := fmt.Sprintf("%s -> %s: %s (%s)", n.actorName(e.Source), n.actorName(e.Target),
		plural(e.Count, "event"), strings.Join(rootNames, ", "))

	attrs(b, "\t"+quote(e.Source)+" -> "+quote(e.Target),
		"label", quoteText(fmt.Sprintf("%s (%d)", name, e.Count)),
		"weight", quote(strconv.Itoa(e.Count)),
		"penwidth", quote(strconv.FormatFloat(pen, 'f', 2, 64)),
		"color", quote(QuadColour(q)),
		"quad", quote(strconv.Itoa(q)),
		"roots", quote(strings.Join(rootCounts, " ")),
		"first", quote(e.First.Encode()),
		"last", quote(e.Last.Encode()),
		"goldstein", quote(formatScore(e.Goldstein)),
		"events", quote(strconv.Itoa(e.Count)),
		"event_ids", quote(strings.Join(e.EventIDs, " ")),
		"tooltip", quoteText(tooltip))
}

// attrs writes a statement: head followed by an attribute list of
// key/value pairs, values already quoted.
func attrs(b *bytes.Buffer, head string, kv ...string) {
	b.WriteString(head)
	b.WriteString(" [")
	for i := 0; i < len(kv); i += 2 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(kv[i])
		b.WriteByte('=')
		b.WriteString(kv[i+1])
	}
	b.WriteString("];\n")
}

// rootName is the name of a CAMEO root in sentence case: "Fight",
// "Use unconventional mass violence".
func rootName(root string) string {
	c, ok := model.LookupCAMEO(root)
	if !ok || c.Name == "" {
		return "CAMEO " + root
	}
	s := strings.ToLower(c.Name)
	return strings.ToUpper(s[:1]) + s[1:]
}

func (n *Network) actorName(id string) string {
	if i, ok := n.nodeIdx[id]; ok {
		return n.nodes[i].Actor.Name
	}
	return id
}

func plural(k int, noun string) string {
	if k == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(k) + " " + noun + "s"
}

// formatScore writes a score with two decimals and no negative zero.
func formatScore(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	if s == "-0.00" {
		return "0.00"
	}
	return s
}

// quote returns s as a DOT quoted string: quotes and backslashes escaped
// with a backslash, line feeds written \n (a centred line break in labels),
// other control characters replaced by spaces, invalid UTF-8 by U+FFFD.
// Every backslash in the result starts a pair, so no value can end in a
// lone backslash that would escape the closing quote.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s { // invalid UTF-8 comes out of range as U+FFFD
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// quoteText is [quote] for the texts Graphviz renders, where it decodes
// HTML entities: "&" is written "&amp;" so that "AT&amp;T" stays as typed.
func quoteText(s string) string {
	return quote(strings.ReplaceAll(s, "&", "&amp;"))
}
