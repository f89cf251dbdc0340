-- revenue_monthly follows its source rows in the same transaction, like the KPI figures: each
-- trigger is statement-level with transition tables, subtracts the old rows' contributions and adds
-- the new ones' in one grouped upsert, its keys in a fixed order so that two writers lock aggregate
-- rows in the same order.
--
-- Won deals: a live deal in a won stage with a close date counts in the month of that date, with
-- its amount in the base currency. Stage moves, close dates, amounts, owner, unit, customer,
-- deletion (deleted_at) and rate recomputations (amount_base) all go through the UPDATE branch.
CREATE FUNCTION revenue_deal_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO revenue_monthly AS r (workspace_id, basis, month, company_id, owner_id, unit_id, amount, count)
    SELECT d.workspace_id, 'won_deals', date_trunc('month', d.closed_on::timestamp)::date, d.company_id, d.owner_id, d.unit_id,
      sum(coalesce(d.amount_base, 0)), count(*)::int
    FROM new_rows d JOIN pipeline_stage s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id AND s.kind = 'won'
    WHERE d.deleted_at IS NULL AND d.closed_on IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT revenue_monthly_key DO UPDATE SET amount = r.amount + excluded.amount, count = r.count + excluded.count;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Only the rows whose counted columns changed: a title or a note costs one join of two small sets.
    INSERT INTO revenue_monthly AS r (workspace_id, basis, month, company_id, owner_id, unit_id, amount, count)
    SELECT d.workspace_id, 'won_deals', date_trunc('month', d.closed_on::timestamp)::date, d.company_id, d.owner_id, d.unit_id,
      sum(d.sign * coalesce(d.amount_base, 0)), sum(d.sign)::int
    FROM (
      SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.id = o.id
      WHERE (o.closed_on, o.amount_base, o.deleted_at IS NULL, o.stage_id, o.company_id, o.owner_id, o.unit_id)
        IS DISTINCT FROM (n.closed_on, n.amount_base, n.deleted_at IS NULL, n.stage_id, n.company_id, n.owner_id, n.unit_id)
      UNION ALL
      SELECT n.*, 1 FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.id = o.id
      WHERE (o.closed_on, o.amount_base, o.deleted_at IS NULL, o.stage_id, o.company_id, o.owner_id, o.unit_id)
        IS DISTINCT FROM (n.closed_on, n.amount_base, n.deleted_at IS NULL, n.stage_id, n.company_id, n.owner_id, n.unit_id)
    ) d
    JOIN pipeline_stage s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id AND s.kind = 'won'
    WHERE d.deleted_at IS NULL AND d.closed_on IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(d.sign) <> 0 OR sum(d.sign * coalesce(d.amount_base, 0)) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT revenue_monthly_key DO UPDATE SET amount = r.amount + excluded.amount, count = r.count + excluded.count;
  ELSE
    -- Rows deleted along with their workspace take nothing out: the aggregate goes with it.
    INSERT INTO revenue_monthly AS r (workspace_id, basis, month, company_id, owner_id, unit_id, amount, count)
    SELECT d.workspace_id, 'won_deals', date_trunc('month', d.closed_on::timestamp)::date, d.company_id, d.owner_id, d.unit_id,
      -sum(coalesce(d.amount_base, 0)), -count(*)::int
    FROM old_rows d JOIN workspace w ON w.id = d.workspace_id
      JOIN pipeline_stage s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id AND s.kind = 'won'
    WHERE d.deleted_at IS NULL AND d.closed_on IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT revenue_monthly_key DO UPDATE SET amount = r.amount + excluded.amount, count = r.count + excluded.count;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER revenue_deal_insert AFTER INSERT ON deal REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_deal_delta();
--> statement-breakpoint
CREATE TRIGGER revenue_deal_update AFTER UPDATE ON deal REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_deal_delta();
--> statement-breakpoint
CREATE TRIGGER revenue_deal_delete AFTER DELETE ON deal REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_deal_delta();
--> statement-breakpoint
-- A stage that becomes won (or stops being won) carries its closed live deals' revenue with it.
CREATE FUNCTION revenue_stage_kind_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO revenue_monthly AS r (workspace_id, basis, month, company_id, owner_id, unit_id, amount, count)
  SELECT d.workspace_id, 'won_deals', date_trunc('month', d.closed_on::timestamp)::date, d.company_id, d.owner_id, d.unit_id,
    sum(c.sign * coalesce(d.amount_base, 0)), sum(c.sign)::int
  FROM (
    SELECT n.workspace_id, n.id, CASE WHEN n.kind = 'won' THEN 1 ELSE -1 END AS sign
    FROM new_rows n JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
    WHERE (n.kind = 'won') <> (o.kind = 'won')
  ) c
  JOIN deal d ON d.workspace_id = c.workspace_id AND d.stage_id = c.id AND d.deleted_at IS NULL AND d.closed_on IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT revenue_monthly_key DO UPDATE SET amount = r.amount + excluded.amount, count = r.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER revenue_stage_kind_update AFTER UPDATE ON pipeline_stage REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_stage_kind_delta();
