package media

import "errors"

// ExifOrientation lets the external tests check the EXIF parser on its own, byte by byte, besides
// through Process.
var ExifOrientation = exifOrientation

// MemoryNeeded is the bound of the memory processing data as kind would take, which Process checks
// against MaxImageMemory before decoding; err is Process's own when it refuses earlier.
func MemoryNeeded(data []byte, kind Kind) (int64, error) {
	hd, err := readHeader(data, kind)
	if err != nil && !errors.Is(err, ErrTooMuchMemory) {
		return 0, err
	}
	return hd.memory, nil
}
