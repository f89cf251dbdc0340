-- The audit log cannot be changed by the application: no UPDATE ever; DELETE only by the
-- retention sweep (which sets clientela.audit_prune for its transaction) or when a deleted
-- workspace takes its rows with it (a cascade, fired from inside another trigger).
CREATE OR REPLACE FUNCTION clientela_audit_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND (coalesce(current_setting('clientela.audit_prune', true), '') = 'on' OR pg_trigger_depth() > 1) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the audit log cannot be changed' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_event_guard BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION clientela_audit_event_guard();
--> statement-breakpoint
-- A changed role changes what its people may do: signed-in caches of every process forget the workspace.
CREATE TRIGGER role_auth_change AFTER UPDATE OR DELETE ON role
  FOR EACH ROW EXECUTE FUNCTION clientela_notify_auth_change();
