CREATE TABLE "community_answer" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_portal_user_id" uuid,
	"author_user_id" uuid,
	"contact_id" uuid,
	"company_id" uuid,
	"hidden" boolean DEFAULT false NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_answer_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "community_answer_one_author" CHECK (num_nonnulls(author_portal_user_id, author_user_id) = 1)
);
--> statement-breakpoint
CREATE TABLE "community_question" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"accepted_answer_id" uuid,
	"article_id" uuid,
	"answer_count" integer DEFAULT 0 NOT NULL,
	"author_portal_user_id" uuid,
	"author_user_id" uuid,
	"contact_id" uuid,
	"company_id" uuid,
	"hidden" boolean DEFAULT false NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_question_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "community_question_one_author" CHECK (num_nonnulls(author_portal_user_id, author_user_id) = 1)
);
--> statement-breakpoint
CREATE TABLE "idea_comment" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"idea_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_portal_user_id" uuid,
	"author_user_id" uuid,
	"contact_id" uuid,
	"company_id" uuid,
	"hidden" boolean DEFAULT false NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idea_comment_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "idea_comment_one_author" CHECK (num_nonnulls(author_portal_user_id, author_user_id) = 1)
);
--> statement-breakpoint
CREATE TABLE "idea_vote" (
	"workspace_id" uuid NOT NULL,
	"idea_id" uuid NOT NULL,
	"portal_user_id" uuid NOT NULL,
	"contact_id" uuid,
	"company_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idea_vote_workspace_id_idea_id_portal_user_id_pk" PRIMARY KEY("workspace_id","idea_id","portal_user_id")
);
--> statement-breakpoint
CREATE TABLE "idea" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"status" text DEFAULT 'new' NOT NULL,
	"answer" text,
	"answered_by_id" uuid,
	"answered_at" timestamp with time zone,
	"vote_count" integer DEFAULT 0 NOT NULL,
	"comment_count" integer DEFAULT 0 NOT NULL,
	"author_portal_user_id" uuid,
	"author_user_id" uuid,
	"contact_id" uuid,
	"company_id" uuid,
	"hidden" boolean DEFAULT false NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idea_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "idea_one_author" CHECK (num_nonnulls(author_portal_user_id, author_user_id) = 1)
);
--> statement-breakpoint
CREATE TABLE "portal_session" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"portal_user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"user_agent" text,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "portal_session_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "portal_token" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"portal_user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_token_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "portal_user" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"email" text NOT NULL,
	"password_hash" text,
	"status" text DEFAULT 'invited' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"invited_by_id" uuid,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_user_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "attachment" ALTER COLUMN "uploaded_by_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "support_case" ALTER COLUMN "created_by_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "attachment" ADD COLUMN "uploaded_by_portal_user_id" uuid;--> statement-breakpoint
