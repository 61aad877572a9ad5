package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/media"
	"twincities/internal/shareimg"
	"twincities/internal/store"
	"twincities/internal/worldmap"
)

// The share pictures (Open Graph's og:image): one per published city and one for the home page,
// each carrying both languages' names, so one picture serves both language versions of a page
// (half the renderings and cache entries; the og:image:alt is still in the page's language).
// Each is named by the hash of everything it is drawn from, which the page's og:image URL
// carries as ?v=, so messengers fetch a new picture when a name or the photo changes.

// shareSpec is everything a share picture is drawn from, but the photo's pixels: its stored file
// is named by its hash.
type shareSpec struct {
	card  shareimg.Card
	photo string // the hash of the photo's display file; "" to draw the map
}

// hash is the picture's version: a hash of the renderer's version and every input.
func (sp shareSpec) hash() string {
	h := sha256.New()
	c := sp.card
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00", shareimg.Version, c.Kicker, c.Title, c.Second, sp.photo)
	if sp.photo == "" {
		for _, p := range append([]worldmap.Place{c.Map.Home}, c.Map.Places...) {
			fmt.Fprintf(h, "%g,%g,%t;", p.Lon, p.Lat, p.Ended)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:24]
}

// both is a line in Russian and English, as the pictures carry them.
func both(ru, en string) string { return ru + " · " + en }

// citySpec is a city's share picture: its photo, or its map with Perm.
func citySpec(c content.City) shareSpec {
	ru, en := i18n.For(content.RU), i18n.For(content.EN)
	kicker := both(ru.ShareTwin, en.ShareTwin)
	if c.Kind == content.Partner {
		kicker = both(ru.SharePartner, en.SharePartner)
	}
	sp := shareSpec{card: shareimg.Card{Kicker: kicker, Title: c.Name.RU, Second: c.Name.EN, Map: shareimg.Map{Home: worldmap.Perm}}}
	if c.Picture != nil && c.Picture.Display.Hash != "" {
		sp.photo = c.Picture.Display.Hash
	} else if c.Location != nil {
		sp.card.Map.Places = []worldmap.Place{{Lon: c.Location.Lon, Lat: c.Location.Lat, Ended: !c.IsCurrent()}}
	}
	return sp
}

// homeSpec is the home page's share picture: Perm's name and the map of its cities.
func homeSpec(cities []content.City) shareSpec {
	ru, en := i18n.For(content.RU), i18n.For(content.EN)
	sp := shareSpec{card: shareimg.Card{Kicker: both(ru.ShareHome, en.ShareHome), Title: ru.CityName, Second: en.CityName,
		Map: shareimg.Map{Home: worldmap.Perm}}}
	for _, c := range cities {
		if c.Location != nil {
			sp.card.Map.Places = append(sp.card.Map.Places, worldmap.Place{Lon: c.Location.Lon, Lat: c.Location.Lat, Ended: !c.IsCurrent()})
		}
	}
	return sp
}

// shareKindPath is a city kind as the share pictures' URLs name it.
func shareKindPath(k content.CityKind) string { return string(k) }

// cityShareURL is the absolute, versioned address of a city's share picture.
func (s *Server) cityShareURL(c content.City) string {
	return s.baseURL + "/share/" + shareKindPath(c.Kind) + "/" + c.Slug + ".png?v=" + citySpec(c).hash()
}

// homeShareURL is the absolute, versioned address of the home page's share picture.
func (s *Server) homeShareURL(cities []content.City) string {
	return s.baseURL + "/share/home.png?v=" + homeSpec(cities).hash()
}

// shareCity handles "GET /share/{kind}/{slug}.png": a published city's share picture.
func (s *Server) shareCity(w http.ResponseWriter, r *http.Request) error {
	kind := content.CityKind(chi.URLParam(r, "kind"))
	slug, ok := strings.CutSuffix(chi.URLParam(r, "file"), ".png")
	if !ok || !kind.Valid() || !validSlug(slug) {
		return errNotFound
	}
	c, err := store.CityBySlug(r.Context(), s.db, kind, slug, true)
	if err != nil {
		return err
	}
	return s.serveShare(w, r, citySpec(c))
}

// shareHome handles "GET /share/home.png": the home page's share picture.
func (s *Server) shareHome(w http.ResponseWriter, r *http.Request) error {
	cities, err := store.ListCities(r.Context(), s.db, store.CityQuery{Filter: store.Public})
	if err != nil {
		return err
	}
	return s.serveShare(w, r, homeSpec(cities))
}

// serveShare answers with the picture of sp: 304 when the client has it, from the cache when
// drawn lately, or drawn now, one of s.imageSlots at a time. The versioned URL (?v= the hash)
// never changes its bytes, so it may be kept for a year; another URL for a short while.
func (s *Server) serveShare(w http.ResponseWriter, r *http.Request, sp shareSpec) error {
	hash := sp.hash()
	etag := `"` + hash + `"`
	cache := "public, max-age=3600"
	if r.URL.Query().Get("v") == hash {
		cache = "public, max-age=31536000, immutable"
	}
	if etagMatches(r.Header.Values("If-None-Match"), etag) {
		w.Header().Set("ETag", etag)
		w.Header().Set("Cache-Control", cache)
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	data, ok := s.shares.get(hash)
	if !ok {
		var err error
		if data, err = s.drawShare(r.Context(), sp); err != nil {
			return err
		}
		s.shares.put(hash, data)
	}
	// Set only now: a failure above is an error page, which must not be kept for a year.
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", cache)
	h.Set("Content-Type", "image/png")
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
	return nil
}

// drawShare draws the picture of sp, decoding its photo, if any, with the checks of an upload.
func (s *Server) drawShare(ctx context.Context, sp shareSpec) ([]byte, error) {
	var photo []byte
	if sp.photo != "" {
		var err error
		if _, photo, err = store.ImageFileByHash(ctx, s.db, sp.photo); err != nil {
			return nil, err
		}
	}
	select {
	case s.imageSlots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-s.imageSlots }()
	card := sp.card
	if photo != nil {
		img, err := media.DecodeStored(photo)
		if err != nil {
			return nil, fmt.Errorf("share picture: the stored photo %s: %w", sp.photo, err)
		}
		card.Photo = img
	}
	return shareimg.Render(card)
}
