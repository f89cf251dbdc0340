-- Keys that find probable duplicates of a company or a contact with indexes: every e-mail,
-- the last ten digits of every phone (so "8 912…", "+7 912…" and "912…" meet), the tax number
-- without spaces or punctuation, and the lower-cased name (compared with the city after).
-- The GIN indexes write through (fastupdate off): an import looks up every key right after the
-- previous chunk wrote it, and a pending list would be scanned in full by each lookup.
CREATE FUNCTION clientela_phone_keys(digits text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT coalesce(array_agg(right(d, 10)), '{}') FROM unnest(string_to_array(digits, ' ')) AS d WHERE length(d) >= 7 $$;--> statement-breakpoint
CREATE FUNCTION clientela_tax_key(tax text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT nullif(upper(regexp_replace(tax, '[^0-9A-Za-z]', '', 'g')), '') $$;--> statement-breakpoint
CREATE INDEX "company_dup_email_idx" ON "company" USING gin (string_to_array("emails_normalised", ' ')) WITH (fastupdate = off) WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "company_dup_phone_idx" ON "company" USING gin (clientela_phone_keys("phone_digits")) WITH (fastupdate = off) WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "company_dup_tax_idx" ON "company" USING btree ("workspace_id", clientela_tax_key("tax_number")) WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "company_dup_name_idx" ON "company" USING btree ("workspace_id", lower("name")) WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "contact_dup_email_idx" ON "contact" USING gin (string_to_array("emails_normalised", ' ')) WITH (fastupdate = off) WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "contact_dup_phone_idx" ON "contact" USING gin (clientela_phone_keys("phone_digits")) WITH (fastupdate = off) WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "contact_dup_name_idx" ON "contact" USING btree ("workspace_id", lower("name")) WHERE "deleted_at" IS NULL;
