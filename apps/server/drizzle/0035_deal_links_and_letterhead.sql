ALTER TABLE "agreement" ADD COLUMN "deal_id" uuid;--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "legal_name" text;--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "tax_number" text;--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "logo" "bytea";--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "logo_type" text;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_workspace_id_deal_id_deal_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deal"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_deal_idx" ON "agreement" USING btree ("workspace_id","deal_id","created_at") WHERE deal_id IS NOT NULL;