package i18n

import (
	"fmt"

	"twincities/internal/content"
)

// Shown says which entries of a paged list a page holds, with format (Messages.ListShown or
// AdminMessages.ListShown) and the numbers' thousands apart: "Показано 51–100 из 1 000",
// "Showing 51–100 of 1,000".
func Shown(l content.Lang, format string, from, to, total int) string {
	return fmt.Sprintf(format, groupDigits(from, l), groupDigits(to, l), groupDigits(total, l))
}
