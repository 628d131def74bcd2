-- H2 only (SchemaMigration adds this location on H2).

-- H2 reads an index forwards only: a page sorted in descending order needs an index in that order,
-- or H2 sorts every certificate of the organisation to return twenty. PostgreSQL reads the
-- indexes of V8 backwards and needs none of these.
CREATE INDEX certificate_organisation_name_desc ON certificate (organisation_id, holder_search_name DESC, id DESC);
CREATE INDEX certificate_organisation_email_desc ON certificate (organisation_id, holder_search_email DESC, id DESC);
CREATE INDEX certificate_organisation_serial_desc ON certificate (organisation_id, serial DESC, id DESC);
CREATE INDEX certificate_organisation_not_after_desc ON certificate (organisation_id, not_after DESC, id DESC);
CREATE INDEX certificate_organisation_revoked_desc ON certificate (organisation_id, revoked DESC, id DESC);
