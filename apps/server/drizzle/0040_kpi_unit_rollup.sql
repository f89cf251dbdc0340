CREATE TABLE "kpi_unit_hourly" (
	"workspace_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"unit_id" uuid,
	"potential_clients" integer DEFAULT 0 NOT NULL,
	"quotes_sent" integer DEFAULT 0 NOT NULL,
	"quotes_sent_base" numeric(18, 2) DEFAULT '0' NOT NULL,
	"new_deals" integer DEFAULT 0 NOT NULL,
	"new_deals_base" numeric(18, 2) DEFAULT '0' NOT NULL,
	"deals_won" integer DEFAULT 0 NOT NULL,
	"deals_won_base" numeric(18, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "kpi_unit_hourly_key" UNIQUE NULLS NOT DISTINCT("workspace_id","bucket","unit_id")
);
--> statement-breakpoint
ALTER TABLE "kpi_unit_hourly" ADD CONSTRAINT "kpi_unit_hourly_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;