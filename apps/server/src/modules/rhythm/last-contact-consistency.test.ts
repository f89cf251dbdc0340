import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { type Browser, makeBakery, post, useTestApp } from '../../test/harness.ts';
import type { Actor } from '../authz/index.ts';
import { users } from '../users/users.table.ts';
import { rhythmCompliance } from './compliance.ts';
import { refreshLastContacts } from './last-contact.ts';
import { notContacted } from './not-contacted.ts';

const t = useTestApp();

/**
 * Each customer's newest activity per kind, and its first planned one, computed from scratch from
 * the activity links as of the moment its kept row was refreshed, written independently of the
 * refresh: a company counts its own and its people's.
 */
async function fromScratch(workspaceId: string) {
  const result = await t.db.execute<Record<string, string | null>>(sql`
    WITH records AS (
      SELECT id AS customer_id, id AS entity_id FROM company WHERE workspace_id = ${workspaceId}
      UNION ALL SELECT company_id, contact_id FROM contact_company WHERE workspace_id = ${workspaceId}
      UNION ALL SELECT id, id FROM contact WHERE workspace_id = ${workspaceId}
    ), asof AS (
      SELECT r.customer_id, r.entity_id, coalesce(k.refreshed_at, now()) AS at FROM records r
      LEFT JOIN customer_last_contact k ON k.workspace_id = ${workspaceId} AND k.customer_id = r.customer_id
    )
    SELECT a.customer_id::text AS customer,
      max(l.occurred_at) FILTER (WHERE l.activity_type = 'call' AND l.occurred_at <= a.at)::text AS call,
      max(l.occurred_at) FILTER (WHERE l.activity_type = 'meeting' AND l.occurred_at <= a.at)::text AS meeting,
      max(l.occurred_at) FILTER (WHERE l.activity_type = 'visit' AND l.occurred_at <= a.at)::text AS visit,
      max(l.occurred_at) FILTER (WHERE l.activity_type = 'email' AND l.occurred_at <= a.at)::text AS email,
      max(l.occurred_at) FILTER (WHERE l.activity_type = 'note' AND l.occurred_at <= a.at)::text AS note,
      min(l.occurred_at) FILTER (WHERE l.occurred_at > a.at)::text AS next
    FROM asof a JOIN activity_link l ON l.workspace_id = ${workspaceId} AND l.entity_id = a.entity_id
    GROUP BY 1 ORDER BY 1`);
  return result.rows;
}

/** What the refresh kept, in the same shape (customers with no activity left out). */
async function kept(workspaceId: string) {
  const result = await t.db.execute<Record<string, string | null>>(sql`
    SELECT customer_id::text AS customer, call_at::text AS call, meeting_at::text AS meeting, visit_at::text AS visit,
      email_at::text AS email, note_at::text AS note, next_at::text AS next
    FROM customer_last_contact WHERE workspace_id = ${workspaceId}
      AND coalesce(call_at, meeting_at, visit_at, email_at, note_at, next_at) IS NOT NULL
    ORDER BY 1`);
  return result.rows;
}

async function ctxFor(browser: Browser): Promise<Ctx> {
  const [user] = await t.db.select().from(users).where(eq(users.id, browser.session.user.id));
  if (!user) throw new Error('no such user');
  const actor: Actor = {
    workspaceId: user.workspaceId,
    userId: user.id,
    name: user.name,
    role: user.role,
    unitId: user.unitId,
    unitTree: async () => new Set(),
  };
  return { db: t.db as Database, actor };
}

/** A small deterministic random sequence, so a failure can be replayed. */
function randomFrom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('kept newest activities per customer', () => {
  it('equal a from-scratch recomputation after a random mix of writes, and the reports answer the same from them', async () => {
    const { owner } = await makeBakery(t);
    const workspaceId = owner.session.user.workspace.id;
    const random = randomFrom(20261208);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
    const companies: string[] = [];
    const contacts: string[] = [];
    const activities: string[] = [];
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();

    for (let step = 0; step < 100; step++) {
      const roll = random();
      if (roll < 0.12 || companies.length < 2) {
        companies.push((await post(owner, '/api/v1/companies', { name: `Co ${step}`, class: pick(['A', 'B', 'C', null]) })).id);
      } else if (roll < 0.22 || contacts.length === 0) {
        const contact = await post(owner, '/api/v1/contacts', {
          firstName: 'P',
          lastName: `${step}`,
          ...(random() < 0.4 ? { class: pick(['A', 'B', 'C']) } : { companies: [{ companyId: pick(companies) }] }),
        });
        contacts.push(contact.id);
      } else if (roll < 0.65) {
        // Past activities, and some planned: a tenth within the next days.
        const onCompany = random() < 0.6;
        const a = await post(owner, '/api/v1/activities', {
          type: pick(['call', 'meeting', 'visit', 'email', 'note']),
          occurredAt: day(random() < 0.1 ? random() * 5 : -random() * 200),
          ...(onCompany ? { companyIds: [pick(companies)] } : { contactIds: [pick(contacts)] }),
        });
        activities.push(a.id);
      } else if (roll < 0.78 && activities.length) {
        await owner.request({
          method: 'PATCH',
          url: `/api/v1/activities/${pick(activities)}`,
          payload: random() < 0.5 ? { occurredAt: day(-random() * 300), type: pick(['call', 'note']) } : { companyIds: [pick(companies)] },
        });
      } else if (roll < 0.86 && activities.length) {
        const id = pick(activities);
        await owner.request({ method: 'DELETE', url: `/api/v1/activities/${id}` });
        activities.splice(activities.indexOf(id), 1);
      } else if (roll < 0.95) {
        // People move between companies: their activities count for the new one.
        await owner.request({
          method: 'PATCH',
          url: `/api/v1/contacts/${pick(contacts)}`,
          payload: { companies: random() < 0.3 ? [] : [{ companyId: pick(companies) }] },
        });
      } else if (random() < 0.5) {
        await refreshLastContacts(t.db);
      }
    }
    const plannedAt = day(2);
    await post(owner, '/api/v1/activities', { type: 'visit', occurredAt: plannedAt, companyIds: [companies[0]] });
    // The reports read the timelines for every customer marked since; after a refresh, the kept rows.
    const admin = await ctxFor(owner);
    const now = new Date();
    const before = [await notContacted(admin, { days: 30 }, now, 'Europe/Rome'), await rhythmCompliance(admin, {}, now, 'Europe/Rome')];
    expect(await refreshLastContacts(t.db)).toBeGreaterThan(0);
    const marks = await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM customer_last_contact_change`);
    expect(marks.rows[0]?.n).toBe(0);
    const counted = await kept(workspaceId);
    expect(counted.length).toBeGreaterThan(5);
    expect(counted.some((row) => row.next !== null)).toBe(true);
    expect(counted).toEqual(await fromScratch(workspaceId));
    const after = [await notContacted(admin, { days: 30 }, now, 'Europe/Rome'), await rhythmCompliance(admin, {}, now, 'Europe/Rome')];
    expect(after).toEqual(before);
    expect((before[0] as { total: number }).total).toBeGreaterThan(0);

    // A planned activity that has come counts at once, before any refresh; the refresh then keeps it.
    const later = new Date(new Date(plannedAt).getTime() + 60_000);
    const silent = await notContacted(admin, { days: 1 }, later, 'Europe/Rome');
    expect(silent.data.map((c) => c.id)).not.toContain(companies[0]);
    // A whole workspace removed takes its rows and marks with it.
    await t.db.execute(sql`DELETE FROM workspace WHERE id = ${workspaceId}`);
    expect(await kept(workspaceId)).toEqual([]);
  });
});
