package content_test

import (
	"math"
	"testing"

	"twincities/internal/content"
)

func TestDistanceKm(t *testing.T) {
	t.Parallel()
	// Known great-circle distances on the IUGG mean sphere, and the extremes.
	tests := []struct {
		name string
		a, b content.GeoPoint
		want float64
	}{
		{"same point", content.PermLocation, content.PermLocation, 0},
		{"a quarter of the equator", content.GeoPoint{Lat: 0, Lon: 0}, content.GeoPoint{Lat: 0, Lon: 90}, math.Pi / 2 * content.EarthRadiusKm},
		{"pole to pole", content.GeoPoint{Lat: 90, Lon: 0}, content.GeoPoint{Lat: -90, Lon: 0}, math.Pi * content.EarthRadiusKm},
		{"antipodes", content.GeoPoint{Lat: 10, Lon: 170}, content.GeoPoint{Lat: -10, Lon: -10}, math.Pi * content.EarthRadiusKm},
		{"across the date line", content.GeoPoint{Lat: 0, Lon: 179.5}, content.GeoPoint{Lat: 0, Lon: -179.5}, math.Pi / 180 * content.EarthRadiusKm},
	}
	for _, tt := range tests {
		if got := content.DistanceKm(tt.a, tt.b); math.Abs(got-tt.want) > 1e-6 {
			t.Errorf("%s: %.6f km, want %.6f", tt.name, got, tt.want)
		}
		if got := content.DistanceKm(tt.b, tt.a); math.Abs(got-tt.want) > 1e-6 {
			t.Errorf("%s, the other way: %.6f km, want %.6f", tt.name, got, tt.want)
		}
	}
}

func TestDistanceFromPerm(t *testing.T) {
	t.Parallel()
	// The coordinates of the initial data (../shared/facts/perm.md); the figures are the haversine
	// distances rounded to 10 km.
	tests := []struct {
		name     string
		lat, lon float64
		want     int
	}{
		{"Duisburg", 51.43, 6.76, 3180},
		{"Kazan", 55.79, 49.12, 500},
		{"Yekaterinburg", 56.84, 60.61, 290},
		{"Louisville", 38.25, -85.76, 8740},
		{"Qingdao", 36.07, 120.38, 5190},
		{"Perm itself", 58.01, 56.25, 0},
	}
	for _, tt := range tests {
		c := content.City{Location: &content.GeoPoint{Lat: tt.lat, Lon: tt.lon}}
		if got, ok := c.DistanceFromPerm(); !ok || got != tt.want {
			t.Errorf("%s: %d km (%v), want %d", tt.name, got, ok, tt.want)
		}
	}
	if km, ok := (content.City{}).DistanceFromPerm(); ok {
		t.Errorf("a city without coordinates is %d km away", km)
	}
}
