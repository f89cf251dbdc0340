import { WORKSPACE_LOGO_MAX_BYTES } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, signIn, useTestApp } from '../../test/harness.ts';
import { aJpeg, aPng } from './test-logos.ts';

const t = useTestApp();

const patch = (browser: Browser, payload: Record<string, unknown>) =>
  browser.request({ method: 'PATCH', url: '/api/v1/workspace', payload });

/** A logo sent as a browser sends a file: multipart, with the name and type the browser declares. */
async function putLogo(browser: Browser, file: { name: string; type: string; content: Buffer }) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
  const body = new Response(form);
  return browser.request({
    method: 'PUT',
    url: '/api/v1/workspace/logo',
    payload: Buffer.from(await body.arrayBuffer()),
    headers: { 'content-type': body.headers.get('content-type') as string },
  });
}

const LETTERHEAD = {
  legalName: 'Panificio Rossi S.r.l.',
  address: 'Via Roma 12\n00184 Roma',
  taxNumber: 'IT01234567890',
  phone: '+39 06 1234 5678',
  email: 'Ordini@Rossi.example',
  website: 'https://www.rossi.example',
};

describe('workspace letterhead', () => {
  it('keeps the letterhead an admin writes, refuses bad fields by name without writing anything, and lets nobody else change it', async () => {
    const { owner, managerA, employeeA } = await makeBakery(t);
    const before = await get(owner, '/api/v1/workspace');
    expect(before).toMatchObject({ legalName: null, address: null, email: null, website: null, hasLogo: false });

    const saved = await patch(owner, LETTERHEAD);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...LETTERHEAD, email: 'ordini@rossi.example', name: 'Bakery Rossi', hasLogo: false });
    // Everyone in the workspace reads it; only an admin changes it.
    expect(await get(employeeA.browser, '/api/v1/workspace')).toMatchObject({ legalName: 'Panificio Rossi S.r.l.' });
    const denied = await patch(managerA.browser, { legalName: 'Marta S.r.l.' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');

    // Each bad field is named; the good ones sent with them are not written either.
    const bad = await patch(owner, {
      legalName: 'x'.repeat(201),
      email: 'not an e-mail',
      website: 'javascript:alert(1)',
      phone: '+39 06 0000 0000',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().code).toBe('validation_failed');
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['email', 'legalName', 'website']);
    expect((await patch(owner, { website: 'www.rossi.example' })).json().errors).toEqual([
      { path: 'website', message: expect.any(String) },
    ]);
    expect((await patch(owner, { surname: 'Rossi' })).json().errors).toEqual([{ path: 'surname', message: 'Unknown field' }]);
    expect((await patch(owner, {})).statusCode).toBe(200);
    expect(await get(owner, '/api/v1/workspace')).toMatchObject({ ...LETTERHEAD, email: 'ordini@rossi.example' });

    // An emptied field means none; the fields left out stay as they were.
    expect((await patch(owner, { email: '', website: '  ', taxNumber: null })).json()).toMatchObject({
      legalName: 'Panificio Rossi S.r.l.',
      email: null,
      website: null,
      taxNumber: null,
      phone: '+39 06 1234 5678',
    });
  });

  it('takes a PNG or JPEG logo from an admin, told by its bytes, serves it to members only, and removes it', async () => {
    const { owner, managerA, employeeA } = await makeBakery(t);
    const png = aPng();
    const stored = await putLogo(owner, { name: 'logo.png', type: 'image/png', content: png });
    expect(stored.statusCode).toBe(200);
    expect(stored.json().hasLogo).toBe(true);

    const served = await employeeA.browser.request({ method: 'GET', url: '/api/v1/workspace/logo' });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(png)).toBe(true);

    // Refused, each with its own code, and the logo kept stays the same.
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64)]);
    const renamed = await putLogo(owner, { name: 'logo.png', type: 'image/png', content: gif });
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json()).toMatchObject({ code: 'unsupported_media_type', errors: [{ path: 'file' }] });
    const html = await putLogo(owner, { name: 'logo.jpg', type: 'image/jpeg', content: Buffer.from('<html><script>1</script></html>') });
    expect(html.json().code).toBe('unsupported_media_type');
    // A PNG's signature on a broken file is no PNG: every quote's PDF would fail on it.
    const broken = Buffer.concat([png.subarray(0, 40), Buffer.alloc(100, 7)]);
    expect((await putLogo(owner, { name: 'logo.png', type: 'image/png', content: broken })).json().code).toBe('unsupported_media_type');
    const huge = Buffer.concat([png, Buffer.alloc(WORKSPACE_LOGO_MAX_BYTES)]);
    const oversize = await putLogo(owner, { name: 'logo.png', type: 'image/png', content: huge });
    expect(oversize.statusCode).toBe(413);
    expect(oversize.json().code).toBe('payload_too_large');
    const byManager = await putLogo(managerA.browser, { name: 'mine.png', type: 'image/png', content: aPng(8, 8) });
    expect(byManager.statusCode).toBe(403);
    expect((await managerA.browser.request({ method: 'DELETE', url: '/api/v1/workspace/logo' })).statusCode).toBe(403);
    const still = await owner.request({ method: 'GET', url: '/api/v1/workspace/logo' });
    expect(still.rawPayload.equals(png)).toBe(true);

    // A JPEG declared as something else is still a JPEG.
    const jpeg = aJpeg();
    expect((await putLogo(owner, { name: 'logo.bin', type: 'application/octet-stream', content: jpeg })).statusCode).toBe(200);
    expect((await owner.request({ method: 'GET', url: '/api/v1/workspace/logo' })).headers['content-type']).toBe('image/jpeg');

    // Another workspace never sees it.
    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    expect((await stranger.request({ method: 'GET', url: '/api/v1/workspace/logo' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/workspace/logo' })).statusCode).toBe(401);

    expect((await owner.request({ method: 'DELETE', url: '/api/v1/workspace/logo' })).statusCode).toBe(204);
    expect((await get(owner, '/api/v1/workspace')).hasLogo).toBe(false);
    const gone = await employeeA.browser.request({ method: 'GET', url: '/api/v1/workspace/logo' });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('not_found');
  });
});
