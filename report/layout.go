package report

import "math"

// forceLayout places nodes with Fruchterman and Reingold's spring model:
// linked nodes attract, all nodes repel, and a weak pull to the centre
// keeps separate components close. It runs here rather than in ECharts'
// live force simulation because the result is then the same on every run
// (golden files, screenshots) and the page can hand ECharts fixed
// coordinates, which ECharts scales to fit the chart: the live simulation
// has no such fitting and let large graphs spill outside the viewport.
//
// Nodes start on a circle in the given order (most central first), so
// central nodes begin spread out. Coordinates are rounded to a tenth.
func forceLayout(adj [][]neighbour, order []int) [][2]float64 {
	n := len(adj)
	pos := make([][2]float64, n)
	if n == 0 {
		return pos
	}
	const size = 1000.0
	for k, i := range order {
		a := 2 * math.Pi * float64(k) / float64(n)
		r := size / 2 * (0.3 + 0.7*float64(k)/float64(n))
		pos[i] = [2]float64{r * math.Cos(a), r * math.Sin(a)}
	}
	ideal := size / math.Sqrt(float64(n)+1) * 0.9
	// The pull to the centre balances the repulsion of all other nodes at
	// about the edge of the drawing, so small components that nothing
	// links to the rest stay in view instead of drifting off.
	gravity := float64(n) * ideal * ideal / (size * size / 4)
	temp := size / 8
	disp := make([][2]float64, n)
	for iter := 0; iter < 300; iter++ {
		for i := range disp {
			disp[i] = [2]float64{}
		}
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				dx, dy := pos[i][0]-pos[j][0], pos[i][1]-pos[j][1]
				d := math.Max(math.Hypot(dx, dy), 0.01)
				f := ideal * ideal / d
				disp[i][0] += dx / d * f
				disp[i][1] += dy / d * f
				disp[j][0] -= dx / d * f
				disp[j][1] -= dy / d * f
			}
		}
		for i, nbs := range adj {
			for _, nb := range nbs {
				j := nb.node
				if j <= i {
					continue // each undirected pair once
				}
				dx, dy := pos[i][0]-pos[j][0], pos[i][1]-pos[j][1]
				d := math.Max(math.Hypot(dx, dy), 0.01)
				f := d * d / ideal * (1 + math.Log1p(float64(nb.weight))/2)
				disp[i][0] -= dx / d * f
				disp[i][1] -= dy / d * f
				disp[j][0] += dx / d * f
				disp[j][1] += dy / d * f
			}
		}
		for i := range pos {
			// Gravity: a pull towards the centre that grows with distance.
			disp[i][0] -= pos[i][0] * gravity
			disp[i][1] -= pos[i][1] * gravity
			d := math.Max(math.Hypot(disp[i][0], disp[i][1]), 0.01)
			step := math.Min(d, temp)
			pos[i][0] += disp[i][0] / d * step
			pos[i][1] += disp[i][1] / d * step
		}
		temp = math.Max(temp*0.98, 1)
	}
	for i := range pos {
		pos[i] = [2]float64{math.Round(pos[i][0]*10) / 10, math.Round(pos[i][1]*10) / 10}
	}
	return pos
}
