import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { baseAmountSql, baseCurrencyOf } from '../currencies/index.ts';
import { dealPolicy } from '../deals/index.ts';
import { parseDate, parseNumber } from './convert.ts';
import { type LinkField, type Links, loadLinks, resolve, type Stage, type Target } from './link-values.ts';
import { problemsOf, type RecordJob, type RecordWriter, type RowResult } from './record-rows.ts';

type DealRecord = {
  id: string;
  title: string;
  pipeline_id: string;
  stage_id: string;
  company_id: string | null;
  owner_id: string;
  unit_id: string | null;
  source: string | null;
  product_id: string | null;
  amount: string | null;
  currency: string | null;
  expected_close_on: string | null;
  closed_on: string | null;
  notes: string | null;
  /** The day the deal was engaged: its creation, as the deals table has no column of its own for it. */
  created_on: string | null;
};

/** Required fields of a stage, as the deal's columns would fill them. */
const FILLED: Record<string, (d: DealRecord) => boolean> = {
  amount: (d) => d.amount !== null,
  expectedCloseOn: (d) => d.expected_close_on !== null,
  companyId: (d) => d.company_id !== null,
  productId: (d) => d.product_id !== null,
  contactId: () => false,
  lostReasonId: () => false,
};

/** Per job: the records rows may name, and the people the importer may give deals to. */
const cache = new WeakMap<RecordJob, { links: Links; base: string; units: Map<string, string | null>; allowed: Map<string, boolean> }>();

async function stateOf(tx: Executor, job: RecordJob) {
  let state = cache.get(job);
  if (!state) {
    const units = (
      await tx.execute<{ id: string; unit_id: string | null }>(
        sql`SELECT id, unit_id FROM app_user WHERE workspace_id = ${job.imp.workspaceId}`,
      )
    ).rows;
    state = {
      links: await loadLinks(tx, job.imp.workspaceId, job.actor),
      base: await baseCurrencyOf(tx, job.imp.workspaceId),
      units: new Map(units.map((u) => [u.id, u.unit_id])),
      allowed: new Map(),
    };
    cache.set(job, state);
  }
  return state;
}

/** Existing deals of the workspace with these titles (any letter case), the import's idempotency key. */
async function dealsTitled(tx: Executor, workspaceId: string, titles: string[]) {
  if (titles.length === 0) return new Map<string, string>();
  const rows = (
    await tx.execute<{ id: string; key: string }>(sql`
      SELECT DISTINCT ON (lower(title)) id, lower(title) AS key FROM deal
      WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND lower(title) = ANY(${sql.param(titles)}::text[])
      ORDER BY lower(title), created_at`)
  ).rows;
  return new Map(rows.map((r) => [r.key, r.id]));
}

const CODES: Record<
  Exclude<LinkField, 'source' | 'campaign'>,
  'unknown_product' | 'unknown_stage' | 'unknown_owner' | 'unknown_company'
> = {
  product: 'unknown_product',
  stage: 'unknown_stage',
  owner: 'unknown_owner',
  company: 'unknown_company',
};

/**
 * Deals: the title (or opportunity id) is the key: a title already in the workspace is that
 * deal, skipped or updated as the mapping says, never made twice. Product, stage, owner and
 * company are found by name or as the user mapped the value; an unknown one is reported (the
 * deal goes without it, to the importer, or for a stage is refused until mapped). A deal in a
 * stage whose required fields the file cannot give (a lost reason) is imported and reported.
 */
