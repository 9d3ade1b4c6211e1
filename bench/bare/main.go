// Command bare is the practical limit for ingest speed: it reads and
// tokenizes the same files as `eventgraph ingest` (walk, parse every
// format, split sentences, tokenize) and does nothing else, on every core.
// With -bodies FILE it also writes the article bodies as JSON lines for
// the JavaScript peers that bench/run.sh measures on the same text.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eventgraph/eventgraph/ingest"
	"github.com/eventgraph/eventgraph/ingest/sentence"
)

func main() {
	bodies := flag.String("bodies", "", "write the article bodies as JSON lines to this file")
	flag.Parse()
	var out *bufio.Writer
	if *bodies != "" {
		f, err := os.Create(*bodies)
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		out = bufio.NewWriter(f)
		defer out.Flush()
	}
	start := time.Now()
	var articles, tokens, bytes atomic.Int64
	files := make(chan ingest.File, 64)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range files {
				for _, a := range f.Articles {
					n := 0
					for _, s := range sentence.Split(a.Body) {
						n += len(sentence.Tokenize(s.Text))
					}
					tokens.Add(int64(n))
					articles.Add(1)
					bytes.Add(int64(len(a.Body)))
					if out != nil {
						line, _ := json.Marshal(map[string]string{"date": a.Published.Format("2006-01-02"), "text": a.Body})
						mu.Lock()
						out.Write(append(line, '\n'))
						mu.Unlock()
					}
				}
			}
		}()
	}
	err := ingest.Walk(context.Background(), flag.Args(), os.Stdin, func(f ingest.File) error {
		files <- f
		return nil
	})
	close(files)
	wg.Wait()
	if err != nil {
		log.Fatal(err)
	}
	secs := time.Since(start).Seconds()
	fmt.Printf("articles=%d bytes=%d tokens=%d seconds=%.3f\n", articles.Load(), bytes.Load(), tokens.Load(), secs)
}
