CREATE TABLE "process_definition" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"template_key" text,
	"draft_xml" text NOT NULL,
	"draft_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_version" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "process_definition_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "process_instance" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"definition_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"record_type" text,
	"record_id" uuid,
	"form" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" jsonb,
	"current" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "process_instance_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "process_outbox" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"element_id" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "process_outbox_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "process_signal" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"definition_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "process_signal_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "process_start_trigger" (
	"workspace_id" uuid NOT NULL,
	"definition_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"version_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"record_type" text,
	"field" text,
	"cron" text,
	"next_run_at" timestamp with time zone,
	CONSTRAINT "process_start_trigger_workspace_id_definition_id_event_id_pk" PRIMARY KEY("workspace_id","definition_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "process_step" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"execution_id" text NOT NULL,
	"element_id" text NOT NULL,
	"element_type" text NOT NULL,
	"name" text,
	"status" text DEFAULT 'active' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"actor_id" uuid,
	"task_id" uuid,
	CONSTRAINT "process_step_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "process_step_execution_uq" UNIQUE("workspace_id","instance_id","execution_id")
);
--> statement-breakpoint
CREATE TABLE "process_task" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"execution_id" text NOT NULL,
	"element_id" text NOT NULL,
	"name" text,
	"task_id" uuid NOT NULL,
	"form" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"values" jsonb,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	CONSTRAINT "process_task_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "process_task_execution_uq" UNIQUE("workspace_id","instance_id","execution_id"),
	CONSTRAINT "process_task_task_uq" UNIQUE("workspace_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "process_timer" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"execution_id" text NOT NULL,
	"element_id" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone,
	CONSTRAINT "process_timer_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "process_timer_execution_uq" UNIQUE("workspace_id","instance_id","execution_id")
);
--> statement-breakpoint
CREATE TABLE "process_version" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"definition_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"xml" text NOT NULL,
	"triggers" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "process_version_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "process_version_number_uq" UNIQUE("workspace_id","definition_id","version")
);
--> statement-breakpoint
ALTER TABLE "process_definition" ADD CONSTRAINT "process_definition_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_definition" ADD CONSTRAINT "process_definition_workspace_id_created_by_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","created_by") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_instance" ADD CONSTRAINT "process_instance_workspace_id_definition_id_process_definition_workspace_id_id_fk" FOREIGN KEY ("workspace_id","definition_id") REFERENCES "public"."process_definition"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_instance" ADD CONSTRAINT "process_instance_workspace_id_version_id_process_version_workspace_id_id_fk" FOREIGN KEY ("workspace_id","version_id") REFERENCES "public"."process_version"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_instance" ADD CONSTRAINT "process_instance_workspace_id_started_by_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","started_by") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_outbox" ADD CONSTRAINT "process_outbox_workspace_id_instance_id_process_instance_workspace_id_id_fk" FOREIGN KEY ("workspace_id","instance_id") REFERENCES "public"."process_instance"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_start_trigger" ADD CONSTRAINT "process_start_trigger_workspace_id_definition_id_process_definition_workspace_id_id_fk" FOREIGN KEY ("workspace_id","definition_id") REFERENCES "public"."process_definition"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_start_trigger" ADD CONSTRAINT "process_start_trigger_workspace_id_version_id_process_version_workspace_id_id_fk" FOREIGN KEY ("workspace_id","version_id") REFERENCES "public"."process_version"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_step" ADD CONSTRAINT "process_step_workspace_id_instance_id_process_instance_workspace_id_id_fk" FOREIGN KEY ("workspace_id","instance_id") REFERENCES "public"."process_instance"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_step" ADD CONSTRAINT "process_step_workspace_id_actor_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","actor_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_task" ADD CONSTRAINT "process_task_workspace_id_instance_id_process_instance_workspace_id_id_fk" FOREIGN KEY ("workspace_id","instance_id") REFERENCES "public"."process_instance"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_task" ADD CONSTRAINT "process_task_workspace_id_task_id_task_workspace_id_id_fk" FOREIGN KEY ("workspace_id","task_id") REFERENCES "public"."task"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_task" ADD CONSTRAINT "process_task_workspace_id_completed_by_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","completed_by") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_timer" ADD CONSTRAINT "process_timer_workspace_id_instance_id_process_instance_workspace_id_id_fk" FOREIGN KEY ("workspace_id","instance_id") REFERENCES "public"."process_instance"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_version" ADD CONSTRAINT "process_version_workspace_id_definition_id_process_definition_workspace_id_id_fk" FOREIGN KEY ("workspace_id","definition_id") REFERENCES "public"."process_definition"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_version" ADD CONSTRAINT "process_version_workspace_id_published_by_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","published_by") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "process_definition_name_idx" ON "process_definition" USING btree ("workspace_id","name") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "process_instance_definition_idx" ON "process_instance" USING btree ("workspace_id","definition_id","status","started_at");--> statement-breakpoint
CREATE INDEX "process_instance_record_idx" ON "process_instance" USING btree ("workspace_id","record_id") WHERE record_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "process_instance_started_idx" ON "process_instance" USING btree ("workspace_id","started_at");--> statement-breakpoint
CREATE INDEX "process_outbox_due_idx" ON "process_outbox" USING btree ("next_attempt_at") WHERE state IN ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "process_signal_created_idx" ON "process_signal" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "process_start_trigger_record_idx" ON "process_start_trigger" USING btree ("workspace_id","record_type","kind");--> statement-breakpoint
CREATE INDEX "process_start_trigger_schedule_idx" ON "process_start_trigger" USING btree ("next_run_at") WHERE kind = 'schedule';--> statement-breakpoint
CREATE INDEX "process_step_instance_idx" ON "process_step" USING btree ("workspace_id","instance_id","started_at");--> statement-breakpoint
CREATE INDEX "process_task_open_idx" ON "process_task" USING btree ("workspace_id","instance_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "process_timer_due_idx" ON "process_timer" USING btree ("due_at") WHERE fired_at IS NULL;