package media

import "image"

// DecodeStored decodes an image the site stored after Process (the display size of a photo, to
// draw a share picture from it), under the same checks as an upload: the format is sniffed, the
// header read and the pixel count and memory bound checked before any pixel is allocated. Stored
// images passed these checks once; checking again costs a header read and keeps the promise
// that no bytes reach a decoder unchecked. The result is not rotated: stored images are upright.
func DecodeStored(data []byte) (image.Image, error) {
	hd, err := readHeader(data, Photo)
	if err != nil {
		return nil, err
	}
	return checkedDecode(hd.format, data, hd.cfg)
}
