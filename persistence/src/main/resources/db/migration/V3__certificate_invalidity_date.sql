-- RFC 5280 §5.3.2: when the key is known or suspected to have become invalid, as the CA's systems report it.
ALTER TABLE certificate ADD COLUMN invalidity_date TIMESTAMP WITH TIME ZONE;
