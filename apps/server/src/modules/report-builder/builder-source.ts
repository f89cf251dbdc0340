import type { TBuilderDimension, TBuilderEntity, TBuilderFilters } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { visibleActivity } from '../activities/activities.service.ts';
import { dimension } from '../analysis/sales-report.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';
import { readableDeals } from '../deals/index.ts';
import { salesOrders } from '../sales/index.ts';
import { salesPolicy } from '../sales/sales.policy.ts';

const none = sql``;

/** The period of a timestamp column in the reader's zone: local midnight of `from` up to the one after `to`. */
function instantPeriod(column: SQL, filters: TBuilderFilters, zone: string): SQL {
  return sql`${filters.from ? sql`AND ${column} >= (${filters.from}::date::timestamp AT TIME ZONE ${zone})` : none}
    ${filters.to ? sql`AND ${column} < ((${filters.to}::date + 1)::timestamp AT TIME ZONE ${zone})` : none}`;
}

function dayPeriod(column: SQL, filters: TBuilderFilters): SQL {
  return sql`${filters.from ? sql`AND ${column} >= ${filters.from}::date` : none}
    ${filters.to ? sql`AND ${column} <= ${filters.to}::date` : none}`;
}

const equal = (column: SQL, value: string | undefined, cast = '') =>
  value === undefined ? none : sql`AND ${column} = ${value}${sql.raw(cast)}`;

const anyOf = (column: SQL, values: readonly string[] | undefined) =>
  values === undefined
    ? none
    : sql`AND ${column} IN (${sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      )})`;

/**
 * The records of an entity the reader may see, narrowed by the filters, as rows the groupings read:
 * `on_day` is the record's main day (created, ordered, occurred; in the reader's zone), `amount`
 * its base-currency value where it has one, and the columns each grouping needs.
 */
export async function builderSource(ctx: Ctx, entity: TBuilderEntity, filters: TBuilderFilters, zone: string): Promise<SQL> {
  const ws = ctx.actor.workspaceId;
  const ownerAndUnit = (table: string, owner = 'owner_id') =>
    sql`${equal(sql.raw(`${table}.${owner}`), filters.ownerId, '::uuid')} ${equal(sql.raw(`${table}.unit_id`), filters.unitId, '::uuid')}`;
  switch (entity) {
    case 'deals': {
      const period =
        filters.dateField === 'closed' ? dayPeriod(sql`deal.closed_on`, filters) : instantPeriod(sql`deal.created_at`, filters, zone);
      return sql`SELECT deal.id, deal.workspace_id, (deal.created_at AT TIME ZONE ${zone})::date AS on_day, deal.closed_on,
          deal.amount_base AS amount, deal.owner_id, deal.unit_id, deal.product_id, deal.company_id, st.kind AS status,
          deal.stage_id, nullif(btrim(deal.source), '') AS source, deal.lost_reason_id
        FROM deal JOIN pipeline_stage st ON st.workspace_id = deal.workspace_id AND st.id = deal.stage_id
        WHERE ${await readableDeals(ctx)} ${period} ${ownerAndUnit('deal')}
          ${anyOf(sql`st.kind`, filters.status)} ${equal(sql`deal.stage_id`, filters.stageId, '::uuid')}
          ${equal(sql`deal.product_id`, filters.productId, '::uuid')}`;
    }
    case 'companies':
    case 'contacts': {
      const table = entity === 'companies' ? 'company' : 'contact';
      const readable =
        entity === 'companies'
          ? await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId })
          : await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId });
      const t = (column: string) => sql.raw(`${table}.${column}`);
      return sql`SELECT ${t('id')}, ${t('workspace_id')}, (${t('created_at')} AT TIME ZONE ${zone})::date AS on_day,
          NULL::numeric AS amount, ${t('owner_id')}, ${t('unit_id')}, ${entity === 'companies' ? t('id') : sql`NULL::uuid`} AS company_id,
          ${t('status')}, ${t('class')}, nullif(btrim(${t('region')}), '') AS region, nullif(btrim(${t('city')}), '') AS city,
          nullif(btrim(${t('lead_source')}), '') AS lead_source
        FROM ${sql.raw(table)}
        WHERE ${t('workspace_id')} = ${ws} AND ${t('deleted_at')} IS NULL AND ${readable}
          ${instantPeriod(t('created_at'), filters, zone)} ${ownerAndUnit(table)}
          ${anyOf(t('status'), filters.status)} ${anyOf(t('class'), filters.class)}`;
    }
    case 'activities':
      return sql`SELECT activity.id, activity.workspace_id, (activity.occurred_at AT TIME ZONE ${zone})::date AS on_day,
          NULL::numeric AS amount, activity.author_id AS owner_id, activity.unit_id, activity.type, activity.outcome
        FROM activity
        WHERE activity.workspace_id = ${ws} AND ${await visibleActivity(ctx)}
          ${instantPeriod(sql`activity.occurred_at`, filters, zone)} ${ownerAndUnit('activity', 'author_id')}
          ${anyOf(sql`activity.type`, filters.type)}`;
    case 'orders': {
      const readable = await salesPolicy.filter(ctx.actor, 'read', { owner: salesOrders.ownerId, unit: salesOrders.unitId });
      return sql`SELECT sales_order.id, sales_order.workspace_id, sales_order.ordered_on AS on_day, sales_order.total_base AS amount,
          sales_order.owner_id, sales_order.unit_id, sales_order.company_id, sales_order.status
        FROM sales_order
        WHERE sales_order.workspace_id = ${ws} AND ${readable} ${dayPeriod(sql`sales_order.ordered_on`, filters)}
          ${ownerAndUnit('sales_order')} ${anyOf(sql`sales_order.status`, filters.status)}`;
    }
  }
}

