package ingest

import "github.com/eventgraph/eventgraph/model"

func parseHTML(string) (model.Article, error) {
	return model.Article{}, fail(ErrFormat, "HTML is not read yet", "")
}
func parseJSON(string) ([]model.Article, error) {
	return nil, fail(ErrFormat, "JSON is not read yet", "")
}
func parseFeed(string) ([]model.Article, error) {
	return nil, fail(ErrFormat, "feeds are not read yet", "")
}
