package web

import (
	"context"
	"log/slog"
	"net/http"

	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/templates"
)

// frame is what every public page shows besides its own content: the department's published
// contact details (the footer, the structured data, a city page's "how to take part") and the
// cities on the map of the share picture. A page queues it with its own reads (queue), so the lot
// takes one round trip to the database (issue 12); s.page reads it alone for the other pages.
type frame struct {
	department    content.Place
	hasDepartment bool
	places        []content.City
	read          bool // queued: a page built from f has had them answered, or has failed
}

// queue adds the frame's reads to rs; f is filled when rs is sent without error.
func (f *frame) queue(rs *store.Reads) {
	f.queueDepartment(rs)
	rs.PublicCityPlaces(&f.places)
}

// queueDepartment is queue for a page that reads every published city itself, in the order of
// ListCities: it then gives them to the frame (f.places = its cities) rather than have them read
// twice.
func (f *frame) queueDepartment(rs *store.Reads) {
	rs.PlaceBySlug(content.DepartmentSlug, true, &f.department, &f.hasDepartment)
	f.read = true
}

// readFrame reads the frame alone, in one round trip. A page is still worth serving without it: a
// database that cannot be reached is reported by the page's own query, and any other failure is
// logged, not shown.
func (s *Server) readFrame(ctx context.Context) *frame {
	f := &frame{}
	if s.db == nil {
		return f
	}
	var rs store.Reads
	f.queue(&rs)
	if err := rs.Send(ctx, s.db); err != nil {
		if !store.Unavailable(err) && ctx.Err() == nil {
			s.logLimited(slog.LevelWarn, "page frame", "could not read the department's contact details and the share picture's cities", err)
		}
		return &frame{}
	}
	return f
}

// page describes the page being served for the layout. title is the page's own title ("" on the
// home page); section is the main section it belongs to; crumbs lead from home to it. It reads the
// frame (the department, the share picture's cities) in a round trip of its own; a page that
// queued the frame with its own reads calls pageWith.
func (s *Server) page(r *http.Request, title, section string, crumbs ...templates.Crumb) templates.Page {
	return s.pageWith(r, s.readFrame(r.Context()), title, section, crumbs...)
}
