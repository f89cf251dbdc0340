import type { Readable } from 'node:stream';
import type { TAttachable, TAttachment } from '@clientela/contract';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { readableCompanySql, readableContactSql, readableEntitySql } from '../activities/records.ts';
import { casePolicy } from '../cases/index.ts';
import { kbArticlePolicy } from '../kb/index.ts';
import { readableTaskSql } from '../tasks/present.ts';
import { users } from '../users/index.ts';
import { attachmentPolicy } from './attachments.policy.ts';
import { attachments } from './attachments.table.ts';
import { commit, discard, receive, remove, type Stored } from './storage.ts';

type AttachmentRow = typeof attachments.$inferSelect;

/**
 * SQL true when the actor may read the record a file is attached to: a company or contact they
 * may read; an activity they wrote or about such a record; an agreement or a contract whose
 * customer they may read; a task they take part in (see readableTaskSql). The one rule for listing, downloading and searching files.
 */
export async function readableParentSql(ctx: Ctx, entityType: SQL, entityId: SQL): Promise<SQL> {
  const ws = ctx.actor.workspaceId;
  const readable = (id: SQL) => readableEntitySql(ctx, id);
  return sql`(CASE ${entityType}
    WHEN 'company' THEN ${await readableCompanySql(ctx, entityId)}
    WHEN 'contact' THEN ${await readableContactSql(ctx, entityId)}
    WHEN 'activity' THEN EXISTS (SELECT 1 FROM activity a WHERE a.workspace_id = ${ws} AND a.id = ${entityId}
      AND (a.author_id = ${ctx.actor.userId} OR EXISTS (SELECT 1 FROM activity_link l
        WHERE l.workspace_id = a.workspace_id AND l.activity_id = a.id AND ${await readable(sql`l.entity_id`)})))
    WHEN 'agreement' THEN EXISTS (SELECT 1 FROM agreement g WHERE g.workspace_id = ${ws} AND g.id = ${entityId}
      AND g.deleted_at IS NULL
      AND (g.company_id IS NULL OR ${await readableCompanySql(ctx, sql`g.company_id`)})
      AND (g.contact_id IS NULL OR ${await readableContactSql(ctx, sql`g.contact_id`)}))
    WHEN 'contract' THEN EXISTS (SELECT 1 FROM contract k WHERE k.workspace_id = ${ws} AND k.id = ${entityId}
      AND k.deleted_at IS NULL AND ${await readableCompanySql(ctx, sql`k.company_id`)})
    WHEN 'task' THEN EXISTS (SELECT 1 FROM task WHERE task.workspace_id = ${ws} AND task.id = ${entityId}
      AND ${await readableTaskSql(ctx)})
    WHEN 'case' THEN EXISTS (SELECT 1 FROM support_case sc
      WHERE sc.workspace_id = ${ws} AND sc.id = ${entityId} AND sc.deleted_at IS NULL
        AND ${await casePolicy.filter(ctx.actor, 'read', { owner: sql`sc.owner_id`, unit: sql`sc.unit_id`, id: sql`sc.id` })})
    WHEN 'kb_article' THEN ${await kbArticlePolicy.can(ctx.actor, 'read')}::boolean AND EXISTS (SELECT 1 FROM kb_article ka
      WHERE ka.workspace_id = ${ws} AND ka.id = ${entityId} AND ka.deleted_at IS NULL)
    ELSE false END)`;
}

/**
 * Whether the actor may add or remove the files of a case (who may change it, or who registered
 * it) or of a knowledge-base article (who may change it: its author, managers, admins). Other
 * records' files follow the read rule and the uploader's (see deleteAttachment).
 */
async function parentWritable(ctx: Ctx, db: Executor, entityType: TAttachable, entityId: string): Promise<boolean> {
  const ws = ctx.actor.workspaceId;
  if (entityType === 'case') {
    const { rows } = await db.execute<{ owner_id: string | null; unit_id: string | null; created_by_id: string }>(
      sql`SELECT owner_id, unit_id, created_by_id FROM support_case WHERE workspace_id = ${ws} AND id = ${entityId}`,
    );
    const row = rows[0];
    if (!row) return false;
    return row.created_by_id === ctx.actor.userId || casePolicy.can(ctx.actor, 'update', { ownerId: row.owner_id, unitId: row.unit_id });
  }
  const { rows } = await db.execute<{ author_id: string }>(
    sql`SELECT author_id FROM kb_article WHERE workspace_id = ${ws} AND id = ${entityId}`,
  );
  const row = rows[0];
  return row ? kbArticlePolicy.can(ctx.actor, 'update', { ownerId: row.author_id }) : false;
}

