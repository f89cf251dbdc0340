CREATE TABLE "audit_event" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"outcome" text DEFAULT 'success' NOT NULL,
	"entity" text,
	"record_id" text,
	"request" text,
	"ip" text,
	"user_agent" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_event_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "mail_suppression" (
	"workspace_id" uuid NOT NULL,
	"email_hash" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_suppression_workspace_id_email_hash_pk" PRIMARY KEY("workspace_id","email_hash")
);
--> statement-breakpoint
CREATE TABLE "person_erasure" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"erased_by_id" uuid,
	"reason" text,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_erasure_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "record_share" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"entity" text NOT NULL,
	"record_id" uuid NOT NULL,
	"user_id" uuid,
	"unit_id" uuid,
	"access" text DEFAULT 'read' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_share_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "record_share_target_check" CHECK (("record_share"."user_id" IS NULL) <> ("record_share"."unit_id" IS NULL)),
	CONSTRAINT "record_share_access_check" CHECK ("record_share"."access" IN ('read', 'update'))
);
--> statement-breakpoint
CREATE TABLE "role" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"base_role" text NOT NULL,
	"permissions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"field_rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "role_base_role_check" CHECK ("role"."base_role" IN ('admin', 'manager', 'employee'))
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "role_id" uuid;--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "audit_retention_days" integer DEFAULT 365 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_suppression" ADD CONSTRAINT "mail_suppression_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_erasure" ADD CONSTRAINT "person_erasure_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_share" ADD CONSTRAINT "record_share_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_share" ADD CONSTRAINT "record_share_workspace_id_user_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_share" ADD CONSTRAINT "record_share_workspace_id_unit_id_unit_workspace_id_id_fk" FOREIGN KEY ("workspace_id","unit_id") REFERENCES "public"."unit"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role" ADD CONSTRAINT "role_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_event_at_idx" ON "audit_event" USING btree ("workspace_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_event_action_idx" ON "audit_event" USING btree ("workspace_id","action","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_event_actor_idx" ON "audit_event" USING btree ("workspace_id","actor_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "person_erasure_contact_idx" ON "person_erasure" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "record_share_user_key" ON "record_share" USING btree ("workspace_id","entity","record_id","user_id") WHERE "record_share"."user_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "record_share_unit_key" ON "record_share" USING btree ("workspace_id","entity","record_id","unit_id") WHERE "record_share"."unit_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "record_share_user_idx" ON "record_share" USING btree ("workspace_id","entity","user_id");--> statement-breakpoint
CREATE INDEX "record_share_unit_idx" ON "record_share" USING btree ("workspace_id","entity","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_name_key" ON "role" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_workspace_id_role_id_role_workspace_id_id_fk" FOREIGN KEY ("workspace_id","role_id") REFERENCES "public"."role"("workspace_id","id") ON DELETE no action ON UPDATE no action;