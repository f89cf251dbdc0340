CREATE TABLE "revenue_monthly" (
	"workspace_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"month" date NOT NULL,
	"company_id" uuid,
	"owner_id" uuid,
	"unit_id" uuid,
	"amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "revenue_monthly_key" UNIQUE NULLS NOT DISTINCT("workspace_id","basis","month","company_id","owner_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "revenue_monthly" ADD CONSTRAINT "revenue_monthly_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;