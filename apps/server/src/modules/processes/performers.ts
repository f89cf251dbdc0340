import { randomUUID } from 'node:crypto';
import { PERFORMER_KINDS, type TPerformerKind } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { standInFor } from '../absences/index.ts';
import { membersOf, notify, notifySql } from '../notifications/index.ts';
import type { RecordData } from './record-data.ts';
import type { ProcessRecord } from './step-context.ts';

/**
 * Who a user step goes to: a person, or a unit's queue; `unitId` is the unit whose managers look after it.
 * `away`, when read with the person: who stands in for them today (null when they are here).
 */
export type Performer = { assigneeId: string | null; queueUnitId: string | null; unitId: string | null; away?: StandIn | null };

type PerformerInput = {
  workspaceId: string;
  kind: string | null;
  id: string | null;
  record: RecordData | null;
  /** Who started the instance, else who made the process: the last resort of `owner`. */
  fallbackUserId: string | null;
  known?: KnownUsers;
};

/**
 * People already read in the step's transaction (with what run needs), by id: null when no such
 * person. Look-ups of others go to the database. `away`, when read: who stands in for them today
 * (null when they are here).
 */
export type KnownUsers = ReadonlyMap<string, { unitId: string | null; active: boolean; away?: StandIn | null } | null>;

/** An absent person and the active deputy who stands in for them today. */
type StandIn = { absent: { id: string; name: string }; deputy: { id: string; name: string; unitId: string | null } };

/**
 * For a person `u` (an `app_user` row of the caller's statement), who stands in for them today as
 * standInFor() decides it, as JSON `{ id, name, unit_id }` (null when they are here): read with them.
 */
export const standInSql = sql`(SELECT json_build_object('id', d.id, 'name', d.name, 'unit_id', d.unit_id) FROM absence a
    JOIN app_user d ON d.workspace_id = a.workspace_id AND d.id = a.deputy_id AND d.active
    WHERE a.workspace_id = u.workspace_id AND a.user_id = u.id AND a.ends_on >= current_date - 1
      AND a.starts_on <= (now() AT TIME ZONE u.time_zone)::date AND a.ends_on >= (now() AT TIME ZONE u.time_zone)::date
    LIMIT 1)`;

const isKind = (kind: string | null): kind is TPerformerKind => PERFORMER_KINDS.includes(kind as TPerformerKind);

async function activeUser(db: Executor, workspaceId: string, id: string | null, known?: KnownUsers): Promise<Performer | null> {
  if (!id) return null;
  const hit = known?.get(id);
  if (hit !== undefined) return hit?.active ? { assigneeId: id, queueUnitId: null, unitId: hit.unitId } : null;
  const { rows } = await db.execute<{ id: string; unit_id: string | null }>(
    sql`SELECT id, unit_id FROM app_user WHERE workspace_id = ${workspaceId} AND id::text = ${id} AND active`,
  );
  const [row] = rows;
  return row ? { assigneeId: row.id, queueUnitId: null, unitId: row.unit_id } : null;
}

/** The active person of a role with the fewest open tasks, in `unitId` first, else anywhere in the workspace (one row). */
const leastBusySql = (workspaceId: string, role: string, unitId: string | null) => sql`
    SELECT u.id, u.unit_id FROM app_user u
    WHERE u.workspace_id = ${workspaceId} AND u.active AND u.role = ${role}
    ORDER BY (u.unit_id IS NOT DISTINCT FROM ${unitId}::uuid) DESC,
      (SELECT count(*) FROM task t WHERE t.workspace_id = u.workspace_id AND t.assignee_id = u.id
        AND t.status NOT IN ('done', 'confirmed', 'declined')),
      u.created_at, u.id
    LIMIT 1`;

async function leastBusy(db: Executor, workspaceId: string, role: string, unitId: string | null): Promise<Performer | null> {
  return performerOf(await db.execute<PerformerRow>(withStandIn(workspaceId, leastBusySql(workspaceId, role, unitId))));
}

type PerformerRow = { id: string; unit_id: string | null; name: string; away: { id: string; name: string; unit_id: string | null } | null };

/** The person `found` picks (a one-row statement of `id`), with who stands in for them today: the assignment needs both. */
const withStandIn = (workspaceId: string, found: SQL) =>
  sql`SELECT u.id, u.unit_id, u.name, ${standInSql} AS away FROM (${found}) found
    JOIN app_user u ON u.workspace_id = ${workspaceId} AND u.id = found.id`;

const performerOf = ({ rows: [row] }: { rows: PerformerRow[] }): Performer | null =>
  row
    ? {
        assigneeId: row.id,
        queueUnitId: null,
        unitId: row.unit_id,
        away: row.away
          ? { absent: { id: row.id, name: row.name }, deputy: { id: row.away.id, name: row.away.name, unitId: row.away.unit_id } }
          : null,
      }
    : null;

/**
 * A manager of the unit of `userId`, walking up the parent units (never the person themself); else,
 * or without `userId`, the least busy admin. One statement.
 */
