-- Portable between H2 2.x and PostgreSQL 15.

-- The enterprise search reads one organisation's certificates, filtered by the holder's search forms
-- and sorted by a column, a page at a time. Copies of the holder's organisation and search forms on
-- the certificate (written by the Certificate entity; a holder's organisation, name and e-mail never
-- change) let it count and page through indexes that start with the organisation, without a join.
ALTER TABLE certificate ADD COLUMN organisation_id BIGINT;
ALTER TABLE certificate ADD COLUMN holder_search_name VARCHAR(201);
ALTER TABLE certificate ADD COLUMN holder_search_email VARCHAR(254);
UPDATE certificate SET
    organisation_id = (SELECT h.organisation_id FROM holder h WHERE h.id = certificate.holder_id),
    holder_search_name = (SELECT h.search_name FROM holder h WHERE h.id = certificate.holder_id),
    holder_search_email = (SELECT h.search_email FROM holder h WHERE h.id = certificate.holder_id);
ALTER TABLE certificate ALTER COLUMN organisation_id SET NOT NULL;
ALTER TABLE certificate ALTER COLUMN holder_search_name SET NOT NULL;
ALTER TABLE certificate ALTER COLUMN holder_search_email SET NOT NULL;
ALTER TABLE certificate ADD CONSTRAINT certificate_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id);

-- One index per sortable column, each ending with the id that breaks ties.
CREATE INDEX certificate_organisation_name ON certificate (organisation_id, holder_search_name, id);
CREATE INDEX certificate_organisation_email ON certificate (organisation_id, holder_search_email, id);
CREATE INDEX certificate_organisation_serial ON certificate (organisation_id, serial, id);
CREATE INDEX certificate_organisation_not_after ON certificate (organisation_id, not_after, id);
CREATE INDEX certificate_organisation_revoked ON certificate (organisation_id, revoked, id);
