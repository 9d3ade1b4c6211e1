// Package explorer is eventgraph's browser explorer: an HTTP handler that
// serves the report's pages live from a [model.EventReader], with the
// filters in the URL, linked views of time and network, a JSON API and
// downloads of the current view. It reads only; it never imports the
// store, so any reader can sit behind it (cmd/eventgraph wires in a SQLite
// database opened read-only).
//
// # Routes
//
//	/, /index.html, /network.html     the report's pages for the filtered events
//	/actor-ID.html, /country-CC.html  one actor or country
//	/event-ID.html                    one event
//	/events-N.html                    page N of a long event list (200 a page)
//	/explore.html                     timeline and network, linked
//	/api/events                       events, the JSON shape of the contract, in
//	                                  pages: limit (1-5000, default 5000) and
//	                                  after (the cursor that the Link rel="next"
//	                                  and X-Next-After headers give); each event
//	                                  shows its first mentions (mentions=N, 0-5000,
//	                                  default 10) and mentions_next the rest
//	/api/mentions                     one event's mentions (event=ID), from offset,
//	                                  limit (1-5000, default 100) at a time
//	/api/actors                       actors of the filtered events, with counts
//	/api/graph                        the network as report.NetworkData
//	/download/NAME                    the current view: graph.dot, graph.graphml,
//	                                  graph.gexf, graph.cytoscape.json, timeline.json,
//	                                  events.gdelt.csv, events.acled.csv, events.json, events.csv
//	/echarts.min.js, /report.js, /report.css, /explore.js
//
// Every route but /api/mentions takes the same filters as query
// parameters: from, to (YYYY, YYYY-MM or YYYY-MM-DD), actor (repeatable or
// comma-separated; name, code, country or id), between=1 (both sides among
// the actors), root, quad, outlet (repeatable), min (minimum sources) and q
// (full text).
//
// # Hardening
//
// Only GET and HEAD are served; any other path, including every form of
// "..", is answered 404 without touching the file system (all pages are
// rendered, all assets embedded). Requests are limited in header size,
// query length and time ([NewServer]); a panic or a reader error is logged
// and answered with a bare 500, never a stack trace. A Host header that
// does not name a loopback address or the configured one is refused, so a
// web page elsewhere cannot reach the explorer by DNS rebinding. Every
// response carries a Content-Security-Policy that allows nothing from
// other origins.
package explorer
