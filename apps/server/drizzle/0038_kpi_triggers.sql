-- The KPI board's aggregates (kpi_hourly) follow their source rows in the same transaction: each
-- trigger below is statement-level with transition tables, so a 10k-row import adds one grouped
-- upsert rather than 10k. Every figure is a sum of "contributions" of source rows; a change
-- subtracts the old rows' contributions and adds the new ones', per hour (UTC), owner and unit.
--
-- Deals: a live deal counts as a new deal in the hour it was created, with amount_base; a live
-- deal in a won stage counts as won in the hour it entered that stage. Amount, owner, unit,
-- stage, deletion (deleted_at) and rate recomputations (amount_base) all go through here.
CREATE FUNCTION kpi_deal_delta() RETURNS trigger LANGUAGE plpgsql AS $$
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
      FROM old_rows d WHERE d.deleted_at IS NULL
      UNION ALL
      SELECT d.workspace_id, date_trunc('hour', d.stage_entered_at, 'UTC'), d.owner_id, d.unit_id, 0, 0, -1, -coalesce(d.amount_base, 0)
      FROM old_rows d JOIN pipeline_stage s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id
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
CREATE TRIGGER kpi_deal_insert AFTER INSERT ON deal REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_deal_delta();
--> statement-breakpoint
CREATE TRIGGER kpi_deal_update AFTER UPDATE ON deal REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_deal_delta();
--> statement-breakpoint
CREATE TRIGGER kpi_deal_delete AFTER DELETE ON deal REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_deal_delta();
--> statement-breakpoint
-- A stage that becomes won (or stops being won) carries its live deals' wins with it.
CREATE FUNCTION kpi_stage_kind_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_hourly AS k (workspace_id, bucket, owner_id, unit_id, deals_won, deals_won_base)
  SELECT d.workspace_id, date_trunc('hour', d.stage_entered_at, 'UTC'), d.owner_id, d.unit_id,
    sum(c.sign)::int, sum(c.sign * coalesce(d.amount_base, 0))
  FROM (
    SELECT n.workspace_id, n.id, CASE WHEN n.kind = 'won' THEN 1 ELSE -1 END AS sign
    FROM new_rows n JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
    WHERE (n.kind = 'won') <> (o.kind = 'won')
  ) c
  JOIN deal d ON d.workspace_id = c.workspace_id AND d.stage_id = c.id AND d.deleted_at IS NULL
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT kpi_hourly_key DO UPDATE SET
    deals_won = k.deals_won + excluded.deals_won, deals_won_base = k.deals_won_base + excluded.deals_won_base;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_stage_kind_update AFTER UPDATE ON pipeline_stage REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_stage_kind_delta();
--> statement-breakpoint
-- Companies and contacts (one function, the same columns): created as potential, they are new
-- potential clients of their creation hour for good, unless deleted; owner and unit follow them.
CREATE FUNCTION kpi_potential_client_delta() RETURNS trigger LANGUAGE plpgsql AS $$
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
    WHERE o.deleted_at IS NULL
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT kpi_hourly_key DO UPDATE SET potential_clients = k.potential_clients + excluded.potential_clients;
    DELETE FROM kpi_potential_client p USING old_rows o WHERE p.workspace_id = o.workspace_id AND p.id = o.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_company_insert AFTER INSERT ON company REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_potential_client_delta();
