import type { TCreateWorkspaceInput } from '@clientela/contract';
import { eq, sql } from 'drizzle-orm';
import slugify from 'slugify';
import type { Database, Transaction } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from './workspaces.table.ts';

// Any number: it names the lock taken while the first workspace is created.
const SETUP_LOCK = 7_311_421;

/** True until the first workspace exists: the web app then shows "create your workspace". */
export async function needsSetup(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: workspaces.id }).from(workspaces).limit(1);
  return row === undefined;
}

/**
 * Creates the first workspace and its admin. Refused once a workspace exists, so nobody can
 * take over an installation by calling it later; a lock stops two first visitors racing.
 */
export async function createFirstWorkspace(db: Database, input: TCreateWorkspaceInput) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
    const [existing] = await tx.select({ id: workspaces.id }).from(workspaces).limit(1);
    if (existing) throw new AppError('setup_already_done', 'This installation already has a workspace; sign in instead');
    return insertWorkspaceWithAdmin(tx, input, passwordHash);
  });
}

/** Creates another workspace with its admin (used by tests; later by sign-up). */
export async function createWorkspace(db: Database, input: TCreateWorkspaceInput) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => insertWorkspaceWithAdmin(tx, input, passwordHash));
}

async function insertWorkspaceWithAdmin(tx: Transaction, input: TCreateWorkspaceInput, passwordHash: string) {
  const [workspace] = await tx
    .insert(workspaces)
    .values({
      name: input.workspaceName,
      slug: await freeSlug(tx, input.workspaceName),
      // A first guess from the founder's language; an admin changes it until amounts are recorded.
      baseCurrency: input.locale === 'ru' ? 'RUB' : 'EUR',
    })
    .returning();
  if (!workspace) throw new Error('workspace insert returned nothing');
  const [admin] = await tx
    .insert(users)
    .values({
      workspaceId: workspace.id,
      email: input.email,
      name: input.name,
      passwordHash,
      role: 'admin',
      locale: input.locale,
      timeZone: input.timeZone,
    })
    .returning();
  if (!admin) throw new Error('user insert returned nothing');
  return { workspace, admin };
}

/** A URL-safe short name for the workspace, made unique with a counter. */
async function freeSlug(tx: Transaction, name: string): Promise<string> {
  const base = slugify(name, { lower: true, strict: true }).slice(0, 40).replace(/-+$/, '') || 'workspace';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const [taken] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug)).limit(1);
    if (!taken) return slug;
  }
}
