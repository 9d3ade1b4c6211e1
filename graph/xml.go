package graph

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// xmlWriter writes the small, fixed-shape XML documents of the GraphML and
// GEXF exports. It is hand-rolled rather than encoding/xml's Encoder so
// that the element order, indentation and attribute order are ours and
// stable, and text goes through [xml.EscapeText], which also replaces
// characters XML 1.0 forbids (control characters, invalid UTF-8) with
// U+FFFD so that no actor name can make the file unreadable.
type xmlWriter struct {
	bytes.Buffer
	depth int
}

// start opens an element with attributes given as name/value pairs.
func (x *xmlWriter) start(name string, attrs ...string) {
	x.tag(name, attrs, ">")
	x.depth++
}

// empty writes an element without content.
func (x *xmlWriter) empty(name string, attrs ...string) { x.tag(name, attrs, "/>") }

// text writes an element holding only text.
func (x *xmlWriter) text(name, text string, attrs ...string) {
	x.indent()
	x.WriteByte('<')
	x.WriteString(name)
	x.attrs(attrs)
	x.WriteByte('>')
	x.WriteString(escapeXML(text))
	x.WriteString("</" + name + ">\n")
}

// end closes the element opened last.
func (x *xmlWriter) end(name string) {
	x.depth--
	x.indent()
	x.WriteString("</" + name + ">\n")
}

func (x *xmlWriter) tag(name string, attrs []string, close string) {
	x.indent()
	x.WriteByte('<')
	x.WriteString(name)
	x.attrs(attrs)
	x.WriteString(close)
	x.WriteByte('\n')
}

func (x *xmlWriter) attrs(kv []string) {
	for i := 0; i+1 < len(kv); i += 2 {
		x.WriteString(" " + kv[i] + `="` + escapeXML(kv[i+1]) + `"`)
	}
}

func (x *xmlWriter) indent() { x.WriteString(strings.Repeat("  ", x.depth)) }

// escapeXML escapes text for element content and double-quoted attribute
// values alike.
func escapeXML(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder never fail
	return b.String()
}
