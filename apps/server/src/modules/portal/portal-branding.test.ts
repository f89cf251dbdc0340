import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, useTestApp } from '../../test/harness.ts';
import { aPng } from '../workspaces/test-logos.ts';

const t = useTestApp();

const patch = (browser: Browser, payload: Record<string, unknown>) =>
  browser.request({ method: 'PATCH', url: '/api/v1/workspace', payload });

async function putLogo(browser: Browser, content: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type: 'image/png' }), 'logo.png');
  const body = new Response(form);
  return browser.request({
    method: 'PUT',
    url: '/api/v1/workspace/logo',
    payload: Buffer.from(await body.arrayBuffer()),
    headers: { 'content-type': body.headers.get('content-type') as string },
  });
}

describe('the portal look', () => {
  it('keeps the title and colour an admin sets, refuses a bad colour by name, and lets nobody else change them', async () => {
    const { owner, managerA } = await makeBakery(t);
    const saved = await patch(owner, { portalTitle: '  Rossi customer area ', portalColor: '#C0FFEE' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ portalTitle: 'Rossi customer area', portalColor: '#c0ffee' });

    for (const portalColor of ['red', '#12345', '#1234567', 'c0ffee']) {
      const bad = await patch(owner, { portalColor, portalTitle: 'Changed' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'portalColor' })]);
    }
    expect((await patch(managerA.browser, { portalColor: '#000000' })).statusCode).toBe(403);
    const now = (await owner.request({ method: 'GET', url: '/api/v1/workspace' })).json();
    expect(now).toMatchObject({ portalTitle: 'Rossi customer area', portalColor: '#c0ffee' });

    const cleared = await patch(owner, { portalTitle: '', portalColor: null });
    expect(cleared.json()).toMatchObject({ portalTitle: null, portalColor: null });
  });

  it('tells anyone the portal look of a workspace by its address, with its logo, and 404 for an unknown one', async () => {
    const { owner } = await makeBakery(t);
    const slug = owner.session.user.workspace.slug;
    const plain = await t.app.inject({ method: 'GET', url: `/api/portal/branding/${slug}` });
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).toEqual({ slug, name: 'Bakery Rossi', title: 'Bakery Rossi', color: null, hasLogo: false });
    expect((await t.app.inject({ method: 'GET', url: `/api/portal/branding/${slug}/logo` })).statusCode).toBe(404);

    await patch(owner, { portalTitle: 'Rossi customer area', portalColor: '#aa3300' });
    const png = aPng();
    expect((await putLogo(owner, png)).statusCode).toBe(200);
    // Anonymous, and even with a staff cookie: the branding is the same public answer.
    const branded = await t.app.inject({ method: 'GET', url: `/api/portal/branding/${slug.toUpperCase()}` });
    expect(branded.json()).toEqual({ slug, name: 'Bakery Rossi', title: 'Rossi customer area', color: '#aa3300', hasLogo: true });
    const logo = await t.app.inject({ method: 'GET', url: `/api/portal/branding/${slug}/logo`, headers: { cookie: owner.cookie } });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['cache-control']).toContain('public');
    expect(logo.rawPayload.equals(png)).toBe(true);

    for (const url of ['/api/portal/branding/no-such-bakery', '/api/portal/branding/no-such-bakery/logo']) {
      const missing = await t.app.inject({ method: 'GET', url });
      expect([missing.statusCode, missing.json().code]).toEqual([404, 'not_found']);
    }
  });
});