async function managerOrAdmin(db: Executor, workspaceId: string, userId: string | null): Promise<Performer | null> {
  const manager = userId
    ? sql`(WITH RECURSIVE up AS (
      SELECT un.id, un.parent_id, 0 AS depth FROM unit un
      JOIN app_user o ON o.workspace_id = un.workspace_id AND o.unit_id = un.id
      WHERE un.workspace_id = ${workspaceId} AND o.id = ${userId}
      UNION ALL
      SELECT un.id, un.parent_id, up.depth + 1 FROM unit un JOIN up ON un.id = up.parent_id
      WHERE un.workspace_id = ${workspaceId} AND up.depth < 50
    )
    SELECT m.id, m.unit_id, 0 AS pick FROM up
    JOIN app_user m ON m.workspace_id = ${workspaceId} AND m.unit_id = up.id AND m.role = 'manager' AND m.active AND m.id <> ${userId}
    ORDER BY up.depth, m.created_at, m.id LIMIT 1) UNION ALL `
    : sql``;
  return performerOf(
    await db.execute<PerformerRow>(
      withStandIn(
        workspaceId,
        sql`SELECT id FROM (${manager}(SELECT admin.*, 1 AS pick FROM (${leastBusySql(workspaceId, 'admin', null)}) admin)) picked
        ORDER BY pick LIMIT 1`,
      ),
    ),
  );
}

async function unitOfOwner(db: Executor, workspaceId: string, record: RecordData | null, known?: KnownUsers): Promise<string | null> {
  if (!record?.ownerId) return record?.unitId ?? null;
  const owner = await activeUser(db, workspaceId, record.ownerId, known);
  return owner?.unitId ?? record.unitId;
}

/**
 * Decides who performs a user step: a named user; the least busy person of a role (in the record
 * owner's unit first); a unit's queue; the record's owner (else the starter); the owner's manager
 * (walking up the units, else an admin). Whatever cannot be resolved falls back to the starter,
 * then to the least busy admin, so a step never waits for nobody.
 */
export async function resolvePerformer(db: Executor, input: PerformerInput): Promise<Performer> {
  const { workspaceId, id, record, known } = input;
  const kind = isKind(input.kind) ? input.kind : null;
  let found: Performer | null = null;
  switch (kind) {
    case 'user':
      found = await activeUser(db, workspaceId, id, known);
      break;
    case 'role':
      if (id === 'admin' || id === 'manager' || id === 'employee')
        found = await leastBusy(db, workspaceId, id, await unitOfOwner(db, workspaceId, record, known));
      break;
    case 'unit': {
      const { rows } = await db.execute<{ id: string }>(
        sql`SELECT id FROM unit WHERE workspace_id = ${workspaceId} AND id::text = ${id ?? ''}`,
      );
      const unit = rows[0];
      if (unit) found = { assigneeId: null, queueUnitId: unit.id, unitId: unit.id };
      break;
    }
    case 'owner':
      found = await activeUser(db, workspaceId, record?.ownerId ?? null, known);
      break;
    case 'ownerManager': {
      const ownerId = record?.ownerId ?? input.fallbackUserId;
      found = await managerOrAdmin(db, workspaceId, ownerId);
      break;
    }
    case null:
      break;
  }
  return (
    found ??
    (await activeUser(db, workspaceId, input.fallbackUserId, known)) ??
    (await leastBusy(db, workspaceId, 'admin', null)) ??
    noOne()
  );
}

function noOne(): never {
  throw new Error('Nobody in the workspace can take the step');
}

/** Who sends a step's assignment: the starter, else the process's author, else an admin. */
export async function senderOf(db: Executor, workspaceId: string, candidates: (string | null)[], known?: KnownUsers): Promise<string> {
  for (const id of candidates) {
    if (!id) continue;
    const hit = known?.get(id);
    if (hit !== undefined) {
      if (hit) return id;
      continue;
    }
    const { rows } = await db.execute<{ id: string }>(
      sql`SELECT id FROM app_user WHERE workspace_id = ${workspaceId} AND id::text = ${id ?? ''}`,
    );
    if (rows[0]) return rows[0].id;
  }
  return (await leastBusy(db, workspaceId, 'admin', null))?.assigneeId ?? noOne();
}

/** A user step's assignment, prepared: its task's id, the WITH queries that write it, and its notice to send once they ran. */
export type PreparedAssignment = { taskId: string; sql: SQL; notify: (tx: Executor) => Promise<void> };

/**
 * Makes a user step an assignment, in the step's transaction: the task (to the performer, or their
 * deputy while they are away), its link to the record and the 'sent' event, as WITH queries named
 * `<name>_task`, `<name>_link`, `<name>_sent` (and `<name>_notice`, the assignee's notice) for the
 * caller's statement; a queue's notice to every member goes after that statement (it names the task).
 */
