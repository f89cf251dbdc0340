-- Rows deleted along with their workspace (ON DELETE CASCADE) take nothing out of the aggregates:
-- those go with the workspace too, and an upsert for a workspace already gone would break its
-- foreign key. The delete branches now count only rows whose workspace is still there.
CREATE OR REPLACE FUNCTION kpi_deal_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_hourly AS k (workspace_id, bucket, owner_id, unit_id, new_deals, new_deals_base, deals_won, deals_won_base)
    SELECT c.workspace_id, c.bucket, c.owner_id, c.unit_id, sum(c.n)::int, sum(c.nb), sum(c.w)::int, sum(c.wb)
    FROM (
      SELECT d.workspace_id, date_trunc('hour', d.created_at, 'UTC') AS bucket, d.owner_id, d.unit_id,
        1 AS n, coalesce(d.amount_base, 0) AS nb, 0 AS w, 0::numeric AS wb
      FROM new_rows d WHERE d.deleted_at IS NULL
      UNION ALL
      SELECT d.workspace_id, date_trunc('hour', d.stage_entered_at, 'UTC'), d.owner_id, d.unit_id, 0, 0, 1, coalesce(d.amount_base, 0)
      FROM new_rows d JOIN pipeline_stage s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id
      WHERE d.deleted_at IS NULL AND s.kind = 'won'
    ) c
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT kpi_hourly_key DO UPDATE SET
      new_deals = k.new_deals + excluded.new_deals, new_deals_base = k.new_deals_base + excluded.new_deals_base,
      deals_won = k.deals_won + excluded.deals_won, deals_won_base = k.deals_won_base + excluded.deals_won_base;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Only the rows whose counted columns changed: a title or a note costs one join of two small sets.
    INSERT INTO kpi_hourly AS k (workspace_id, bucket, owner_id, unit_id, new_deals, new_deals_base, deals_won, deals_won_base)
    SELECT c.workspace_id, c.bucket, c.owner_id, c.unit_id, sum(c.n)::int, sum(c.nb), sum(c.w)::int, sum(c.wb)
    FROM (
      SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.id = o.id
      WHERE (o.created_at, o.owner_id, o.unit_id, o.deleted_at IS NULL, o.amount_base, o.stage_id, o.stage_entered_at)
        IS DISTINCT FROM (n.created_at, n.owner_id, n.unit_id, n.deleted_at IS NULL, n.amount_base, n.stage_id, n.stage_entered_at)
      UNION ALL
      SELECT n.*, 1 FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.id = o.id
      WHERE (o.created_at, o.owner_id, o.unit_id, o.deleted_at IS NULL, o.amount_base, o.stage_id, o.stage_entered_at)
        IS DISTINCT FROM (n.created_at, n.owner_id, n.unit_id, n.deleted_at IS NULL, n.amount_base, n.stage_id, n.stage_entered_at)
    ) d
    CROSS JOIN LATERAL (
      SELECT d.workspace_id, date_trunc('hour', d.created_at, 'UTC') AS bucket, d.owner_id, d.unit_id,
        d.sign AS n, d.sign * coalesce(d.amount_base, 0) AS nb, 0 AS w, 0::numeric AS wb
      UNION ALL
      SELECT d.workspace_id, date_trunc('hour', d.stage_entered_at, 'UTC'), d.owner_id, d.unit_id, 0, 0, d.sign, d.sign * coalesce(d.amount_base, 0)
      FROM pipeline_stage s WHERE s.workspace_id = d.workspace_id AND s.id = d.stage_id AND s.kind = 'won'
    ) c
    WHERE d.deleted_at IS NULL
    GROUP BY 1, 2, 3, 4
    HAVING sum(c.n) <> 0 OR sum(c.nb) <> 0 OR sum(c.w) <> 0 OR sum(c.wb) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT kpi_hourly_key DO UPDATE SET
      new_deals = k.new_deals + excluded.new_deals, new_deals_base = k.new_deals_base + excluded.new_deals_base,
      deals_won = k.deals_won + excluded.deals_won, deals_won_base = k.deals_won_base + excluded.deals_won_base;
  ELSE
    INSERT INTO kpi_hourly AS k (workspace_id, bucket, owner_id, unit_id, new_deals, new_deals_base, deals_won, deals_won_base)
    SELECT c.workspace_id, c.bucket, c.owner_id, c.unit_id, sum(c.n)::int, sum(c.nb), sum(c.w)::int, sum(c.wb)
    FROM (
      SELECT d.workspace_id, date_trunc('hour', d.created_at, 'UTC') AS bucket, d.owner_id, d.unit_id,
        -1 AS n, -coalesce(d.amount_base, 0) AS nb, 0 AS w, 0::numeric AS wb
      FROM old_rows d JOIN workspace w ON w.id = d.workspace_id WHERE d.deleted_at IS NULL
      UNION ALL
      SELECT d.workspace_id, date_trunc('hour', d.stage_entered_at, 'UTC'), d.owner_id, d.unit_id, 0, 0, -1, -coalesce(d.amount_base, 0)
      FROM old_rows d JOIN workspace w ON w.id = d.workspace_id
        JOIN pipeline_stage s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id
      WHERE d.deleted_at IS NULL AND s.kind = 'won'
    ) c
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT kpi_hourly_key DO UPDATE SET
      new_deals = k.new_deals + excluded.new_deals, new_deals_base = k.new_deals_base + excluded.new_deals_base,
      deals_won = k.deals_won + excluded.deals_won, deals_won_base = k.deals_won_base + excluded.deals_won_base;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kpi_potential_client_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_potential_client (workspace_id, id)
    SELECT n.workspace_id, n.id FROM new_rows n WHERE n.status = 'potential' ON CONFLICT DO NOTHING;
    INSERT INTO kpi_hourly AS k (workspace_id, bucket, owner_id, unit_id, potential_clients)
    SELECT n.workspace_id, date_trunc('hour', n.created_at, 'UTC'), n.owner_id, n.unit_id, count(*)::int
    FROM new_rows n WHERE n.status = 'potential' AND n.deleted_at IS NULL
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT kpi_hourly_key DO UPDATE SET potential_clients = k.potential_clients + excluded.potential_clients;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_hourly AS k (workspace_id, bucket, owner_id, unit_id, potential_clients)
    SELECT c.workspace_id, date_trunc('hour', c.created_at, 'UTC'), c.owner_id, c.unit_id, sum(c.sign)::int
    FROM (
      SELECT o.workspace_id, o.id, o.created_at, o.owner_id, o.unit_id, o.deleted_at, -1 AS sign
      FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.id = o.id
      WHERE (o.created_at, o.owner_id, o.unit_id, o.deleted_at IS NULL) IS DISTINCT FROM (n.created_at, n.owner_id, n.unit_id, n.deleted_at IS NULL)
      UNION ALL
      SELECT n.workspace_id, n.id, n.created_at, n.owner_id, n.unit_id, n.deleted_at, 1
      FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.id = o.id
      WHERE (o.created_at, o.owner_id, o.unit_id, o.deleted_at IS NULL) IS DISTINCT FROM (n.created_at, n.owner_id, n.unit_id, n.deleted_at IS NULL)
    ) c
    JOIN kpi_potential_client p ON p.workspace_id = c.workspace_id AND p.id = c.id
    WHERE c.deleted_at IS NULL
    GROUP BY 1, 2, 3, 4 HAVING sum(c.sign) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT kpi_hourly_key DO UPDATE SET potential_clients = k.potential_clients + excluded.potential_clients;
  ELSE
    INSERT INTO kpi_hourly AS k (workspace_id, bucket, owner_id, unit_id, potential_clients)
    SELECT o.workspace_id, date_trunc('hour', o.created_at, 'UTC'), o.owner_id, o.unit_id, -count(*)::int
    FROM old_rows o JOIN kpi_potential_client p ON p.workspace_id = o.workspace_id AND p.id = o.id
      JOIN workspace w ON w.id = o.workspace_id
    WHERE o.deleted_at IS NULL
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT kpi_hourly_key DO UPDATE SET potential_clients = k.potential_clients + excluded.potential_clients;
    DELETE FROM kpi_potential_client p USING old_rows o WHERE p.workspace_id = o.workspace_id AND p.id = o.id;
  END IF;
  RETURN NULL;
END $$;
