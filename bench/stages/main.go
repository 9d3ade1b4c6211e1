// Command stages runs eventgraph's own engines over the article bodies
// that bench/bare wrote, one at a time on one goroutine, timed inside the
// process, the way bench/js/peers.mjs runs chrono-node and compromise over
// the same file: so that each peer is compared with the part of eventgraph
// that does the same job (time expressions with chrono-node, actors with
// compromise), beside the whole extraction.
//
//	go run ./bench/stages BODIES.jsonl timex|actors|extract
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/extract"
	"github.com/eventgraph/eventgraph/ingest/sentence"
	"github.com/eventgraph/eventgraph/ingest/timex"
	"github.com/eventgraph/eventgraph/model"
)

type body struct {
	Date string `json:"date"`
	Text string `json:"text"`
}

func main() {
	log.SetFlags(0)
	if len(os.Args) != 3 {
		log.Fatal("usage: stages BODIES.jsonl timex|actors|extract")
	}
	docs, err := readBodies(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	run, err := stage(os.Args[2])
	if err != nil {
		log.Fatal(err)
	}
	bytes, found := 0, 0
	start := time.Now()
	for _, d := range docs {
		bytes += len(d.text)
		found += run(d)
	}
	secs := time.Since(start).Seconds()
	fmt.Printf("articles=%d bytes=%d found=%d seconds=%.3f\n", len(docs), bytes, found, secs)
}

type doc struct {
	text      string
	published time.Time
}

func readBodies(path string) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var b body
		if err := json.Unmarshal(sc.Bytes(), &b); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		// Noon, as peers.mjs gives chrono-node its reference date.
		t, err := time.Parse("2006-01-02", b.Date)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: date: %w", path, line, err)
		}
		docs = append(docs, doc{b.Text, t.Add(12 * time.Hour)})
	}
	return docs, sc.Err()
}

// stage returns the engine to time; what it builds before the clock
// starts (the gazetteer and lexicons) is loaded once per process, as
// chrono-node's and compromise's are at import.
func stage(name string) (func(doc) int, error) {
	switch name {
	case "timex":
		return func(d doc) int { return len(timex.Tag(d.text, d.published)) }, nil
	case "actors":
		g := actor.Default()
		return func(d doc) int {
			found := 0
			ad := g.NewDocument(d.published)
			for _, s := range sentence.Split(d.text) {
				found += len(ad.Find(s.Text))
			}
			return found
		}, nil
	case "extract":
		x := extract.New(actor.Default())
		return func(d doc) int {
			return len(x.Extract(model.Article{Body: d.text, Published: d.published}))
		}, nil
	}
	return nil, fmt.Errorf("unknown stage %q: want timex, actors or extract", name)
}
