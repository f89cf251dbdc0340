-- Fuzzy matching of names, phones and e-mails.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
