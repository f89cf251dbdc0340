import { type Browser, expect, type Page, test } from '@playwright/test';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { admin } from './support.ts';

/** The SMTP server the Clientela server sends its mail to, keeping what it receives. */
export async function startSmtp(port: number) {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData: (stream, _session, callback) => {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${admin.name}` })).toBeVisible({ timeout: 45_000 });
}

/** Calls the API as the signed-in person of `page`, with the CSRF token. */
export async function apiAs(page: Page) {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  return async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, data?: Record<string, unknown>) => {
    const response = await page.request.fetch(url, { method, headers, ...(data ? { data } : {}) });
    expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
    return response.json();
  };
}

/** A page in a new browser context: nobody signed in, as a customer opening a link. */
export async function strangerPage(browser: Browser, viewport?: { width: number; height: number }): Promise<Page> {
  const use = test.info().project.use;
  const context = await browser.newContext({
    baseURL: use.baseURL,
    locale: use.locale,
    timezoneId: use.timezoneId,
    viewport: viewport ?? use.viewport,
    reducedMotion: use.reducedMotion,
  });
  return context.newPage();
}

/** The portal link (path and token) of the last mail sent to `address`, once it has arrived. */
export async function portalLinkMailedTo(received: ParsedMail[], address: string): Promise<string> {
  const mails = () => received.filter((mail) => JSON.stringify(mail.to ?? '').includes(address));
  await expect.poll(() => mails().length, { timeout: 30_000, message: `no mail reached ${address}` }).toBeGreaterThan(0);
  const text = mails().at(-1)?.text ?? '';
  const link = text.match(/\/portal\/link\/[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`no portal link in the mail to ${address}: ${text}`);
  return link;
}

/** Stored XSS payloads: each would set `window.__xss` (or open a dialog) if it ever ran. */
export const payloads = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  '<a href="javascript:alert(1)">click</a>',
] as const;

/** Collects every dialog a page opens (an alert from a payload would be one), dismissing it. */
export function watchDialogs(page: Page, dialogs: string[]) {
  page.on('dialog', (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

/** No payload ran on the page: nothing set `window.__xss`. */
export async function expectNoXss(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `script ran on ${page.url()}`).toBeUndefined();
}
