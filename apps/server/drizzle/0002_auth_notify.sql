-- Tell every server process when something that decides a sign-in changes, so that their
-- caches of signed-in users drop that workspace's entries (see signed-in-cache.ts).
CREATE FUNCTION clientela_notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_data record;
BEGIN
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  IF TG_TABLE_NAME = 'workspace' THEN
    PERFORM pg_notify('clientela_auth', row_data.id::text);
  ELSE
    PERFORM pg_notify('clientela_auth', row_data.workspace_id::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER app_user_auth_change AFTER UPDATE OR DELETE ON app_user
  FOR EACH ROW EXECUTE FUNCTION clientela_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER session_auth_change AFTER UPDATE OF revoked_at OR DELETE ON session
  FOR EACH ROW EXECUTE FUNCTION clientela_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER api_token_auth_change AFTER UPDATE OF revoked_at, expires_at OR DELETE ON api_token
  FOR EACH ROW EXECUTE FUNCTION clientela_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER unit_auth_change AFTER UPDATE OF parent_id OR DELETE ON unit
  FOR EACH ROW EXECUTE FUNCTION clientela_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER workspace_auth_change AFTER UPDATE OR DELETE ON workspace
  FOR EACH ROW EXECUTE FUNCTION clientela_notify_auth_change();
