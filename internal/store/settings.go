package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// settingsColumns are the settings table's columns, in the order of content.Settings' fields.
const settingsColumns = `require_two_factor, opendata_inn, opendata_creator, opendata_name, opendata_phone,
	opendata_email, opendata_frequency, require_review`

func scanSettings(row pgx.Row) (content.Settings, error) {
	var s content.Settings
	o := &s.OpenData
	err := row.Scan(&s.RequireTwoFactor, &o.INN, &o.Creator, &o.Name, &o.Phone, &o.Email, &o.Frequency, &s.RequireReview)
	return s, err
}

// GetSettings returns the site-wide settings.
func GetSettings(ctx context.Context, db DBTX) (content.Settings, error) {
	s, err := scanSettings(db.QueryRow(ctx, `SELECT `+settingsColumns+` FROM settings`))
	if err != nil {
		return s, fmt.Errorf("store: settings: %w", err)
	}
	return s, nil
}

// UpdateSettings stores the site-wide settings and writes what changed, each setting before and
// after, to the audit log. Settings that change nothing write nothing. Invalid settings are
// refused with a *content.ValidationError.
func UpdateSettings(ctx context.Context, db TxBeginner, s content.Settings, actor Actor) error {
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	return inTx(ctx, db, func(tx pgx.Tx) error {
		old, err := scanSettings(tx.QueryRow(ctx, `SELECT `+settingsColumns+` FROM settings FOR UPDATE`))
		if err != nil {
			return fmt.Errorf("store: settings: %w", err)
		}
		changes := content.Diff(old.Fields(), s.Fields())
		if len(changes) == 0 {
			return nil
		}
		o := s.OpenData
		if _, err := tx.Exec(ctx, `UPDATE settings SET require_two_factor = @require_two_factor,
			opendata_inn = @inn, opendata_creator = @creator, opendata_name = @name, opendata_phone = @phone,
			opendata_email = @email, opendata_frequency = @frequency, require_review = @require_review, updated_at = now()`,
			pgx.StrictNamedArgs{"require_two_factor": s.RequireTwoFactor, "inn": o.INN, "creator": o.Creator,
				"name": o.Name, "phone": o.Phone, "email": o.Email, "frequency": string(o.Frequency),
				"require_review": s.RequireReview}); err != nil {
			return fmt.Errorf("store: update settings: %w", err)
		}
		return WriteAudit(ctx, tx, AuditRecord{Actor: actor, Action: ActionSettingsUpdate, Entity: content.EntitySettings,
			EntityID: "1", Label: "settings", Changes: changes})
	})
}
