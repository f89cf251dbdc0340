DROP INDEX "activity_link_timeline_idx";--> statement-breakpoint
ALTER TABLE "activity_link" ADD COLUMN "activity_type" text;--> statement-breakpoint
ALTER TABLE "activity_link" ADD COLUMN "author_id" uuid;--> statement-breakpoint
UPDATE "activity_link" l SET "activity_type" = a."type", "author_id" = a."author_id" FROM "activity" a WHERE a."workspace_id" = l."workspace_id" AND a."id" = l."activity_id";--> statement-breakpoint
ALTER TABLE "activity_link" ALTER COLUMN "activity_type" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_link" ALTER COLUMN "author_id" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "activity_occurred_idx" ON "activity" USING btree ("workspace_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activity_link_timeline_idx" ON "activity_link" USING btree ("workspace_id","entity_id","occurred_at" DESC NULLS LAST,"activity_id" DESC NULLS LAST,"activity_type","author_id");
