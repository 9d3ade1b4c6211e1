// Package coding assigns CAMEO event codes to the words of a sentence from a
// lexicon of verb and noun patterns kept as data (data/*.txt, embedded).
//
// # Lexicon format
//
// One pattern a line; blank lines and text after "#" are ignored:
//
//	urge * to        | 020  | alt=10
//	air strike       | 195  | noun
//	shoot down       | 190
//	hold * talks     | 040  | sym
//
// The first field is a sequence of lemmas; each matches every inflection
// of the word ("urge" matches "urged", "urges", "urging"); "=word" matches
// that exact form only; "*" is a gap of up to [MaxGap] tokens where an
// actor (usually the target) sits. The second field is a CAMEO code from
// the model table. The third holds flags:
//
//   - alt=NN,MM: other roots a careful coder could defend.
//   - noun: a nominal trigger ("criticism", "air strike"): it needs an
//     agent ("by Y", "Y's", "from Y") to make an event.
//   - sym: a symmetric act (talks, deals, clashes) between two parties.
//   - say: a reporting verb; what it reports can replace it (R2, R3).
//   - nosub: the act needs no target (a call "for a ceasefire").
//   - adj: an evaluative adjective ("unacceptable"): in reported speech
//     the speaker judges whoever the clause is about.
//
// Irregular verb forms live in data/irregular.txt ("lemma form form ...").
//
// # Matching
//
// [Lexicon.Match] finds the patterns in a tokenised sentence, longest
// first, without overlap.
package coding

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/eventgraph/eventgraph/model"
)

//go:embed data/*.txt
var dataFS embed.FS

// ErrMalformed is returned by [Parse] for a line that is not a pattern.
var ErrMalformed = errors.New("malformed lexicon line")

// ErrDuplicate is returned by [LoadFS] when a pattern is given twice:
// the second line would be dead data, and its code may contradict the first.
var ErrDuplicate = errors.New("pattern given twice")

// MaxGap is the most tokens a "*" of a pattern spans.
const MaxGap = 7

// Entry is one pattern of the lexicon.
type Entry struct {
	Pattern string   // as written in the data file
	Code    string   // CAMEO code
	Alt     []string // other defensible roots
	Noun    bool     // nominal trigger
	Sym     bool     // symmetric act
	Say     bool     // reporting verb
	NoSub   bool     // needs no target
	Adj     bool     // an evaluative adjective: the speaker judges the subject
	Source  string   // file:line, for messages

	elems []elem
	need  []elem // literal words after the first, the least common first
	words int    // literal words, for preferring longer matches
}

// key identifies a pattern for duplicate detection: spacing does not
// count, and a nominal trigger is distinct from the verb of the same words.
func (e *Entry) key() string {
	key := strings.Join(strings.Fields(e.Pattern), " ")
	if e.Noun {
		key += " (noun)"
	}
	return key
}

// Root is the two-digit root of the entry's code.
func (e *Entry) Root() string { return model.RootOf(e.Code) }

type elem struct {
	gap    bool
	common bool    // a particle or article, present in most sentences
	lemma  int32   // index of the word with its set of forms
	ids    []int32 // vocabulary ids of the surface forms matched; nil for a gap
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (el elem) has(id int32) bool {
	for _, x := range el.ids {
		if x == id {
			return true
		}
	}
	return false
}

// Lexicon is a compiled set of patterns. Every surface form of every
// pattern word has a vocabulary id, so that matching a sentence costs one
// map lookup per token; patterns are indexed by the ids of their first
// word. Each pattern word with its forms is a lemma; a sentence's lemmas
// are marked in a bitset, so that ruling out a pattern whose other words
// are absent costs one bit test per word.
type Lexicon struct {
	Entries []*Entry
	vocab   map[string]int32
	byFirst [][]cand
	lemmas  map[string]int32 // pattern word (with "/n" for a noun) -> lemma
	lemOf   [][]int32        // vocabulary id -> the lemmas it is a form of
	scratch sync.Pool        // *scratch, one per Match call in flight
	// maybe has one bit per class of length, first and last byte of the
	// vocabulary's forms: a word whose bit is clear is no form, which
	// spares most words outside the lexicon the map probe.
	maybe [256]uint64
}

func wordClass(w string) uint {
	return uint(len(w)&15)<<10 | uint(w[0]&31)<<5 | uint(w[len(w)-1]&31)
}

// form returns the vocabulary id of w.
func (lx *Lexicon) form(w string) (int32, bool) {
	if w != "" {
		if c := wordClass(w); lx.maybe[c>>6]&(1<<(c&63)) == 0 {
			return 0, false
		}
	}
	id, ok := lx.vocab[w]
	return id, ok
}

// Default returns the lexicon embedded in the binary. It panics if the
// embedded data is malformed, which the package tests rule out.
func Default() *Lexicon {
	lx, err := LoadFS(dataFS, "data")
	if err != nil {
		panic(err)
	}
	return lx
}

// LoadFS reads every *.txt pattern file under dir of fsys, and
// irregular.txt for irregular inflections. It returns [ErrMalformed]
// (wrapped with the file and line) for a bad line, and an error for a
// duplicate pattern.
func LoadFS(fsys fs.FS, dir string) (*Lexicon, error) {
	lx, err := load(fsys, dir)
	if err != nil {
		return nil, err
	}
	lx.compact()
	return lx, nil
}

// load is LoadFS without the final compaction.
func load(fsys fs.FS, dir string) (*Lexicon, error) {
	irr := irregulars{}
	if b, err := fs.ReadFile(fsys, dir+"/irregular.txt"); err == nil {
		irr.parse(string(b))
	}
	names, err := fs.Glob(fsys, dir+"/*.txt")
	if err != nil {
		return nil, fmt.Errorf("coding: %w", err)
	}
	lx := &Lexicon{vocab: map[string]int32{}, lemmas: map[string]int32{}}
	seen := map[string]string{}
	for _, name := range names {
		if strings.HasSuffix(name, "/irregular.txt") {
			continue
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("coding: %w", err)
		}
		entries, err := Parse(name, string(b))
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			key := e.key()
			if prev, dup := seen[key]; dup {
				return nil, fmt.Errorf("coding: %s: %w: %q already at %s", e.Source, ErrDuplicate, e.Pattern, prev)
			}
			seen[key] = e.Source
			lx.add(e, irr)
		}
	}
	n := (len(lx.lemmas) + 63) / 64
	lx.scratch.New = func() any {
		return &scratch{present: make([]uint64, n)}
	}
	return lx, nil
}

