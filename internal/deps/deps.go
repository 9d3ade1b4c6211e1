//go:build tools

// Package deps pins the modules that the packages of eventgraph are being
// written against, so that go mod tidy keeps them while the code that imports
// them lands.
package deps

import (
	_ "codeberg.org/readeck/go-readability/v2"
	_ "github.com/chromedp/chromedp"
	_ "github.com/dominikbraun/graph"
	_ "github.com/go-echarts/go-echarts/v2/charts"
	_ "github.com/mattn/go-sqlite3"
	_ "github.com/mmcdole/gofeed"
	_ "github.com/spf13/cobra"
	_ "go.yaml.in/yaml/v3"
	_ "golang.org/x/net/html"
)
