import {
  type TCreateSavedReportInput,
  type TSavedReport,
  type TUpdateSavedReportInput,
  ZCreateSavedReportInput,
  ZReportDefinition,
  ZUpdateSavedReportInput,
} from '@clientela/contract';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { changeableBy, mayChangeShared, ownOrShared } from '../authz/index.ts';
import { users } from '../users/index.ts';
import { savedReports } from './report-builder.table.ts';

type Row = typeof savedReports.$inferSelect;

const visible = (ctx: Ctx) => ownOrShared(ctx.actor, savedReports);
const ownerJoin = and(eq(users.workspaceId, savedReports.workspaceId), eq(users.id, savedReports.ownerId));

function present(ctx: Ctx, row: Row, ownerName: string | null): TSavedReport {
  return {
    id: row.id,
    name: row.name,
    shared: row.shared,
    owner: ownerName === null ? null : { id: row.ownerId, name: ownerName },
    // Stored only after the same check, so it reads back as it was written.
    definition: ZReportDefinition.parse(row.definition),
    editable: mayChangeShared(ctx.actor, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The actor's reports first, then the shared ones, each by name. */
export async function listSavedReports(ctx: Ctx) {
  const rows = await ctx.db
    .select({ report: savedReports, ownerName: users.name })
    .from(savedReports)
    .leftJoin(users, ownerJoin)
    .where(visible(ctx))
    .orderBy(desc(sql`${savedReports.ownerId} = ${ctx.actor.userId}`), asc(savedReports.name), asc(savedReports.id));
  return { data: rows.map(({ report, ownerName }) => present(ctx, report, ownerName)), nextCursor: null, total: rows.length };
}

async function findVisible(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ report: savedReports, ownerName: users.name })
    .from(savedReports)
    .leftJoin(users, ownerJoin)
    .where(and(visible(ctx), eq(savedReports.id, id)));
  if (!row) throw notFound('report');
  return row;
}

/** A report just written, as its writer sees it (an admin who unshares another's report still gets the answer). */
async function presentWritten(ctx: Ctx, row: Row): Promise<TSavedReport> {
  const [owner] = await ctx.db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.workspaceId, row.workspaceId), eq(users.id, row.ownerId)));
  return present(ctx, row, owner?.name ?? null);
}

export async function getSavedReport(ctx: Ctx, id: string): Promise<TSavedReport> {
  const { report, ownerName } = await findVisible(ctx, id);
  return present(ctx, report, ownerName);
}

/** Keeps a definition under a name; anyone may save reports, and share them with the workspace. */
export async function createSavedReport(ctx: Ctx, raw: TCreateSavedReportInput): Promise<TSavedReport> {
  const input = ZCreateSavedReportInput.parse(raw);
  const [row] = await ctx.db
    .insert(savedReports)
    .values({
      workspaceId: ctx.actor.workspaceId,
      ownerId: ctx.actor.userId,
      name: input.name,
      shared: input.shared,
      definition: input.definition,
    })
    .returning();
  if (!row) throw new Error('saved report insert returned nothing');
  return presentWritten(ctx, row);
}

/** Renames, shares or redefines a report: its owner, or an admin for a shared one. */
export async function updateSavedReport(ctx: Ctx, id: string, raw: TUpdateSavedReportInput): Promise<TSavedReport> {
  const input = ZUpdateSavedReportInput.parse(raw);
  const { report } = await findVisible(ctx, id);
  if (!mayChangeShared(ctx.actor, report)) throw forbidden();
  // The right to change it is checked again in the write: it may have been unshared meanwhile.
  const [changed] = await ctx.db
    .update(savedReports)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.shared !== undefined ? { shared: input.shared } : {}),
      ...(input.definition !== undefined ? { definition: input.definition } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(changeableBy(ctx.actor, savedReports), eq(savedReports.id, id)))
    .returning();
  if (!changed) throw forbidden();
  return presentWritten(ctx, changed);
}

export async function deleteSavedReport(ctx: Ctx, id: string): Promise<void> {
  const { report } = await findVisible(ctx, id);
  if (!mayChangeShared(ctx.actor, report)) throw forbidden();
  const deleted = await ctx.db
    .delete(savedReports)
    .where(and(changeableBy(ctx.actor, savedReports), eq(savedReports.id, id)))
    .returning({ id: savedReports.id });
  if (deleted.length === 0) throw forbidden();
}
