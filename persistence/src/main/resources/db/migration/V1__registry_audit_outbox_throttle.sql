-- Portable between H2 2.x and PostgreSQL 15.

-- EclipseLink reads each value as the top of a block of 50 ids, hence the start at 50.
CREATE SEQUENCE entity_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE organisation (
    id          BIGINT       NOT NULL PRIMARY KEY,
    identifier  VARCHAR(64)  NOT NULL UNIQUE,
    name        VARCHAR(200) NOT NULL
);

CREATE TABLE legal_representative (
    id               BIGINT       NOT NULL PRIMARY KEY,
    organisation_id  BIGINT       NOT NULL REFERENCES organisation (id),
    first_name       VARCHAR(100) NOT NULL,
    last_name        VARCHAR(100) NOT NULL,
    email            VARCHAR(254) NOT NULL,
    access_key_hash  VARCHAR(200) NOT NULL
);
CREATE INDEX legal_representative_organisation ON legal_representative (organisation_id);

CREATE TABLE holder (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    organisation_id     BIGINT       NOT NULL REFERENCES organisation (id),
    first_name          VARCHAR(100) NOT NULL,
    last_name           VARCHAR(100) NOT NULL,
    email               VARCHAR(254) NOT NULL,
    email_lookup        VARCHAR(254) NOT NULL,
    id_document_lookup  VARCHAR(64)  NOT NULL,
    establishment       VARCHAR(200),
    service             VARCHAR(200),
    job_function        VARCHAR(200)
);
CREATE INDEX holder_lookup ON holder (email_lookup, id_document_lookup);
CREATE INDEX holder_organisation ON holder (organisation_id);

CREATE TABLE personal_question (
    holder_id    BIGINT       NOT NULL REFERENCES holder (id),
    position     INTEGER      NOT NULL,
    question     VARCHAR(200) NOT NULL,
    answer_hash  VARCHAR(200) NOT NULL,
    PRIMARY KEY (holder_id, position)
);

CREATE TABLE certificate_authority (
    id               BIGINT       NOT NULL PRIMARY KEY,
    alias            VARCHAR(64)  NOT NULL UNIQUE,
    subject_dn       VARCHAR(500) NOT NULL,
    certificate_der  BYTEA        NOT NULL
);

CREATE TABLE certificate (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    authority_id            BIGINT        NOT NULL REFERENCES certificate_authority (id),
    holder_id               BIGINT        NOT NULL REFERENCES holder (id),
    certificate_type        VARCHAR(20)   NOT NULL,
    serial                  VARCHAR(64)   NOT NULL,
    issuer_dn               VARCHAR(500)  NOT NULL,
    subject_dn              VARCHAR(500)  NOT NULL,
    subject_alt_names       VARCHAR(1000) NOT NULL,
    not_before              TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after               TIMESTAMP WITH TIME ZONE NOT NULL,
    der                     BYTEA         NOT NULL,
    cancellation_code_hash  VARCHAR(200),
    revoked                 BOOLEAN       NOT NULL,
    revoked_at              TIMESTAMP WITH TIME ZONE,
    revocation_reason       VARCHAR(40),
    crl_reason              VARCHAR(30),
    requester_kind          VARCHAR(30),
    requester_name          VARCHAR(200),
    version                 BIGINT        NOT NULL,
    CONSTRAINT certificate_serial_per_authority UNIQUE (authority_id, serial)
);
CREATE INDEX certificate_holder ON certificate (holder_id);
CREATE INDEX certificate_serial ON certificate (serial);

CREATE TABLE audit_record (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    event               VARCHAR(40)   NOT NULL,
    actor               VARCHAR(200),
    client_address      VARCHAR(64),
    certificate_serial  VARCHAR(64),
    details             VARCHAR(2000),
    previous_hash       VARCHAR(64)   NOT NULL,
    hash                VARCHAR(64)   NOT NULL
);
CREATE INDEX audit_record_serial ON audit_record (certificate_serial);

CREATE TABLE audit_chain_head (
    id         INTEGER     NOT NULL PRIMARY KEY,
    last_id    BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE outbox_mail (
    id               BIGINT         NOT NULL PRIMARY KEY,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recipient        VARCHAR(254)   NOT NULL,
    subject          VARCHAR(300)   NOT NULL,
    body             VARCHAR(20000) NOT NULL,
    status           VARCHAR(10)    NOT NULL,
    attempts         INTEGER        NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error       VARCHAR(1000),
    sent_at          TIMESTAMP WITH TIME ZONE,
    version          BIGINT         NOT NULL
);
CREATE INDEX outbox_mail_due ON outbox_mail (status, next_attempt_at);

CREATE TABLE throttle (
    subject       VARCHAR(200) NOT NULL PRIMARY KEY,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts      INTEGER      NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE
);
