package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// cp1252 maps the bytes 0x80-0x9F of Windows-1252 to runes; 0 marks the
// five bytes the code page leaves undefined.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// maxBadUTF8 is the share of bytes that may be replaced by U+FFFD before a
// file counts as not being text at all.
const maxBadUTF8 = 0.01

// decodeText turns file content into valid UTF-8 text with "\n" line ends.
// It strips a UTF-8 byte-order mark, decodes UTF-16 with a byte-order mark,
// reads invalid UTF-8 as Windows-1252 (the usual culprit) when that fits,
// and otherwise replaces a few stray bytes. It returns ErrEmpty, ErrBinary
// or ErrEncoding problems.
func decodeText(data []byte) (string, error) {
	if len(data) > MaxFileSize {
		return "", fail(ErrTooLarge, fmt.Sprintf("%d bytes, the limit is %d", len(data), MaxFileSize),
			"split the file or remove what is not article text")
	}
	var s string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s = decodeUTF16(data[2:], data[0] == 0xFE)
		data = nil
	}
	if s == "" && len(data) > 0 {
		if bytes.IndexByte(data, 0) >= 0 {
			return "", fail(ErrBinary, "the file contains NUL bytes", "give a text, HTML, JSON or feed file, not a binary one")
		}
		var err error
		if s, err = repairUTF8(data); err != nil {
			return "", err
		}
	}
	if strings.Contains(s, "\r") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	}
	if strings.TrimSpace(s) == "" {
		return "", fail(ErrEmpty, "", "remove the file or fill in the article")
	}
	return s, nil
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if bigEndian {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return strings.ReplaceAll(string(utf16.Decode(u)), "\x00", "")
}

func repairUTF8(data []byte) (string, error) {
	if utf8.Valid(data) {
		return string(data), nil
	}
	if s, ok := decodeCP1252(data); ok {
		return s, nil
	}
	bad := 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		i += n
	}
	if float64(bad) > maxBadUTF8*float64(len(data)) {
		return "", fail(ErrEncoding, fmt.Sprintf("%d of %d bytes are not UTF-8", bad, len(data)),
			"convert the file to UTF-8, e.g. with iconv -t UTF-8")
	}
	return strings.ToValidUTF8(string(data), "\uFFFD"), nil
}

// decodeCP1252 reads data as Windows-1252 when no byte is undefined there
// and the file has no valid multi-byte UTF-8 sequence (which would mean a
// mostly-UTF-8 file with a few bad bytes instead).
func decodeCP1252(data []byte) (string, bool) {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if n > 1 && r != utf8.RuneError {
			return "", false
		}
		i += n
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			r := cp1252[c-0x80]
			if r == 0 {
				return "", false
			}
			b.WriteRune(r)
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String(), true
}
