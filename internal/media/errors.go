package media

import (
	"errors"
	"fmt"
)

var (
	// ErrTooLarge means the upload has more than MaxUploadBytes.
	ErrTooLarge = fmt.Errorf("media: the file is larger than %d MB", MaxUploadBytes>>20)

	// ErrEmpty means the upload has no bytes: usually a form sent without choosing a file.
	ErrEmpty = errors.New("media: the file is empty")

	// ErrNotAnImage means the bytes are not a JPEG, PNG or WebP image, whatever the file's name or
	// declared type.
	ErrNotAnImage = errors.New("media: the file is not a JPEG, PNG or WebP image")

	// ErrTooManyPixels means the image's header declares more than MaxPixels pixels.
	ErrTooManyPixels = fmt.Errorf("media: the image has more than %d million pixels", MaxPixels/1_000_000)

	// ErrTooMuchMemory means that decoding and scaling the image would take more than
	// MaxImageMemory, by the bound its header gives: too many pixels for how they are stored (16
	// bits a channel, CMYK, a progressive JPEG, a lossless WebP) or for the image's shape.
	ErrTooMuchMemory = fmt.Errorf("media: the image would take more than %d MiB of memory to process", MaxImageMemory>>20)

	// ErrCorrupt means the bytes begin like a JPEG, PNG or WebP image but do not decode: a truncated
	// or damaged file, or a variant of the format the decoders do not read.
	ErrCorrupt = errors.New("media: the image is damaged or cannot be read")
)
