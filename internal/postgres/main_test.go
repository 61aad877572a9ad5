package postgres_test

import (
	"testing"

	"twincities/internal/postgres/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }
