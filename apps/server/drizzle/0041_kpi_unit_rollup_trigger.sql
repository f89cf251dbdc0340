-- kpi_unit_hourly follows kpi_hourly: every change of an hour-owner-unit row adds its difference to
-- the hour-unit row, in the same statement's transaction. Statement-level with transition tables:
-- the upserts of the source triggers (INSERT … ON CONFLICT DO UPDATE) fire both the insert and the
-- update trigger, each with the rows it wrote. kpi_hourly rows are only deleted with their
-- workspace, which takes kpi_unit_hourly with it.
CREATE FUNCTION kpi_unit_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_unit_hourly AS k (workspace_id, bucket, unit_id, potential_clients, quotes_sent, quotes_sent_base,
      new_deals, new_deals_base, deals_won, deals_won_base)
    SELECT n.workspace_id, n.bucket, n.unit_id, sum(n.potential_clients)::int, sum(n.quotes_sent)::int, sum(n.quotes_sent_base),
      sum(n.new_deals)::int, sum(n.new_deals_base), sum(n.deals_won)::int, sum(n.deals_won_base)
    FROM new_rows n
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT kpi_unit_hourly_key DO UPDATE SET
      potential_clients = k.potential_clients + excluded.potential_clients,
      quotes_sent = k.quotes_sent + excluded.quotes_sent, quotes_sent_base = k.quotes_sent_base + excluded.quotes_sent_base,
      new_deals = k.new_deals + excluded.new_deals, new_deals_base = k.new_deals_base + excluded.new_deals_base,
      deals_won = k.deals_won + excluded.deals_won, deals_won_base = k.deals_won_base + excluded.deals_won_base;
  ELSE
    INSERT INTO kpi_unit_hourly AS k (workspace_id, bucket, unit_id, potential_clients, quotes_sent, quotes_sent_base,
      new_deals, new_deals_base, deals_won, deals_won_base)
    SELECT c.workspace_id, c.bucket, c.unit_id, sum(c.potential_clients)::int, sum(c.quotes_sent)::int, sum(c.quotes_sent_base),
      sum(c.new_deals)::int, sum(c.new_deals_base), sum(c.deals_won)::int, sum(c.deals_won_base)
    FROM (
      SELECT n.workspace_id, n.bucket, n.unit_id, n.potential_clients, n.quotes_sent, n.quotes_sent_base,
        n.new_deals, n.new_deals_base, n.deals_won, n.deals_won_base
      FROM new_rows n
      UNION ALL
      SELECT o.workspace_id, o.bucket, o.unit_id, -o.potential_clients, -o.quotes_sent, -o.quotes_sent_base,
        -o.new_deals, -o.new_deals_base, -o.deals_won, -o.deals_won_base
      FROM old_rows o
    ) c
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT kpi_unit_hourly_key DO UPDATE SET
      potential_clients = k.potential_clients + excluded.potential_clients,
      quotes_sent = k.quotes_sent + excluded.quotes_sent, quotes_sent_base = k.quotes_sent_base + excluded.quotes_sent_base,
      new_deals = k.new_deals + excluded.new_deals, new_deals_base = k.new_deals_base + excluded.new_deals_base,
      deals_won = k.deals_won + excluded.deals_won, deals_won_base = k.deals_won_base + excluded.deals_won_base;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_unit_rollup_insert AFTER INSERT ON kpi_hourly REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_unit_rollup();
--> statement-breakpoint
CREATE TRIGGER kpi_unit_rollup_update AFTER UPDATE ON kpi_hourly REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_unit_rollup();
--> statement-breakpoint
INSERT INTO kpi_unit_hourly (workspace_id, bucket, unit_id, potential_clients, quotes_sent, quotes_sent_base,
  new_deals, new_deals_base, deals_won, deals_won_base)
SELECT workspace_id, bucket, unit_id, sum(potential_clients)::int, sum(quotes_sent)::int, sum(quotes_sent_base),
  sum(new_deals)::int, sum(new_deals_base), sum(deals_won)::int, sum(deals_won_base)
FROM kpi_hourly GROUP BY 1, 2, 3;
