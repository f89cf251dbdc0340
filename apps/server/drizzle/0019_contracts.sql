CREATE TABLE "contract" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"subject" text NOT NULL,
	"company_id" uuid NOT NULL,
	"contact_id" uuid,
	"start_date" date,
	"end_date" date,
	"value" numeric(14, 2),
	"currency" text,
	"renewal" text DEFAULT 'to_renegotiate' NOT NULL,
	"responsible_id" uuid,
	"unit_id" uuid,
	"notes" text,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "contract_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "agreement" ADD COLUMN "contract_id" uuid;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_workspace_id_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_workspace_id_responsible_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","responsible_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_workspace_id_created_by_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","created_by_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_number_key" ON "contract" USING btree ("workspace_id","number") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "contract_company_idx" ON "contract" USING btree ("workspace_id","company_id");--> statement-breakpoint
CREATE INDEX "contract_end_idx" ON "contract" USING btree ("workspace_id","end_date","id") WHERE deleted_at IS NULL AND renewal <> 'ended';--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_workspace_id_contract_id_contract_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contract_id") REFERENCES "public"."contract"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_contract_idx" ON "agreement" USING btree ("workspace_id","contract_id") WHERE contract_id IS NOT NULL;