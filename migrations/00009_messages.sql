-- +goose Up

-- Messages written to the department through the public form ("write to the department"). They
-- are personal data (152-FZ): kept only to answer them, and deleted by the server after the
-- retention period (TWINCITIES_MESSAGE_RETENTION). The limits repeat content.Message's, in
-- characters, so that nothing larger can be stored whatever writes it.
CREATE TABLE messages (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email       text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
    subject     text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    lang        text NOT NULL CHECK (lang IN ('ru', 'en')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz,
    answered_at timestamptz,
    -- The member of staff who marked it answered, by name as well: an account can be removed,
    -- the fact that somebody answered stays.
    answered_by text CHECK (answered_by IS NULL OR length(answered_by) <= 200),
    CHECK ((answered_at IS NULL) = (answered_by IS NULL))
);
CREATE INDEX messages_created_idx ON messages (created_at);
CREATE INDEX messages_unread_idx ON messages (id) WHERE read_at IS NULL;

-- When each address sent a message, for the throttle of the form: nothing else about the
-- sender, kept a day (see store.MessageSendersRetention), and not linked to the message.
CREATE TABLE message_senders (
    address text NOT NULL CHECK (length(address) <= 100),
    at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_senders_address_idx ON message_senders (address, at);

-- The policy on personal data is an editable text page too.
ALTER TABLE pages DROP CONSTRAINT pages_key_check;
ALTER TABLE pages ADD CONSTRAINT pages_key_check CHECK (key IN ('about', 'contacts', 'privacy'));

-- +goose Down

DELETE FROM pages WHERE key = 'privacy';
ALTER TABLE pages DROP CONSTRAINT pages_key_check;
ALTER TABLE pages ADD CONSTRAINT pages_key_check CHECK (key IN ('about', 'contacts'));
DROP TABLE message_senders;
DROP TABLE messages;
