-- Portable between H2 2.x and PostgreSQL 15.

-- The holder's names and e-mail as the enterprise search compares them: lower case, accents removed
-- (written by the Holder entity). Rows older than this column get the lower case form only.
ALTER TABLE holder ADD COLUMN search_name VARCHAR(201);
ALTER TABLE holder ADD COLUMN search_email VARCHAR(254);
UPDATE holder SET search_name = LOWER(first_name || ' ' || last_name), search_email = LOWER(email);
ALTER TABLE holder ALTER COLUMN search_name SET NOT NULL;
ALTER TABLE holder ALTER COLUMN search_email SET NOT NULL;
CREATE INDEX certificate_holder_not_after ON certificate (holder_id, not_after);

-- The codes e-mailed to legal representatives; only the newest of a representative counts.
CREATE TABLE login_code (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    representative_id  BIGINT       NOT NULL REFERENCES legal_representative (id),
    code_hash          VARCHAR(200) NOT NULL,
    issued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    failures           INTEGER      NOT NULL,
    used_at            TIMESTAMP WITH TIME ZONE,
    version            BIGINT       NOT NULL
);
CREATE INDEX login_code_representative ON login_code (representative_id, issued_at);
