CREATE TABLE "customer_last_contact_change" (
	"workspace_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_last_contact" (
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"customer_type" text NOT NULL,
	"call_at" timestamp with time zone,
	"meeting_at" timestamp with time zone,
	"visit_at" timestamp with time zone,
	"email_at" timestamp with time zone,
	"note_at" timestamp with time zone,
	"next_at" timestamp with time zone,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_last_contact_workspace_id_customer_id_pk" PRIMARY KEY("workspace_id","customer_id")
);
--> statement-breakpoint
ALTER TABLE "customer_last_contact_change" ADD CONSTRAINT "customer_last_contact_change_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_last_contact" ADD CONSTRAINT "customer_last_contact_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_last_contact_change_idx" ON "customer_last_contact_change" USING btree ("workspace_id","entity_id");--> statement-breakpoint
CREATE INDEX "customer_last_contact_next_idx" ON "customer_last_contact" USING btree ("next_at") WHERE next_at IS NOT NULL;