--> statement-breakpoint
CREATE TRIGGER kpi_company_update AFTER UPDATE ON company REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_potential_client_delta();
--> statement-breakpoint
CREATE TRIGGER kpi_company_delete AFTER DELETE ON company REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_potential_client_delta();
--> statement-breakpoint
CREATE TRIGGER kpi_contact_insert AFTER INSERT ON contact REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_potential_client_delta();
--> statement-breakpoint
CREATE TRIGGER kpi_contact_update AFTER UPDATE ON contact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_potential_client_delta();
--> statement-breakpoint
CREATE TRIGGER kpi_contact_delete AFTER DELETE ON contact REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_potential_client_delta();
--> statement-breakpoint
-- Quotes: a proposal counts once, in the hour its latest sent version went out, with that
-- version's total_base; sending a new version takes the earlier one out ("un-sends" it).
-- For each proposal number touched (a version sent, or a sent version's total_base, owner or unit
-- changed), its counted version is subtracted as it was, the sending recorded, and added as it is.
CREATE FUNCTION kpi_quote_delta() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched text[];
  workspaces uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.number), array_agg(n.workspace_id) INTO touched, workspaces
    FROM new_rows n WHERE n.status <> 'draft';
  ELSE
    SELECT array_agg(n.number), array_agg(n.workspace_id) INTO touched, workspaces
    FROM new_rows n JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
    WHERE n.status <> 'draft' AND (o.status = 'draft'
      OR (o.total_base, o.owner_id, o.unit_id) IS DISTINCT FROM (n.total_base, n.owner_id, n.unit_id));
  END IF;
  IF touched IS NULL THEN RETURN NULL; END IF;

  -- Subtract each touched proposal as it counted before this statement.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_hourly AS k (workspace_id, bucket, owner_id, unit_id, quotes_sent, quotes_sent_base)
    SELECT c.workspace_id, date_trunc('hour', c.sent_at, 'UTC'), c.owner_id, c.unit_id, -count(*)::int, -sum(coalesce(c.total_base, 0))
    FROM (
      SELECT DISTINCT ON (q.workspace_id, q.number) q.workspace_id, s.sent_at, q.owner_id, q.unit_id, q.total_base
      FROM (SELECT DISTINCT * FROM unnest(workspaces, touched) AS t(workspace_id, number)) t
      JOIN quote q ON q.workspace_id = t.workspace_id AND q.number = t.number
      JOIN kpi_quote_sending s ON s.workspace_id = q.workspace_id AND s.quote_id = q.id
      ORDER BY q.workspace_id, q.number, q.version DESC
    ) c
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT kpi_hourly_key DO UPDATE SET
      quotes_sent = k.quotes_sent + excluded.quotes_sent, quotes_sent_base = k.quotes_sent_base + excluded.quotes_sent_base;
    INSERT INTO kpi_quote_sending (workspace_id, quote_id, sent_at)
    SELECT n.workspace_id, n.id, n.created_at FROM new_rows n WHERE n.status <> 'draft' ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO kpi_hourly AS k (workspace_id, bucket, owner_id, unit_id, quotes_sent, quotes_sent_base)
    SELECT c.workspace_id, date_trunc('hour', c.sent_at, 'UTC'), c.owner_id, c.unit_id, -count(*)::int, -sum(coalesce(c.total_base, 0))
    FROM (
      SELECT DISTINCT ON (q.workspace_id, q.number) q.workspace_id, s.sent_at,
        CASE WHEN o.id IS NULL THEN q.owner_id ELSE o.owner_id END AS owner_id,
        CASE WHEN o.id IS NULL THEN q.unit_id ELSE o.unit_id END AS unit_id,
        CASE WHEN o.id IS NULL THEN q.total_base ELSE o.total_base END AS total_base
      FROM (SELECT DISTINCT * FROM unnest(workspaces, touched) AS t(workspace_id, number)) t
      JOIN quote q ON q.workspace_id = t.workspace_id AND q.number = t.number
      JOIN kpi_quote_sending s ON s.workspace_id = q.workspace_id AND s.quote_id = q.id
      LEFT JOIN old_rows o ON o.workspace_id = q.workspace_id AND o.id = q.id
      ORDER BY q.workspace_id, q.number, q.version DESC
    ) c
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT kpi_hourly_key DO UPDATE SET
      quotes_sent = k.quotes_sent + excluded.quotes_sent, quotes_sent_base = k.quotes_sent_base + excluded.quotes_sent_base;
    INSERT INTO kpi_quote_sending (workspace_id, quote_id, sent_at)
    SELECT n.workspace_id, n.id, now()
    FROM new_rows n JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
    WHERE n.status <> 'draft' AND o.status = 'draft'
    ON CONFLICT DO NOTHING;
  END IF;

  -- Add each touched proposal as it counts now.
  INSERT INTO kpi_hourly AS k (workspace_id, bucket, owner_id, unit_id, quotes_sent, quotes_sent_base)
  SELECT c.workspace_id, date_trunc('hour', c.sent_at, 'UTC'), c.owner_id, c.unit_id, count(*)::int, sum(coalesce(c.total_base, 0))
  FROM (
    SELECT DISTINCT ON (q.workspace_id, q.number) q.workspace_id, s.sent_at, q.owner_id, q.unit_id, q.total_base
    FROM (SELECT DISTINCT * FROM unnest(workspaces, touched) AS t(workspace_id, number)) t
    JOIN quote q ON q.workspace_id = t.workspace_id AND q.number = t.number
    JOIN kpi_quote_sending s ON s.workspace_id = q.workspace_id AND s.quote_id = q.id
    ORDER BY q.workspace_id, q.number, q.version DESC
  ) c
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT kpi_hourly_key DO UPDATE SET
    quotes_sent = k.quotes_sent + excluded.quotes_sent, quotes_sent_base = k.quotes_sent_base + excluded.quotes_sent_base;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_quote_insert AFTER INSERT ON quote REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_quote_delta();
