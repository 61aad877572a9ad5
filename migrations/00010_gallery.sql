-- +goose Up

-- A city's gallery: photos beyond its main one (cities.image_id), in the order staff set. A row
-- a photo, so every photo's image is held by a foreign key and the database refuses a photo of
-- an image that does not exist. The store writes a city's rows in the transaction that writes
-- the city (delete, then insert in order), and its revisions keep the gallery whole as JSON, so a
-- revert restores it. Positions count from 0 without gaps; the limit of photos is the
-- application's (content.MaxPhotos), kept here too as a bound on position.
CREATE TABLE city_photos (
    city_id    bigint NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    position   integer NOT NULL CHECK (position >= 0 AND position < 12),
    image_id   bigint NOT NULL REFERENCES images (id),
    alt_ru     text NOT NULL CHECK (alt_ru <> ''),
    alt_en     text NOT NULL CHECK (alt_en <> ''),
    caption_ru text NOT NULL DEFAULT '',
    caption_en text NOT NULL DEFAULT '',
    credit     text NOT NULL DEFAULT '',
    PRIMARY KEY (city_id, position)
);

-- One picture per timeline event, as awards have one: text alternatives in both languages
-- (required with an image) and a credit.
ALTER TABLE events ADD COLUMN image_id bigint REFERENCES images (id),
                   ADD COLUMN image_alt_ru text NOT NULL DEFAULT '',
                   ADD COLUMN image_alt_en text NOT NULL DEFAULT '',
                   ADD COLUMN image_credit text NOT NULL DEFAULT '',
                   ADD CONSTRAINT events_image_alt CHECK (image_id IS NULL OR (image_alt_ru <> '' AND image_alt_en <> ''));

-- +goose Down

ALTER TABLE events DROP CONSTRAINT events_image_alt,
                   DROP COLUMN image_credit,
                   DROP COLUMN image_alt_en,
                   DROP COLUMN image_alt_ru,
                   DROP COLUMN image_id;
DROP TABLE city_photos;
