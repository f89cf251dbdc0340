CREATE TABLE "abc_setting" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"a_share" numeric(5, 2) DEFAULT '80' NOT NULL,
	"b_share" numeric(5, 2) DEFAULT '95' NOT NULL,
	"x_variation" numeric(5, 2) DEFAULT '10' NOT NULL,
	"y_variation" numeric(5, 2) DEFAULT '25' NOT NULL,
	"basis" text DEFAULT 'won_deals' NOT NULL,
	"schedule" text DEFAULT 'manual' NOT NULL,
	"written_at" timestamp with time zone,
	"written_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_rhythm_rule" (
	"workspace_id" uuid NOT NULL,
	"class" text NOT NULL,
	"every_days" integer NOT NULL,
	"activity_types" text[] NOT NULL,
	"create_tasks" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_rhythm_rule_workspace_id_class_pk" PRIMARY KEY("workspace_id","class")
);
--> statement-breakpoint
ALTER TABLE "abc_setting" ADD CONSTRAINT "abc_setting_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_rhythm_rule" ADD CONSTRAINT "contact_rhythm_rule_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;