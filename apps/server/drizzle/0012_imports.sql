CREATE TABLE "data_import_file" (
	"workspace_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "data_import_file_workspace_id_import_id_pk" PRIMARY KEY("workspace_id","import_id")
);
--> statement-breakpoint
CREATE TABLE "data_import_link" (
	"workspace_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"record_id" uuid NOT NULL,
	"parent_name" text NOT NULL,
	CONSTRAINT "data_import_link_workspace_id_import_id_line_pk" PRIMARY KEY("workspace_id","import_id","line")
);
--> statement-breakpoint
CREATE TABLE "data_import_problem" (
	"workspace_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"seq" integer NOT NULL,
	"column" integer,
	"field" text,
	"code" text NOT NULL,
	"value" text,
	"stored" text,
	"outcome" text NOT NULL,
	"record_id" uuid,
	CONSTRAINT "data_import_problem_workspace_id_import_id_line_seq_pk" PRIMARY KEY("workspace_id","import_id","line","seq")
);
--> statement-breakpoint
CREATE TABLE "data_import" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"entity" text NOT NULL,
	"created_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"delimiter" text,
	"headers" text[] NOT NULL,
	"row_count" integer NOT NULL,
	"status" text DEFAULT 'mapping' NOT NULL,
	"mapping" jsonb NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"linked" timestamp with time zone,
	"counts" jsonb DEFAULT '{"created":0,"updated":0,"skipped":0,"rejected":0,"modified":0}'::jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "data_import_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_template" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"entity" text NOT NULL,
	"name" text NOT NULL,
	"columns" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_template_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "default_country" text;--> statement-breakpoint
ALTER TABLE "data_import_file" ADD CONSTRAINT "data_import_file_workspace_id_import_id_data_import_workspace_id_id_fk" FOREIGN KEY ("workspace_id","import_id") REFERENCES "public"."data_import"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_import_link" ADD CONSTRAINT "data_import_link_workspace_id_import_id_data_import_workspace_id_id_fk" FOREIGN KEY ("workspace_id","import_id") REFERENCES "public"."data_import"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_import_problem" ADD CONSTRAINT "data_import_problem_workspace_id_import_id_data_import_workspace_id_id_fk" FOREIGN KEY ("workspace_id","import_id") REFERENCES "public"."data_import"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_import" ADD CONSTRAINT "data_import_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_import" ADD CONSTRAINT "data_import_workspace_id_created_by_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","created_by") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_template" ADD CONSTRAINT "import_template_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_import_created_idx" ON "data_import" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "data_import_file_idx" ON "data_import" USING btree ("workspace_id","created_by","file_sha256");--> statement-breakpoint
CREATE INDEX "import_template_entity_idx" ON "import_template" USING btree ("workspace_id","entity");