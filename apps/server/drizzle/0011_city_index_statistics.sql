DROP INDEX "company_live_city_idx";--> statement-breakpoint
DROP INDEX "contact_live_city_idx";--> statement-breakpoint
CREATE INDEX "company_city_idx" ON "company" USING btree ("workspace_id",lower("city"));--> statement-breakpoint
CREATE INDEX "contact_city_idx" ON "contact" USING btree ("workspace_id",lower("city"));