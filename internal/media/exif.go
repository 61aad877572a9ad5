package media

import (
	"bytes"
	"encoding/binary"
)

// Phones store a photo as the sensor saw it and record in the EXIF Orientation tag how to turn it
// upright. Re-encoding drops that tag with the rest of the metadata, so the turn has to be applied to
// the pixels, or a portrait photo would be served lying on its side. Only the one tag is needed, so
// it is read here directly rather than with an EXIF library.

// JPEG markers that matter when walking the segments before the image data.
const (
	markerSOI  = 0xD8 // start of image
	markerEOI  = 0xD9 // end of image
	markerSOS  = 0xDA // start of scan: the compressed pixels follow, metadata is all before
	markerAPP1 = 0xE1 // application segment 1: where EXIF lives
	markerTEM  = 0x01 // a marker without a length, like RST0–RST7
	markerRST0 = 0xD0
	markerRST7 = 0xD7
)

// TIFF values of the one tag read.
const (
	tagOrientation = 0x0112
	typeShort      = 3 // an unsigned 16-bit integer
)

// exifHeader opens the payload of an APP1 segment that holds EXIF (XMP also lives in APP1).
var exifHeader = []byte("Exif\x00\x00")

// exifOrientation returns the EXIF orientation (1 to 8) of a JPEG, or 1 (already upright) when the
// JPEG has no EXIF, no orientation tag, or anything unexpected in the way: a photo turned wrongly by
// a misread tag is worse than one left as it was stored. It never reads outside jpg.
func exifOrientation(jpg []byte) int {
	if len(jpg) < 2 || jpg[0] != 0xFF || jpg[1] != markerSOI {
		return 1
	}
	for i := 2; i+2 <= len(jpg); {
		if jpg[i] != 0xFF {
			return 1 // not at a marker: the segment lengths do not add up
		}
		marker := jpg[i+1]
		switch {
		case marker == 0xFF: // a fill byte before a marker
			i++
			continue
		case marker == markerSOS || marker == markerEOI:
			return 1
		case marker == markerTEM || markerRST0 <= marker && marker <= markerRST7:
			i += 2
			continue
		}
		if i+4 > len(jpg) {
			return 1
		}
		// The length counts its own two bytes but not the marker's.
		n := int(binary.BigEndian.Uint16(jpg[i+2:]))
		if n < 2 || i+2+n > len(jpg) {
			return 1
		}
		// Capped at the segment's end, so that no slip in the TIFF reading below can read on into
		// the rest of the file through the slice's capacity.
		payload := jpg[i+4 : i+2+n : i+2+n]
		if marker == markerAPP1 && bytes.HasPrefix(payload, exifHeader) {
			// Only the first EXIF segment counts, as in every viewer.
			return tiffOrientation(payload[len(exifHeader):])
		}
		i += 2 + n
	}
	return 1
}

// tiffOrientation reads the orientation tag from the first directory (IFD0) of a TIFF structure, the
// form EXIF data takes, or returns 1.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(t[:4]) {
	case "II*\x00":
		order = binary.LittleEndian
	case "MM\x00*":
		order = binary.BigEndian
	default:
		return 1
	}
	// uint64: an offset near 4 GiB must not wrap around when added to.
	ifd := uint64(order.Uint32(t[4:8]))
	if ifd < 8 || ifd+2 > uint64(len(t)) {
		return 1
	}
	count := uint64(order.Uint16(t[ifd:]))
	entries := t[ifd+2:]
	// Each entry is 12 bytes: tag, type, count, then the value itself when it fits in 4 bytes.
	for k := uint64(0); k < count; k++ {
		if (k+1)*12 > uint64(len(entries)) {
			return 1
		}
		e := entries[k*12 : (k+1)*12]
		if order.Uint16(e[0:2]) != tagOrientation {
			continue
		}
		if order.Uint16(e[2:4]) != typeShort || order.Uint32(e[4:8]) != 1 {
			return 1
		}
		v := int(order.Uint16(e[8:10]))
		if v < 1 || v > 8 {
			return 1
		}
		return v
	}
	return 1
}
