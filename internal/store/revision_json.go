package store

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"twincities/internal/content"
)

// A revision (revisions.data) keeps an entry whole, as JSON, for as long as the entry lives: the
// history shows it, Revert saves it again and the conflict page compares with it. So the JSON must
// outlive the Go structs it was made from. Every revision goes through encodeRevision and
// decodeRevision, and it comes in one of two shapes:
//
// Shape 2, written now, is an envelope naming its shape around the entry encoded by its json tags
// (package content says how they are named):
//
//	{"shape": 2, "entry": {"id": 3, "kind": "twin", "since": {"date": "2007-10-01T00:00:00Z", "precision": "month"}, ...}}
//
// A Go field can be renamed freely, since its tag keeps the key; a tag must not be renamed without
// a new shape (revisionShape + 1) and a translation from the one before it.
//
// Shape 1, written until the entry types had json tags, has no envelope: the entry itself, keyed by
// Go field names ({"ID": 3, "Kind": "twin", "Since": {"Time": "...", "Precision": "month"}, ...}),
// except the fields of Text and Source, which were tagged from the start (see shape1Keys).
// decodeRevision translates it to today's tags by reflection over the entry type, so it keeps
// working however the tags are named, as long as no Go field of shape 1 is renamed or reused for
// something else; testdata/revisions/v1 holds one revision of each kind as production has them,
// and its test fails when that happens.

// revisionShape is the shape encodeRevision writes.
const revisionShape = 2

// revisionEnvelope is a revision of shape 2 or later.
type revisionEnvelope struct {
	Shape int             `json:"shape"`
	Entry json.RawMessage `json:"entry"`
}

// encodeRevision is the JSON that keeps e as a revision: of the current shape.
func encodeRevision[T content.Entry](e T) ([]byte, error) {
	entry, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	return json.Marshal(revisionEnvelope{Shape: revisionShape, Entry: entry})
}

// decodeRevision reads a revision of any shape this version knows, and refuses a later one (say,
// written by a newer version of the site before a rollback) rather than guess at it.
func decodeRevision[T content.Entry](data []byte) (T, error) {
	var e T
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return e, fmt.Errorf("revision is not a JSON object: %w", err)
	}
	if top == nil {
		return e, errors.New("revision is null")
	}
	// No entry type has a field keyed "shape" in shape 1 (its keys are capitalised Go names),
	// so the key tells the envelope from a bare entry of shape 1.
	entry, shape := json.RawMessage(data), 1
	if raw, ok := top["shape"]; ok {
		if err := json.Unmarshal(raw, &shape); err != nil {
			return e, fmt.Errorf("revision shape %s is not a whole number", raw)
		}
		if entry, ok = top["entry"]; !ok {
			return e, fmt.Errorf("revision of shape %d holds no entry", shape)
		}
	}
	switch shape {
	case 1:
		var err error
		if entry, err = fromShape1(reflect.TypeFor[T](), entry); err != nil {
			return e, fmt.Errorf("revision of shape 1: %w", err)
		}
	case revisionShape:
	default:
		return e, fmt.Errorf("revision of shape %d, which this version reads only up to shape %d", shape, revisionShape)
	}
	if err := json.Unmarshal(entry, &e); err != nil {
		return e, fmt.Errorf("revision of shape %d: %w", shape, err)
	}
	return e, nil
}

// shape1Keys are the keys shape 1 gave the fields that were tagged already: Text's and Source's.
// Every other field of shape 1 is keyed by its Go name. They are written out here, not read from
// today's tags, so that renaming those tags too leaves shape 1 readable.
var shape1Keys = map[reflect.Type]map[string]string{
	reflect.TypeFor[content.Text]():   {"RU": "ru", "EN": "en"},
	reflect.TypeFor[content.Source](): {"Title": "title", "URL": "url"},
}

// fromShape1 rewrites raw, the shape 1 JSON of a value of type t, with today's keys: each field's
// value moves from its shape 1 key to its json tag, in nested structs, pointers, slices and maps
// alike. Keys of no field of t are dropped: encoding/json matches keys without regard to case,
// and an old key left in place could land in a field it never meant.
func fromShape1(t reflect.Type, raw json.RawMessage) (json.RawMessage, error) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) || decodesItself(t) {
		return raw, nil
	}
	switch t.Kind() {
	case reflect.Struct:
		var old map[string]json.RawMessage
		if err := json.Unmarshal(raw, &old); err != nil {
			return nil, fmt.Errorf("%s: %w", t, err)
		}
		out := make(map[string]json.RawMessage, len(old))
		for i := range t.NumField() {
			f := t.Field(i)
			name, ok := jsonName(f)
			if !ok {
				continue
			}
			key := f.Name
			if k, ok := shape1Keys[t][f.Name]; ok {
				key = k
			}
			v, ok := old[key]
			if !ok {
				continue
			}
			v, err := fromShape1(f.Type, v)
			if err != nil {
				return nil, fmt.Errorf("%s.%s: %w", t, f.Name, err)
			}
			out[name] = v
		}
		return json.Marshal(out)
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return raw, nil // []byte is a base64 string
		}
		var old []json.RawMessage
		if err := json.Unmarshal(raw, &old); err != nil {
			return nil, fmt.Errorf("%s: %w", t, err)
		}
		for i, v := range old {
			var err error
			if old[i], err = fromShape1(t.Elem(), v); err != nil {
				return nil, fmt.Errorf("%s[%d]: %w", t, i, err)
			}
		}
		return json.Marshal(old)
	case reflect.Map:
		var old map[string]json.RawMessage
		if err := json.Unmarshal(raw, &old); err != nil {
			return nil, fmt.Errorf("%s: %w", t, err)
		}
		for k, v := range old {
			var err error
			if old[k], err = fromShape1(t.Elem(), v); err != nil {
				return nil, fmt.Errorf("%s[%q]: %w", t, k, err)
			}
		}
		return json.Marshal(old)
	}
	return raw, nil
}

// jsonName is the key encoding/json gives field f, and false when it skips the field.
func jsonName(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false
	}
	if name, _, _ := strings.Cut(tag, ","); name != "" {
		return name, true
	}
	return f.Name, true
}

// decodesItself reports whether encoding/json hands values of type t to their own decoder
// (time.Time does): their JSON has no fields of ours to rename.
func decodesItself(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return p.Implements(reflect.TypeFor[json.Unmarshaler]()) || p.Implements(reflect.TypeFor[encoding.TextUnmarshaler]())
}