--> statement-breakpoint
CREATE TRIGGER kpi_quote_update AFTER UPDATE ON quote REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_quote_delta();
--> statement-breakpoint
-- The figures of the data already there. Records keep only their current status, so the
-- companies and contacts potential today stand for those created potential, and a sent quote's
-- last change for its sending (an accepted, rejected or expired one's creation).
INSERT INTO kpi_potential_client (workspace_id, id)
SELECT workspace_id, id FROM company WHERE status = 'potential'
UNION ALL SELECT workspace_id, id FROM contact WHERE status = 'potential'
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO kpi_quote_sending (workspace_id, quote_id, sent_at)
SELECT workspace_id, id, CASE WHEN status = 'sent' THEN updated_at ELSE created_at END FROM quote WHERE status <> 'draft';
--> statement-breakpoint
INSERT INTO kpi_hourly (workspace_id, bucket, owner_id, unit_id, potential_clients, quotes_sent, quotes_sent_base,
  new_deals, new_deals_base, deals_won, deals_won_base)
SELECT workspace_id, bucket, owner_id, unit_id, sum(pc)::int, sum(qs)::int, sum(qsb), sum(nd)::int, sum(ndb), sum(dw)::int, sum(dwb)
FROM (
  SELECT c.workspace_id, date_trunc('hour', c.created_at, 'UTC') AS bucket, c.owner_id, c.unit_id,
    1 AS pc, 0 AS qs, 0::numeric AS qsb, 0 AS nd, 0::numeric AS ndb, 0 AS dw, 0::numeric AS dwb
  FROM company c WHERE c.status = 'potential' AND c.deleted_at IS NULL
  UNION ALL
  SELECT c.workspace_id, date_trunc('hour', c.created_at, 'UTC'), c.owner_id, c.unit_id, 1, 0, 0, 0, 0, 0, 0
  FROM contact c WHERE c.status = 'potential' AND c.deleted_at IS NULL
  UNION ALL
  SELECT q.workspace_id, date_trunc('hour', q.sent_at, 'UTC'), q.owner_id, q.unit_id, 0, 1, coalesce(q.total_base, 0), 0, 0, 0, 0
  FROM (
    SELECT DISTINCT ON (q.workspace_id, q.number) q.workspace_id, s.sent_at, q.owner_id, q.unit_id, q.total_base
    FROM quote q JOIN kpi_quote_sending s ON s.workspace_id = q.workspace_id AND s.quote_id = q.id
    ORDER BY q.workspace_id, q.number, q.version DESC
  ) q
  UNION ALL
  SELECT d.workspace_id, date_trunc('hour', d.created_at, 'UTC'), d.owner_id, d.unit_id, 0, 0, 0, 1, coalesce(d.amount_base, 0), 0, 0
  FROM deal d WHERE d.deleted_at IS NULL
  UNION ALL
  SELECT d.workspace_id, date_trunc('hour', d.stage_entered_at, 'UTC'), d.owner_id, d.unit_id, 0, 0, 0, 0, 0, 1, coalesce(d.amount_base, 0)
  FROM deal d JOIN pipeline_stage s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id
  WHERE d.deleted_at IS NULL AND s.kind = 'won'
) c
GROUP BY 1, 2, 3, 4;
