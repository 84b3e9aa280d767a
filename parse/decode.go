package parse

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"reflect"
	"strings"

	"github.com/gocarina/gocsv"
)

// A rowDecoder fills a row struct T from a CSV record exactly as gocsv's
// Unmarshaller would, without its cost per field: gocsv boxes every value
// in an interface and allocates a new row through reflection, which was a
// fifth of the time of a large report (issue "Speed, round two").
//
// The binding of columns to fields is not worked out here: it is gocsv's
// own, learnt once per file by letting gocsv decode one probe record per
// column (probeBinding). The struct tags stay the only schema, and a fuzz
// test holds the two decoders to the same rows.
type rowDecoder[T any] struct {
	// set fills, for each header column, the field gocsv binds it to; nil
	// where it binds none.
	set []func(row *T, value string)
	// headers are the column names the unknown columns are kept under.
	headers []string
	// unknown: the header has columns no field takes; their values are
	// returned beside the row, as gocsv's ReadUnmatched returns them.
	unknown bool
}

// newRowDecoder binds the columns of header (as given to gocsv) to T's
// fields. It fails only when T has a field of a kind it does not set as
// gocsv would (row structs hold strings and Dates): a bug of the reader.
func newRowDecoder[T any](header []string, unknown bool) (*rowDecoder[T], error) {
	bound, err := probeBinding[T](header)
	if err != nil {
		return nil, err
	}
	d := &rowDecoder[T]{set: make([]func(*T, string), len(header)), headers: header, unknown: unknown}
	for col, field := range bound {
		if field < 0 {
			continue
		}
		setter, err := fieldSetter[T](field)
		if err != nil {
			return nil, err
		}
		d.set[col] = setter
	}
	return d, nil
}

// decode fills row, which it zeroes first, from rec. With unknown columns
// it also returns their values by column name; a record with more fields
// than the header then gives ok false, since gocsv cannot map it
// (ReadUnmatched indexes past its header).
func (d *rowDecoder[T]) decode(rec []string, row *T) (extra map[string]string, ok bool) {
	var zero T
	*row = zero
	if d.unknown {
		if len(rec) > len(d.set) {
			return nil, false
		}
		extra = make(map[string]string)
	}
	for j, v := range rec {
		switch {
		case j >= len(d.set):
			return extra, true
		case d.set[j] != nil:
			d.set[j](row, v)
		case extra != nil:
			extra[d.headers[j]] = v
		}
	}
	return extra, true
}

// fieldSetter sets T's field i from a value, as gocsv's setField does for
// the kinds row structs use: a string as it is, a Date by its UnmarshalCSV.
func fieldSetter[T any](i int) (func(*T, string), error) {
	f := reflect.TypeFor[T]().Field(i)
	switch {
	case f.Type == reflect.TypeFor[Date]():
		return func(row *T, v string) {
			d := reflect.ValueOf(row).Elem().Field(i).Addr().Interface().(*Date)
			d.UnmarshalCSV(v) // never fails: an unreadable date is kept raw
		}, nil
	case f.Type.Kind() == reflect.String && f.Type == reflect.TypeFor[string]():
		return func(row *T, v string) { reflect.ValueOf(row).Elem().Field(i).SetString(v) }, nil
	}
	return nil, fmt.Errorf("parse: %s.%s is a %s, which the row decoder does not set", reflect.TypeFor[T](), f.Name, f.Type)
}

// probeBinding asks gocsv which field each column of header fills: it
// decodes one record per column, ending at that column, which holds a
// marker (the columns before it are empty), and looks for the marker among
// T's top-level fields. Nothing follows the marker, so that a later column
// bound to the same field (a repeated or renamed header) cannot overwrite
// it. The result is the field's index for each column, or -1.
func probeBinding[T any](header []string) ([]int, error) {
	var text bytes.Buffer
	writeQuoted(&text, header)
	for col := range header {
		rec := make([]string, col+1)
		rec[col] = probeMarker(col)
		writeQuoted(&text, rec)
	}
	r := csv.NewReader(&text)
	r.FieldsPerRecord = -1
	um, err := gocsv.NewUnmarshaller(r, (*T)(nil))
	if err != nil {
		return nil, err
	}
	bound := make([]int, len(header))
	for col := range header {
		v, err := um.Read()
		if err != nil {
			return nil, err
		}
		bound[col] = markedField(reflect.ValueOf(v).Elem(), probeMarker(col))
	}
	return bound, nil
}

// writeQuoted writes a record with every field quoted, which encoding/csv
// reads back as it was even where csv.Writer's text would not be: a lone
// empty field is written as an empty line, which a reader skips.
func writeQuoted(b *bytes.Buffer, rec []string) {
	for i, f := range rec {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(f, `"`, `""`))
		b.WriteByte('"')
	}
	b.WriteByte('\n')
}

func probeMarker(col int) string { return fmt.Sprintf("\x1fprobe column %d\x1f", col) }

// markedField is the index of v's field holding marker: a string equal to
// it, or a Date read from it; -1 when none does.
func markedField(v reflect.Value, marker string) int {
	for i := range v.NumField() {
		switch f := v.Field(i).Interface().(type) {
		case string:
			if f == marker {
				return i
			}
		case Date:
			if f.Raw == marker {
				return i
			}
		default:
			if !v.Field(i).IsZero() {
				return i // set, but of a kind fieldSetter refuses: it says so
			}
		}
	}
	return -1
}
