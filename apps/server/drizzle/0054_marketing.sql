CREATE TABLE "marketing_budget_plan" (
	"workspace_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"month" date NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketing_budget_plan_workspace_id_source_id_month_pk" PRIMARY KEY("workspace_id","source_id","month")
);
--> statement-breakpoint
CREATE TABLE "campaign_cost" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"description" text NOT NULL,
	"planned" numeric(14, 2) DEFAULT '0' NOT NULL,
	"actual" numeric(14, 2) DEFAULT '0' NOT NULL,
	"incurred_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_cost_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaign" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"budget" numeric(14, 2),
	"source_id" uuid,
	"owner_id" uuid,
	"segment_view_id" uuid,
	"segment_list_id" uuid,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "campaign_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "lead_source" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_source_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "lead" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"channel" text DEFAULT 'manual' NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"name" text GENERATED ALWAYS AS (btrim(first_name || ' ' || last_name)) STORED,
	"company_name" text,
	"position" text,
	"email" text,
	"phone" text,
	"city" text,
	"language" text,
	"message" text,
	"marketing_consent" boolean DEFAULT false NOT NULL,
	"owner_id" uuid,
	"unit_id" uuid,
	"web_form_id" uuid,
	"source_id" uuid,
	"campaign_id" uuid,
	"converted_source_id" uuid,
	"converted_campaign_id" uuid,
	"disqualify_reason" text,
	"converted_contact_id" uuid,
	"converted_company_id" uuid,
	"converted_deal_id" uuid,
	"converted_at" timestamp with time zone,
	"converted_by_id" uuid,
	"submitted_from" jsonb,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "lead_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "web_form" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"title" text,
	"thanks" text,
	"consent_text" text,
	"redirect_url" text,
	"source_id" uuid,
	"campaign_id" uuid,
	"owner_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"submissions" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "web_form_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "birthday_greeting" (
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"on" date NOT NULL,
	"action" text NOT NULL,
	"task_id" uuid,
	"status" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"token" uuid DEFAULT gen_random_uuid() NOT NULL,
	CONSTRAINT "birthday_greeting_workspace_id_contact_id_year_pk" PRIMARY KEY("workspace_id","contact_id","year")
);
--> statement-breakpoint
CREATE TABLE "birthday_setting" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"action" text DEFAULT 'task' NOT NULL,
	"template_id" uuid,
	"view_id" uuid,
	"list_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_event" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"state" text NOT NULL,
	"source" text NOT NULL,
	"detail" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_event_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "mail_template" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT 'marketing' NOT NULL,
	"versions" jsonb NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "mail_template_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "mailing_recipient" (
	"workspace_id" uuid NOT NULL,
	"mailing_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"token" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"error" text,
	"message_id" text,
	"sent_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"clicked_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mailing_recipient_workspace_id_mailing_id_contact_id_pk" PRIMARY KEY("workspace_id","mailing_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "mailing" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"template_id" uuid NOT NULL,
	"campaign_id" uuid,
	"view_id" uuid,
	"list_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"per_minute" integer DEFAULT 600 NOT NULL,
	"track_opens" boolean DEFAULT false NOT NULL,
	"track_clicks" boolean DEFAULT false NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"queued_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mailing_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_invitation" (
	"workspace_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"token" uuid DEFAULT gen_random_uuid() NOT NULL,
	"language" text NOT NULL,
	"email" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"call_task_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_invitation_workspace_id_survey_id_contact_id_pk" PRIMARY KEY("workspace_id","survey_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"contact_id" uuid,
	"language" text NOT NULL,
	"answers" jsonb NOT NULL,
	"nps" smallint,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_response_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" jsonb NOT NULL,
	"intro" jsonb,
	"thanks" jsonb,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"template_id" uuid,
	"campaign_id" uuid,
	"owner_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "survey_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "converted_source_id" uuid;--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "converted_campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "contact" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "contact" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "contact" ADD COLUMN "converted_source_id" uuid;--> statement-breakpoint
ALTER TABLE "contact" ADD COLUMN "converted_campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "contact" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "contact" ADD COLUMN "marketing_consent" text;--> statement-breakpoint
ALTER TABLE "contact" ADD COLUMN "consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contact" ADD COLUMN "consent_source" text;--> statement-breakpoint
ALTER TABLE "contact" ADD COLUMN "email_bounced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deal" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "deal" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "deal" ADD COLUMN "converted_source_id" uuid;--> statement-breakpoint
ALTER TABLE "deal" ADD COLUMN "converted_campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "deal" ADD COLUMN "lead_id" uuid;--> statement-breakpoint
ALTER TABLE "marketing_budget_plan" ADD CONSTRAINT "marketing_budget_plan_workspace_id_source_id_lead_source_workspace_id_id_fk" FOREIGN KEY ("workspace_id","source_id") REFERENCES "public"."lead_source"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_cost" ADD CONSTRAINT "campaign_cost_workspace_id_campaign_id_campaign_workspace_id_id_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaign"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_workspace_id_source_id_lead_source_workspace_id_id_fk" FOREIGN KEY ("workspace_id","source_id") REFERENCES "public"."lead_source"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_workspace_id_owner_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_workspace_id_segment_view_id_saved_view_workspace_id_id_fk" FOREIGN KEY ("workspace_id","segment_view_id") REFERENCES "public"."saved_view"("workspace_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_workspace_id_segment_list_id_static_list_workspace_id_id_fk" FOREIGN KEY ("workspace_id","segment_list_id") REFERENCES "public"."static_list"("workspace_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_source" ADD CONSTRAINT "lead_source_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_source_fk" FOREIGN KEY ("workspace_id","source_id") REFERENCES "public"."lead_source"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_converted_source_fk" FOREIGN KEY ("workspace_id","converted_source_id") REFERENCES "public"."lead_source"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_campaign_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaign"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_converted_campaign_fk" FOREIGN KEY ("workspace_id","converted_campaign_id") REFERENCES "public"."campaign"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_workspace_id_owner_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_workspace_id_unit_id_unit_workspace_id_id_fk" FOREIGN KEY ("workspace_id","unit_id") REFERENCES "public"."unit"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_workspace_id_web_form_id_web_form_workspace_id_id_fk" FOREIGN KEY ("workspace_id","web_form_id") REFERENCES "public"."web_form"("workspace_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_workspace_id_converted_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","converted_contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_workspace_id_converted_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","converted_company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_workspace_id_converted_deal_id_deal_workspace_id_id_fk" FOREIGN KEY ("workspace_id","converted_deal_id") REFERENCES "public"."deal"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "web_form" ADD CONSTRAINT "web_form_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "web_form" ADD CONSTRAINT "web_form_workspace_id_source_id_lead_source_workspace_id_id_fk" FOREIGN KEY ("workspace_id","source_id") REFERENCES "public"."lead_source"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "web_form" ADD CONSTRAINT "web_form_workspace_id_campaign_id_campaign_workspace_id_id_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaign"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "web_form" ADD CONSTRAINT "web_form_workspace_id_owner_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "birthday_greeting" ADD CONSTRAINT "birthday_greeting_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "birthday_setting" ADD CONSTRAINT "birthday_setting_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "birthday_setting" ADD CONSTRAINT "birthday_setting_workspace_id_template_id_mail_template_workspace_id_id_fk" FOREIGN KEY ("workspace_id","template_id") REFERENCES "public"."mail_template"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_event" ADD CONSTRAINT "consent_event_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_template" ADD CONSTRAINT "mail_template_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_template" ADD CONSTRAINT "mail_template_workspace_id_created_by_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","created_by_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing_recipient" ADD CONSTRAINT "mailing_recipient_workspace_id_mailing_id_mailing_workspace_id_id_fk" FOREIGN KEY ("workspace_id","mailing_id") REFERENCES "public"."mailing"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing_recipient" ADD CONSTRAINT "mailing_recipient_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing" ADD CONSTRAINT "mailing_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing" ADD CONSTRAINT "mailing_workspace_id_template_id_mail_template_workspace_id_id_fk" FOREIGN KEY ("workspace_id","template_id") REFERENCES "public"."mail_template"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing" ADD CONSTRAINT "mailing_workspace_id_campaign_id_campaign_workspace_id_id_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaign"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing" ADD CONSTRAINT "mailing_workspace_id_view_id_saved_view_workspace_id_id_fk" FOREIGN KEY ("workspace_id","view_id") REFERENCES "public"."saved_view"("workspace_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing" ADD CONSTRAINT "mailing_workspace_id_list_id_static_list_workspace_id_id_fk" FOREIGN KEY ("workspace_id","list_id") REFERENCES "public"."static_list"("workspace_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing" ADD CONSTRAINT "mailing_workspace_id_created_by_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","created_by_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_workspace_id_survey_id_survey_workspace_id_id_fk" FOREIGN KEY ("workspace_id","survey_id") REFERENCES "public"."survey"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_workspace_id_survey_id_survey_workspace_id_id_fk" FOREIGN KEY ("workspace_id","survey_id") REFERENCES "public"."survey"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_workspace_id_template_id_mail_template_workspace_id_id_fk" FOREIGN KEY ("workspace_id","template_id") REFERENCES "public"."mail_template"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_workspace_id_campaign_id_campaign_workspace_id_id_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaign"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_workspace_id_owner_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_cost_campaign_idx" ON "campaign_cost" USING btree ("workspace_id","campaign_id");--> statement-breakpoint
CREATE INDEX "campaign_starts_idx" ON "campaign" USING btree ("workspace_id","starts_on");--> statement-breakpoint
CREATE INDEX "campaign_source_idx" ON "campaign" USING btree ("workspace_id","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_source_name_key" ON "lead_source" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE INDEX "lead_campaign_idx" ON "lead" USING btree ("workspace_id","campaign_id") WHERE campaign_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "lead_converted_campaign_idx" ON "lead" USING btree ("workspace_id","converted_campaign_id") WHERE converted_campaign_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "lead_source_idx" ON "lead" USING btree ("workspace_id","source_id") WHERE source_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "lead_list_idx" ON "lead" USING btree ("workspace_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "lead_owner_idx" ON "lead" USING btree ("workspace_id","owner_id","status") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "lead_email_idx" ON "lead" USING btree ("workspace_id",lower("email"));--> statement-breakpoint
CREATE INDEX "lead_converted_deal_idx" ON "lead" USING btree ("workspace_id","converted_deal_id") WHERE converted_deal_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "web_form_key" ON "web_form" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "birthday_greeting_token_key" ON "birthday_greeting" USING btree ("token");--> statement-breakpoint
CREATE INDEX "consent_event_contact_idx" ON "consent_event" USING btree ("workspace_id","contact_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "mailing_recipient_token_key" ON "mailing_recipient" USING btree ("token");--> statement-breakpoint
CREATE INDEX "mailing_recipient_queue_idx" ON "mailing_recipient" USING btree ("workspace_id","mailing_id","contact_id") WHERE status IN ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "mailing_recipient_contact_idx" ON "mailing_recipient" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "mailing_created_idx" ON "mailing" USING btree ("workspace_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_token_key" ON "survey_invitation" USING btree ("token");--> statement-breakpoint
CREATE INDEX "survey_response_survey_idx" ON "survey_response" USING btree ("workspace_id","survey_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_response_contact_key" ON "survey_response" USING btree ("workspace_id","survey_id","contact_id");--> statement-breakpoint
ALTER TABLE "company" ADD CONSTRAINT "company_source_fk" FOREIGN KEY ("workspace_id","source_id") REFERENCES "public"."lead_source"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company" ADD CONSTRAINT "company_converted_source_fk" FOREIGN KEY ("workspace_id","converted_source_id") REFERENCES "public"."lead_source"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company" ADD CONSTRAINT "company_campaign_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaign"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company" ADD CONSTRAINT "company_converted_campaign_fk" FOREIGN KEY ("workspace_id","converted_campaign_id") REFERENCES "public"."campaign"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_source_fk" FOREIGN KEY ("workspace_id","source_id") REFERENCES "public"."lead_source"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_converted_source_fk" FOREIGN KEY ("workspace_id","converted_source_id") REFERENCES "public"."lead_source"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_campaign_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaign"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_converted_campaign_fk" FOREIGN KEY ("workspace_id","converted_campaign_id") REFERENCES "public"."campaign"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal" ADD CONSTRAINT "deal_source_fk" FOREIGN KEY ("workspace_id","source_id") REFERENCES "public"."lead_source"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal" ADD CONSTRAINT "deal_converted_source_fk" FOREIGN KEY ("workspace_id","converted_source_id") REFERENCES "public"."lead_source"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal" ADD CONSTRAINT "deal_campaign_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaign"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal" ADD CONSTRAINT "deal_converted_campaign_fk" FOREIGN KEY ("workspace_id","converted_campaign_id") REFERENCES "public"."campaign"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_campaign_idx" ON "company" USING btree ("workspace_id","campaign_id") WHERE campaign_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "company_converted_campaign_idx" ON "company" USING btree ("workspace_id","converted_campaign_id") WHERE converted_campaign_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "company_source_idx" ON "company" USING btree ("workspace_id","source_id") WHERE source_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "contact_campaign_idx" ON "contact" USING btree ("workspace_id","campaign_id") WHERE campaign_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "contact_converted_campaign_idx" ON "contact" USING btree ("workspace_id","converted_campaign_id") WHERE converted_campaign_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "contact_source_idx" ON "contact" USING btree ("workspace_id","source_id") WHERE source_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "contact_birthday_idx" ON "contact" USING btree ("workspace_id",extract(month from "birthday"),extract(day from "birthday")) WHERE birthday IS NOT NULL AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "deal_campaign_idx" ON "deal" USING btree ("workspace_id","campaign_id") WHERE campaign_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "deal_converted_campaign_idx" ON "deal" USING btree ("workspace_id","converted_campaign_id") WHERE converted_campaign_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "deal_source_idx" ON "deal" USING btree ("workspace_id","source_id") WHERE source_id IS NOT NULL;