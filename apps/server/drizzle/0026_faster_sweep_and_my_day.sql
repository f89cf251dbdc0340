ALTER TABLE "notification" DROP CONSTRAINT "notification_workspace_id_workspace_id_fk";
--> statement-breakpoint
CREATE INDEX "activity_author_follow_up_idx" ON "activity" USING btree ("workspace_id","author_id","follow_up_at") WHERE follow_up_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "task_assignee_due_idx" ON "task" USING btree ("workspace_id","assignee_id","due_at") WHERE status NOT IN ('done', 'confirmed', 'declined');--> statement-breakpoint
-- Live push once per statement, not per row: a sweep writing thousands of notices sends one
-- message per person concerned.
DROP TRIGGER notification_live ON notification;--> statement-breakpoint
CREATE OR REPLACE FUNCTION notification_live() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('clientela_notification', key)
  FROM (SELECT DISTINCT workspace_id::text || ':' || user_id::text AS key FROM new_notices WHERE read_at IS NULL) AS keys;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER notification_live AFTER INSERT ON notification REFERENCING NEW TABLE AS new_notices
  FOR EACH STATEMENT EXECUTE FUNCTION notification_live();
