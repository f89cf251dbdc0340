CREATE TABLE "case_category" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "case_category_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_message" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"channel" text,
	"body" text NOT NULL,
	"author_id" uuid,
	"article_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"email_state" text,
	"email_to" text,
	"email_attempts" integer DEFAULT 0 NOT NULL,
	"emailed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_message_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_routing_rule" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"type_id" uuid,
	"category_id" uuid,
	"product_id" uuid,
	"customer_class" text,
	"channel" text,
	"unit_id" uuid,
	"user_id" uuid,
	"process_definition_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_routing_rule_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_type" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'complaint' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_type_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "sla_policy" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"type_id" uuid,
	"priority" text,
	"first_response_minutes" integer NOT NULL,
	"resolution_minutes" integer NOT NULL,
	"warn_before_minutes" integer DEFAULT 60 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policy_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_case" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"subject" text NOT NULL,
	"description" text,
	"kind" text NOT NULL,
	"type_id" uuid NOT NULL,
	"category_id" uuid,
	"channel" text NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"company_id" uuid,
	"contact_id" uuid,
	"product_id" uuid,
	"order_id" uuid,
	"owner_id" uuid,
	"unit_id" uuid,
	"handover_task_id" uuid,
	"routing_rule_id" uuid,
	"process_instance_id" uuid,
	"verdict" text,
	"verdict_reason" text,
	"resolution" text,
	"compensation_amount" numeric(14, 2),
	"compensation_currency" text,
	"compensation_note" text,
	"satisfaction" smallint,
	"satisfaction_comment" text,
	"satisfaction_at" timestamp with time zone,
	"sla_policy_id" uuid,
	"first_response_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"first_responded_at" timestamp with time zone,
	"sla_paused_at" timestamp with time zone,
	"first_response_left_minutes" integer,
	"resolution_left_minutes" integer,
	"first_response_warned_at" timestamp with time zone,
	"first_response_breached_at" timestamp with time zone,
	"resolution_warned_at" timestamp with time zone,
	"resolution_breached_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reopened_count" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "support_case_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "working_calendar" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"unit_id" uuid,
	"time_zone" text NOT NULL,
	"hours" jsonb NOT NULL,
	"holidays" date[] DEFAULT '{}'::date[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "working_calendar_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "kb_article_feedback" (
	"workspace_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"voter" text NOT NULL,
	"helpful" boolean NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_article_feedback_workspace_id_article_id_voter_pk" PRIMARY KEY("workspace_id","article_id","voter")
);
--> statement-breakpoint
CREATE TABLE "kb_article_use" (
	"workspace_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_article_use_workspace_id_article_id_message_id_pk" PRIMARY KEY("workspace_id","article_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "kb_article_version" (
	"workspace_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"answer" text,
	"language" text NOT NULL,
	"audience" text NOT NULL,
	"category_id" uuid,
	"tags" text[] NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_article_version_workspace_id_article_id_version_pk" PRIMARY KEY("workspace_id","article_id","version")
);
--> statement-breakpoint
CREATE TABLE "kb_article" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"answer" text,
	"language" text NOT NULL,
	"audience" text DEFAULT 'internal' NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"source_case_id" uuid,
	"helpful_yes" integer DEFAULT 0 NOT NULL,
	"helpful_no" integer DEFAULT 0 NOT NULL,
	"use_count" integer DEFAULT 0 NOT NULL,
	"author_id" uuid NOT NULL,
	"updated_by_id" uuid NOT NULL,
	"plain_text" text DEFAULT '' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(CASE language WHEN 'ru' THEN 'russian'::regconfig WHEN 'it' THEN 'italian'::regconfig ELSE 'english'::regconfig END, coalesce(title, '')), 'A') || setweight(to_tsvector(CASE language WHEN 'ru' THEN 'russian'::regconfig WHEN 'it' THEN 'italian'::regconfig ELSE 'english'::regconfig END, coalesce(answer, '')), 'B') || setweight(to_tsvector(CASE language WHEN 'ru' THEN 'russian'::regconfig WHEN 'it' THEN 'italian'::regconfig ELSE 'english'::regconfig END, plain_text), 'C')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "kb_article_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "kb_category" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_category_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "kb_word" (
	"workspace_id" uuid NOT NULL,
	"language" text NOT NULL,
	"word" text NOT NULL,
	"articles" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kb_word_workspace_id_language_word_pk" PRIMARY KEY("workspace_id","language","word")
);
--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "case_category" ADD CONSTRAINT "case_category_workspace_id_type_id_case_type_workspace_id_id_fk" FOREIGN KEY ("workspace_id","type_id") REFERENCES "public"."case_type"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_message" ADD CONSTRAINT "case_message_workspace_id_case_id_support_case_workspace_id_id_fk" FOREIGN KEY ("workspace_id","case_id") REFERENCES "public"."support_case"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_message" ADD CONSTRAINT "case_message_workspace_id_author_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","author_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rule" ADD CONSTRAINT "case_routing_rule_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rule" ADD CONSTRAINT "case_routing_rule_workspace_id_type_id_case_type_workspace_id_id_fk" FOREIGN KEY ("workspace_id","type_id") REFERENCES "public"."case_type"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rule" ADD CONSTRAINT "case_routing_rule_workspace_id_unit_id_unit_workspace_id_id_fk" FOREIGN KEY ("workspace_id","unit_id") REFERENCES "public"."unit"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rule" ADD CONSTRAINT "case_routing_rule_workspace_id_user_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_type" ADD CONSTRAINT "case_type_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policy" ADD CONSTRAINT "sla_policy_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policy" ADD CONSTRAINT "sla_policy_workspace_id_type_id_case_type_workspace_id_id_fk" FOREIGN KEY ("workspace_id","type_id") REFERENCES "public"."case_type"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case" ADD CONSTRAINT "support_case_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case" ADD CONSTRAINT "support_case_workspace_id_type_id_case_type_workspace_id_id_fk" FOREIGN KEY ("workspace_id","type_id") REFERENCES "public"."case_type"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case" ADD CONSTRAINT "support_case_workspace_id_category_id_case_category_workspace_id_id_fk" FOREIGN KEY ("workspace_id","category_id") REFERENCES "public"."case_category"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case" ADD CONSTRAINT "support_case_workspace_id_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case" ADD CONSTRAINT "support_case_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case" ADD CONSTRAINT "support_case_workspace_id_product_id_product_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."product"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case" ADD CONSTRAINT "support_case_workspace_id_owner_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case" ADD CONSTRAINT "support_case_workspace_id_unit_id_unit_workspace_id_id_fk" FOREIGN KEY ("workspace_id","unit_id") REFERENCES "public"."unit"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case" ADD CONSTRAINT "support_case_workspace_id_created_by_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","created_by_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_calendar" ADD CONSTRAINT "working_calendar_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_calendar" ADD CONSTRAINT "working_calendar_workspace_id_unit_id_unit_workspace_id_id_fk" FOREIGN KEY ("workspace_id","unit_id") REFERENCES "public"."unit"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_feedback" ADD CONSTRAINT "kb_article_feedback_workspace_id_article_id_kb_article_workspace_id_id_fk" FOREIGN KEY ("workspace_id","article_id") REFERENCES "public"."kb_article"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_use" ADD CONSTRAINT "kb_article_use_workspace_id_article_id_kb_article_workspace_id_id_fk" FOREIGN KEY ("workspace_id","article_id") REFERENCES "public"."kb_article"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_version" ADD CONSTRAINT "kb_article_version_workspace_id_article_id_kb_article_workspace_id_id_fk" FOREIGN KEY ("workspace_id","article_id") REFERENCES "public"."kb_article"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article" ADD CONSTRAINT "kb_article_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article" ADD CONSTRAINT "kb_article_workspace_id_category_id_kb_category_workspace_id_id_fk" FOREIGN KEY ("workspace_id","category_id") REFERENCES "public"."kb_category"("workspace_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article" ADD CONSTRAINT "kb_article_workspace_id_author_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","author_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article" ADD CONSTRAINT "kb_article_workspace_id_updated_by_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","updated_by_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_category" ADD CONSTRAINT "kb_category_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_category" ADD CONSTRAINT "kb_category_workspace_id_parent_id_kb_category_workspace_id_id_fk" FOREIGN KEY ("workspace_id","parent_id") REFERENCES "public"."kb_category"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_category_name_key" ON "case_category" USING btree ("workspace_id","type_id",lower("name"));--> statement-breakpoint
CREATE INDEX "case_message_case_idx" ON "case_message" USING btree ("workspace_id","case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_message_email_queue_idx" ON "case_message" USING btree ("created_at") WHERE email_state IN ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "case_routing_rule_position_idx" ON "case_routing_rule" USING btree ("workspace_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "case_type_name_key" ON "case_type" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "sla_policy_scope_key" ON "sla_policy" USING btree ("workspace_id",coalesce("type_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("priority", ''));--> statement-breakpoint
CREATE UNIQUE INDEX "support_case_number_key" ON "support_case" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "support_case_created_idx" ON "support_case" USING btree ("workspace_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "support_case_status_idx" ON "support_case" USING btree ("workspace_id","status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "support_case_owner_idx" ON "support_case" USING btree ("workspace_id","owner_id","created_at" DESC NULLS LAST) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "support_case_unit_idx" ON "support_case" USING btree ("workspace_id","unit_id","created_at" DESC NULLS LAST) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "support_case_company_idx" ON "support_case" USING btree ("workspace_id","company_id","created_at" DESC NULLS LAST) WHERE company_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "support_case_contact_idx" ON "support_case" USING btree ("workspace_id","contact_id","created_at" DESC NULLS LAST) WHERE contact_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "support_case_sla_idx" ON "support_case" USING btree ("workspace_id","resolution_due_at") WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'closed') AND sla_paused_at IS NULL;--> statement-breakpoint
CREATE INDEX "support_case_subject_trgm_idx" ON "support_case" USING gin (lower("number" || ' ' || "subject") gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "working_calendar_unit_key" ON "working_calendar" USING btree ("workspace_id",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "kb_article_use_case_idx" ON "kb_article_use" USING btree ("workspace_id","case_id");--> statement-breakpoint
CREATE INDEX "kb_article_search_idx" ON "kb_article" USING gin ("search");--> statement-breakpoint
CREATE INDEX "kb_article_title_trgm_idx" ON "kb_article" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "kb_article_category_idx" ON "kb_article" USING btree ("workspace_id","category_id","updated_at" DESC NULLS LAST) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "kb_article_updated_idx" ON "kb_article" USING btree ("workspace_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "kb_article_tags_idx" ON "kb_article" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "kb_word_trgm_idx" ON "kb_word" USING gin ("word" gin_trgm_ops);