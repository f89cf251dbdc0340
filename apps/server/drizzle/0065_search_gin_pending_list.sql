-- Search's GIN indexes merge their pending list at 64 kB instead of 4 MB (see SEARCH_GIN). A storage
-- setting: changed in place, without rebuilding the indexes; the list already pending is merged at
-- the next write past the limit or the next vacuum.
ALTER INDEX "company_search_text_trgm_idx" SET (gin_pending_list_limit = 64);--> statement-breakpoint
ALTER INDEX "company_phone_trgm_idx" SET (gin_pending_list_limit = 64);--> statement-breakpoint
ALTER INDEX "company_email_trgm_idx" SET (gin_pending_list_limit = 64);--> statement-breakpoint
ALTER INDEX "company_search_idx" SET (gin_pending_list_limit = 64);--> statement-breakpoint
ALTER INDEX "contact_search_text_trgm_idx" SET (gin_pending_list_limit = 64);--> statement-breakpoint
ALTER INDEX "contact_phone_trgm_idx" SET (gin_pending_list_limit = 64);--> statement-breakpoint
ALTER INDEX "contact_email_trgm_idx" SET (gin_pending_list_limit = 64);--> statement-breakpoint
ALTER INDEX "contact_search_idx" SET (gin_pending_list_limit = 64);
