package media

// ExifOrientation lets the external tests check the EXIF parser on its own, byte by byte, besides
// through Process.
var ExifOrientation = exifOrientation