export const writeDeals: RecordWriter = async (tx, job, rows) => {
  const workspaceId = job.imp.workspaceId;
  const state = await stateOf(tx, job);
  const firstStage = state.links.stage.find((s) => s.kind === 'open') ?? state.links.stage[0];
  const titles = rows.map((row) => problemsOf(job.mapping, row).cells.get('title').slice(0, 300).toLowerCase()).filter(Boolean);
  const existing = await dealsTitled(tx, workspaceId, [...new Set(titles)]);
  const seen = new Map<string, { id: string; line: number }>();
  const results: RowResult[] = [];
  const creates: DealRecord[] = [];
  const updates: DealRecord[] = [];
  for (const row of rows) {
    const p = problemsOf(job.mapping, row);
    if (row.cells.every((c) => c.trim() === '')) {
      results.push({
        line: row.line,
        outcome: 'skip',
        id: null,
        problems: [{ column: null, field: null, code: 'empty_row', value: null, stored: null }],
      });
      continue;
    }
    const title = p.cells.get('title').slice(0, 300);
    if (!title) p.add('title', 'required_missing', null, null, true);
    const link = <T extends Target>(field: keyof typeof CODES, targets: T[]): T | null => {
      const written = p.cells.get(field);
      if (!written) return null;
      const found = resolve(targets, field, job.mapping, written);
      if (found.how === 'chosen') p.add(field, 'value_corrected', written, found.target.name);
      if (found.how === 'empty') p.add(field, CODES[field], written);
      // Without a stage the deal has nowhere to go: it waits for the user to map the value.
      if (found.how === 'unknown') p.add(field, CODES[field], written, null, field === 'stage');
      return found.target;
    };
    const product = link('product', state.links.product);
    const company = link('company', state.links.company);
    let owner = link('owner', state.links.owner);
    let stage: Stage | null | undefined = link('stage', state.links.stage);
    if (!stage && !p.fatal()) stage = firstStage;
    const amountText = p.cells.get('amount');
    const amount = amountText ? parseNumber(amountText) : null;
    if (amountText && (amount === null || Math.abs(amount) >= 1e12)) p.add('amount', 'invalid_number', amountText, null, true);
    const currencyText = p.cells.get('currency').toUpperCase();
    const currency = /^[A-Z]{3}$/.test(currencyText) ? currencyText : state.base;
    if (currencyText && currency !== currencyText) p.add('currency', 'unknown_value', currencyText, currency);
    const day = (field: 'engagedOn' | 'closeOn') => {
      const text = p.cells.get(field);
      const date = text ? parseDate(text) : null;
      if (text && !date) p.add(field, 'invalid_date', text);
      return date;
    };
    const engagedOn = day('engagedOn');
    const closeOn = day('closeOn');
    if (p.fatal() || !stage) {
      results.push({ line: row.line, outcome: 'reject', id: null, problems: p.list });
      continue;
    }
    const ownerId = owner?.id ?? job.actor.userId;
    if (!state.allowed.has(ownerId))
      state.allowed.set(ownerId, await dealPolicy.can(job.actor, 'create', { ownerId, unitId: state.units.get(ownerId) ?? null }));
    if (!state.allowed.get(ownerId)) {
      // Deals go to the importer when they may not give them to the person named in the file.
      if (owner) p.add('owner', 'unknown_owner', owner.name);
      owner = null;
    }
    const closed = stage.kind !== 'open';
    const record: DealRecord = {
      id: '',
      title,
      pipeline_id: stage.pipelineId,
      stage_id: stage.id,
      company_id: company?.id ?? null,
      owner_id: owner?.id ?? job.actor.userId,
      unit_id: state.units.get(owner?.id ?? job.actor.userId) ?? null,
      source: p.cells.get('source').slice(0, 120) || null,
      product_id: product?.id ?? null,
      amount: amount === null ? null : amount.toFixed(2),
      currency: amount === null ? null : currency,
      // A closed deal's expected close is the day it closed; its closed day falls back to its engage day.
      expected_close_on: closeOn,
      closed_on: closed ? (closeOn ?? engagedOn ?? new Date().toISOString().slice(0, 10)) : null,
      notes: p.cells.get('notes').slice(0, 20_000) || null,
      created_on: engagedOn,
    };
    const missing = stage.requiredFields.filter((f) => !FILLED[f]?.(record));
    // The report names the stage; which of its fields are missing reads in the problem's text (e.g. the lost reason).
    if (missing.length > 0) p.add('stage', 'stage_fields_missing', stage.name);
    const key = title.toLowerCase();
    const earlier = seen.get(key);
    const inBase = existing.get(key);
    if (earlier || inBase) {
      const id = (earlier?.id ?? inBase) as string;
      const line = earlier?.line ?? job.memory.lineOf(id);
      p.list.push({
        column: p.cells.column('title'),
        field: 'title',
        code: line === null ? 'duplicate_in_base' : 'duplicate_in_file',
        value: title,
        stored: null,
        ...(line === null ? {} : { repeatsLine: line }),
      });
      if (job.mapping.duplicates === 'update' && !earlier) {
        updates.push({ ...record, id });
        results.push({ line: row.line, outcome: 'update', id, problems: p.list });
      } else results.push({ line: row.line, outcome: 'skip', id, problems: p.list });
      continue;
    }
    record.id = job.memory.idOf(row.line);
    seen.set(key, { id: record.id, line: row.line });
    creates.push(record);
    results.push({ line: row.line, outcome: 'create', id: record.id, problems: p.list });
  }
  await insertDeals(tx, job, creates);
  await updateDeals(tx, job, updates);
  return results;
};

