CREATE TABLE "kpi_hourly" (
	"workspace_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"owner_id" uuid,
	"unit_id" uuid,
	"potential_clients" integer DEFAULT 0 NOT NULL,
	"quotes_sent" integer DEFAULT 0 NOT NULL,
	"quotes_sent_base" numeric(18, 2) DEFAULT '0' NOT NULL,
	"new_deals" integer DEFAULT 0 NOT NULL,
	"new_deals_base" numeric(18, 2) DEFAULT '0' NOT NULL,
	"deals_won" integer DEFAULT 0 NOT NULL,
	"deals_won_base" numeric(18, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "kpi_hourly_key" UNIQUE NULLS NOT DISTINCT("workspace_id","bucket","owner_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_potential_client" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	CONSTRAINT "kpi_potential_client_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "kpi_quote_sending" (
	"workspace_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kpi_quote_sending_workspace_id_quote_id_pk" PRIMARY KEY("workspace_id","quote_id")
);
--> statement-breakpoint
ALTER TABLE "kpi_hourly" ADD CONSTRAINT "kpi_hourly_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_potential_client" ADD CONSTRAINT "kpi_potential_client_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_quote_sending" ADD CONSTRAINT "kpi_quote_sending_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_hourly_owner_idx" ON "kpi_hourly" USING btree ("workspace_id","owner_id","bucket");