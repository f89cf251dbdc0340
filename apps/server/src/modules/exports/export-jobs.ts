import type { TCreateExportInput, TExportJob } from '@clientela/contract';
import { ZCreateExportInput } from '@clientela/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { actorOfUser } from '../auth/actor.ts';
import { assertMayExport } from '../authz/index.ts';
import { users } from '../users/index.ts';
import { checkExport, exportRecords } from './exports.service.ts';
import { dataExports } from './exports.table.ts';

export const EXPORT_JOB = 'export';

type ExportRow = typeof dataExports.$inferSelect;

function present(row: ExportRow & { size?: number | null }): TExportJob {
  return {
    id: row.id,
    resource: row.resource,
    format: row.format,
    status: row.status,
    total: row.total,
    processed: row.processed,
    fileName: row.fileName,
    size: row.size ?? null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Export jobs are their author's: the file holds what the author may read. */
async function findOwn(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({
      workspaceId: dataExports.workspaceId,
      id: dataExports.id,
      createdBy: dataExports.createdBy,
      resource: dataExports.resource,
      format: dataExports.format,
      columns: dataExports.columns,
      query: dataExports.query,
      status: dataExports.status,
      total: dataExports.total,
      processed: dataExports.processed,
      fileName: dataExports.fileName,
      content: sql<null>`NULL`,
      error: dataExports.error,
      createdAt: dataExports.createdAt,
      finishedAt: dataExports.finishedAt,
      size: sql<number | null>`octet_length(${dataExports.content})`,
    })
    .from(dataExports)
    .where(and(eq(dataExports.workspaceId, ctx.actor.workspaceId), eq(dataExports.id, id), eq(dataExports.createdBy, ctx.actor.userId)));
  if (!row) throw notFound('export');
  return row;
}

/** Starts an export job; the format, columns and list query are checked now (a bad one is a 400 and no job). */
export async function createExportJob(ctx: Ctx, raw: TCreateExportInput): Promise<TExportJob> {
  const input = ZCreateExportInput.parse(raw);
  await checkExport(ctx, { ...input, columns: input.columns });
  const [row] = await ctx.db
    .insert(dataExports)
    .values({
      workspaceId: ctx.actor.workspaceId,
      createdBy: ctx.actor.userId,
      resource: input.resource,
      format: input.format,
      columns: input.columns ?? null,
      query: input.query,
    })
    .returning();
  if (!row) throw new Error('export insert returned nothing');
  return present(row);
}

export async function getExportJob(ctx: Ctx, id: string): Promise<TExportJob> {
  return present(await findOwn(ctx, id));
}

/** The finished file of an export job. */
export async function exportJobFile(ctx: Ctx, id: string) {
  const row = await findOwn(ctx, id);
  // The right to export may have been taken away since the job was started.
  assertMayExport(ctx.actor, row.resource === 'products' ? 'sales' : row.resource);
  if (row.status !== 'done') throw notFound('export file');
  const [file] = await ctx.db
    .select({ content: dataExports.content })
    .from(dataExports)
    .where(and(eq(dataExports.workspaceId, ctx.actor.workspaceId), eq(dataExports.id, id)));
  const contentType = {
    csv: 'text/csv; charset=utf-8',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    vcf: 'text/vcard; charset=utf-8',
  }[row.format];
  return { fileName: row.fileName ?? `export.${row.format}`, contentType, content: file?.content ?? Buffer.alloc(0) };
}

/**
 * Writes an export job's file: the same export as the download, as its author, with the count
 * of written records kept up to date. Run again after a crash, it starts the file over.
 */
export async function runExportJob(db: Database, workspaceId: string, id: string): Promise<void> {
  const where = and(eq(dataExports.workspaceId, workspaceId), eq(dataExports.id, id));
  const [row] = await db.select().from(dataExports).where(where);
  if (!row || row.status === 'done' || row.status === 'failed') return;
  const actor = await actorOfUser(db, workspaceId, row.createdBy);
  const [author] = await db
    .select({ locale: users.locale, timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, row.createdBy)));
  if (!actor || !author) {
    await db.update(dataExports).set({ status: 'failed', error: 'author_inactive', finishedAt: sql`now()` }).where(where);
    return;
  }
  await db.update(dataExports).set({ status: 'running', processed: 0 }).where(where);
  try {
    const file = await exportRecords(
      { db, actor },
      {
        resource: row.resource,
        format: row.format,
        columns: row.columns ?? undefined,
        query: row.query,
        locale: author.locale,
        timeZone: author.timeZone,
        onProgress: async (written, total) => {
          await db.update(dataExports).set({ processed: written, total }).where(where);
        },
      },
    );
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    await db
      .update(dataExports)
      .set({ status: 'done', content: Buffer.concat(chunks), fileName: file.filename, finishedAt: sql`now()` })
      .where(where);
  } catch (error) {
    await db
      .update(dataExports)
      .set({ status: 'failed', error: error instanceof Error ? error.message.slice(0, 500) : 'failed', finishedAt: sql`now()` })
      .where(where);
  }
}
