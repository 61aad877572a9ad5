package templates

import "strings"

// WriteForm is the form "write to the department" as the visitor filled it: the values they typed,
// kept through every refusal, and what is wrong.
type WriteForm struct {
	Name, Email, Subject, Body string
	Consent                    bool
	// Errors are the problems, by field (name, email, subject, body, consent), in words.
	Errors map[string]string
	// Notice, when set, says why nothing could be accepted (too many messages from the address):
	// a refusal of the whole form, not of a field.
	Notice, NoticeTitle string
	// MaxBody is the limit of the message, in characters, for the hint and maxlength.
	MaxBody int
}

// writeFields are the fields of the form in its order, for the summary of problems.
var writeFields = []string{"name", "email", "subject", "body", "consent"}

// writeID is the id of a field of the form.
func writeID(name string) string { return "write-" + name }

// writeDescribedBy ties a field to its hint and error.
func writeDescribedBy(f WriteForm, name string, hint bool) string {
	var ids []string
	if hint {
		ids = append(ids, writeID(name)+"-hint")
	}
	if f.Errors[name] != "" {
		ids = append(ids, writeID(name)+"-error")
	}
	return strings.Join(ids, " ")
}
