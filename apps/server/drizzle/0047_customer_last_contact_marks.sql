-- customer_last_contact is refreshed by a job from the records marked in
-- customer_last_contact_change. These statement-level triggers mark, in the same transaction as the
-- change, every company or contact whose activity links were added, moved, changed or removed, and
-- every company that gained or lost a person (its people's activities count as contact with it).
-- Marking only appends rows: nothing to lock, so writers never wait on each other here, whatever
-- order they write in. Rows removed along with their workspace mark nothing.
CREATE FUNCTION customer_contact_link_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_last_contact_change (workspace_id, entity_type, entity_id)
    SELECT DISTINCT n.workspace_id, n.entity_type, n.entity_id FROM new_rows n WHERE n.entity_type IN ('company', 'contact');
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO customer_last_contact_change (workspace_id, entity_type, entity_id)
    SELECT o.workspace_id, o.entity_type, o.entity_id FROM old_rows o WHERE o.entity_type IN ('company', 'contact')
    UNION
    SELECT n.workspace_id, n.entity_type, n.entity_id FROM new_rows n WHERE n.entity_type IN ('company', 'contact');
  ELSE
    INSERT INTO customer_last_contact_change (workspace_id, entity_type, entity_id)
    SELECT DISTINCT o.workspace_id, o.entity_type, o.entity_id
    FROM old_rows o JOIN workspace w ON w.id = o.workspace_id WHERE o.entity_type IN ('company', 'contact');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customer_contact_link_insert AFTER INSERT ON activity_link REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_contact_link_mark();
--> statement-breakpoint
CREATE TRIGGER customer_contact_link_update AFTER UPDATE ON activity_link REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_contact_link_mark();
--> statement-breakpoint
CREATE TRIGGER customer_contact_link_delete AFTER DELETE ON activity_link REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_contact_link_mark();
--> statement-breakpoint
CREATE FUNCTION customer_contact_member_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_last_contact_change (workspace_id, entity_type, entity_id)
    SELECT DISTINCT n.workspace_id, 'company', n.company_id FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO customer_last_contact_change (workspace_id, entity_type, entity_id)
    SELECT o.workspace_id, 'company', o.company_id FROM old_rows o
    UNION
    SELECT n.workspace_id, 'company', n.company_id FROM new_rows n;
  ELSE
    INSERT INTO customer_last_contact_change (workspace_id, entity_type, entity_id)
    SELECT DISTINCT o.workspace_id, 'company', o.company_id FROM old_rows o JOIN workspace w ON w.id = o.workspace_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customer_contact_member_insert AFTER INSERT ON contact_company REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_contact_member_mark();
--> statement-breakpoint
CREATE TRIGGER customer_contact_member_update AFTER UPDATE ON contact_company REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_contact_member_mark();
--> statement-breakpoint
CREATE TRIGGER customer_contact_member_delete AFTER DELETE ON contact_company REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_contact_member_mark();
--> statement-breakpoint
-- The records already there: every company and contact with activities, and every company whose
-- people have some, is marked; the first refresh computes them (until then the reports read the
-- timelines, as before).
INSERT INTO customer_last_contact_change (workspace_id, entity_type, entity_id)
SELECT DISTINCT l.workspace_id, l.entity_type, l.entity_id FROM activity_link l WHERE l.entity_type IN ('company', 'contact');
