CREATE TABLE "company_group" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_group_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "parent_company_id" uuid;--> statement-breakpoint
ALTER TABLE "company_group" ADD CONSTRAINT "company_group_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company" ADD CONSTRAINT "company_workspace_id_group_id_company_group_workspace_id_id_fk" FOREIGN KEY ("workspace_id","group_id") REFERENCES "public"."company_group"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company" ADD CONSTRAINT "company_workspace_id_parent_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","parent_company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_group_idx" ON "company" USING btree ("workspace_id","group_id");