type Dimension = { key: SQL; label: SQL; join: SQL };

const text = (column: string): Dimension => ({ key: sql.raw(`s.${column}`), label: sql.raw(`s.${column}`), join: none });

const closePeriod = (format: string): Dimension => {
  const key = sql.raw(`to_char(s.closed_on, '${format}')`);
  return { key, label: key, join: none };
};

const named = (column: string, table: string, alias: string): Dimension => ({
  key: sql.raw(`s.${column}::text`),
  label: sql.raw(`${alias}.name`),
  join: sql.raw(`LEFT JOIN ${table} ${alias} ON ${alias}.workspace_id = s.workspace_id AND ${alias}.id = s.${column}`),
});

/**
 * A grouping's key and label over the builder's source `s`, and the join that names it: the sales
 * report's own where they mean the same, the builder's where they are new.
 */
export function builderDimension(entity: TBuilderEntity, grouping: TBuilderDimension, alias: string): Dimension {
  switch (grouping) {
    case 'createdMonth':
    case 'month':
      return dimension('month', alias);
    case 'createdQuarter':
    case 'quarter':
      return dimension('quarter', alias);
    case 'createdYear':
    case 'year':
      return dimension('year', alias);
    case 'closeMonth':
      return closePeriod('YYYY-MM');
    case 'closeQuarter':
      return closePeriod('YYYY-"Q"Q');
    case 'closeYear':
      return closePeriod('YYYY');
    case 'owner':
    case 'unit':
    case 'product':
    case 'company':
    case 'status':
    case 'class':
      return dimension(grouping, alias);
    case 'region':
      // Deals and orders by their customer's region; companies and contacts by their own.
      return entity === 'companies' || entity === 'contacts' ? text('region') : dimension('region', alias);
    case 'stage':
      return named('stage_id', 'pipeline_stage', alias);
    case 'lostReason':
      return named('lost_reason_id', 'lost_reason', alias);
    case 'source':
      return text('source');
    case 'leadSource':
      return text('lead_source');
    case 'city':
      return text('city');
    case 'type':
      return text('type');
    case 'outcome':
      return text('outcome');
  }
}
