DROP INDEX "company_city_idx";--> statement-breakpoint
DROP INDEX "contact_city_idx";--> statement-breakpoint
CREATE INDEX "company_created_idx" ON "company" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "company_city_name_idx" ON "company" USING btree ("workspace_id",lower("city"),"name","id");--> statement-breakpoint
CREATE INDEX "contact_created_idx" ON "contact" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "contact_city_name_idx" ON "contact" USING btree ("workspace_id",lower("city"),"name","id");