DROP INDEX "company_owner_idx";--> statement-breakpoint
DROP INDEX "contact_owner_idx";--> statement-breakpoint
CREATE INDEX "company_owner_idx" ON "company" USING btree ("workspace_id","owner_id","name","id");--> statement-breakpoint
CREATE INDEX "contact_owner_idx" ON "contact" USING btree ("workspace_id","owner_id","name","id");--> statement-breakpoint
-- A record shared with someone widens what their lists show: each process's cached sign-ins
-- remember whether anything is shared with the person (see actor.ts), so a share tells them all.
CREATE TRIGGER record_share_auth_change AFTER INSERT OR UPDATE OR DELETE ON record_share
  FOR EACH ROW EXECUTE FUNCTION clientela_notify_auth_change();
