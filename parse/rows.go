package parse

import (
	"bufio"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
)

// Each CSV file's records are decoded into a struct whose csv tags name its
// columns (csvfile.go); the struct's item method makes the record's item.
// A row dated by one of its columns names that column once, by passing the
// field to dated: the name problems quote is the field's tag.

// row is a record of a CSV file. item turns it into an item, or gives the
// reason it cannot be one, and the record is counted as rejected.
type row interface {
	item(c rowCtx) (Item, string)
}

// rowPtr is the pointer to a row struct T, which implements row.
type rowPtr[T any] interface {
	*T
	row
}

// rows reads a CSV file whose records are Ts.
func rows[T any, P rowPtr[T]](c *fileCtx) {
	readCSV(c, csvOptions{}, itemOf[T, P])
}

// repairedRows reads one whose text needs a repair first (repair.go).
func repairedRows[T any, P rowPtr[T]](repair func(*bufio.Reader, *repairCtx) io.Reader) func(*fileCtx) {
	return func(c *fileCtx) { readCSV(c, csvOptions{repair: repair}, itemOf[T, P]) }
}

func itemOf[T any, P rowPtr[T]](c *fileCtx, r *T, line int) (Item, string) {
	it, reason := P(r).item(rowCtx{fileCtx: c, line: line, row: r})
	c.datesChecked = true
	return it, reason
}

// rowCtx is what a row's item method is given: its file, its line, and the
// row itself, in which a date's column is found by the field's address.
type rowCtx struct {
	*fileCtx
	line int
	row  any
}

// undated is the item of a row without a date; its ID hashes the keys.
func (c rowCtx) undated(text string, keys ...string) Item {
	return Item{ID: contentID(c.kind, keys...), Kind: c.kind, Line: c.line, Text: text}
}

// dated is the item of a row dated by its field d, which holds when the
// row's content was created. The date is the ID's last key, so that rows
// alike but for their date are told apart.
func (c rowCtx) dated(d *Date, text string, keys ...string) Item {
	return c.datedAs(d, DateExact, text, keys...)
}

// started is the item of a profile entry dated by its field d, the start of
// the period it describes (Started On, Issued On, Published On). The entry
// cannot have been added before it, so it dates the entry as a lower bound
// (contract, "Default policy decisions").
func (c rowCtx) started(d *Date, text string, keys ...string) Item {
	return c.datedAs(d, DateLowerBound, text, keys...)
}

func (c rowCtx) datedAs(d *Date, basis DateBasis, text string, keys ...string) Item {
	t, basis := c.dateAs(d, basis)
	return Item{ID: datedID(c.kind, t, d.Raw, keys...), Kind: c.kind, Line: c.line, Date: t, Basis: basis, Text: text}
}

// when is the date of the row's field d, for rows whose ID leaves it out.
func (c rowCtx) when(d *Date) (time.Time, DateBasis) {
	return c.dateAs(d, DateExact)
}

// dateAs looks the date's column up only for a problem to quote, and on a
// file's first row, so that a reader giving dated a Date that is not a
// field of its row fails on any file it reads, not only on one with an
// unreadable date.
func (c rowCtx) dateAs(d *Date, basis DateBasis) (time.Time, DateBasis) {
	column := ""
	if d.Unparsed() || !c.datesChecked {
		column = c.column(d)
	}
	return c.fileCtx.when(c.line, column, *d, basis)
}

// column is the name of the row's field at d: the first name of its tag.
func (c rowCtx) column(d *Date) string {
	v := reflect.ValueOf(c.row).Elem()
	at := reflect.ValueOf(d).Pointer()
	for i := range v.NumField() {
		if f := v.Field(i); f.Type() == reflect.TypeFor[Date]() && f.Addr().Pointer() == at {
			name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("csv"), ",")
			return name
		}
	}
	panic(fmt.Sprintf("parse: %s is dated by a Date that is not one of its fields", v.Type()))
}

// when turns a date of the export into an item's date. An unrecognised date
// is reported, with its column, and the item kept, undated, rather than
// dropped.
func (c *fileCtx) when(line int, column string, d Date, basis DateBasis) (time.Time, DateBasis) {
	if d.IsSet() {
		if d.Prec == PrecMonthDay { // a birthday without a year dates nothing
			return time.Time{}, DateNone
		}
		return d.Time, basis
	}
	if d.Unparsed() {
		c.problem(line, "unrecognised date in column %q; item kept as undated", column)
	}
	return time.Time{}, DateNone
}
