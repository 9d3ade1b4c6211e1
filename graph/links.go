package graph

// Link is a pair of actors that acted on each other, in either direction:
// the network with directions dropped, as [Centrality.Community] sees it.
// A and B are indices into [Network.Nodes], A < B.
type Link struct {
	A, B   int
	Weight int // events between the two, both directions
}

// Links returns the network's links with directions dropped, sorted by A
// then B; self-loops are left out. Drawings use it (a layout pulls linked
// actors together whoever acted on whom), and the number of links at a
// node is its count of distinct partners.
func (n *Network) Links() []Link {
	u := undirectedOf(n)
	out := make([]Link, 0, len(u.nbr)/2)
	for x := range len(n.nodes) {
		for j := u.start[x]; j < u.start[x+1]; j++ {
			if y := int(u.nbr[j]); y > x {
				out = append(out, Link{A: x, B: y, Weight: int(u.weight[j])})
			}
		}
	}
	return out
}
