import { describe, expect, it } from 'vitest';
import { get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';
import { setConsent } from './consent.ts';

const t = useTestApp();

const consentOf = (browser: Parameters<typeof get>[0], id: string) => get(browser, `/api/v1/contacts/${id}/consent`);

/** A mailing with a queued, a sent and a queued recipient of another contact, written straight to the tables. */
async function queuedMailing(workspaceId: string, userId: string, contactId: string, otherId: string) {
  const versions = { en: { subject: 'News', mjml: '<mjml><mj-body></mj-body></mjml>' } };
  const template = await t.pool.query(
    `INSERT INTO mail_template (workspace_id, name, versions, created_by_id) VALUES ($1, 'News', $2, $3) RETURNING id`,
    [workspaceId, JSON.stringify(versions), userId],
  );
  const mailingIds: string[] = [];
  for (const status of ['queued', 'sent']) {
    const mailing = await t.pool.query(
      `INSERT INTO mailing (workspace_id, name, template_id, status, created_by_id) VALUES ($1, $2, $3, 'sending', $4) RETURNING id`,
      [workspaceId, `Spring ${status}`, template.rows[0].id, userId],
    );
    const mailingId = mailing.rows[0].id as string;
    mailingIds.push(mailingId);
    await t.pool.query(
      `INSERT INTO mailing_recipient (workspace_id, mailing_id, contact_id, email, status) VALUES ($1, $2, $3, 'a@example.test', $4), ($1, $2, $5, 'b@example.test', 'queued')`,
      [workspaceId, mailingId, contactId, status, otherId],
    );
  }
  return async () =>
    (
      await t.pool.query(
        `SELECT contact_id = $2 AS mine, status FROM mailing_recipient WHERE workspace_id = $1 AND mailing_id = ANY($3) ORDER BY mailing_id = $4 DESC, 1 DESC`,
        [workspaceId, contactId, mailingIds, mailingIds[0]],
      )
    ).rows.map((row) => `${row.mine ? 'mine' : 'other'}:${row.status}`);
}

describe('marketing consent', () => {
  it('is unknown at first, then granted and withdrawn, with who, where from and why, newest first', async () => {
    const { owner, employeeA } = await makeBakery(t);
    const giulia = await post(employeeA.browser, '/api/v1/contacts', { firstName: 'Giulia', lastName: 'Bianchi' });
    expect(await consentOf(employeeA.browser, giulia.id)).toEqual({
      contactId: giulia.id,
      state: null,
      at: null,
      source: null,
      emailBouncedAt: null,
      history: [],
    });

    const granted = await employeeA.browser.request({
      method: 'PUT',
      url: `/api/v1/contacts/${giulia.id}/consent`,
      payload: { state: 'granted', detail: 'Signed the form at the fair' },
    });
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({ state: 'granted', source: 'manual' });
    const withdrawn = await owner.request({
      method: 'PUT',
      url: `/api/v1/contacts/${giulia.id}/consent`,
      payload: { state: 'withdrawn', source: 'portal' },
    });
    expect(withdrawn.statusCode).toBe(200);

    const consent = await consentOf(employeeA.browser, giulia.id);
    expect(consent).toMatchObject({ state: 'withdrawn', source: 'portal' });
    expect(Date.parse(consent.at)).not.toBeNaN();
    expect(consent.history).toMatchObject([
      { state: 'withdrawn', source: 'portal', detail: null, actor: { id: owner.session.user.id, name: 'Anna Rossi' } },
      { state: 'granted', source: 'manual', detail: 'Signed the form at the fair', actor: { id: employeeA.user.id, name: 'Elio' } },
    ]);
    // The contact itself says so too.
    expect(await get(employeeA.browser, `/api/v1/contacts/${giulia.id}`)).toMatchObject({
      marketingConsent: 'withdrawn',
      consentSource: 'portal',
    });
  });

  it('is read and changed only by who may see the contact; other workspaces get 404 and bad input names the field', async () => {
    const { owner, employeeA, employeeB } = await makeBakery(t);
    const giulia = await post(employeeA.browser, '/api/v1/contacts', { firstName: 'Giulia', lastName: 'Bianchi' });
    const url = `/api/v1/contacts/${giulia.id}/consent`;
    expect((await employeeB.browser.request({ method: 'GET', url })).statusCode).toBe(404);
    const put = await employeeB.browser.request({ method: 'PUT', url, payload: { state: 'granted' } });
    expect(put.statusCode).toBe(404);
    const stranger = await signIn(t, (await makeWorkspace(t)).admin.email);
    expect((await stranger.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await stranger.request({ method: 'PUT', url, payload: { state: 'granted' } })).statusCode).toBe(404);

    const bad = await owner.request({ method: 'PUT', url, payload: { state: 'maybe', source: 'pigeon' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['source', 'state']);
    expect(await consentOf(owner, giulia.id)).toMatchObject({ state: null, history: [] });
  });

  it('takes a withdrawal at once: the contact’s queued mailing messages are skipped, sent ones and others stay', async () => {
    const { owner, employeeA } = await makeBakery(t);
    const giulia = await post(employeeA.browser, '/api/v1/contacts', { firstName: 'Giulia', lastName: 'Bianchi' });
    const marco = await post(employeeA.browser, '/api/v1/contacts', { firstName: 'Marco', lastName: 'Verdi' });
    const recipients = await queuedMailing(owner.session.user.workspace.id, owner.session.user.id, giulia.id, marco.id);
    expect(await recipients()).toEqual(['mine:queued', 'other:queued', 'mine:sent', 'other:queued']);

    await employeeA.browser.request({ method: 'PUT', url: `/api/v1/contacts/${giulia.id}/consent`, payload: { state: 'granted' } });
    expect(await recipients()).toEqual(['mine:queued', 'other:queued', 'mine:sent', 'other:queued']);
    await employeeA.browser.request({ method: 'PUT', url: `/api/v1/contacts/${giulia.id}/consent`, payload: { state: 'withdrawn' } });
    expect(await recipients()).toEqual(['mine:skipped_unsubscribed', 'other:queued', 'mine:sent', 'other:queued']);
  });

  it('is set for a selection, all or nothing, each record checked', async () => {
    const { owner, employeeA, employeeB } = await makeBakery(t);
    const mine = [
      await post(employeeA.browser, '/api/v1/contacts', { firstName: 'Giulia', lastName: 'Bianchi' }),
      await post(employeeA.browser, '/api/v1/contacts', { firstName: 'Marco', lastName: 'Verdi' }),
    ];
    const theirs = await post(employeeB.browser, '/api/v1/contacts', { firstName: 'Bea', lastName: 'Neri' });
    const ids = [...mine.map((c) => c.id), theirs.id];

    const refused = await employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/contacts/consent/bulk',
      payload: { contactIds: ids, state: 'granted' },
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().errors).toEqual([{ path: 'contactIds.2', message: 'No such contact' }]);
    for (const contact of mine) expect(await consentOf(employeeA.browser, contact.id)).toMatchObject({ state: null, history: [] });

    const tooMany = await owner.request({
      method: 'POST',
      url: '/api/v1/contacts/consent/bulk',
      payload: { contactIds: Array.from({ length: 1001 }, () => mine[0].id), state: 'granted' },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].path).toBe('contactIds');

    const done = await owner.request({
      method: 'POST',
      url: '/api/v1/contacts/consent/bulk',
      payload: { contactIds: ids, state: 'granted', source: 'import', detail: 'Fair 2026 list' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ updated: 3 });
    for (const id of ids) {
      expect(await consentOf(owner, id)).toMatchObject({
        state: 'granted',
        source: 'import',
        history: [{ state: 'granted', source: 'import', detail: 'Fair 2026 list', actor: { name: 'Anna Rossi' } }],
      });
    }
    // Already so, from the same source: nothing to change, nothing recorded.
    const again = await owner.request({
      method: 'POST',
      url: '/api/v1/contacts/consent/bulk',
      payload: { contactIds: ids, state: 'granted', source: 'import' },
    });
    expect(again.json()).toEqual({ updated: 0 });
  });

  it('is set by other modules through setConsent, recording no actor for a link', async () => {
    const { owner } = await makeBakery(t);
    const giulia = await post(owner, '/api/v1/contacts', { firstName: 'Giulia', lastName: 'Bianchi' });
    const workspaceId = owner.session.user.workspace.id;
    expect(await setConsent(t.db, workspaceId, giulia.id, 'withdrawn', 'unsubscribe_link', 'Spring news', null)).toBe(true);
    expect(await setConsent(t.db, workspaceId, giulia.id, 'withdrawn', 'unsubscribe_link', null, null)).toBe(false);
    expect(await consentOf(owner, giulia.id)).toMatchObject({
      state: 'withdrawn',
      source: 'unsubscribe_link',
      history: [{ state: 'withdrawn', source: 'unsubscribe_link', detail: 'Spring news', actor: null }],
    });
  });
});