--> statement-breakpoint
-- Orders: one that is not cancelled counts in the month of its date, with its total in the base
-- currency; a cancellation, a new date, total (a rate recomputation too), owner, unit or customer
-- moves it.
CREATE FUNCTION revenue_order_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO revenue_monthly AS r (workspace_id, basis, month, company_id, owner_id, unit_id, amount, count)
    SELECT o.workspace_id, 'orders', date_trunc('month', o.ordered_on::timestamp)::date, o.company_id, o.owner_id, o.unit_id,
      sum(coalesce(o.total_base, 0)), count(*)::int
    FROM new_rows o WHERE o.status <> 'cancelled'
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT revenue_monthly_key DO UPDATE SET amount = r.amount + excluded.amount, count = r.count + excluded.count;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO revenue_monthly AS r (workspace_id, basis, month, company_id, owner_id, unit_id, amount, count)
    SELECT d.workspace_id, 'orders', date_trunc('month', d.ordered_on::timestamp)::date, d.company_id, d.owner_id, d.unit_id,
      sum(d.sign * coalesce(d.total_base, 0)), sum(d.sign)::int
    FROM (
      SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.id = o.id
      WHERE (o.status = 'cancelled', o.ordered_on, o.total_base, o.company_id, o.owner_id, o.unit_id)
        IS DISTINCT FROM (n.status = 'cancelled', n.ordered_on, n.total_base, n.company_id, n.owner_id, n.unit_id)
      UNION ALL
      SELECT n.*, 1 FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.id = o.id
      WHERE (o.status = 'cancelled', o.ordered_on, o.total_base, o.company_id, o.owner_id, o.unit_id)
        IS DISTINCT FROM (n.status = 'cancelled', n.ordered_on, n.total_base, n.company_id, n.owner_id, n.unit_id)
    ) d
    WHERE d.status <> 'cancelled'
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(d.sign) <> 0 OR sum(d.sign * coalesce(d.total_base, 0)) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT revenue_monthly_key DO UPDATE SET amount = r.amount + excluded.amount, count = r.count + excluded.count;
  ELSE
    INSERT INTO revenue_monthly AS r (workspace_id, basis, month, company_id, owner_id, unit_id, amount, count)
    SELECT o.workspace_id, 'orders', date_trunc('month', o.ordered_on::timestamp)::date, o.company_id, o.owner_id, o.unit_id,
      -sum(coalesce(o.total_base, 0)), -count(*)::int
    FROM old_rows o JOIN workspace w ON w.id = o.workspace_id
    WHERE o.status <> 'cancelled'
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT revenue_monthly_key DO UPDATE SET amount = r.amount + excluded.amount, count = r.count + excluded.count;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER revenue_order_insert AFTER INSERT ON sales_order REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_order_delta();
--> statement-breakpoint
CREATE TRIGGER revenue_order_update AFTER UPDATE ON sales_order REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_order_delta();
--> statement-breakpoint
CREATE TRIGGER revenue_order_delete AFTER DELETE ON sales_order REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_order_delta();
--> statement-breakpoint
-- The figures of the data already there.
INSERT INTO revenue_monthly (workspace_id, basis, month, company_id, owner_id, unit_id, amount, count)
SELECT d.workspace_id, 'won_deals', date_trunc('month', d.closed_on::timestamp)::date, d.company_id, d.owner_id, d.unit_id,
  sum(coalesce(d.amount_base, 0)), count(*)::int
FROM deal d JOIN pipeline_stage s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id AND s.kind = 'won'
WHERE d.deleted_at IS NULL AND d.closed_on IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6
UNION ALL
SELECT o.workspace_id, 'orders', date_trunc('month', o.ordered_on::timestamp)::date, o.company_id, o.owner_id, o.unit_id,
  sum(coalesce(o.total_base, 0)), count(*)::int
FROM sales_order o WHERE o.status <> 'cancelled'
GROUP BY 1, 2, 3, 4, 5, 6;
