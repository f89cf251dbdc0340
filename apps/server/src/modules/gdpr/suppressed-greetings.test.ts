import type { TSurvey } from '@clientela/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { type Browser, makeBakery, post, useTestApp } from '../../test/harness.ts';
import { startSmtpCapture } from '../../test/smtp-capture.ts';
import { birthdayJob } from '../mailings/birthdays.ts';
import { surveyInviteJob } from '../surveys/invite-job.ts';

/** A real SMTP server on loopback that keeps what it receives. */
const smtp = await startSmtpCapture();
const { received } = smtp;
afterAll(() => smtp.close());
const mail = smtp.mailSettings('Bakery Rossi <news@bakery.test>');
const PUBLIC_URL = 'https://crm.example.test';

const t = useTestApp({ mail, publicUrl: PUBLIC_URL });

const mailsTo = (address: string) => received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address);

/**
 * A contact erased on request (their address goes to the suppression list), then typed in anew on
 * another contact, beside a second contact who may be mailed; both agreed to marketing mail.
 */
async function erasedAndRetyped(owner: Browser, tag: string, extra: Record<string, unknown> = {}) {
  const erased = `erased.${tag}@example.test`;
  const kept = `kept.${tag}@example.test`;
  const person = await post(owner, '/api/v1/contacts', { firstName: 'Elsa', lastName: 'Gone', emails: [{ label: '', value: erased }] });
  const erase = await owner.request({
    method: 'POST',
    url: `/api/v1/gdpr/contacts/${person.id}/erase`,
    payload: { reason: 'Asked to be forgotten', confirm: person.name },
  });
  expect(erase.statusCode, erase.body).toBe(200);
  const retyped = await post(owner, '/api/v1/contacts', {
    firstName: 'Elsa',
    lastName: 'Again',
    emails: [{ label: '', value: erased.toUpperCase() }],
    ...extra,
  });
  const other = await post(owner, '/api/v1/contacts', {
    firstName: 'Nina',
    lastName: 'Kept',
    emails: [{ label: '', value: kept }],
    ...extra,
  });
  await t.pool.query(`UPDATE contact SET marketing_consent = 'granted' WHERE id = ANY($1::uuid[])`, [[retyped.id, other.id]]);
  return { erased, kept, retyped, other };
}

describe('an erased person’s address', () => {
  it('gets no birthday greeting, even typed in anew on another contact', async () => {
    const { owner } = await makeBakery(t);
    const people = await erasedAndRetyped(owner, 'birthday', { birthday: '1980-06-10' });
    const template = await post(owner, '/api/v1/templates', {
      name: 'Birthday',
      purpose: 'birthday',
      versions: {
        en: {
          subject: 'Happy birthday, {{first_name}}!',
          mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>All the best, {{first_name}}.</mj-text></mj-column></mj-section></mj-body></mjml>',
        },
      },
    });
    const saved = await owner.request({
      method: 'PUT',
      url: '/api/v1/marketing/birthdays',
      payload: { enabled: true, action: 'email', templateId: template.id },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await birthdayJob(t.db, mail, PUBLIC_URL, { now: () => new Date('2027-06-10T07:00:00Z') })({}, () => false);
    expect(mailsTo(people.kept)).toHaveLength(1);
    expect(mailsTo(people.erased)).toHaveLength(0);
    const { rows } = await t.pool.query('SELECT contact_id, status FROM birthday_greeting WHERE contact_id = ANY($1::uuid[])', [
      [people.retyped.id, people.other.id],
    ]);
    expect(Object.fromEntries(rows.map((row) => [row.contact_id, row.status]))).toEqual({
      [people.retyped.id]: 'skipped_no_consent',
      [people.other.id]: 'done',
    });
  });

  it('gets no survey invitation, even typed in anew on another contact', async () => {
    const { owner } = await makeBakery(t);
    const people = await erasedAndRetyped(owner, 'survey');
    const survey: TSurvey = await post(owner, '/api/v1/surveys', {
      name: 'Autumn service',
      title: { en: 'How did we do?' },
      questions: [{ id: 'nps', type: 'nps', required: true, text: { en: 'Would you recommend us?' } }],
    });
    for (const person of [people.retyped, people.other]) {
      await t.pool.query(
        `INSERT INTO survey_invitation (workspace_id, survey_id, contact_id, language, email)
         SELECT workspace_id, $1, id, 'en', $3 FROM contact WHERE id = $2`,
        [survey.id, person.id, person.emails[0].value],
      );
    }
    await t.pool.query(`UPDATE survey SET status = 'open' WHERE id = $1`, [survey.id]);
    const workspaceId = owner.session.user.workspace.id;
    await surveyInviteJob(t.db, mail, PUBLIC_URL)({ workspaceId, surveyId: survey.id }, () => false);
    expect(mailsTo(people.kept)).toHaveLength(1);
    expect(mailsTo(people.erased)).toHaveLength(0);
    const { rows } = await t.pool.query('SELECT contact_id, status FROM survey_invitation WHERE survey_id = $1', [survey.id]);
    expect(Object.fromEntries(rows.map((row) => [row.contact_id, row.status]))).toEqual({
      [people.retyped.id]: 'skipped_no_email',
      [people.other.id]: 'sent',
    });
  });
});
