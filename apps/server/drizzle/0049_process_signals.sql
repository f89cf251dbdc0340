-- A record created, or a field changed, starts the processes waiting for it: the history row
-- written in the record's transaction queues a signal in that same transaction, so a record
-- saved always starts its processes and a record rolled back never does.
CREATE FUNCTION process_signal_from_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO process_signal (workspace_id, definition_id, event_id, record_type, record_id, actor_id)
  SELECT c.workspace_id, t.definition_id, t.event_id, c.entity_type, c.entity_id, c.actor_id
  FROM new_changes c
  JOIN process_start_trigger t ON t.workspace_id = c.workspace_id AND t.record_type = c.entity_type
  WHERE (t.kind = 'recordCreated' AND c.action = 'created')
     OR (t.kind = 'fieldChanged' AND c.action = 'updated'
         AND c.changes @> jsonb_build_array(jsonb_build_object('field', t.field)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER record_change_process_signal AFTER INSERT ON record_change
  REFERENCING NEW TABLE AS new_changes FOR EACH STATEMENT EXECUTE FUNCTION process_signal_from_changes();
