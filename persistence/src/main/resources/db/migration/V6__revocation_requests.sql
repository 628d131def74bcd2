-- Portable between H2 2.x and PostgreSQL 15.

-- Phone and postal revocation requests recorded by operators. due_at is fixed when the request is
-- received (received_at + the configured delay, 24 h by default: ETSI EN 319 411-1 REV-6.2.4-03A).
CREATE TABLE revocation_request (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    channel            VARCHAR(10)   NOT NULL,
    certificate_id     BIGINT        NOT NULL REFERENCES certificate (id),
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    signatory          VARCHAR(30)   NOT NULL,
    signatory_name     VARCHAR(200)  NOT NULL,
    recorded_by        VARCHAR(200)  NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    state              VARCHAR(10)   NOT NULL,
    handled_by         VARCHAR(200),
    revoked_at         TIMESTAMP WITH TIME ZONE,
    closed_at          TIMESTAMP WITH TIME ZONE,
    closing_reason     VARCHAR(2000),
    scan_file_name     VARCHAR(200),
    scan_content_type  VARCHAR(100),
    scan_size          BIGINT,
    scan_sha256        VARCHAR(64),
    version            BIGINT        NOT NULL
);
CREATE INDEX revocation_request_state_due ON revocation_request (state, due_at);
CREATE INDEX revocation_request_certificate ON revocation_request (certificate_id);

-- The scanned form of a postal request, read only when an operator downloads it.
CREATE TABLE revocation_request_scan (
    request_id  BIGINT  NOT NULL PRIMARY KEY REFERENCES revocation_request (id),
    content     BYTEA   NOT NULL
);