export async function prepareAssignment(
  tx: Executor,
  input: {
    workspaceId: string;
    title: string;
    description: string | null;
    dueAt: Date | null;
    senderId: string;
    performer: Performer;
    record: ProcessRecord | null;
    known?: KnownUsers;
    /** What the WITH queries' names start with: unique in the statement. */
    name: string;
  },
): Promise<PreparedAssignment> {
  const { workspaceId, performer, senderId, name } = input;
  let { assigneeId, unitId } = performer;
  // Who stands in for the assignee, when read already: with the performer, or with what the run read.
  const known = assigneeId ? (performer.away !== undefined ? performer.away : input.known?.get(assigneeId)?.away) : null;
  const redirected: StandIn | null = known !== undefined ? known : assigneeId ? await standInWithUnit(tx, workspaceId, assigneeId) : null;
  if (redirected) {
    assigneeId = redirected.deputy.id;
    unitId = redirected.deputy.unitId ?? unitId;
  }
  const taskId = randomUUID();
  const note = redirected ? `For ${redirected.absent.name}, who is away` : 'A step of a process';
  const task = sql.raw(`${name}_task`);
  const link = input.record
    ? sql`, ${sql.raw(`${name}_link`)} AS (INSERT INTO task_link (workspace_id, task_id, record_type, record_id)
        SELECT workspace_id, id, ${input.record.type}, ${input.record.id}::uuid FROM ${task} RETURNING 1)`
    : sql``;
  const statement = sql`${task} AS (
      INSERT INTO task (id, workspace_id, title, description, due_at, sender_id, assignee_id, queue_unit_id, unit_id)
      VALUES (${taskId}::uuid, ${workspaceId}::uuid, ${input.title}, ${input.description}, ${input.dueAt?.toISOString() ?? null}::timestamptz,
        ${senderId}::uuid, ${assigneeId}::uuid, ${performer.queueUnitId}::uuid, ${unitId}::uuid)
      RETURNING workspace_id, id
    )${link}, ${sql.raw(`${name}_sent`)} AS (INSERT INTO task_event (workspace_id, task_id, actor_id, from_status, to_status, note)
      SELECT workspace_id, id, ${senderId}::uuid, NULL, 'sent', ${note} FROM ${task} RETURNING 1)`;
  const notice = { taskId, title: input.title, actorId: senderId };
  // A person's notice is written by the same statement; a queue's members are looked up after it.
  const toPerson = redirected
    ? notifySql(workspaceId, [redirected.deputy.id], {
        kind: 'task_covered',
        ...notice,
        detail: { absent: redirected.absent.name, deputy: redirected.deputy.name },
      })
    : assigneeId
      ? notifySql(workspaceId, [assigneeId], { kind: 'task_assigned', ...notice })
      : null;
  const sendNotice = async (db: Executor) => {
    if (!redirected && !assigneeId && performer.queueUnitId)
      await notify(db, workspaceId, await membersOf(db, workspaceId, performer.queueUnitId, senderId), { kind: 'task_queued', ...notice });
  };
  return {
    taskId,
    sql: toPerson ? sql`${statement}, ${sql.raw(`${name}_notice`)} AS (${toPerson} RETURNING 1)` : statement,
    notify: sendNotice,
  };
}

/** standInFor() with the deputy's unit. */
async function standInWithUnit(db: Executor, workspaceId: string, userId: string): Promise<StandIn | null> {
  const found = await standInFor(db, workspaceId, userId);
  if (!found) return null;
  return {
    absent: found.absent,
    deputy: { ...found.deputy, unitId: (await activeUser(db, workspaceId, found.deputy.id))?.unitId ?? null },
  };
}

type CloseInput = { workspaceId: string; taskId: string; outcome: 'done' | 'cancelled'; actorId: string | null; note: string };

/**
 * Closes a step's assignment: done by the person who completed the step (who takes it when it
 * sat in a queue), or declined when the process moved on without it or was cancelled.
 */
export async function closeAssignment(tx: Executor, input: CloseInput): Promise<void> {
  await tx.execute(sql`WITH ${closeAssignmentSql(input)} SELECT 1`);
}

/**
 * closeAssignment() as data-modifying WITH queries (`closing_was`, `closing`, `closing_event`), to
 * put in the caller's statement: the task locked as it was, changed unless already closed, and
 * the change recorded.
 */
export function closeAssignmentSql(input: CloseInput): SQL {
  const { workspaceId, taskId, actorId } = input;
  const to = input.outcome === 'done' ? 'done' : 'declined';
  return sql`closing_was AS (
      SELECT workspace_id, id, status, assignee_id FROM task WHERE workspace_id = ${workspaceId} AND id = ${taskId} FOR UPDATE
    ), closing AS (
      UPDATE task t SET status = ${to},
        assignee_id = coalesce(w.assignee_id, ${input.outcome === 'done' ? actorId : null}::uuid),
        received_at = coalesce(t.received_at, now()),
        result = ${to === 'done' ? input.note : null}::text,
        decline_reason = ${to === 'declined' ? input.note : null}::text,
        updated_at = now()
      FROM closing_was w WHERE t.workspace_id = w.workspace_id AND t.id = w.id AND w.status NOT IN ('done', 'confirmed', 'declined')
      RETURNING t.workspace_id, t.id, w.status AS from_status
    ), closing_event AS (
      INSERT INTO task_event (workspace_id, task_id, actor_id, from_status, to_status, note)
      SELECT workspace_id, id, ${actorId}::uuid, from_status, ${to}, ${input.note} FROM closing RETURNING 1
    )`;
}
