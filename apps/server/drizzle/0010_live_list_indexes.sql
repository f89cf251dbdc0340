DROP INDEX "company_status_name_idx";--> statement-breakpoint
DROP INDEX "company_city_idx";--> statement-breakpoint
DROP INDEX "contact_status_name_idx";--> statement-breakpoint
DROP INDEX "contact_city_idx";--> statement-breakpoint
CREATE INDEX "company_live_status_name_idx" ON "company" USING btree ("workspace_id","status","name","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "company_live_city_idx" ON "company" USING btree ("workspace_id",lower("city")) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "contact_live_status_name_idx" ON "contact" USING btree ("workspace_id","status","name","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "contact_live_city_idx" ON "contact" USING btree ("workspace_id",lower("city")) WHERE deleted_at IS NULL;