// Parse reads the pattern lines of one file without compiling them.
func Parse(name, data string) ([]*Entry, error) {
	var out []*Entry
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		e, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("coding: %s:%d: %w", name, n, err)
		}
		e.Source = fmt.Sprintf("%s:%d", name, n)
		out = append(out, e)
	}
	return out, sc.Err()
}

func parseLine(line string) (*Entry, error) {
	f := strings.Split(line, "|")
	if len(f) < 2 || len(f) > 3 {
		return nil, fmt.Errorf("%w: want 'pattern | code | flags'", ErrMalformed)
	}
	e := &Entry{Pattern: strings.TrimSpace(f[0]), Code: strings.TrimSpace(f[1])}
	words := strings.Fields(e.Pattern)
	if len(words) == 0 || words[0] == "*" || words[len(words)-1] == "*" {
		return nil, fmt.Errorf("%w: pattern %q must begin and end with a word", ErrMalformed, e.Pattern)
	}
	for i, w := range words {
		if w != strings.ToLower(w) {
			return nil, fmt.Errorf("%w: %q is not lower case", ErrMalformed, w)
		}
		if w == "*" && i > 0 && words[i-1] == "*" {
			return nil, fmt.Errorf("%w: two gaps in a row in %q", ErrMalformed, e.Pattern)
		}
	}
	if _, ok := model.LookupCAMEO(e.Code); !ok {
		return nil, fmt.Errorf("%w: unknown CAMEO code %q", ErrMalformed, e.Code)
	}
	if len(f) == 3 {
		for _, flag := range strings.Fields(f[2]) {
			switch {
			case flag == "noun":
				e.Noun = true
			case flag == "sym":
				e.Sym = true
			case flag == "say":
				e.Say = true
			case flag == "nosub":
				e.NoSub = true
			case flag == "adj":
				e.Adj = true
			case strings.HasPrefix(flag, "alt="):
				for _, a := range strings.Split(flag[4:], ",") {
					if _, ok := model.LookupCAMEO(a); !ok {
						return nil, fmt.Errorf("%w: unknown alternative code %q", ErrMalformed, a)
					}
					e.Alt = append(e.Alt, a)
				}
			default:
				return nil, fmt.Errorf("%w: unknown flag %q", ErrMalformed, flag)
			}
		}
	}
	return e, nil
}

// add compiles e and indexes it by the forms of its first word.
func (lx *Lexicon) add(e *Entry, irr irregulars) {
	for _, w := range strings.Fields(e.Pattern) {
		if w == "*" {
			e.elems = append(e.elems, elem{gap: true})
			continue
		}
		e.words++
		el := elem{common: fixed[w]}
		for f := range forms(w, e.Noun, irr) {
			el.ids = append(el.ids, lx.id(f))
		}
		key := w
		if e.Noun {
			key += "/n"
		}
		lem, ok := lx.lemmas[key]
		if !ok {
			lem = int32(len(lx.lemmas))
			lx.lemmas[key] = lem
			for _, id := range el.ids {
				lx.lemOf[id] = append(lx.lemOf[id], lem)
			}
		}
		el.lemma = lem
		e.elems = append(e.elems, el)
		if len(e.elems) > 1 {
			e.need = append(e.need, el)
		}
	}
	// A sentence nearly always holds "to" or "the"; checking the content
	// words first rules most candidates out at the first test.
	slices.SortStableFunc(e.need, func(x, y elem) int { return btoi(x.common) - btoi(y.common) })
	lx.Entries = append(lx.Entries, e)
	c := cand{e: e, n0: -1, n1: -1, more: len(e.need) > 2}
	if len(e.need) > 0 {
		c.n0 = e.need[0].lemma
	}
	if len(e.need) > 1 {
		c.n1 = e.need[1].lemma
	}
	for _, id := range e.elems[0].ids {
		lx.byFirst[id] = append(lx.byFirst[id], c)
	}
}

