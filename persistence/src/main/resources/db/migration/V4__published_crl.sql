-- Portable between H2 2.x and PostgreSQL 15.

-- The latest CRL of each CA. The row is locked while the next CRL is built, so that of several servers
-- sharing the database only one issues a given CRL number; numbers only grow. The row exists (crl_number 0,
-- no CRL yet) from the first attempt on, so that even the first CRL is issued under the lock.
CREATE TABLE published_crl (
    authority_id  BIGINT      NOT NULL PRIMARY KEY REFERENCES certificate_authority (id),
    crl_number    BIGINT      NOT NULL,
    this_update   TIMESTAMP WITH TIME ZONE,
    next_update   TIMESTAMP WITH TIME ZONE,
    entries       BIGINT      NOT NULL,
    der           BYTEA
);

-- Each CRL check counts a CA's revoked certificates and lists them.
CREATE INDEX certificate_revoked ON certificate (authority_id, revoked);
