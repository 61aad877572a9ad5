package media

import (
	"fmt"
	"io"
)

// ReadUpload reads at most MaxUploadBytes+1 from r and returns ErrTooLarge past the limit, ErrEmpty
// for nothing. Reading one byte beyond the limit is what tells a file of exactly MaxUploadBytes from
// a larger one, without ever holding more than that in memory.
func ReadUpload(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxUploadBytes+1))
	if err != nil {
		return nil, fmt.Errorf("media: reading the upload: %w", err)
	}
	switch {
	case len(data) > MaxUploadBytes:
		return nil, ErrTooLarge
	case len(data) == 0:
		return nil, ErrEmpty
	}
	return data, nil
}
