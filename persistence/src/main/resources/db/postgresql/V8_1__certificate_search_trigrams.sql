-- PostgreSQL only (SchemaMigration adds this location on PostgreSQL).

-- Trigram indexes let "any part of the e-mail or name" (LIKE '%…%') skip the rows that cannot match.
-- pg_trgm ships with PostgreSQL and is a trusted extension, but a server may lack the contrib package
-- or refuse the extension to our user: then the search works as before, only slower on partial matches.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'pg_trgm not installed (%): partial searches read every certificate of the organisation', SQLERRM;
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX certificate_search_email_trigrams ON certificate USING gin (holder_search_email gin_trgm_ops)';
        EXECUTE 'CREATE INDEX certificate_search_name_trigrams ON certificate USING gin (holder_search_name gin_trgm_ops)';
    END IF;
END
$$;
