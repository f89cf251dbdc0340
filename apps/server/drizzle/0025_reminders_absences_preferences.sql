CREATE TABLE "absence" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"mode" text DEFAULT 'show' NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"moved_at" timestamp with time zone,
	CONSTRAINT "absence_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "notification_preference" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"in_app" boolean NOT NULL,
	"email" boolean NOT NULL,
	CONSTRAINT "notification_preference_workspace_id_user_id_kind_pk" PRIMARY KEY("workspace_id","user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "task_reminder_rule" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"remind_before_minutes" integer NOT NULL,
	"not_received_minutes" integer NOT NULL,
	"not_accepted_minutes" integer NOT NULL,
	"repeat_minutes" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_reminder" (
	"workspace_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurrence" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "task_reminder_workspace_id_task_id_kind_occurrence_pk" PRIMARY KEY("workspace_id","task_id","kind","occurrence")
);
--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "detail" jsonb;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "email_state" text;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "email_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "emailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "absence" ADD CONSTRAINT "absence_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence" ADD CONSTRAINT "absence_workspace_id_user_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence" ADD CONSTRAINT "absence_workspace_id_deputy_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deputy_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence" ADD CONSTRAINT "absence_workspace_id_created_by_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","created_by") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_workspace_id_user_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reminder_rule" ADD CONSTRAINT "task_reminder_rule_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reminder" ADD CONSTRAINT "task_reminder_workspace_id_task_id_task_workspace_id_id_fk" FOREIGN KEY ("workspace_id","task_id") REFERENCES "public"."task"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absence_user_idx" ON "absence" USING btree ("workspace_id","user_id","ends_on");--> statement-breakpoint
CREATE INDEX "absence_deputy_idx" ON "absence" USING btree ("workspace_id","deputy_id","ends_on");--> statement-breakpoint
CREATE INDEX "notification_email_queue_idx" ON "notification" USING btree ("created_at") WHERE email_state IN ('pending', 'sending');--> statement-breakpoint
-- Live push: every process listening on this channel tells the person's open pages at once.
CREATE FUNCTION notification_live() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('clientela_notification', NEW.workspace_id::text || ':' || NEW.user_id::text);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER notification_live AFTER INSERT ON notification FOR EACH ROW WHEN (NEW.read_at IS NULL) EXECUTE FUNCTION notification_live();
