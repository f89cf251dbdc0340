import type { TRole } from '@clientela/contract';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { forbidden, notFound } from '../../http/errors.ts';
import { recordShares } from '../roles/record-shares.table.ts';
import type { RoleFieldRules, RolePermissions } from '../roles/roles.table.ts';

/**
 * How far a permission reaches: `own` records the actor owns, `unit_only` records of the
 * actor's own unit, `unit` records of the actor's unit and the units below it, `all` every
 * record of the workspace, `none` nothing.
 */
export type Scope = 'none' | 'own' | 'unit_only' | 'unit' | 'all';

/** Who is acting: resolved once per request from the session cookie or the API token. */
export type Actor = {
  workspaceId: string;
  userId: string;
  /** The user's display name (a record they create names them as its owner). */
  name: string;
  /** The built-in role; with a defined role (`roleId`), the one it starts from. */
  role: TRole;
  /** A role an admin defined, if the user holds one. */
  roleId?: string | null;
  /** The defined role's scopes per resource and action; where it says nothing, the built-in role's policy answers. */
  permissions?: RolePermissions;
  /** The defined role's hidden and read-only fields per entity. */
  fieldRules?: RoleFieldRules;
  unitId: string | null;
  /** The actor's unit and every unit below it; loaded on first use. */
  unitTree: () => Promise<ReadonlySet<string>>;
  /** The widest access a share gives the actor (or their unit) on a record; cached per request. Absent: no shares. */
  shareOf?: (resource: string, recordId: string) => Promise<ShareAccess | null>;
  /**
   * The resources of which some record is shared with the actor or their unit, read once per
   * signed-in actor. Absent: unknown, and lists ask for shared records of every resource.
   */
  sharedResources?: () => Promise<ReadonlySet<string>>;
};

/** What a share of a record grants: reading it, or reading and changing it. */
export type ShareAccess = 'read' | 'update';

/** What a policy needs to know about a record to decide; with `id`, a share of the record counts too. */
export type RecordRef = { id?: string; ownerId?: string | null; unitId?: string | null };

/** Shares widen only reading and changing a record, never delete, export, import or assign. */
function shareNeeds(action: string): ShareAccess | null {
  if (action === 'read') return 'read';
  if (action === 'update') return 'update';
  return null;
}

/** A module's policy: for each role and action, the scope it reaches. */
export type Policy<A extends string> = Record<TRole, Partial<Record<A, Scope>>>;

const policies = new Map<string, Policy<string>>();

/** Registers the policy of a resource; each module does it once, in its policy file. */
export function definePolicy<A extends string>(resource: string, policy: Policy<A>) {
  policies.set(resource, policy as Policy<string>);
  return {
    scope: (actor: Actor, action: A) => scopeOf(actor, resource, action),
    filter: (actor: Actor, action: A, columns: ShareColumns) => scopeFilter(actor, resource, action, columns),
    can: (actor: Actor, action: A, record?: RecordRef) => can(actor, resource, action, record),
    authorize: (actor: Actor, action: A, record?: RecordRef, visible = true) => authorize(actor, resource, action, record, visible),
  };
}

const OWNED_SCOPES: readonly Scope[] = ['none', 'own', 'unit_only', 'unit', 'all'];
const FLAT_SCOPES: readonly Scope[] = ['none', 'all'];

/**
 * Every registered resource with its actions and the scopes that make sense for them: where a
 * built-in role reaches only some records, the resource's records have owners and units, so
 * every scope applies; elsewhere it is all or nothing.
 */
export function policyCatalogue(): { resource: string; actions: { action: string; scopes: Scope[] }[] }[] {
  return [...policies.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([resource, policy]) => {
      const granted = Object.values(policy).flatMap((byAction) => Object.values(byAction));
      const owned = granted.some((scope) => scope === 'own' || scope === 'unit' || scope === 'unit_only');
      const actions = [...new Set(Object.values(policy).flatMap((byAction) => Object.keys(byAction)))];
      return { resource, actions: actions.map((action) => ({ action, scopes: [...(owned ? OWNED_SCOPES : FLAT_SCOPES)] })) };
    });
}

/** The actor's effective scope per registered resource and action, as the web app shows it. */
export function effectivePermissions(actor: Actor): Record<string, Record<string, Scope>> {
  const result: Record<string, Record<string, Scope>> = {};
  for (const { resource, actions } of policyCatalogue()) {
    result[resource] = Object.fromEntries(actions.map(({ action }) => [action, scopeOf(actor, resource, action)]));
  }
  return result;
}

