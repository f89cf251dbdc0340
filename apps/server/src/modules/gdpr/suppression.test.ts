import type { ParsedMail } from 'mailparser';
import { afterAll, expect, it } from 'vitest';
import { type Browser, get, makeBakery, post, useTestApp } from '../../test/harness.ts';
import { startSmtpCapture } from '../../test/smtp-capture.ts';

const smtp = await startSmtpCapture();
const { received } = smtp;
afterAll(() => smtp.close());

const t = useTestApp({
  jobs: { pollingIntervalSeconds: 0.5 },
  mail: smtp.mailSettings('Bakery Rossi <news@bakery.test>'),
  publicUrl: 'https://crm.example.test',
});

/** A contact of the city who agreed to marketing mail. */
async function subscriber(owner: Browser, firstName: string, city: string, email: string) {
  const contact = await post(owner, '/api/v1/contacts', { firstName, lastName: 'Test', city, emails: [{ label: '', value: email }] });
  await t.pool.query(`UPDATE contact SET marketing_consent = 'granted' WHERE id = $1`, [contact.id]);
  return contact;
}

/** Sends a mailing to the city's contacts through the durable job and waits until it is done. */
async function mailCity(owner: Browser, templateId: string, city: string) {
  const view = await post(owner, '/api/v1/views', { entity: 'contact', name: city, query: { 'filter[city]': city } });
  const mailing = await post(owner, '/api/v1/mailings', { name: `News for ${city}`, templateId, viewId: view.id });
  expect((await owner.request({ method: 'POST', url: `/api/v1/mailings/${mailing.id}/queue` })).statusCode).toBe(200);
  let status = 'queued';
  while (status !== 'done') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    status = (await get(owner, `/api/v1/mailings/${mailing.id}`)).status;
  }
  return mailing;
}

const recipientsOf = (mails: ParsedMail[]) => mails.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address).sort();

it('never mails an erased person again, even when their address is typed in anew on another contact', async () => {
  const { owner } = await makeBakery(t);
  const stamp = Date.now();
  const erasedAddress = `nora.${stamp}@example.test`;
  const keptAddress = `otto.${stamp}@example.test`;
  const template = await post(owner, '/api/v1/templates', {
    name: 'News',
    versions: {
      en: {
        subject: 'News for {{first_name}}',
        mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{name}}</mj-text></mj-column></mj-section></mj-body></mjml>',
      },
    },
  });
  const nora = await subscriber(owner, 'Nora', 'Asti', erasedAddress);
  const first = await mailCity(owner, template.id, 'Asti');
  expect(recipientsOf(received)).toEqual([erasedAddress]);

  const erased = await owner.request({
    method: 'POST',
    url: `/api/v1/gdpr/contacts/${nora.id}/erase`,
    payload: { reason: 'Asked to be forgotten', confirm: 'Nora Test' },
  });
  expect(erased.statusCode).toBe(200);
  // Her message keeps its status but no longer its address.
  const { rows: kept } = await t.pool.query('SELECT status, email FROM mailing_recipient WHERE mailing_id = $1', [first.id]);
  expect(kept).toEqual([{ status: 'sent', email: null }]);

  // Someone types her address in again, differently spelt, on a new contact who "agreed".
  const again = await subscriber(owner, 'Nora', 'Biella', erasedAddress.toUpperCase());
  await subscriber(owner, 'Otto', 'Biella', keptAddress);
  received.length = 0;
  const second = await mailCity(owner, template.id, 'Biella');
  expect(recipientsOf(received)).toEqual([keptAddress]);
  const { rows } = await t.pool.query('SELECT status FROM mailing_recipient WHERE mailing_id = $1 AND contact_id = $2', [
    second.id,
    again.id,
  ]);
  expect(rows).toEqual([{ status: 'skipped_unsubscribed' }]);
});
