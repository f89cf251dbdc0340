import { afterAll, expect, it } from 'vitest';
import { get, makeBakery, post, useTestApp } from '../../test/harness.ts';
import { startSmtpCapture } from '../../test/smtp-capture.ts';

const smtp = await startSmtpCapture();
const { received } = smtp;
afterAll(() => smtp.close());

const t = useTestApp({
  jobs: { pollingIntervalSeconds: 0.5 },
  mail: smtp.mailSettings('Bakery Rossi <news@bakery.test>'),
  publicUrl: 'https://crm.example.test',
});

it('queueing a mailing starts the durable sending job, which sends it and marks it done', async () => {
  const { owner } = await makeBakery(t);
  const emails = ['ugo', 'vera', 'zeno'].map((name) => `${name}.${Date.now()}@example.test`);
  for (const [index, value] of emails.entries()) {
    const contact = await post(owner, '/api/v1/contacts', { firstName: `Person ${index}`, city: 'Torino', emails: [{ label: '', value }] });
    await t.pool.query(`UPDATE contact SET marketing_consent = 'granted' WHERE id = $1`, [contact.id]);
  }
  const template = await post(owner, '/api/v1/templates', {
    name: 'Hello',
    versions: {
      en: {
        subject: 'Hello {{first_name}}',
        mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{name}}</mj-text></mj-column></mj-section></mj-body></mjml>',
      },
    },
  });
  const view = await post(owner, '/api/v1/views', { entity: 'contact', name: 'Torino', query: { 'filter[city]': 'Torino' } });
  const mailing = await post(owner, '/api/v1/mailings', { name: 'Hello Torino', templateId: template.id, viewId: view.id });
  const queued = await owner.request({ method: 'POST', url: `/api/v1/mailings/${mailing.id}/queue` });
  expect(queued.json()).toMatchObject({ status: 'queued', total: 3 });
  // The job runs on its own: wait for it to settle, however long the machine takes.
  let status = 'queued';
  while (status !== 'done') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    status = (await get(owner, `/api/v1/mailings/${mailing.id}`)).status;
  }
  const done = await get(owner, `/api/v1/mailings/${mailing.id}`);
  expect(done.counts.sent).toBe(3);
  expect(done.startedAt).not.toBeNull();
  expect(done.finishedAt).not.toBeNull();
  const to = received.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address).sort();
  expect(to).toEqual([...emails].sort());
});
