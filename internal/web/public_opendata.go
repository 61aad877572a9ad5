package web

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/opendata"
	"twincities/internal/store"
	"twincities/templates"
)

// openDataState is what every open data file and the section's page are built from: the settings
// naming the publisher, and each set's times, read in one snapshot.
type openDataState struct {
	publisher opendata.Publisher
	times     map[string]opendata.Times // by set code
}

func (s *Server) openDataState(ctx context.Context, tx store.DBTX) (openDataState, error) {
	st := openDataState{times: map[string]opendata.Times{}}
	set, err := store.GetSettings(ctx, tx)
	if err != nil {
		return st, err
	}
	st.publisher = set.OpenData
	for _, d := range opendata.Sets {
		created, modified, err := store.PublishedTimes(ctx, tx, d.Entity, d.Kind)
		if err != nil {
			return st, err
		}
		st.times[d.Code] = opendata.Times{Created: created, Modified: modified}
	}
	return st, nil
}

// openDataDir is the absolute address of a set's directory.
func (s *Server) openDataDir(ident string) string { return s.baseURL + "/opendata/" + ident }

// openDataPage handles "GET /{lang}/opendata": the sets with what they hold, when they last
// changed, their files and the licence.
func (s *Server) openDataPage(w http.ResponseWriter, r *http.Request) error {
	ctx, l := r.Context(), langOf(r)
	var st openDataState
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) error {
		var err error
		st, err = s.openDataState(ctx, tx)
		return err
	})
	if err != nil {
		return err
	}
	d := templates.OpenDataData{License: opendata.License, Register: "/opendata/list.csv"}
	for _, set := range opendata.Sets {
		t := st.times[set.Code]
		dir := "/opendata/" + opendata.Identifier(st.publisher.INN, set.Code)
		row := templates.OpenDataSet{Title: set.Title, Description: set.Description,
			Passport: dir + "/meta.csv", Data: dir + "/" + set.DataFile(set.DataDate(t)),
			Structure: dir + "/" + set.StructureFile(), Identifier: opendata.Identifier(st.publisher.INN, set.Code)}
		if l == content.EN {
			row.Title, row.Description = set.TitleEN, set.DescriptionEN
		}
		if !t.Modified.IsZero() {
			m := t.Modified.In(content.PermZone())
			row.Modified = content.DayDate(m.Year(), m.Month(), m.Day())
		}
		d.Sets = append(d.Sets, row)
	}
	title := i18n.For(l).OpenData
	p := s.page(r, title, "/opendata", crumb(r, title, "/opendata"))
	s.render(w, r, http.StatusOK, templates.OpenData(p, d))
	return nil
}

// openDataRegister handles "GET /opendata/list.csv": the register of the sets.
func (s *Server) openDataRegister(w http.ResponseWriter, r *http.Request) error {
	set, err := store.GetSettings(r.Context(), s.db)
	if err != nil {
		return err
	}
	serveCSV(w, r, "list.csv", time.Time{}, opendata.Register(set.OpenData.INN, s.baseURL))
	return nil
}

// openDataSet finds the set a request's {identifier} names. An identifier of the code alone, once
// the INN is known, is an address published before the INN was entered: it is sent on to the
// current one (302, since the INN may yet be corrected) rather than broken.
func (s *Server) openDataSet(w http.ResponseWriter, r *http.Request, p opendata.Publisher) (opendata.Set, bool) {
	ident := chi.URLParam(r, "identifier")
	for _, set := range opendata.Sets {
		if ident == opendata.Identifier(p.INN, set.Code) {
			return set, true
		}
		if p.INN != "" && ident == set.Code {
			http.Redirect(w, r, strings.Replace(r.URL.Path, "/"+ident+"/", "/"+opendata.Identifier(p.INN, set.Code)+"/", 1), http.StatusFound)
			return set, false
		}
	}
	s.notFoundPage(w, r)
	return opendata.Set{}, false
}

// openDataPassport handles "GET /opendata/{identifier}/meta.csv": a set's passport.
func (s *Server) openDataPassport(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	var st openDataState
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) error {
		var err error
		st, err = s.openDataState(ctx, tx)
		return err
	})
	if err != nil {
		return err
	}
	set, ok := s.openDataSet(w, r, st.publisher)
	if !ok {
		return nil
	}
	ident := opendata.Identifier(st.publisher.INN, set.Code)
	serveCSV(w, r, "meta.csv", time.Time{}, set.Passport(st.publisher, st.times[set.Code], s.openDataDir(ident)))
	return nil
}

// openDataFile handles "GET /opendata/{identifier}/{file}": a set's data file
// (data-YYYYMMDD-structure-YYYYMMDD.csv) or its structure file (structure-YYYYMMDD.csv). Only the
// current versions exist: the files are built from the database as it is now, so an older date
// is 404 rather than today's data under yesterday's name, or a redirect a harvester would follow
// to a file that is not the one it asked for.
func (s *Server) openDataFile(w http.ResponseWriter, r *http.Request) error {
	ctx, file := r.Context(), chi.URLParam(r, "file")
	var (
		st openDataState
		in = opendata.Input{BaseURL: s.baseURL}
	)
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) error {
		var err error
		if st, err = s.openDataState(ctx, tx); err != nil {
			return err
		}
		if !strings.HasPrefix(file, "data-") {
			return nil
		}
		if in.Cities, err = store.ListCities(ctx, tx, store.CityQuery{Filter: store.Public}); err != nil {
			return err
		}
		if in.Organizations, err = store.ListOrganizations(ctx, tx, store.Public); err != nil {
			return err
		}
		if in.Awards, err = store.ListAwards(ctx, tx, store.AwardQuery{Filter: store.Public}); err != nil {
			return err
		}
		in.Events, err = store.ListEvents(ctx, tx, store.EventQuery{Filter: store.Public})
		return err
	})
	if err != nil {
		return err
	}
	set, ok := s.openDataSet(w, r, st.publisher)
	if !ok {
		return nil
	}
	t := st.times[set.Code]
	switch file {
	case set.DataFile(set.DataDate(t)):
		serveCSV(w, r, file, t.Modified, set.Data(in))
	case set.StructureFile():
		serveCSV(w, r, file, set.StructureDate, set.Structure())
	default:
		return errNotFound
	}
	return nil
}

// serveCSV sends a CSV file: UTF-8, named for saving, with its date for conditional requests
// when it has one.
func serveCSV(w http.ResponseWriter, r *http.Request, name string, modified time.Time, t opendata.Table) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, name, modified, bytes.NewReader(t.CSV()))
}
