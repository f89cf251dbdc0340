CREATE TABLE "case_daily" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"whole" boolean NOT NULL,
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"value" text,
	"received" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"handling_seconds" numeric DEFAULT '0' NOT NULL,
	"unfounded" integer DEFAULT 0 NOT NULL,
	"sla_done" integer DEFAULT 0 NOT NULL,
	"sla_met" integer DEFAULT 0 NOT NULL,
	"sla_owed" integer DEFAULT 0 NOT NULL,
	"first_response_done" integer DEFAULT 0 NOT NULL,
	"first_response_met" integer DEFAULT 0 NOT NULL,
	"first_response_owed" integer DEFAULT 0 NOT NULL,
	"satisfaction_sum" integer DEFAULT 0 NOT NULL,
	"satisfaction_n" integer DEFAULT 0 NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "case_daily_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	CONSTRAINT "case_daily_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "case_daily_key" UNIQUE NULLS NOT DISTINCT("workspace_id","dimension","whole","grain","day","unit_id","kind","value")
);
--> statement-breakpoint
ALTER TABLE "case_daily" ADD CONSTRAINT "case_daily_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_case_resolved_idx" ON "support_case" USING btree ("workspace_id","resolved_at") WHERE deleted_at IS NULL AND resolved_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "support_case_responded_idx" ON "support_case" USING btree ("workspace_id","first_responded_at") WHERE deleted_at IS NULL AND first_responded_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "support_case_rated_idx" ON "support_case" USING btree ("workspace_id","satisfaction_at") WHERE deleted_at IS NULL AND satisfaction_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "support_case_resolution_owed_idx" ON "support_case" USING btree ("workspace_id","resolution_due_at") WHERE deleted_at IS NULL AND resolved_at IS NULL AND sla_policy_id IS NOT NULL AND resolution_due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "support_case_response_owed_idx" ON "support_case" USING btree ("workspace_id","first_response_due_at") WHERE deleted_at IS NULL AND first_responded_at IS NULL AND sla_policy_id IS NOT NULL AND first_response_due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "support_case_unfounded_idx" ON "support_case" USING btree ("workspace_id","created_at") WHERE deleted_at IS NULL AND kind = 'complaint' AND verdict = 'unfounded';
--> statement-breakpoint
-- Written by hand: what each case adds to the daily and monthly sums (negated with sign = -1), one
-- row per event (registered, resolved, first reply, a target still owed falling due, rated),
-- dimension, scope (the whole workspace, its unit) and grain. Deleted cases add nothing.
CREATE FUNCTION case_daily_rows(d support_case, sign int) RETURNS TABLE (
  workspace_id uuid, dimension text, whole boolean, grain text, day date, unit_id uuid, kind text, value text,
  received int, open int, resolved int, handling_seconds numeric, unfounded int, sla_done int, sla_met int, sla_owed int,
  first_response_done int, first_response_met int, first_response_owed int, satisfaction_sum int, satisfaction_n int
) LANGUAGE sql STABLE AS $$
  SELECT d.workspace_id, x.dimension, w.whole, g.grain,
    CASE g.grain WHEN 'day' THEN (e.at AT TIME ZONE 'UTC')::date ELSE date_trunc('month', e.at AT TIME ZONE 'UTC')::date END,
    CASE WHEN w.whole THEN NULL ELSE d.unit_id END, d.kind, x.value,
    sign * e.received, sign * e.open, sign * e.resolved, sign * e.handling_seconds, sign * e.unfounded,
    sign * e.sla_done, sign * e.sla_met, sign * e.sla_owed, sign * e.fr_done, sign * e.fr_met, sign * e.fr_owed,
    sign * e.satisfaction_sum, sign * e.satisfaction_n
  FROM (
    SELECT d.created_at AS at, 1 AS received,
      (d.status IN ('new', 'assigned', 'in_progress', 'waiting_customer', 'waiting_unit', 'reopened'))::int AS open,
      0 AS resolved, 0::numeric AS handling_seconds, 0 AS unfounded, 0 AS sla_done, 0 AS sla_met, 0 AS sla_owed,
      0 AS fr_done, 0 AS fr_met, 0 AS fr_owed, 0 AS satisfaction_sum, 0 AS satisfaction_n
    UNION ALL
    SELECT d.resolved_at, 0, 0, 1, extract(epoch FROM d.resolved_at - d.created_at)::numeric, (d.verdict IS NOT DISTINCT FROM 'unfounded')::int,
      (d.sla_policy_id IS NOT NULL)::int,
      (d.sla_policy_id IS NOT NULL AND d.resolution_breached_at IS NULL
        AND (d.resolution_due_at IS NULL OR d.resolved_at <= d.resolution_due_at))::int,
      0, 0, 0, 0, 0, 0
    WHERE d.resolved_at IS NOT NULL
    UNION ALL
    SELECT d.resolution_due_at, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0
    WHERE d.sla_policy_id IS NOT NULL AND d.resolved_at IS NULL AND d.resolution_due_at IS NOT NULL
    UNION ALL
    SELECT d.first_responded_at, 0, 0, 0, 0, 0, 0, 0, 0, (d.sla_policy_id IS NOT NULL)::int,
      (d.sla_policy_id IS NOT NULL AND d.first_response_breached_at IS NULL
        AND (d.first_response_due_at IS NULL OR d.first_responded_at <= d.first_response_due_at))::int,
      0, 0, 0
    WHERE d.first_responded_at IS NOT NULL
    UNION ALL
    SELECT d.first_response_due_at, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0
    WHERE d.sla_policy_id IS NOT NULL AND d.first_responded_at IS NULL AND d.first_response_due_at IS NOT NULL
    UNION ALL
    SELECT d.satisfaction_at, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, coalesce(d.satisfaction, 0), (d.satisfaction IS NOT NULL)::int
    WHERE d.satisfaction_at IS NOT NULL
  ) e
  CROSS JOIN (VALUES ('type', d.type_id::text), ('category', d.category_id::text), ('product', d.product_id::text),
    ('owner', d.owner_id::text), ('unit', d.unit_id::text), ('channel', d.channel), ('verdict', d.verdict),
    ('priority', d.priority)) x(dimension, value)
  CROSS JOIN (VALUES (true), (false)) w(whole)
  CROSS JOIN (VALUES ('day'), ('month')) g(grain)
  WHERE d.deleted_at IS NULL
