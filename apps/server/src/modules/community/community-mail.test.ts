import type { ParsedMail } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBakery, post, useTestApp } from '../../test/harness.ts';
import { portalCustomer } from '../../test/portal-harness.ts';
import { startSmtpCapture } from '../../test/smtp-capture.ts';

/** A real SMTP server on loopback that keeps what it receives. */
const smtp = await startSmtpCapture();
const { received } = smtp;
afterAll(() => smtp.close());

const t = useTestApp({
  mail: smtp.mailSettings('Clientela <crm@example.test>'),
  publicUrl: 'https://crm.example.test',
});

describe('answer notices', () => {
  it('tells the asker by e-mail in their language, with the link to the question, and not the one who answers their own question', async () => {
    const { owner } = await makeBakery(t);
    const ws = owner.session.user.workspace.id;
    const slug = owner.session.user.workspace.slug;
    const company = await post(owner, '/api/v1/companies', { name: 'Aurora' });
    const contact = async (firstName: string, email: string) =>
      post(owner, '/api/v1/contacts', {
        firstName,
        lastName: 'Neri',
        companies: [{ companyId: company.id }],
        emails: [{ label: 'work', value: email }],
      });
    const alba = await portalCustomer(t, {
      workspaceId: ws,
      contactId: (await contact('Alba', 'alba@aurora.test')).id,
      email: 'alba@aurora.test',
      language: 'it',
    });
    const bruno = await portalCustomer(t, {
      workspaceId: ws,
      contactId: (await contact('Bruno', 'bruno@aurora.test')).id,
      email: 'bruno@aurora.test',
    });
    const question = (
      await alba.request({ method: 'POST', url: '/api/portal/community-questions', payload: { title: 'Farina di segale?' } })
    ).json();
    await alba.request({ method: 'POST', url: `/api/portal/community-questions/${question.id}/answers`, payload: { body: 'Self-answer' } });
    const answered = await bruno.request({
      method: 'POST',
      url: `/api/portal/community-questions/${question.id}/answers`,
      payload: { body: 'In a dry place.' },
    });
    expect(answered.statusCode).toBe(201);
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);
    const mail = received[0] as ParsedMail;
    expect(mail.subject).toBe('Nuova risposta alla tua domanda: Farina di segale?');
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('alba@aurora.test');
    expect(mail.text).toContain(`https://crm.example.test/portal/${slug}/community/${question.id}`);
    // A staff answer tells her too.
    await post(owner, `/api/v1/community-questions/${question.id}/answers`, { body: 'Yes, in a dry place.' });
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2);
  });
});
