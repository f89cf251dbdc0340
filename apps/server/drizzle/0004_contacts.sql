CREATE TABLE "contact_company" (
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	CONSTRAINT "contact_company_workspace_id_contact_id_company_id_pk" PRIMARY KEY("workspace_id","contact_id","company_id")
);
--> statement-breakpoint
CREATE TABLE "contact" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"name" text GENERATED ALWAYS AS (btrim(first_name || ' ' || last_name)) STORED,
	"position" text,
	"birthday" date,
	"preferred_channel" text,
	"preferences" text,
	"personal_events" text,
	"relationships" text[] DEFAULT '{client}' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"class" text,
	"region" text,
	"city" text,
	"address" text,
	"phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"emails" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phone_digits" text DEFAULT '' NOT NULL,
	"emails_normalised" text DEFAULT '' NOT NULL,
	"lead_source" text,
	"owner_id" uuid,
	"unit_id" uuid,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"notes" text,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', first_name || ' ' || last_name || ' ' || coalesce(city, ''))
        || to_tsvector('russian', coalesce(notes, '') || ' ' || coalesce(preferences, ''))
        || to_tsvector('italian', coalesce(notes, '') || ' ' || coalesce(preferences, ''))
        || to_tsvector('english', coalesce(notes, '') || ' ' || coalesce(preferences, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "contact_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "contact_company" ADD CONSTRAINT "contact_company_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_company" ADD CONSTRAINT "contact_company_workspace_id_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_workspace_id_owner_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_workspace_id_unit_id_unit_workspace_id_id_fk" FOREIGN KEY ("workspace_id","unit_id") REFERENCES "public"."unit"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_company_company_idx" ON "contact_company" USING btree ("workspace_id","company_id");--> statement-breakpoint
CREATE INDEX "contact_name_idx" ON "contact" USING btree ("workspace_id","name","id");--> statement-breakpoint
CREATE INDEX "contact_updated_idx" ON "contact" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "contact_owner_idx" ON "contact" USING btree ("workspace_id","owner_id");--> statement-breakpoint
CREATE INDEX "contact_unit_idx" ON "contact" USING btree ("workspace_id","unit_id");--> statement-breakpoint
CREATE INDEX "contact_name_trgm_idx" ON "contact" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contact_phone_trgm_idx" ON "contact" USING gin ("phone_digits" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contact_email_trgm_idx" ON "contact" USING gin ("emails_normalised" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contact_search_idx" ON "contact" USING gin ("search_vector");