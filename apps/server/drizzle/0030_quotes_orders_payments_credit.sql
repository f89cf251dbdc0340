CREATE TABLE "credit_limit" (
	"workspace_id" uuid NOT NULL,
	"company_id" uuid,
	"group_id" uuid,
	"limit_base" numeric(16, 2) NOT NULL,
	"set_by_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_counter" (
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_counter_workspace_id_kind_year_pk" PRIMARY KEY("workspace_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "order_line" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"product_id" uuid,
	"description" text NOT NULL,
	"quantity" numeric(12, 3) NOT NULL,
	"unit" text NOT NULL,
	"unit_price" numeric(14, 2) NOT NULL,
	"discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"vat_rate" numeric(4, 2) DEFAULT '0' NOT NULL,
	"net" numeric(16, 2) GENERATED ALWAYS AS (round(quantity * unit_price * (100 - discount_percent) / 100, 2)) STORED,
	"vat" numeric(16, 2) GENERATED ALWAYS AS (round(round(quantity * unit_price * (100 - discount_percent) / 100, 2) * vat_rate / 100, 2)) STORED,
	"order_id" uuid NOT NULL,
	CONSTRAINT "order_line_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "payment" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"currency" text NOT NULL,
	"paid_on" date NOT NULL,
	"amount_base" numeric(16, 2),
	"method" text DEFAULT 'bank_transfer' NOT NULL,
	"reference" text,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "quote_line" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"product_id" uuid,
	"description" text NOT NULL,
	"quantity" numeric(12, 3) NOT NULL,
	"unit" text NOT NULL,
	"unit_price" numeric(14, 2) NOT NULL,
	"discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"vat_rate" numeric(4, 2) DEFAULT '0' NOT NULL,
	"net" numeric(16, 2) GENERATED ALWAYS AS (round(quantity * unit_price * (100 - discount_percent) / 100, 2)) STORED,
	"vat" numeric(16, 2) GENERATED ALWAYS AS (round(round(quantity * unit_price * (100 - discount_percent) / 100, 2) * vat_rate / 100, 2)) STORED,
	"quote_id" uuid NOT NULL,
	CONSTRAINT "quote_line_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "quote" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"company_id" uuid NOT NULL,
	"contact_id" uuid,
	"deal_id" uuid,
	"owner_id" uuid,
	"unit_id" uuid,
	"price_list_id" uuid,
	"language" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date,
	"currency" text NOT NULL,
	"net" numeric(16, 2) DEFAULT '0' NOT NULL,
	"vat" numeric(16, 2) DEFAULT '0' NOT NULL,
	"total" numeric(16, 2) DEFAULT '0' NOT NULL,
	"total_base" numeric(16, 2),
	"notes" text,
	"order_id" uuid,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quote_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "sales_order" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"company_id" uuid NOT NULL,
	"contact_id" uuid,
	"deal_id" uuid,
	"quote_id" uuid,
	"owner_id" uuid,
	"unit_id" uuid,
	"price_list_id" uuid,
	"ordered_on" date NOT NULL,
	"currency" text NOT NULL,
	"net" numeric(16, 2) DEFAULT '0' NOT NULL,
	"vat" numeric(16, 2) DEFAULT '0' NOT NULL,
	"total" numeric(16, 2) DEFAULT '0' NOT NULL,
	"total_base" numeric(16, 2),
	"invoiced" numeric(16, 2) DEFAULT '0' NOT NULL,
	"paid" numeric(16, 2) DEFAULT '0' NOT NULL,
	"exposure_base" numeric(16, 2) DEFAULT '0' NOT NULL,
	"credit_override_by_id" uuid,
	"credit_override_reason" text,
	"credit_override_at" timestamp with time zone,
	"notes" text,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_order_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "credit_limit" ADD CONSTRAINT "credit_limit_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_limit" ADD CONSTRAINT "credit_limit_workspace_id_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_limit" ADD CONSTRAINT "credit_limit_workspace_id_group_id_company_group_workspace_id_id_fk" FOREIGN KEY ("workspace_id","group_id") REFERENCES "public"."company_group"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_counter" ADD CONSTRAINT "document_counter_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_workspace_id_order_id_sales_order_workspace_id_id_fk" FOREIGN KEY ("workspace_id","order_id") REFERENCES "public"."sales_order"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_workspace_id_product_id_product_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."product"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment" ADD CONSTRAINT "payment_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment" ADD CONSTRAINT "payment_workspace_id_order_id_sales_order_workspace_id_id_fk" FOREIGN KEY ("workspace_id","order_id") REFERENCES "public"."sales_order"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment" ADD CONSTRAINT "payment_workspace_id_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_line" ADD CONSTRAINT "quote_line_workspace_id_quote_id_quote_workspace_id_id_fk" FOREIGN KEY ("workspace_id","quote_id") REFERENCES "public"."quote"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_line" ADD CONSTRAINT "quote_line_workspace_id_product_id_product_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."product"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_workspace_id_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_workspace_id_deal_id_deal_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deal"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_workspace_id_owner_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_workspace_id_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_workspace_id_deal_id_deal_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deal"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_workspace_id_quote_id_quote_workspace_id_id_fk" FOREIGN KEY ("workspace_id","quote_id") REFERENCES "public"."quote"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_workspace_id_owner_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_workspace_id_unit_id_unit_workspace_id_id_fk" FOREIGN KEY ("workspace_id","unit_id") REFERENCES "public"."unit"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_limit_company_key" ON "credit_limit" USING btree ("workspace_id","company_id") WHERE company_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_limit_group_key" ON "credit_limit" USING btree ("workspace_id","group_id") WHERE group_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "order_line_order_idx" ON "order_line" USING btree ("workspace_id","order_id","position");--> statement-breakpoint
CREATE INDEX "order_line_product_idx" ON "order_line" USING btree ("workspace_id","product_id");--> statement-breakpoint
CREATE INDEX "payment_order_idx" ON "payment" USING btree ("workspace_id","order_id");--> statement-breakpoint
CREATE INDEX "payment_company_idx" ON "payment" USING btree ("workspace_id","company_id","paid_on");--> statement-breakpoint
CREATE INDEX "quote_line_quote_idx" ON "quote_line" USING btree ("workspace_id","quote_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "quote_number_version_key" ON "quote" USING btree ("workspace_id","number","version");--> statement-breakpoint
CREATE INDEX "quote_company_idx" ON "quote" USING btree ("workspace_id","company_id");--> statement-breakpoint
CREATE INDEX "quote_deal_idx" ON "quote" USING btree ("workspace_id","deal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_order_number_key" ON "sales_order" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "sales_order_company_idx" ON "sales_order" USING btree ("workspace_id","company_id","status");--> statement-breakpoint
CREATE INDEX "sales_order_unit_idx" ON "sales_order" USING btree ("workspace_id","unit_id","ordered_on");--> statement-breakpoint
CREATE INDEX "sales_order_date_idx" ON "sales_order" USING btree ("workspace_id","ordered_on");