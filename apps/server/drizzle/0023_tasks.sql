CREATE TABLE "task_event" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	CONSTRAINT "task_event_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "task_link" (
	"workspace_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	CONSTRAINT "task_link_workspace_id_task_id_record_type_record_id_pk" PRIMARY KEY("workspace_id","task_id","record_type","record_id")
);
--> statement-breakpoint
CREATE TABLE "task" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"priority" text DEFAULT 'normal' NOT NULL,
	"kind" text,
	"due_at" timestamp with time zone,
	"status" text DEFAULT 'sent' NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sender_id" uuid NOT NULL,
	"assignee_id" uuid,
	"queue_unit_id" uuid,
	"unit_id" uuid,
	"watcher_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"received_at" timestamp with time zone,
	"committed_date" date,
	"decline_reason" text,
	"result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "unit_lead_time" (
	"workspace_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"days" integer NOT NULL,
	CONSTRAINT "unit_lead_time_workspace_id_unit_id_kind_pk" PRIMARY KEY("workspace_id","unit_id","kind")
);
--> statement-breakpoint
ALTER TABLE "task_event" ADD CONSTRAINT "task_event_workspace_id_task_id_task_workspace_id_id_fk" FOREIGN KEY ("workspace_id","task_id") REFERENCES "public"."task"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_event" ADD CONSTRAINT "task_event_workspace_id_actor_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","actor_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_link" ADD CONSTRAINT "task_link_workspace_id_task_id_task_workspace_id_id_fk" FOREIGN KEY ("workspace_id","task_id") REFERENCES "public"."task"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_workspace_id_sender_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","sender_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_workspace_id_assignee_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","assignee_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_workspace_id_queue_unit_id_unit_workspace_id_id_fk" FOREIGN KEY ("workspace_id","queue_unit_id") REFERENCES "public"."unit"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_lead_time" ADD CONSTRAINT "unit_lead_time_workspace_id_unit_id_unit_workspace_id_id_fk" FOREIGN KEY ("workspace_id","unit_id") REFERENCES "public"."unit"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_event_task_idx" ON "task_event" USING btree ("workspace_id","task_id","at");--> statement-breakpoint
CREATE INDEX "task_link_record_idx" ON "task_link" USING btree ("workspace_id","record_id");--> statement-breakpoint
CREATE INDEX "task_assignee_idx" ON "task" USING btree ("workspace_id","assignee_id","status");--> statement-breakpoint
CREATE INDEX "task_sender_idx" ON "task" USING btree ("workspace_id","sender_id","created_at");--> statement-breakpoint
CREATE INDEX "task_queue_idx" ON "task" USING btree ("workspace_id","queue_unit_id") WHERE assignee_id IS NULL;--> statement-breakpoint
CREATE INDEX "task_due_idx" ON "task" USING btree ("workspace_id","due_at") WHERE status NOT IN ('done', 'confirmed', 'declined');--> statement-breakpoint
CREATE INDEX "task_watchers_idx" ON "task" USING gin ("watcher_ids");