package extract

// reuse gives d the buffers of the article read before with b, emptied:
// the rules' lists are cut from them rather than grown anew for each
// article.
func (d *doc) reuse(b *docBuffers) {
	d.ints, d.codeBuf, d.seen = b.ints[:0], b.codeBuf[:0], b.seen[:0]
	d.placeCtx, d.countries = b.placeCtx[:0], b.countries[:0]
	d.tallies = [2][]tallied{b.tallies[0][:0], b.tallies[1][:0]}
}

// keep hands d's buffers back to b for the next article. The events made
// keep none of them: the sentences' trigger heads, the events of the
// sentence being coded, its duplicate checks, the countries named and
// the parties counted are all read while the article is coded.
func (d *doc) keep(b *docBuffers) {
	b.ints, b.codeBuf, b.seen = d.ints, d.codeBuf, d.seen
	b.placeCtx, b.countries = d.placeCtx, d.countries
	b.tallies = d.tallies
}
