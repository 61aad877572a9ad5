package media

import (
	"crypto/sha256"
	"encoding/hex"
)

// Variant is one encoded size of an uploaded image, ready to store and serve.
type Variant struct {
	Data          []byte
	ContentType   string // "image/jpeg" or "image/png"
	Ext           string // ".jpg" or ".png"
	Width, Height int
	Hash          string // lower-case hex SHA-256 of Data: the file's name when served
}

// Processed is an upload turned into the two sizes the site shows. When the upload already fits the
// thumbnail box, neither size is scaled and Thumb has the same bytes as Display, in a slice of its
// own.
type Processed struct{ Display, Thumb Variant }

// newVariant names data by its content. A content-addressed name never changes while the bytes stay
// the same, so the file can be cached for ever, and a replaced image gets a new name by itself.
func newVariant(data []byte, contentType, ext string, width, height int) Variant {
	sum := sha256.Sum256(data)
	return Variant{
		Data:        data,
		ContentType: contentType,
		Ext:         ext,
		Width:       width,
		Height:      height,
		Hash:        hex.EncodeToString(sum[:]),
	}
}
