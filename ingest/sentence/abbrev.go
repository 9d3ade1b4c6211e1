package sentence

// The word lists below decide the hard cases of a full stop. They are small
// and closed, so they live in code rather than in a data file.

// titles are abbreviations that precede a name and so never end a sentence
// when a capitalised word follows.
var titles = set(
	"mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "rev", "fr", "hon",
	"gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm",
	"cmdr", "cdr", "brig", "gov", "sen", "rep", "pres", "amb", "insp",
	"supt", "det", "sec", "gens", "messrs", "mme", "mlle", "no", "nos",
	"vs", "v", "ft", "mt", "pt", "op", "vol", "art", "fig", "approx",
	"est", "dept", "univ", "assn", "bros", "inc", "corp", "co", "ltd",
)

// months are month abbreviations, which continue before a day number.
var months = set(
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
	"oct", "nov", "dec",
)

// starters are words that typically open a sentence; after a dotted
// acronym ("the U.S.") they signal a boundary, while a name or noun
// ("U.S. President") signals a continuation.
var starters = set(
	"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this",
	"that", "these", "those", "there", "his", "her", "its", "their", "our",
	"in", "on", "at", "by", "for", "from", "with", "after", "before",
	"but", "and", "or", "so", "yet", "however", "meanwhile", "since",
	"when", "while", "if", "as", "although", "though", "earlier", "later",
	"last", "on", "some", "many", "most", "both", "all", "one", "two",
	"other", "others", "no", "not", "what", "who", "why", "how", "where",
	"according", "asked", "speaking", "separately", "also", "still",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
