-- Portable between H2 2.x and PostgreSQL 15.

-- The auditor's log page filters by time and by event and pages newest first in the database.
CREATE INDEX audit_record_recorded_at ON audit_record (recorded_at);
CREATE INDEX audit_record_event ON audit_record (event, id);
