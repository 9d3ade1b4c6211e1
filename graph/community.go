package graph

import (
	"cmp"
	"slices"
)

// communities is the result of community detection: each node's community
// number (from 1), how many there are and the partition's modularity.
type communities struct {
	member     []int32
	count      int
	modularity float64
}

// louvainSeed fixes the random order in which Louvain visits nodes, so
// that ties between equally good partitions are broken the same way on
// every run.
const louvainSeed = 20190603

// findCommunities partitions the network and numbers the communities from
// 1, largest first, ties by their smallest actor id.
func (n *Network) findCommunities() communities {
	v := len(n.nodes)
	c := communities{member: make([]int32, v)}
	if v == 0 {
		return c
	}
	u := undirectedOf(n)
	var raw []int32 // node -> community, any numbering
	if u.total == 0 {
		// Modularity is undefined without edges: every actor alone.
		raw = make([]int32, v)
		for i := range raw {
			raw[i] = int32(i)
		}
	} else {
		raw = louvain(u)
	}
	c.count = renumber(raw, c.member)
	if u.total > 0 {
		c.modularity = u.modularity(c.member)
	}
	return c
}

// renumber writes into member the numbering of the communities in raw:
// 1 for the largest, ties going to the one whose smallest node index (and
// so actor id) is smaller. It returns the number of communities.
func renumber(raw, member []int32) int {
	type group struct{ size, first, id int32 }
	byID := map[int32]*group{}
	var groups []*group
	for i, r := range raw {
		g := byID[r]
		if g == nil {
			g = &group{first: int32(i), id: r}
			byID[r] = g
			groups = append(groups, g)
		}
		g.size++
	}
	slices.SortFunc(groups, func(a, b *group) int { return cmp.Or(cmp.Compare(b.size, a.size), cmp.Compare(a.first, b.first)) })
	number := make(map[int32]int32, len(groups))
	for k, g := range groups {
		number[g.id] = int32(k + 1)
	}
	for i, r := range raw {
		member[i] = number[r]
	}
	return len(groups)
}

// modularity is the weighted modularity of the partition member:
//
//	Q = Σ_c [ in_c / 2m − (tot_c / 2m)² ]
//
// where in_c is the weight inside community c counted from both ends (a
// self-loop twice) and tot_c the sum of its nodes' weighted degrees.
func (u *undirected) modularity(member []int32) float64 {
	in := map[int32]float64{}
	tot := map[int32]float64{}
	for x := range u.self {
		c := member[x]
		k := 2 * u.self[x]
		in[c] += 2 * u.self[x]
		for j := u.start[x]; j < u.start[x+1]; j++ {
			k += u.weight[j]
			if member[u.nbr[j]] == c {
				in[c] += u.weight[j]
			}
		}
		tot[c] += k
	}
	ids := make([]int32, 0, len(tot))
	for c := range tot {
		ids = append(ids, c)
	}
	slices.Sort(ids) // a fixed order of addition
	q := 0.0
	for _, c := range ids {
		q += in[c]/u.total - (tot[c]/u.total)*(tot[c]/u.total)
	}
	return q
}
