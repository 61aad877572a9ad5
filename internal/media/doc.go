// Package media turns an image uploaded by staff (a city's photo, an award's image, an
// organisation's logo) into the files the site serves: a display size and a thumbnail.
//
// Every output is re-encoded from the decoded pixels, so nothing of the upload but the picture
// reaches the public: no EXIF (a phone photo's GPS position, the camera owner's name), no comments,
// and no payload hidden in a file that is also valid as something else. The colour profile goes
// too, and the pixels are not converted from it: a photo saved in a wide-gamut space (Display P3,
// Adobe RGB) comes out as if it were sRGB, slightly duller. Converting would need colour management,
// which neither the standard library nor golang.org/x/image has; the usual sRGB upload is unchanged.
//
// An upload is judged by its bytes alone. The file name and the type the browser declares are chosen
// by whoever sends the file, so neither is trusted or even asked for. Only JPEG, PNG and WebP are
// accepted: they cover what cameras, phones and design tools produce, and each has a decoder in the
// standard library or golang.org/x/image. SVG is deliberately not among them: it is a document that
// can carry scripts, not a picture.
//
// The size of an upload is bounded three times: by its bytes (MaxUploadBytes) before anything is
// parsed; then, after only the header is read, because a few kilobytes of PNG can describe
// gigabytes of pixels, by its pixels (MaxPixels), and by the memory decoding and scaling them
// would take (MaxImageMemory), which depends on how the pixels are stored as much as on how many
// there are.
//
// The errors are sentinels for errors.Is; their texts are for logs, and the web layer is expected to
// show staff its own translated sentence for each.
package media
