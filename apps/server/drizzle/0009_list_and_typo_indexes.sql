DROP INDEX "company_name_trgm_idx";--> statement-breakpoint
DROP INDEX "contact_name_trgm_idx";--> statement-breakpoint
CREATE INDEX "company_name_gist_idx" ON "company" USING gist ("name" gist_trgm_ops(siglen=64));--> statement-breakpoint
CREATE INDEX "company_status_name_idx" ON "company" USING btree ("workspace_id","status","name","id");--> statement-breakpoint
CREATE INDEX "company_city_idx" ON "company" USING btree ("workspace_id",lower("city"));--> statement-breakpoint
CREATE INDEX "contact_name_gist_idx" ON "contact" USING gist ("name" gist_trgm_ops(siglen=64));--> statement-breakpoint
CREATE INDEX "contact_status_name_idx" ON "contact" USING btree ("workspace_id","status","name","id");--> statement-breakpoint
CREATE INDEX "contact_city_idx" ON "contact" USING btree ("workspace_id",lower("city"));