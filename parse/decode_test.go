package parse

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"testing"

	"github.com/gocarina/gocsv"
)

// rowType is one row struct of the readers, for the tests that hold the
// row decoder to gocsv.
type rowType struct {
	name    string
	cols    csvColumns
	compare func(text []byte, unknown bool) error
}

func rowTypeOf[T any]() rowType {
	return rowType{name: reflect.TypeFor[T]().Name(), cols: columnsOf[T](), compare: compareDecoders[T]}
}

// rowTypes are the row structs of every reader (TestRowTypesComplete
// checks the list against names.go).
var rowTypes = []rowType{
	rowTypeOf[accountStatusRow](), rowTypeOf[adClickRow](), rowTypeOf[adTargetingRow](),
	rowTypeOf[calendarRow](), rowTypeOf[causeRow](), rowTypeOf[certificationRow](),
	rowTypeOf[commentRow](), rowTypeOf[companyFollowRow](), rowTypeOf[connectionRow](),
	rowTypeOf[contactRow](), rowTypeOf[courseRow](), rowTypeOf[educationRow](),
	rowTypeOf[emailRow](), rowTypeOf[endorsementRow](), rowTypeOf[eventRow](),
	rowTypeOf[hashtagFollowRow](), rowTypeOf[honorRow](), rowTypeOf[identityAssetRow](),
	rowTypeOf[inferenceRow](), rowTypeOf[invitationRow](), rowTypeOf[jobAlertRow](),
	rowTypeOf[jobApplicationRow](), rowTypeOf[jobPostingRow](), rowTypeOf[jobPreferenceRow](),
	rowTypeOf[lanAdRow](), rowTypeOf[languageRow](), rowTypeOf[learningRow](),
	rowTypeOf[marketplaceRow](), rowTypeOf[memberFollowRow](), rowTypeOf[memberHashtagRow](),
	rowTypeOf[messageRow](), rowTypeOf[noteRow](), rowTypeOf[organizationRow](),
	rowTypeOf[patentRow](), rowTypeOf[positionRow](), rowTypeOf[profileRow](),
	rowTypeOf[profileSummaryRow](), rowTypeOf[projectRow](), rowTypeOf[publicationRow](),
	rowTypeOf[reactionRow](), rowTypeOf[receiptRow](), rowTypeOf[recommendationRow](),
	rowTypeOf[registrationRow](), rowTypeOf[repostRow](), rowTypeOf[reviewRow](),
	rowTypeOf[richMediaRow](), rowTypeOf[savedItemRow](), rowTypeOf[savedJobRow](),
	rowTypeOf[screeningAnswerRow](), rowTypeOf[searchQueryRow](), rowTypeOf[securityRow](),
	rowTypeOf[shareRow](), rowTypeOf[skillRow](), rowTypeOf[testScoreRow](),
	rowTypeOf[verificationRow](), rowTypeOf[videoRow](), rowTypeOf[volunteeringRow](),
	rowTypeOf[voteRow](),
}

// TestRowTypesComplete: every row struct a reader in names.go decodes is
// in rowTypes, so that the fuzz test covers it.
func TestRowTypesComplete(t *testing.T) {
	src, err := os.ReadFile("names.go")
	if err != nil {
		t.Fatal(err)
	}
	var used []string
	for _, m := range regexp.MustCompile(`\b(?:rows|repairedRows)\[(\w+)\]`).FindAllStringSubmatch(string(src), -1) {
		if m[1] != "T" {
			used = append(used, m[1])
		}
	}
	sort.Strings(used)
	used = slices.Compact(used)
	var listed []string
	for _, rt := range rowTypes {
		listed = append(listed, rt.name)
	}
	sort.Strings(listed)
	if len(used) < 50 || !slices.Equal(used, listed) {
		t.Errorf("row structs of names.go:\n%v\nlisted in rowTypes:\n%v", used, listed)
	}
}

// TestRowDecoderCases holds the row decoder to gocsv on the shapes real
// exports have: columns renamed or repeated, unknown and unnamed columns,
// records shorter and longer than the header, every row struct.
func TestRowDecoderCases(t *testing.T) {
	texts := []string{
		"Date,ShareLink,ShareCommentary,Visibility\n2024-01-01 10:00:00,l,hello,MEMBER_NETWORK\n",
		"Date,Date,Link\n2024-01-01,2023-05-06,x\n,2023-05-06,\n",
		"Started On,Start Date,Company Name,Title\nJan 2020,Mar 2021,Acme,CEO\nFeb 2019\n",
		"Time,Search Query,Extra,\nt,q,e,\nt,q,e,,,too wide\n",
		" Date ,\ufeffLink,Mess\u200bage\n2024-01-01,l,m\n",
		"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,u,e,c,p,01 Jan 2024\n",
		"Unknown,Other\nx,y\n,\n",
		"Date\n\n2024-01-01\n",
	}
	for _, rt := range rowTypes {
		for i, text := range texts {
			for _, unknown := range []bool{false, true} {
				if err := rt.compare([]byte(text), unknown); err != nil {
					t.Errorf("%s, text %d, unknown %v: %v", rt.name, i, unknown, err)
				}
			}
		}
	}
}

