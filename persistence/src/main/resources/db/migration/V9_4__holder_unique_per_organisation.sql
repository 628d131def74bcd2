-- One holder per organisation, e-mail and identity document: the unique key decides between simultaneous
-- registrations of one new holder. Holders such registrations created twice before are merged into
-- the first of them: their certificates move to it, the duplicates and their questions go.

UPDATE certificate SET holder_id = (
    SELECT MIN(kept.id) FROM holder dup JOIN holder kept
        ON kept.organisation_id = dup.organisation_id
        AND kept.email_lookup = dup.email_lookup
        AND kept.id_document_lookup = dup.id_document_lookup
    WHERE dup.id = certificate.holder_id)
WHERE holder_id IN (
    SELECT dup.id FROM holder dup WHERE EXISTS (
        SELECT 1 FROM holder kept
        WHERE kept.organisation_id = dup.organisation_id
          AND kept.email_lookup = dup.email_lookup
          AND kept.id_document_lookup = dup.id_document_lookup
          AND kept.id < dup.id));

DELETE FROM personal_question WHERE holder_id IN (
    SELECT dup.id FROM holder dup WHERE EXISTS (
        SELECT 1 FROM holder kept
        WHERE kept.organisation_id = dup.organisation_id
          AND kept.email_lookup = dup.email_lookup
          AND kept.id_document_lookup = dup.id_document_lookup
          AND kept.id < dup.id));

DELETE FROM holder WHERE EXISTS (
    SELECT 1 FROM holder kept
    WHERE kept.organisation_id = holder.organisation_id
      AND kept.email_lookup = holder.email_lookup
      AND kept.id_document_lookup = holder.id_document_lookup
      AND kept.id < holder.id);

ALTER TABLE holder ADD CONSTRAINT holder_per_organisation UNIQUE (organisation_id, email_lookup, id_document_lookup);
