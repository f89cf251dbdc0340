import type { TLead } from '@clientela/contract';
import { type Browser, makeBakery, post, type TestApp } from '../../test/harness.ts';

/** A lead source and a campaign of a workspace, written straight to the tables (their own API is another module's). */
export async function sourceAndCampaign(t: TestApp, workspaceId: string, name = 'Exhibition') {
  const source = (
    await t.pool.query<{ id: string }>('INSERT INTO lead_source (workspace_id, name) VALUES ($1, $2) RETURNING id', [workspaceId, name])
  ).rows[0] as { id: string };
  const campaign = (
    await t.pool.query<{ id: string }>(
      `INSERT INTO campaign (workspace_id, name, kind, source_id) VALUES ($1, $2, 'exhibition', $3) RETURNING id`,
      [workspaceId, `${name} 2026`, source.id],
    )
  ).rows[0] as { id: string };
  return { source, campaign };
}

/** A bakery (see makeBakery) with a lead source and a campaign. */
export async function leadBakery(t: TestApp) {
  const bakery = await makeBakery(t);
  const workspaceId: string = bakery.owner.session.user.workspace.id;
  return { ...bakery, workspaceId, ...(await sourceAndCampaign(t, workspaceId)) };
}

export const newLead = (browser: Browser, values: Record<string, unknown> = {}): Promise<TLead> =>
  post(browser, '/api/v1/leads', { firstName: 'Giulia', lastName: 'Bianchi', companyName: 'Forno Bianchi', ...values });

/** How many rows of a table match. */
export const count = async (t: TestApp, table: string, where = 'true', params: unknown[] = []) =>
  Number((await t.pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)).rows[0].n);