ALTER TABLE "case_message" ADD COLUMN "portal_user_id" uuid;--> statement-breakpoint
ALTER TABLE "support_case" ADD COLUMN "created_by_portal_user_id" uuid;--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "relationship_style" text;--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "portal_access" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "portal_title" text;--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "portal_color" text;--> statement-breakpoint
ALTER TABLE "community_answer" ADD CONSTRAINT "community_answer_workspace_id_question_id_community_question_workspace_id_id_fk" FOREIGN KEY ("workspace_id","question_id") REFERENCES "public"."community_question"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_answer" ADD CONSTRAINT "community_answer_workspace_id_author_portal_user_id_portal_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","author_portal_user_id") REFERENCES "public"."portal_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_answer" ADD CONSTRAINT "community_answer_workspace_id_author_user_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","author_user_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_answer" ADD CONSTRAINT "community_answer_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_answer" ADD CONSTRAINT "community_answer_workspace_id_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_answer" ADD CONSTRAINT "community_answer_workspace_id_reviewed_by_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","reviewed_by_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_question" ADD CONSTRAINT "community_question_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_question" ADD CONSTRAINT "community_question_workspace_id_author_portal_user_id_portal_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","author_portal_user_id") REFERENCES "public"."portal_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_question" ADD CONSTRAINT "community_question_workspace_id_author_user_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","author_user_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_question" ADD CONSTRAINT "community_question_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_question" ADD CONSTRAINT "community_question_workspace_id_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_question" ADD CONSTRAINT "community_question_workspace_id_article_id_kb_article_workspace_id_id_fk" FOREIGN KEY ("workspace_id","article_id") REFERENCES "public"."kb_article"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_question" ADD CONSTRAINT "community_question_workspace_id_reviewed_by_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","reviewed_by_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_comment" ADD CONSTRAINT "idea_comment_workspace_id_idea_id_idea_workspace_id_id_fk" FOREIGN KEY ("workspace_id","idea_id") REFERENCES "public"."idea"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_comment" ADD CONSTRAINT "idea_comment_workspace_id_author_portal_user_id_portal_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","author_portal_user_id") REFERENCES "public"."portal_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_comment" ADD CONSTRAINT "idea_comment_workspace_id_author_user_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","author_user_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_comment" ADD CONSTRAINT "idea_comment_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_comment" ADD CONSTRAINT "idea_comment_workspace_id_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_comment" ADD CONSTRAINT "idea_comment_workspace_id_reviewed_by_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","reviewed_by_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_vote" ADD CONSTRAINT "idea_vote_workspace_id_idea_id_idea_workspace_id_id_fk" FOREIGN KEY ("workspace_id","idea_id") REFERENCES "public"."idea"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_vote" ADD CONSTRAINT "idea_vote_workspace_id_portal_user_id_portal_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","portal_user_id") REFERENCES "public"."portal_user"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_vote" ADD CONSTRAINT "idea_vote_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_vote" ADD CONSTRAINT "idea_vote_workspace_id_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea" ADD CONSTRAINT "idea_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea" ADD CONSTRAINT "idea_workspace_id_author_portal_user_id_portal_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","author_portal_user_id") REFERENCES "public"."portal_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea" ADD CONSTRAINT "idea_workspace_id_author_user_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","author_user_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea" ADD CONSTRAINT "idea_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea" ADD CONSTRAINT "idea_workspace_id_company_id_company_workspace_id_id_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."company"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea" ADD CONSTRAINT "idea_workspace_id_answered_by_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","answered_by_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea" ADD CONSTRAINT "idea_workspace_id_reviewed_by_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","reviewed_by_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_session" ADD CONSTRAINT "portal_session_workspace_id_portal_user_id_portal_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","portal_user_id") REFERENCES "public"."portal_user"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_token" ADD CONSTRAINT "portal_token_workspace_id_portal_user_id_portal_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","portal_user_id") REFERENCES "public"."portal_user"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_user" ADD CONSTRAINT "portal_user_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_user" ADD CONSTRAINT "portal_user_workspace_id_contact_id_contact_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contact"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_user" ADD CONSTRAINT "portal_user_workspace_id_invited_by_id_app_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","invited_by_id") REFERENCES "public"."app_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_answer_question_idx" ON "community_answer" USING btree ("workspace_id","question_id","created_at");--> statement-breakpoint
CREATE INDEX "community_answer_unreviewed_idx" ON "community_answer" USING btree ("workspace_id","created_at") WHERE reviewed_at IS NULL;--> statement-breakpoint
CREATE INDEX "community_question_created_idx" ON "community_question" USING btree ("workspace_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "community_question_unreviewed_idx" ON "community_question" USING btree ("workspace_id","created_at") WHERE reviewed_at IS NULL;--> statement-breakpoint
CREATE INDEX "idea_comment_idea_idx" ON "idea_comment" USING btree ("workspace_id","idea_id","created_at");--> statement-breakpoint
CREATE INDEX "idea_comment_unreviewed_idx" ON "idea_comment" USING btree ("workspace_id","created_at") WHERE reviewed_at IS NULL;--> statement-breakpoint
CREATE INDEX "idea_vote_company_idx" ON "idea_vote" USING btree ("workspace_id","company_id");--> statement-breakpoint
CREATE INDEX "idea_votes_idx" ON "idea" USING btree ("workspace_id","vote_count" DESC NULLS LAST,"id") WHERE NOT hidden;--> statement-breakpoint
CREATE INDEX "idea_created_idx" ON "idea" USING btree ("workspace_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "idea_unreviewed_idx" ON "idea" USING btree ("workspace_id","created_at") WHERE reviewed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_session_token_hash_key" ON "portal_session" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "portal_session_user_idx" ON "portal_session" USING btree ("workspace_id","portal_user_id") WHERE revoked_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_token_hash_key" ON "portal_token" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_user_contact_key" ON "portal_user" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_user_email_key" ON "portal_user" USING btree ("workspace_id","email");--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_workspace_id_uploaded_by_portal_user_id_portal_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","uploaded_by_portal_user_id") REFERENCES "public"."portal_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_message" ADD CONSTRAINT "case_message_workspace_id_portal_user_id_portal_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","portal_user_id") REFERENCES "public"."portal_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case" ADD CONSTRAINT "support_case_workspace_id_created_by_portal_user_id_portal_user_workspace_id_id_fk" FOREIGN KEY ("workspace_id","created_by_portal_user_id") REFERENCES "public"."portal_user"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_one_uploader" CHECK (num_nonnulls(uploaded_by_id, uploaded_by_portal_user_id) = 1);--> statement-breakpoint
ALTER TABLE "support_case" ADD CONSTRAINT "support_case_one_creator" CHECK (num_nonnulls(created_by_id, created_by_portal_user_id) = 1);