const RECORDSET = sql`id uuid, title text, pipeline_id uuid, stage_id uuid, company_id uuid, owner_id uuid, unit_id uuid,
  source text, product_id uuid, amount numeric, currency text, expected_close_on date, closed_on date, notes text, created_on date`;

/** New deals in one statement, each with its first stage change (the funnel's data), dated as the file says. */
async function insertDeals(tx: Executor, job: RecordJob, records: DealRecord[]) {
  if (records.length === 0) return;
  const ws = job.imp.workspaceId;
  const rateOn = sql`coalesce(x.closed_on, x.expected_close_on, x.created_on, CURRENT_DATE)`;
  await tx.execute(sql`
    INSERT INTO deal (workspace_id, id, title, pipeline_id, stage_id, company_id, owner_id, unit_id, source, product_id, amount, currency,
      amount_base, rate_on, expected_close_on, closed_on, notes, stage_entered_at, created_by_id, created_at, updated_at)
    SELECT ${ws}, x.id, x.title, x.pipeline_id, x.stage_id, x.company_id, x.owner_id, x.unit_id, x.source, x.product_id, x.amount, x.currency,
      ${baseAmountSql(sql`${ws}::uuid`, sql`x.amount`, sql`x.currency`, rateOn)}, ${rateOn}, x.expected_close_on, x.closed_on, x.notes,
      coalesce(x.closed_on, x.created_on, CURRENT_DATE)::timestamptz, ${job.actor.userId}, coalesce(x.created_on::timestamptz, now()), now()
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(${RECORDSET})`);
  await tx.execute(sql`
    INSERT INTO deal_stage_change (workspace_id, deal_id, from_stage_id, to_stage_id, changed_at, changed_by_id)
    SELECT ${ws}, x.id, NULL, x.stage_id, coalesce(x.closed_on, x.created_on, CURRENT_DATE)::timestamptz, ${job.actor.userId}
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(${RECORDSET})`);
}

/** Deals already there take the file's values where it has them; a move to another stage is kept in its stage history. */
async function updateDeals(tx: Executor, job: RecordJob, records: DealRecord[]) {
  if (records.length === 0) return;
  const ws = job.imp.workspaceId;
  await tx.execute(sql`
    INSERT INTO deal_stage_change (workspace_id, deal_id, from_stage_id, to_stage_id, changed_by_id)
    SELECT ${ws}, d.id, d.stage_id, x.stage_id, ${job.actor.userId}
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(${RECORDSET})
    JOIN deal d ON d.workspace_id = ${ws} AND d.id = x.id AND d.stage_id <> x.stage_id`);
  const rateOn = sql`coalesce(x.closed_on, coalesce(x.expected_close_on, d.expected_close_on), d.created_at::date)`;
  await tx.execute(sql`
    UPDATE deal d SET
      pipeline_id = x.pipeline_id, stage_id = x.stage_id,
      stage_entered_at = CASE WHEN d.stage_id <> x.stage_id THEN now() ELSE d.stage_entered_at END,
      company_id = coalesce(x.company_id, d.company_id), owner_id = x.owner_id, unit_id = x.unit_id,
      source = coalesce(x.source, d.source), product_id = coalesce(x.product_id, d.product_id),
      amount = coalesce(x.amount, d.amount), currency = coalesce(x.currency, d.currency),
      expected_close_on = coalesce(x.expected_close_on, d.expected_close_on), closed_on = x.closed_on,
      notes = coalesce(x.notes, d.notes), rate_on = ${rateOn},
      amount_base = ${baseAmountSql(sql`${ws}::uuid`, sql`coalesce(x.amount, d.amount)`, sql`coalesce(x.currency, d.currency)`, rateOn)},
      updated_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(${RECORDSET})
    WHERE d.workspace_id = ${ws} AND d.id = x.id`);
}
