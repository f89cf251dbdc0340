ALTER TABLE "company" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(legal_name, '') || ' ' || coalesce(tax_number, ''))) STORED;--> statement-breakpoint
ALTER TABLE "contact" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(first_name || ' ' || last_name || ' ' || coalesce(position, ''))) STORED;--> statement-breakpoint
CREATE INDEX "company_search_text_trgm_idx" ON "company" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contact_search_text_trgm_idx" ON "contact" USING gin ("search_text" gin_trgm_ops);