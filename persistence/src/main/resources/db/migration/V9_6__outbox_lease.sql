-- A mail is claimed (state SENDING, a lease, the claim's token) and the claim committed before the mail server
-- is spoken to, instead of holding the row lock through the SMTP conversation; a crashed sender's lease expires.
ALTER TABLE outbox_mail ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox_mail ADD COLUMN claimed_by VARCHAR(36);
CREATE INDEX outbox_mail_claim ON outbox_mail (claimed_by);
