CREATE TABLE "activity" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"subject" text,
	"body" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"duration_minutes" integer,
	"direction" text,
	"outcome" text,
	"place" text,
	"participants" text,
	"follow_up_at" timestamp with time zone,
	"author_id" uuid NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "activity_link" (
	"workspace_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "activity_link_workspace_id_activity_id_entity_id_pk" PRIMARY KEY("workspace_id","activity_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "agreement" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"details" text,
	"status" text DEFAULT 'agreed' NOT NULL,
	"company_id" uuid,
	"contact_id" uuid,
	"agreed_by_id" uuid,
	"unit_id" uuid,
	"agreed_on" date DEFAULT CURRENT_DATE NOT NULL,
	"valid_until" date,
	"resource" text,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "agreement_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "last_contact_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contact" ADD COLUMN "last_contact_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_workspace_id_author_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","author_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_link" ADD CONSTRAINT "activity_link_workspace_id_activity_id_activity_workspace_id_id_fk" FOREIGN KEY ("workspace_id","activity_id") REFERENCES "public"."activity"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_workspace_id_agreed_by_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","agreed_by_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_workspace_id_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_workspace_id_created_by_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","created_by_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_author_idx" ON "activity" USING btree ("workspace_id","author_id","occurred_at");--> statement-breakpoint
CREATE INDEX "activity_follow_up_idx" ON "activity" USING btree ("workspace_id","follow_up_at") WHERE follow_up_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "activity_link_timeline_idx" ON "activity_link" USING btree ("workspace_id","entity_id","occurred_at" DESC NULLS LAST,"activity_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "agreement_company_idx" ON "agreement" USING btree ("workspace_id","company_id","created_at") WHERE company_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "agreement_contact_idx" ON "agreement" USING btree ("workspace_id","contact_id","created_at") WHERE contact_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "agreement_agreed_on_idx" ON "agreement" USING btree ("workspace_id","agreed_on","id");--> statement-breakpoint
CREATE INDEX "agreement_resource_trgm_idx" ON "agreement" USING gin (lower(coalesce("title", '') || ' ' || coalesce("resource", '')) gin_trgm_ops);