// Package opendata builds the site's open data as the Russian government's methodological
// recommendations for publishing open data (version 3.0, approved by the protocol of the
// Government Commission for the Coordination of Open Government of 29 May 2014 No. 4) lay them
// out in CSV: a register of the sets (list.csv), and for each set a passport (meta.csv), the data
// (data-YYYYMMDD-structure-YYYYMMDD.csv) and the description of its columns
// (structure-YYYYMMDD.csv), all UTF-8 with a header row, comma-separated, quoted as RFC 4180 says.
//
// Everything here is pure: the store reads the entries and the times, the web layer serves the
// files; this package only decides what they hold.
package opendata