$$;
--> statement-breakpoint
-- The old figures of some cases out and the new ones in, summed by key, in one upsert of the keys
-- whose sums moved (in key order, so two writers meet the same rows in the same order).
CREATE FUNCTION case_daily_apply(olds support_case[], news support_case[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO case_daily AS k (workspace_id, dimension, whole, grain, day, unit_id, kind, value, received, open, resolved,
    handling_seconds, unfounded, sla_done, sla_met, sla_owed, first_response_done, first_response_met, first_response_owed,
    satisfaction_sum, satisfaction_n)
  SELECT r.workspace_id, r.dimension, r.whole, r.grain, r.day, r.unit_id, r.kind, r.value, sum(r.received), sum(r.open),
    sum(r.resolved), sum(r.handling_seconds), sum(r.unfounded), sum(r.sla_done), sum(r.sla_met), sum(r.sla_owed),
    sum(r.first_response_done), sum(r.first_response_met), sum(r.first_response_owed), sum(r.satisfaction_sum), sum(r.satisfaction_n)
  FROM (
    SELECT c.* FROM unnest(olds) o CROSS JOIN LATERAL case_daily_rows(o, -1) c
    UNION ALL
    SELECT c.* FROM unnest(news) n CROSS JOIN LATERAL case_daily_rows(n, 1) c
  ) r
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(r.received) <> 0 OR sum(r.open) <> 0 OR sum(r.resolved) <> 0 OR sum(r.handling_seconds) <> 0 OR sum(r.unfounded) <> 0
    OR sum(r.sla_done) <> 0 OR sum(r.sla_met) <> 0 OR sum(r.sla_owed) <> 0 OR sum(r.first_response_done) <> 0
    OR sum(r.first_response_met) <> 0 OR sum(r.first_response_owed) <> 0 OR sum(r.satisfaction_sum) <> 0 OR sum(r.satisfaction_n) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ON CONSTRAINT case_daily_key DO UPDATE SET
    received = k.received + excluded.received, open = k.open + excluded.open, resolved = k.resolved + excluded.resolved,
    handling_seconds = k.handling_seconds + excluded.handling_seconds, unfounded = k.unfounded + excluded.unfounded,
    sla_done = k.sla_done + excluded.sla_done, sla_met = k.sla_met + excluded.sla_met, sla_owed = k.sla_owed + excluded.sla_owed,
    first_response_done = k.first_response_done + excluded.first_response_done,
    first_response_met = k.first_response_met + excluded.first_response_met,
    first_response_owed = k.first_response_owed + excluded.first_response_owed,
    satisfaction_sum = k.satisfaction_sum + excluded.satisfaction_sum, satisfaction_n = k.satisfaction_n + excluded.satisfaction_n
$$;
--> statement-breakpoint
-- New cases in; deleted ones out, except those deleted along with their workspace (the sums go
-- with it); on update only the cases whose counted columns changed (a subject or a reminder costs
-- one join of two small sets).
CREATE FUNCTION case_daily_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM case_daily_apply('{}'::support_case[], ARRAY(SELECT n::support_case FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM case_daily_apply(ARRAY(SELECT o::support_case FROM old_rows o JOIN workspace w ON w.id = o.workspace_id), '{}'::support_case[]);
  ELSE
    PERFORM case_daily_apply(
      ARRAY(SELECT o::support_case FROM old_rows o JOIN new_rows n ON o.workspace_id = n.workspace_id AND o.id = n.id
        AND (o.deleted_at IS NULL, o.created_at, o.status, o.kind, o.type_id, o.category_id, o.product_id, o.owner_id, o.unit_id,
          o.channel, o.verdict, o.priority, o.sla_policy_id, o.resolved_at, o.resolution_due_at, o.resolution_breached_at,
          o.first_responded_at, o.first_response_due_at, o.first_response_breached_at, o.satisfaction, o.satisfaction_at)
        IS DISTINCT FROM (n.deleted_at IS NULL, n.created_at, n.status, n.kind, n.type_id, n.category_id, n.product_id, n.owner_id,
          n.unit_id, n.channel, n.verdict, n.priority, n.sla_policy_id, n.resolved_at, n.resolution_due_at, n.resolution_breached_at,
          n.first_responded_at, n.first_response_due_at, n.first_response_breached_at, n.satisfaction, n.satisfaction_at)),
      ARRAY(SELECT n::support_case FROM old_rows o JOIN new_rows n ON o.workspace_id = n.workspace_id AND o.id = n.id
        AND (o.deleted_at IS NULL, o.created_at, o.status, o.kind, o.type_id, o.category_id, o.product_id, o.owner_id, o.unit_id,
          o.channel, o.verdict, o.priority, o.sla_policy_id, o.resolved_at, o.resolution_due_at, o.resolution_breached_at,
          o.first_responded_at, o.first_response_due_at, o.first_response_breached_at, o.satisfaction, o.satisfaction_at)
        IS DISTINCT FROM (n.deleted_at IS NULL, n.created_at, n.status, n.kind, n.type_id, n.category_id, n.product_id, n.owner_id,
          n.unit_id, n.channel, n.verdict, n.priority, n.sla_policy_id, n.resolved_at, n.resolution_due_at, n.resolution_breached_at,
          n.first_responded_at, n.first_response_due_at, n.first_response_breached_at, n.satisfaction, n.satisfaction_at)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_daily_insert AFTER INSERT ON support_case REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_daily_trigger();
--> statement-breakpoint
CREATE TRIGGER case_daily_delete AFTER DELETE ON support_case REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_daily_trigger();
--> statement-breakpoint
CREATE TRIGGER case_daily_update AFTER UPDATE ON support_case REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_daily_trigger();
--> statement-breakpoint
-- The cases already there.
INSERT INTO case_daily (workspace_id, dimension, whole, grain, day, unit_id, kind, value, received, open, resolved,
  handling_seconds, unfounded, sla_done, sla_met, sla_owed, first_response_done, first_response_met, first_response_owed,
  satisfaction_sum, satisfaction_n)
SELECT r.workspace_id, r.dimension, r.whole, r.grain, r.day, r.unit_id, r.kind, r.value, sum(r.received), sum(r.open),
  sum(r.resolved), sum(r.handling_seconds), sum(r.unfounded), sum(r.sla_done), sum(r.sla_met), sum(r.sla_owed),
  sum(r.first_response_done), sum(r.first_response_met), sum(r.first_response_owed), sum(r.satisfaction_sum), sum(r.satisfaction_n)
FROM support_case s CROSS JOIN LATERAL case_daily_rows(s, 1) r
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
--> statement-breakpoint
-- A statistics statement reads a few hundred rows of it: starting parallel workers costs more than the scan.
ALTER TABLE case_daily SET (parallel_workers = 0);