/** The scope an actor's role reaches for an action on a resource. */
export function scopeOf(actor: Actor, resource: string, action: string): Scope {
  const policy = policies.get(resource);
  if (!policy) throw new Error(`No policy registered for ${resource}`);
  return actor.permissions?.[resource]?.[action] ?? policy[actor.role][action] ?? 'none';
}

/** Throws 403 where the actor's role exports nothing of a resource (every export path asks it first). */
export function assertMayExport(actor: Actor, resource: string): void {
  if (scopeOf(actor, resource, 'export') === 'none') throw forbidden('Your role may not export these records');
}

/** May this actor do this action on this record? The one place that answers it. */
export async function can(actor: Actor, resource: string, action: string, record?: RecordRef): Promise<boolean> {
  if (await roleReaches(actor, resource, action, record)) return true;
  const needs = shareNeeds(action);
  if (!needs || !record?.id || !actor.shareOf) return false;
  const access = await actor.shareOf(resource, record.id);
  return access === 'update' || access === needs;
}

async function roleReaches(actor: Actor, resource: string, action: string, record?: RecordRef): Promise<boolean> {
  const scope = scopeOf(actor, resource, action);
  switch (scope) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'own':
      return record === undefined || record.ownerId === actor.userId;
    case 'unit_only':
      if (record === undefined || record.ownerId === actor.userId) return true;
      return record.unitId != null && record.unitId === actor.unitId;
    case 'unit': {
      if (record === undefined || record.ownerId === actor.userId) return true;
      if (!record.unitId) return false;
      return (await actor.unitTree()).has(record.unitId);
    }
  }
}

/**
 * Throws unless the actor may act. A record the actor may not even see answers 404, so
 * that its existence does not leak; a visible one answers 403.
 */
export async function authorize(actor: Actor, resource: string, action: string, record?: RecordRef, visible = true): Promise<void> {
  if (await can(actor, resource, action, record)) return;
  throw visible ? forbidden() : notFound();
}

/** The columns a list filter reads: the record's owner and unit, and its id where shares count. */
export type ShareColumns = { owner: AnyColumn | SQL; unit: AnyColumn | SQL; id?: AnyColumn | SQL };

/**
 * The rows of a list an actor may see, as SQL: the same rule as `can`, for lists, search and
 * counts. `owner` and `unit` name the record's owner and unit; with `id`, the records shared
 * with the actor or their unit are added.
 */
export async function scopeFilter(actor: Actor, resource: string, action: string, columns: ShareColumns): Promise<SQL> {
  const reach = await roleFilter(actor, resource, action, columns);
  const needs = shareNeeds(action);
  if (!needs || !columns.id || scopeOf(actor, resource, action) === 'all') return reach;
  // Nothing shared with them: their own records alone, which an index on the owner (and the
  // name) reads in order, where an OR with shared ids made PostgreSQL walk everyone's names.
  if (actor.sharedResources && !(await actor.sharedResources()).has(resource)) return reach;
  const target = actor.unitId
    ? sql`(${recordShares.userId} = ${actor.userId}::uuid OR ${recordShares.unitId} = ${actor.unitId}::uuid)`
    : sql`${recordShares.userId} = ${actor.userId}::uuid`;
  const access = needs === 'update' ? sql` AND ${recordShares.access} = 'update'` : sql``;
  // `= ANY (ARRAY(...))`, not `IN (SELECT ...)`: the shared ids become one value PostgreSQL looks
  // up in the primary key, ORed with the owner and unit indexes, instead of a test of every row.
  return sql`(${reach} OR ${columns.id} = ANY (ARRAY(SELECT ${recordShares.recordId} FROM ${recordShares} WHERE ${recordShares.workspaceId} = ${actor.workspaceId}::uuid AND ${recordShares.entity} = ${resource} AND ${target}${access})))`;
}

async function roleFilter(actor: Actor, resource: string, action: string, columns: ShareColumns): Promise<SQL> {
  const scope = scopeOf(actor, resource, action);
  switch (scope) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'own':
      return sql`${columns.owner} = ${actor.userId}`;
    case 'unit_only':
      if (!actor.unitId) return sql`${columns.owner} = ${actor.userId}`;
      return sql`(${columns.owner} = ${actor.userId} OR ${columns.unit} = ${actor.unitId}::uuid)`;
    case 'unit': {
      const tree = [...(await actor.unitTree())];
      if (tree.length === 0) return sql`${columns.owner} = ${actor.userId}`;
      return sql`(${columns.owner} = ${actor.userId} OR ${columns.unit} IN (${sql.join(
        tree.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`;
    }
  }
}
