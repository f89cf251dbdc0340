import { createHash } from 'node:crypto';
import type { TCustomEntity } from '@clientela/contract';
import { and, asc, eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { customFields } from './custom-fields.table.ts';
import type { Definition } from './custom-values.ts';

/** The custom fields of one kind of record as read at one moment, and their version then. */
export type VersionedDefinitions = { definitions: Definition[]; version: string };

/**
 * The version of a workspace's custom fields of one kind of record, as stored when the statement
 * runs: a digest of each definition's id and row version (xmin). Any insert, update or delete of a
 * definition changes it, whoever makes it (an admin through any server process, an import adding
 * options, a hand-written UPDATE), so a write can check that the definitions it was validated
 * against are still the ones in force, in the same statement.
 */
export function definitionsVersion(workspaceId: string | Placeholder, entity: TCustomEntity): SQL<string> {
  return sql<string>`(SELECT md5(coalesce(string_agg(d.id::text || ':' || d.xmin::text, ',' ORDER BY d.id), ''))
    FROM ${customFields} d WHERE d.workspace_id = ${workspaceId} AND d.entity = ${entity})`;
}

/** The version of a kind of record that has no custom fields (the digest of nothing). */
const NO_DEFINITIONS = createHash('md5').update('').digest('hex');

/** The custom fields of one kind of record in display order, with their version read in the same statement. */
export async function readDefinitions(db: Database, workspaceId: string, entity: TCustomEntity): Promise<VersionedDefinitions> {
  const rows = await db
    .select({ definition: customFields, version: definitionsVersion(workspaceId, entity) })
    .from(customFields)
    .where(and(eq(customFields.workspaceId, workspaceId), eq(customFields.entity, entity)))
    .orderBy(asc(customFields.position), asc(customFields.label));
  return { definitions: rows.map((row) => row.definition), version: rows[0]?.version ?? NO_DEFINITIONS };
}

const MAX_WORKSPACES = 10_000;
type WorkspaceDefinitions = Map<TCustomEntity, VersionedDefinitions>;
const caches = new WeakMap<Database, Map<string, WorkspaceDefinitions>>();

function cacheOf(db: Database): Map<string, WorkspaceDefinitions> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The custom fields as this process last read them, read now if it never did. They may be out of
 * date (another process may have changed them since): a write that relies on them must check
 * their version in its own statement (see definitionsVersion), and on a mismatch read them
 * again with `freshDefinitions`.
 */
export async function cachedDefinitions(db: Database, workspaceId: string, entity: TCustomEntity): Promise<VersionedDefinitions> {
  return cacheOf(db).get(workspaceId)?.get(entity) ?? freshDefinitions(db, workspaceId, entity);
}

/** Reads the custom fields from the database and keeps them for `cachedDefinitions`. */
export async function freshDefinitions(db: Database, workspaceId: string, entity: TCustomEntity): Promise<VersionedDefinitions> {
  const read = await readDefinitions(db, workspaceId, entity);
  const cache = cacheOf(db);
  let workspace = cache.get(workspaceId);
  if (!workspace) {
    if (cache.size >= MAX_WORKSPACES) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    workspace = new Map();
    cache.set(workspaceId, workspace);
  }
  workspace.set(entity, read);
  return read;
}

/** Drops what this process keeps of a workspace's custom fields, after changing them itself. */
export function forgetDefinitions(db: Database, workspaceId: string): void {
  caches.get(db)?.delete(workspaceId);
}
