CREATE TABLE "company" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"legal_name" text,
	"tax_number" text,
	"website" text,
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
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(legal_name, '') || ' ' || coalesce(city, ''))
        || to_tsvector('russian', coalesce(notes, '')) || to_tsvector('italian', coalesce(notes, ''))
        || to_tsvector('english', coalesce(notes, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "company_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "record_change" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_change_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "company" ADD CONSTRAINT "company_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company" ADD CONSTRAINT "company_workspace_id_owner_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company" ADD CONSTRAINT "company_workspace_id_unit_id_unit_workspace_id_id_fk" FOREIGN KEY ("workspace_id","unit_id") REFERENCES "public"."unit"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_change" ADD CONSTRAINT "record_change_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_name_idx" ON "company" USING btree ("workspace_id","name","id");--> statement-breakpoint
CREATE INDEX "company_updated_idx" ON "company" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "company_owner_idx" ON "company" USING btree ("workspace_id","owner_id");--> statement-breakpoint
CREATE INDEX "company_unit_idx" ON "company" USING btree ("workspace_id","unit_id");--> statement-breakpoint
CREATE INDEX "company_name_trgm_idx" ON "company" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "company_phone_trgm_idx" ON "company" USING gin ("phone_digits" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "company_email_trgm_idx" ON "company" USING gin ("emails_normalised" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "company_search_idx" ON "company" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "record_change_entity_idx" ON "record_change" USING btree ("workspace_id","entity_type","entity_id","at");