/** Files of these records are added and removed by who may change the record. */
const WRITTEN_BY_EDITORS: ReadonlySet<TAttachable> = new Set(['case', 'kb_article']);

async function parentReadable(ctx: Ctx, db: Executor, entityType: TAttachable, entityId: string): Promise<boolean> {
  const result = await db.execute<{ ok: boolean }>(
    sql`SELECT ${await readableParentSql(ctx, sql`${entityType}::text`, sql`${entityId}::uuid`)} AS ok`,
  );
  return result.rows[0]?.ok === true;
}

async function present(db: Executor, rows: AttachmentRow[]): Promise<TAttachment[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.uploadedById ? [r.uploadedById] : [])))];
  const names =
    ids.length === 0
      ? []
      : await db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(
            and(
              eq(users.workspaceId, rows[0]?.workspaceId ?? ''),
              sql`${users.id} IN (${sql.join(
                ids.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`,
            ),
          );
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((row) => ({
    id: row.id,
    entityType: row.entityType,
    entityId: row.entityId,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    uploadedBy:
      row.uploadedById && nameOf.has(row.uploadedById) ? { id: row.uploadedById, name: nameOf.get(row.uploadedById) as string } : null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Programs and scripts are refused whatever they are called; everything else is kept as a file. */
const REFUSED_TYPES = new Set([
  'application/x-msdownload',
  'application/vnd.microsoft.portable-executable',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-executable',
  'application/x-msi',
  'application/x-ms-installer',
]);
const REFUSED_EXTENSIONS = /\.(exe|com|bat|cmd|scr|pif|msi|dll|vbs|vbe|js|jse|wsf|wsh|ps1|psm1|sh|jar|app|apk|lnk|hta|cpl|reg)$/i;

/**
 * The type a file is kept and served with: what its bytes say, else what the browser said, except
 * that a type shown in the browser (an image, a PDF) must be confirmed by the bytes.
 */
async function typeOf(head: Buffer, declared: string): Promise<string> {
  const found = await fileTypeFromBuffer(head);
  if (found) return found.mime;
  const type = declared.toLowerCase();
  return /^[\w.+-]+\/[\w.+-]+$/.test(type) && !INLINE_TYPES.has(type) ? type : 'application/octet-stream';
}

/** A file name safe to keep and show: no folders, no control characters, at most 200 characters. */
function cleanName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'file').slice(0, 200);
}

export type Upload = {
  entityType: TAttachable;
  entityId: string;
  fileName: string;
  declaredType: string;
  stream: Readable;
  /** True when the stream was cut at the size limit. */
  truncated: () => boolean;
};

/**
 * Stores a file for a record the actor may read. The bytes go to a temporary file first; only a
 * complete, allowed file is renamed into place, and only then is its row written.
 */
export async function uploadAttachment(ctx: Ctx, root: string, upload: Upload): Promise<TAttachment> {
  const workspaceId = ctx.actor.workspaceId;
  if (!(await parentReadable(ctx, ctx.db, upload.entityType, upload.entityId))) {
    upload.stream.resume();
    throw new AppError('validation_failed', 'No such record', { errors: [{ path: 'entityId', message: `No such ${upload.entityType}` }] });
  }
  if (WRITTEN_BY_EDITORS.has(upload.entityType) && !(await parentWritable(ctx, ctx.db, upload.entityType, upload.entityId))) {
    upload.stream.resume();
    throw forbidden(`Only who may change the ${upload.entityType.replace('_', ' ')} adds files to it`);
  }
  return storeAttachment(ctx.db, root, { workspaceId, uploadedById: ctx.actor.userId, unitId: ctx.actor.unitId }, upload);
}

/** Who uploads a file: a member of staff (with their unit) or a customer through the portal. */
export type Uploader = { workspaceId: string } & (
  | { uploadedById: string; unitId: string | null; uploadedByPortalUserId?: undefined }
  | { uploadedByPortalUserId: string; uploadedById?: undefined; unitId?: undefined }
);

/**
 * Keeps an uploaded file for a record the caller has authorised: size and type checks, then the
 * bytes and the row (see uploadAttachment). Used by the portal for a customer's files.
 */
export async function storeAttachment(db: Executor, root: string, uploader: Uploader, upload: Upload): Promise<TAttachment> {
  const workspaceId = uploader.workspaceId;
  const fileName = cleanName(upload.fileName);
  const stored: Stored = await receive(root, workspaceId, upload.stream);
  try {
    if (upload.truncated())
      throw new AppError('payload_too_large', 'The file is larger than allowed', { errors: [{ path: 'file', message: 'Too large' }] });
    if (stored.size === 0)
      throw new AppError('validation_failed', 'The file is empty', { errors: [{ path: 'file', message: 'Empty file' }] });
    const contentType = await typeOf(stored.head, upload.declaredType);
    if (REFUSED_TYPES.has(contentType) || REFUSED_EXTENSIONS.test(fileName)) {
      throw new AppError('unsupported_media_type', 'Programs and scripts cannot be attached', {
        errors: [{ path: 'file', message: `Not allowed: ${contentType}` }],
      });
    }
    const [row] = await db
      .insert(attachments)
      .values({
        workspaceId,
        entityType: upload.entityType,
        entityId: upload.entityId,
        fileName,
        contentType,
        size: stored.size,
        sha256: stored.sha256,
        uploadedById: uploader.uploadedById ?? null,
        uploadedByPortalUserId: uploader.uploadedByPortalUserId ?? null,
        unitId: uploader.unitId ?? null,
      })
      .returning();
    if (!row) throw new Error('attachment insert returned nothing');
    try {
      await commit(root, workspaceId, row.id, stored);
    } catch (error) {
      await db.delete(attachments).where(and(eq(attachments.workspaceId, workspaceId), eq(attachments.id, row.id)));
      throw error;
    }
    const [attachment] = await present(db, [row]);
    return attachment as TAttachment;
  } finally {
    await discard(stored);
  }
}

/** The files of a record the actor may read, newest first. */
export async function listAttachments(ctx: Ctx, entityType: TAttachable, entityId: string): Promise<{ data: TAttachment[] }> {
  if (!(await parentReadable(ctx, ctx.db, entityType, entityId))) throw notFound(entityType);
  const rows = await ctx.db
    .select()
    .from(attachments)
    .where(
      and(eq(attachments.workspaceId, ctx.actor.workspaceId), eq(attachments.entityId, entityId), eq(attachments.entityType, entityType)),
    )
    .orderBy(desc(attachments.createdAt), desc(attachments.id));
  return { data: await present(ctx.db, rows) };
}

/** One file whose record the actor may read; 404 for any other. */
export async function findReadableAttachment(ctx: Ctx, id: string): Promise<AttachmentRow> {
  const [row] = await ctx.db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.workspaceId, ctx.actor.workspaceId),
        eq(attachments.id, id),
        await readableParentSql(ctx, sql`${attachments.entityType}`, sql`${attachments.entityId}`),
      ),
    );
  if (!row) throw notFound('attachment');
  return row;
}

export async function deleteAttachment(ctx: Ctx, root: string, id: string): Promise<void> {
  const row = await findReadableAttachment(ctx, id);
  if (WRITTEN_BY_EDITORS.has(row.entityType)) {
    if (!(await parentWritable(ctx, ctx.db, row.entityType, row.entityId))) throw forbidden();
  } else await attachmentPolicy.authorize(ctx.actor, 'delete', { ownerId: row.uploadedById, unitId: row.unitId });
  await ctx.db.delete(attachments).where(and(eq(attachments.workspaceId, row.workspaceId), eq(attachments.id, row.id)));
  await remove(root, row.workspaceId, row.id);
}

/** Raster images and PDF open in the browser; every other type (SVG and HTML above all) downloads. */
export const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);
