import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { admin, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created.
// A file attached to a customer may be hostile: an SVG or an HTML page carrying a script. Whoever
// opens it in the browser must get a download, never a page that runs the script with their session.

const tag = Array.from({ length: 4 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');
const HOSTILE = {
  'price-list.svg': {
    type: 'image/svg+xml',
    body: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(\'svg onload\')"><script>alert(document.cookie)</script><circle r="40"/></svg>',
  },
  'menu.html': { type: 'text/html', body: '<html><body onload="alert(1)"><script>alert(document.cookie)</script>Menu</body></html>' },
};

test('attachments: an SVG or HTML file with a script is downloaded, never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  await page.goto('/login');
  await page.getByLabel('E-mail').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${admin.name}` })).toBeVisible();

  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  const company = await (await page.request.post('/api/v1/companies', { headers, data: { name: `Tipografia ${tag}` } })).json();

  for (const [name, file] of Object.entries(HOSTILE)) {
    const uploaded = await page.request.post('/api/v1/attachments', {
      headers,
      multipart: {
        entityType: 'company',
        entityId: company.id,
        file: { name, mimeType: file.type, buffer: Buffer.from(file.body) },
      },
    });
    expect(uploaded.status()).toBe(201);
    const { id } = await uploaded.json();

    // Opened as a link (a colleague clicks it), the browser saves the file.
    await page.goto(`/companies/${company.id}`);
    const download = page.waitForEvent('download');
    await page.evaluate((url) => {
      window.location.href = url;
    }, `/api/v1/attachments/${id}/file`);
    expect((await download).suggestedFilename()).toBe(name);
    expect(await (await download).path()).toBeTruthy();

    // Embedded in a frame, it is not rendered as a document either: the sandbox and the download
    // header leave nothing to run.
    await page.evaluate((url) => {
      const frame = document.createElement('iframe');
      frame.src = url;
      document.body.append(frame);
      const image = document.createElement('img');
      image.src = url;
      document.body.append(image);
    }, `/api/v1/attachments/${id}/file`);
    await page.waitForTimeout(500);
  }
  expect(dialogs).toEqual([]);
  await expect(page.getByRole('heading', { name: `Tipografia ${tag}` })).toBeVisible();
  await page.screenshot({ path: screenshot('attachment-downloaded.png') });
});
