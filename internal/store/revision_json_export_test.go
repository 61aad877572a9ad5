package store

import "twincities/internal/content"

// RevisionShape is revisionShape, for the tests of package store_test.
const RevisionShape = revisionShape

// EncodeRevision is encodeRevision, for the tests of package store_test.
func EncodeRevision[T content.Entry](e T) ([]byte, error) { return encodeRevision(e) }

// DecodeRevision is decodeRevision, for the tests of package store_test.
func DecodeRevision[T content.Entry](data []byte) (T, error) { return decodeRevision[T](data) }
