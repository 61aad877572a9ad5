package content

import "math"

// EarthRadiusKm is the mean radius of the Earth (IUGG), the sphere great-circle distances are
// measured on.
const EarthRadiusKm = 6371.0088

// DistanceKm is the great-circle distance between a and b in kilometres, by the haversine
// formula, which stays accurate for near and antipodal points alike.
func DistanceKm(a, b GeoPoint) float64 {
	rad := math.Pi / 180
	dLat, dLon := (b.Lat-a.Lat)*rad, (b.Lon-a.Lon)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * EarthRadiusKm * math.Asin(math.Min(1, math.Sqrt(h)))
}

// DistanceFromPerm is the city's distance from Perm in kilometres, rounded to the nearest 10: the
// coordinates of a city's centre are no more precise than that. ok is false when the city has no
// coordinates.
func (c City) DistanceFromPerm() (km int, ok bool) {
	if c.Location == nil {
		return 0, false
	}
	return int(math.Round(DistanceKm(PermLocation, *c.Location)/10)) * 10, true
}
