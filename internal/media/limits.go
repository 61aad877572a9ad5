package media

// MaxUploadBytes is the largest upload accepted: 10 MB, the limit staff are told. It bounds the
// memory an upload takes before it is parsed at all.
const MaxUploadBytes = 10 << 20

// MaxPixels is the largest number of pixels (width × height) an upload may have. It is checked on
// the header alone, before decoding, to refuse decompression bombs: a small file that describes an
// enormous image. 50 million is more than any camera or phone of today produces.
const MaxPixels = 50_000_000

// The box the display size is fitted into: large enough for a full-width picture on a wide screen.
const DisplayMaxWidth, DisplayMaxHeight = 1600, 1600

// The box the thumbnail is fitted into: enough for a card in a list, even on a high-density screen.
const ThumbMaxWidth, ThumbMaxHeight = 480, 480
