package graph

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/model"
)

// FuzzWriteDOT writes networks whose actor names and countries come from
// the fuzzer and checks that every quoted string of the output is
// terminated and properly escaped, and that a node's label reads back as
// the name. Running dot on every input would be too slow for fuzzing;
// TestWriteDOTGraphviz covers Graphviz itself.
func FuzzWriteDOT(f *testing.F) {
	for _, name := range []string{
		"Russia", `Wagner "PMC"`, `O'Brien \ Co`, `trailing \`, `\"`, `\\"`, "two\nlines",
		"nul\x00byte", "bad \xff utf-8", "AT&amp;T", "*/ -- // # }", `<b>html</b>`, "", " ",
	} {
		f.Add(name, "RUS")
	}
	f.Add(`x"`, `R"U\S`)
	f.Fuzz(func(t *testing.T, name, country string) {
		a := model.NewActor(name, country, model.RoleGOV)
		events := []model.Event{
			MustEvent(t, a, ptr(ukr), "190", day(2022, 2, 24)),
			MustEvent(t, ukr, ptr(a), "0871", model.Month(2022, 3)),
		}
		n := MustBuild(t, events)
		for _, opt := range []DOTOptions{{Title: name}, {ClusterByCountry: true}} {
			out := MustDOT(t, n, opt)
			if err := checkDOTStrings(out); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			label, err := nodeLabel(out, a.ID)
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			want := strings.ReplaceAll(sanitize(a.Name+"\n"+a.Code), "&", "&amp;")
			if label != want {
				t.Fatalf("label of %q reads back as %q, want %q", a.Name, label, want)
			}
		}
	})
}

// checkDOTStrings scans DOT as Graphviz's lexer does: a string opens with
// '"', a backslash takes the next character with it, an unescaped '"'
// closes it. It checks that every string closes on its line, that within
// strings a backslash only precedes '"', '\' or 'n' (the escapes quote
// writes), that no control character or invalid UTF-8 is inside, and that
// braces and brackets outside strings balance.
func checkDOTStrings(dot []byte) error {
	if !utf8.Valid(dot) {
		return fmt.Errorf("output is not valid UTF-8")
	}
	for ln, line := range strings.Split(string(dot), "\n") {
		if strings.HasPrefix(line, "//") {
			if strings.ContainsAny(line, `"{}[]`) {
				return fmt.Errorf("line %d: comment holds DOT syntax: %q", ln+1, line)
			}
			continue
		}
		in := false
		for i := 0; i < len(line); i++ {
			c := line[i]
			switch {
			case !in && c == '"':
				in = true
			case !in:
			case c == '"':
				in = false
			case c == '\\':
				if i+1 >= len(line) || !strings.ContainsRune(`"\n`, rune(line[i+1])) {
					return fmt.Errorf("line %d col %d: bad escape in %q", ln+1, i+1, line)
				}
				i++
			case c < 0x20 || c == 0x7f:
				return fmt.Errorf("line %d col %d: control character %#x in a string", ln+1, i+1, c)
			}
		}
		if in {
			return fmt.Errorf("line %d: unterminated string: %q", ln+1, line)
		}
	}
	return balanced(dot)
}

// balanced checks that braces and brackets outside strings pair up.
func balanced(dot []byte) error {
	var stack []byte
	in := false
	for i := 0; i < len(dot); i++ {
		c := dot[i]
		switch {
		case in && c == '\\':
			i++
		case c == '"':
			in = !in
		case in:
		case c == '{' || c == '[':
			stack = append(stack, c)
		case c == '}' || c == ']':
			if len(stack) == 0 || stack[len(stack)-1] != map[byte]byte{'}': '{', ']': '['}[c] {
				return fmt.Errorf("offset %d: unbalanced %q", i, c)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		return fmt.Errorf("unclosed %q", stack)
	}
	return nil
}

// nodeLabel finds the node statement of id and returns its label
// unescaped, \n read as a line break.
func nodeLabel(dot []byte, id string) (string, error) {
	head := []byte(quote(id) + ` [label="`)
	for _, line := range bytes.Split(dot, []byte("\n")) {
		line = bytes.TrimLeft(line, "\t")
		if !bytes.HasPrefix(line, head) {
			continue
		}
		var b strings.Builder
		for i := len(head); i < len(line); i++ {
			switch c := line[i]; c {
			case '"':
				return b.String(), nil
			case '\\':
				i++
				if line[i] == 'n' {
					b.WriteByte('\n')
				} else {
					b.WriteByte(line[i])
				}
			default:
				b.WriteByte(c)
			}
		}
		return "", fmt.Errorf("label of %s does not close", id)
	}
	return "", fmt.Errorf("no node statement for %s", id)
}

// sanitize is what quote does to text besides escaping: invalid UTF-8 to
// U+FFFD, control characters other than line feeds to spaces.
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\n' && unicode.IsControl(r) {
			return ' '
		}
		return r
	}, string([]rune(s))) // []rune turns each invalid byte into U+FFFD, as range does
}
