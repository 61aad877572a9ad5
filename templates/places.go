package templates

import "twincities/internal/content"

// DepartmentName is the department's name in the page's language: its place's, once published,
// and the catalogue's until then.
func (p Page) DepartmentName() string {
	if d := p.Department; d != nil && d.Name.In(p.Lang) != "" {
		return d.Name.In(p.Lang)
	}
	return p.Msg.FooterDepartment
}

// headLine is the head of a place as one line, "name, position", with whichever part is known.
func headLine(pl content.Place, l content.Lang) string {
	name, position := pl.HeadName.In(l), pl.HeadPosition.In(l)
	switch {
	case name != "" && position != "":
		return name + ", " + position
	case name != "":
		return name
	}
	return position
}
