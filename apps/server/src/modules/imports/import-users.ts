import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { headerKey } from './fields.ts';
import { problemsOf, type RecordWriter, type RowResult } from './record-rows.ts';

type Role = 'manager' | 'employee';
const ROLES: Record<string, Role> = {
  manager: 'manager',
  'sales manager': 'manager',
  менеджер: 'manager',
  руководитель: 'manager',
  responsabile: 'manager',
  employee: 'employee',
  agent: 'employee',
  'sales agent': 'employee',
  сотрудник: 'employee',
  агент: 'employee',
  dipendente: 'employee',
  agente: 'employee',
};
const ZEmail = z.email();

/** The fake, unique and non-routable address of a person imported without one (".invalid" can never be delivered). */
function fakeEmail(name: string, taken: Set<string>): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^\.+|\.+$/g, '')
      .slice(0, 60) || 'person';
  let email = `${slug}@import.invalid`;
  for (let n = 2; taken.has(email); n += 1) email = `${slug}.${n}@import.invalid`;
  return email;
}

type Person = { id: string; unitId: string | null; role: string };

/** What a people import reads once per chunk: the workspace's people by name and their e-mails, the units by name. */
async function loadPeople(tx: Executor, workspaceId: string) {
  const people = (
    await tx.execute<{ id: string; name: string; email: string; unit_id: string | null; role: string }>(
      sql`SELECT id, name, email, unit_id, role FROM app_user WHERE workspace_id = ${workspaceId}`,
    )
  ).rows;
  const units = (await tx.execute<{ id: string; name: string }>(sql`SELECT id, name FROM unit WHERE workspace_id = ${workspaceId}`)).rows;
  const byName = new Map<string, Person>();
  for (const p of people) byName.set(headerKey(p.name), { id: p.id, unitId: p.unit_id, role: p.role });
  return {
    byName,
    emails: new Set(people.map((p) => p.email.toLowerCase())),
    units: new Map(units.map((u) => [u.name.toLowerCase(), u.id])),
  };
}

/**
 * People and their units: each unit named is made when missing, each manager named becomes a
 * manager of that unit, and the row's person an employee (or the role written) there. Imported
 * people cannot sign in: they are inactive, with the hash of a random secret nobody keeps, and
 * without an e-mail in the file get a fake one under ".invalid"; an admin activates them and
 * sets a password. A person already in the workspace (same name) is never made twice.
 */
export const writeUsers: RecordWriter = async (tx, job, rows) => {
  const workspaceId = job.imp.workspaceId;
  const known = await loadPeople(tx, workspaceId);
  const unusable = await hashPassword(randomBytes(32).toString('base64'));
  const unitNamed = async (name: string) => {
    const key = name.toLowerCase();
    const found = known.units.get(key);
    if (found) return found;
    const id = (await tx.execute<{ id: string }>(sql`INSERT INTO unit (workspace_id, name) VALUES (${workspaceId}, ${name}) RETURNING id`))
      .rows[0]?.id;
    if (!id) throw new Error('unit insert returned nothing');
    known.units.set(key, id);
    return id;
  };
  const makePerson = async (id: string, name: string, email: string, role: Role, unitId: string | null) => {
    // They start in the importer's language and time zone, which an admin or they themselves change later.
    await tx.execute(sql`INSERT INTO app_user (workspace_id, id, email, name, password_hash, role, unit_id, active, locale, time_zone)
      SELECT ${workspaceId}, ${id}, ${email}, ${name}, ${unusable}, ${role}, ${unitId}, false, locale, time_zone
      FROM app_user WHERE workspace_id = ${workspaceId} AND id = ${job.actor.userId}`);
    known.emails.add(email);
    known.byName.set(headerKey(name), { id, unitId, role });
  };
  const results: RowResult[] = [];
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
    const name = p.cells.get('name').slice(0, 200);
    if (!name) p.add('name', 'required_missing', null, null, true);
    if (p.fatal()) {
      results.push({ line: row.line, outcome: 'reject', id: null, problems: p.list });
      continue;
    }
    const unitName = p.cells.get('unit').slice(0, 200);
    const unitId = unitName ? await unitNamed(unitName) : null;
    const managerName = p.cells.get('manager').slice(0, 200);
    if (managerName && !known.byName.has(headerKey(managerName))) {
      // Managers are made in the unit of the first row naming them, with an id derived from that row (seq 1).
      await makePerson(job.memory.idOf(row.line * 2 + 1), managerName, fakeEmail(managerName, known.emails), 'manager', unitId);
    }
    const roleText = p.cells.get('role');
    let role: Role = 'employee';
    if (roleText) {
      const written = ROLES[headerKey(roleText)];
      if (written) role = written;
      else p.add('role', 'unknown_value', roleText, role);
    }
    const written = p.cells.get('email').toLowerCase();
    let email: string | null = null;
    if (written && ZEmail.safeParse(written).success && !known.emails.has(written)) email = written;
    else if (written) p.add('email', ZEmail.safeParse(written).success ? 'duplicate_in_base' : 'invalid_email', written);
    const existing = known.byName.get(headerKey(name));
    if (existing) {
      const line = job.memory.lineOf(existing.id);
      p.list.push({
        column: null,
        field: null,
        code: line === null ? 'duplicate_in_base' : 'duplicate_in_file',
        value: null,
        stored: null,
        ...(line === null ? {} : { repeatsLine: Math.floor(line / 2) }),
      });
      // An admin is never moved by a file; others move to the unit the file names when asked to update.
      if (job.mapping.duplicates === 'update' && existing.role !== 'admin' && unitId && existing.unitId !== unitId) {
        await tx.execute(
          sql`UPDATE app_user SET unit_id = ${unitId}, updated_at = now() WHERE workspace_id = ${workspaceId} AND id = ${existing.id}`,
        );
        existing.unitId = unitId;
        results.push({ line: row.line, outcome: 'update', id: existing.id, problems: p.list });
      } else results.push({ line: row.line, outcome: 'skip', id: existing.id, problems: p.list });
      continue;
    }
    const id = job.memory.idOf(row.line * 2);
    await makePerson(id, name, email ?? fakeEmail(name, known.emails), role, unitId);
    results.push({ line: row.line, outcome: 'create', id, problems: p.list });
  }
  return results;
};