// FuzzRowDecoder holds the row decoder to gocsv on arbitrary CSV text, for
// every row struct: the same rows, the same unknown columns, the same
// records refused. Seeds are the beginnings of sample_export's files, each
// with the row struct its header names best.
func FuzzRowDecoder(f *testing.F) {
	for _, data := range sampleSeeds(f, 2000) {
		f.Add(uint8(bestRowType(data)), data)
	}
	f.Fuzz(func(t *testing.T, typ uint8, text []byte) {
		rt := rowTypes[int(typ)%len(rowTypes)]
		for _, unknown := range []bool{false, true} {
			if err := rt.compare(text, unknown); err != nil {
				t.Fatalf("%s, unknown %v: %v", rt.name, unknown, err)
			}
		}
	})
}

// bestRowType is the index of the row struct naming most of data's first
// record.
func bestRowType(data []byte) int {
	rec, _ := lenientReader(data).Read()
	best, most := 0, -1
	for i, rt := range rowTypes {
		n := 0
		for _, h := range rec {
			if _, ok := rt.cols.keys[normColumn(h)]; ok {
				n++
			}
		}
		if n > most {
			best, most = i, n
		}
	}
	return best
}

func lenientReader(text []byte) *csv.Reader {
	return newCSVReader(bytes.NewReader(text), ',', true)
}

// compareDecoders reads text, whose first record is the header, with gocsv
// and with the row decoder, and reports the first record they disagree on.
// unknown chooses gocsv's ReadUnmatched (the header has unknown columns)
// over Read, as readCSV does.
func compareDecoders[T any](text []byte, unknown bool) error {
	um, err := gocsv.NewUnmarshaller(lenientReader(text), (*T)(nil))
	if err != nil {
		return nil // no header record: readCSV never decodes such a file
	}
	fast := lenientReader(text)
	header, err := fast.Read()
	if err != nil {
		return fmt.Errorf("gocsv read a header, encoding/csv did not: %v", err)
	}
	dec, err := newRowDecoder[T](slices.Clone(header), unknown)
	if err != nil {
		return err
	}
	for n := 1; ; n++ {
		want, wantExtra, wantErr := gocsvRow[T](um, unknown)
		rec, err := fast.Read()
		if wantErr != nil || err != nil {
			if !sameError(wantErr, err) {
				return fmt.Errorf("record %d: gocsv gave error %v, encoding/csv %v", n, wantErr, err)
			}
			if err == io.EOF {
				return nil
			}
			continue
		}
		var got T
		extra, ok := dec.decode(rec, &got)
		switch {
		case ok != (want != nil):
			return fmt.Errorf("record %d %q: decoded %v, gocsv decoded %v", n, rec, ok, want != nil)
		case !ok:
			continue
		case !reflect.DeepEqual(got, *want):
			return fmt.Errorf("record %d %q:\n got %+v\nwant %+v", n, rec, got, *want)
		case !reflect.DeepEqual(extra, wantExtra):
			return fmt.Errorf("record %d %q: unknown columns %v, gocsv's %v", n, rec, extra, wantExtra)
		}
	}
}

// gocsvRow is a record as readCSV read it through gocsv before the row
// decoder: nil when ReadUnmatched cannot map it (it panics indexing past
// the header).
func gocsvRow[T any](um *gocsv.Unmarshaller, unknown bool) (row *T, extra map[string]string, err error) {
	var v any
	if !unknown {
		v, err = um.Read()
	} else {
		func() {
			defer func() {
				if recover() != nil {
					v, extra, err = nil, nil, nil
				}
			}()
			v, extra, err = um.ReadUnmatched()
		}()
	}
	if v == nil {
		return nil, nil, err
	}
	return v.(*T), extra, err
}

func sameError(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	var pa, pb *csv.ParseError
	if errors.As(a, &pa) && errors.As(b, &pb) {
		return *pa == *pb
	}
	return a == b
}