// cand is an entry indexed by its first word, with the lemmas of the
// first two words it needs after it (-1: none), so that the test that
// rules most candidates out reads the sentence's bitset only, not the
// entry; more is set when the entry needs further words.
type cand struct {
	e      *Entry
	n0, n1 int32
	more   bool
}

// has reports whether lemma l is marked in the bitset present; a
// negative l, no lemma, always is.
func has(present []uint64, l int32) bool {
	return l < 0 || present[l>>6]&(1<<(l&63)) != 0
}

// compact moves the many small slices of a loaded lexicon (each word's
// forms, each entry's words, each form's candidates and lemmas) into one
// array per kind. The lexicon lives as long as the program, and every
// collection cycle marks each of its objects: a few arrays cost it less
// than tens of thousands of slices. Only the backing arrays change.
func (lx *Lexicon) compact() {
	nIDs, nElems, nNeed, nCands, nLems := 0, 0, 0, 0, 0
	for _, e := range lx.Entries {
		nElems += len(e.elems)
		nNeed += len(e.need)
		for _, el := range e.elems {
			nIDs += len(el.ids)
		}
	}
	for id := range lx.byFirst {
		nCands += len(lx.byFirst[id])
		nLems += len(lx.lemOf[id])
	}
	ids := make([]int32, 0, nIDs)
	elems := make([]elem, 0, nElems)
	need := make([]elem, 0, nNeed)
	for _, e := range lx.Entries {
		a := len(elems)
		for _, el := range e.elems {
			if el.ids != nil {
				k := len(ids)
				ids = append(ids, el.ids...)
				el.ids = ids[k:len(ids):len(ids)]
			}
			elems = append(elems, el)
		}
		e.elems = elems[a:len(elems):len(elems)]
		// need holds copies of elems after the first; only their lemmas
		// are read, but their ids would keep the old arrays alive.
		a = len(need)
		for _, el := range e.need {
			el.ids = nil
			need = append(need, el)
		}
		e.need = need[a:len(need):len(need)]
	}
	lx.compactStrings()
	cands := make([]cand, 0, nCands)
	lems := make([]int32, 0, nLems)
	for id := range lx.byFirst {
		if cs := lx.byFirst[id]; cs != nil {
			a := len(cands)
			cands = append(cands, cs...)
			lx.byFirst[id] = cands[a:len(cands):len(cands)]
		}
		if ls := lx.lemOf[id]; ls != nil {
			a := len(lems)
			lems = append(lems, ls...)
			lx.lemOf[id] = lems[a:len(lems):len(lems)]
		}
	}
}

// compactStrings moves the entries' texts (pattern, code, source and
// other codes) and the vocabulary's forms into one string, and drops the
// lemma names, which only loading reads: every line of the data files
// and every inflected form was an object of its own.
func (lx *Lexicon) compactStrings() {
	var fields []*string
	nAlt := 0
	for _, e := range lx.Entries {
		fields = append(fields, &e.Pattern, &e.Code, &e.Source)
		nAlt += len(e.Alt)
	}
	alts := make([]string, 0, nAlt)
	for _, e := range lx.Entries {
		if e.Alt != nil {
			a := len(alts)
			alts = append(alts, e.Alt...)
			e.Alt = alts[a:len(alts):len(alts)]
		}
	}
	for i := range alts {
		fields = append(fields, &alts[i])
	}
	forms := make([]string, 0, len(lx.vocab))
	for f := range lx.vocab {
		forms = append(forms, f)
	}
	size := 0
	for _, f := range fields {
		size += len(*f)
	}
	for _, f := range forms {
		size += len(f)
	}
	var b strings.Builder
	b.Grow(size)
	for _, f := range fields {
		b.WriteString(*f)
	}
	for _, f := range forms {
		b.WriteString(f)
	}
	arena, off := b.String(), 0
	for _, f := range fields {
		n := len(*f)
		*f = arena[off : off+n]
		off += n
	}
	vocab := make(map[string]int32, len(forms))
	for _, f := range forms {
		vocab[arena[off:off+len(f)]] = lx.vocab[f]
		off += len(f)
	}
	lx.vocab, lx.lemmas = vocab, nil
}

// id returns the vocabulary id of form f, adding it if new.
func (lx *Lexicon) id(f string) int32 {
	if id, ok := lx.vocab[f]; ok {
		return id
	}
	id := int32(len(lx.byFirst))
	lx.vocab[f] = id
	if f != "" {
		c := wordClass(f)
		lx.maybe[c>>6] |= 1 << (c & 63)
	}
	lx.byFirst = append(lx.byFirst, nil)
	lx.lemOf = append(lx.lemOf, nil)
	return id
}
