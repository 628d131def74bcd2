-- Portable between H2 2.x and PostgreSQL 15.

-- Revoked certificates whose rows the latest CRL could not list (a serial that is not a number, say): the
-- next CRL is due when the revoked count differs from entries + skipped, so such rows do not make every
-- check issue a new CRL.
ALTER TABLE published_crl ADD COLUMN skipped BIGINT DEFAULT 0 NOT NULL;
