import type { TSurvey } from '@clientela/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { type Browser, makeBakery, post, useTestApp } from '../../test/harness.ts';
import { startSmtpCapture } from '../../test/smtp-capture.ts';
import { setConsent } from '../mailings/index.ts';
import { surveyInviteJob } from './invite-job.ts';

const PUBLIC_URL = 'https://crm.example.test';

/** A real SMTP server on loopback that keeps what it receives; `rejectNext` turns the next recipients away for a while (451). */
let rejectNext = new Set<string>();
const smtp = await startSmtpCapture({ refuse: (address) => (rejectNext.delete(address) ? 451 : undefined) });
const { received } = smtp;
const mail = smtp.mailSettings('Bakery Rossi <crm@bakery.test>');
afterAll(() => smtp.close());

const t = useTestApp({
  jobs: { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 5, onError: (error) => console.error(error) },
  mail,
  publicUrl: PUBLIC_URL,
});

const SURVEY = {
  name: 'Autumn service',
  title: { en: 'How did we do?', it: 'Come siamo andati?' },
  questions: [{ id: 'nps', type: 'nps', required: true, text: { en: 'Would you recommend us?', it: 'Ci consiglierebbe?' } }],
};

let n = 0;
const contact = (browser: Browser, firstName: string, extra: Record<string, unknown> = {}) => {
  n += 1;
  return post(browser, '/api/v1/contacts', {
    firstName,
    lastName: 'Bianchi',
    emails: [{ label: 'work', value: `${firstName.toLowerCase()}.${n}@example.test` }],
    ...extra,
  });
};

/** Waits until the job has settled every invitation of the survey (none queued or being sent). */
async function settled(surveyId: string) {
  for (let round = 0; round < 300; round += 1) {
    const { rows } = await t.pool.query(
      `SELECT count(*)::int AS n FROM survey_invitation WHERE survey_id = $1 AND status IN ('queued', 'sending')`,
      [surveyId],
    );
    if (rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the invitations were not sent');
}

const invitations = async (surveyId: string) =>
  (
    await t.pool.query(
      `SELECT c.first_name, i.email, i.token, i.status, i.attempts, i.sent_at FROM survey_invitation i
       JOIN contact c ON c.id = i.contact_id WHERE i.survey_id = $1 ORDER BY c.first_name`,
      [surveyId],
    )
  ).rows;

const mailsTo = (address: string) => received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address);

describe('e-mailing survey invitations', () => {
  it('sends the built-in invitation in each contact’s language with their personal link', async () => {
    const { owner } = await makeBakery(t);
    const survey: TSurvey = await post(owner, '/api/v1/surveys', SURVEY);
    const giulia = await contact(owner, 'Giulia', { language: 'it' });
    const anna = await contact(owner, 'Anna');
    const mute = await post(owner, '/api/v1/contacts', { firstName: 'Nomail', lastName: 'Bianchi' });
    const sent = await owner.request({
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/send`,
      payload: { contactIds: [giulia.id, anna.id, mute.id] },
    });
    expect(sent.json()).toEqual({ invited: 3, alreadyInvited: 0, skipped: 0 });
    await settled(survey.id);

    const [annaRow, giuliaRow, muteRow] = await invitations(survey.id);
    expect([annaRow?.status, giuliaRow?.status, muteRow?.status]).toEqual(['sent', 'sent', 'skipped_no_email']);
    const [italian] = mailsTo(giuliaRow?.email);
    expect(italian?.subject).toBe('Qualche domanda: Come siamo andati?');
    expect(italian?.text).toContain('Gentile Giulia,');
    expect(italian?.text).toContain(`${PUBLIC_URL}/s/${giuliaRow?.token}`);
    expect(italian?.html).toContain(`href="${PUBLIC_URL}/s/${giuliaRow?.token}"`);
    expect(italian?.from?.text).toContain('crm@bakery.test');
    const [english] = mailsTo(annaRow?.email);
    expect(english?.subject).toBe('A few questions: How did we do?');
    expect(english?.text).toContain(`${PUBLIC_URL}/s/${annaRow?.token}`);
    // The link opens the survey in the invitation's language.
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${giuliaRow?.token}` });
    expect(page.json().title).toBe('Come siamo andati?');
  });

  it('sends the survey’s template with the contact’s fields and {{survey_link}}', async () => {
    const { owner } = await makeBakery(t);
    const { rows } = await t.pool.query(
      `INSERT INTO mail_template (workspace_id, name, purpose, versions, created_by_id)
       SELECT workspace_id, 'Survey invitation', 'survey', $1::jsonb, id FROM app_user WHERE id = $2
       RETURNING id`,
      [
        JSON.stringify({
          en: {
            subject: '{{first_name}}, tell us: {{survey_title}}',
            mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Dear {{first_name}} {{last_name}},</mj-text><mj-button href="{{survey_link}}">Answer</mj-button></mj-column></mj-section></mj-body></mjml>',
          },
        }),
        owner.session.user.id,
      ],
    );
    const survey: TSurvey = await post(owner, '/api/v1/surveys', { ...SURVEY, templateId: rows[0].id });
    expect(survey.template?.name).toBe('Survey invitation');
    const carla = await contact(owner, 'Carla', { language: 'it' });
    await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/send`, payload: { contactIds: [carla.id] } });
    await settled(survey.id);
    const [row] = await invitations(survey.id);
    const [message] = mailsTo(row?.email);
    // Only English is written: Carla gets it, with the survey's title in her language.
    expect(message?.subject).toBe('Carla, tell us: Come siamo andati?');
    expect(message?.html).toContain('Dear Carla Bianchi,');
    // Mustache writes the link's slashes as HTML entities, which the mail reader decodes.
    expect(String(message?.html).replaceAll('&#x2F;', '/')).toContain(`href="${PUBLIC_URL}/s/${row?.token}"`);
  });

  it('retries a temporary refusal, and sends each invitation once when several senders run', async () => {
    const { owner } = await makeBakery(t);
    const survey: TSurvey = await post(owner, '/api/v1/surveys', SURVEY);
    const people = [];
    for (const name of ['Alba', 'Bice', 'Cora', 'Dina', 'Ezia', 'Fede', 'Gina', 'Ines']) people.push(await contact(owner, name));
    const busy = people[0]?.emails[0].value as string;
    rejectNext = new Set([busy]);
    const send = owner.request({
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/send`,
      payload: { contactIds: people.map((p) => p.id) },
    });
    // Two more senders on the same survey, as other processes would be.
    const job = surveyInviteJob(t.db, mail, PUBLIC_URL);
    expect((await send).json().invited).toBe(8);
    const data = { workspaceId: await workspaceOf(survey.id), surveyId: survey.id };
    await Promise.all([job(data, () => false), job(data, () => false)]);
    await settled(survey.id);
    const rows = await invitations(survey.id);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    for (const person of people) expect(mailsTo(person.emails[0].value)).toHaveLength(1);
    expect(rows.find((r) => r.email === busy)?.attempts).toBe(2);
  });

  it('sends what was left queued while the survey was closed once it opens again', async () => {
    const { owner } = await makeBakery(t);
    const survey: TSurvey = await post(owner, '/api/v1/surveys', SURVEY);
    const rita = await contact(owner, 'Rita');
    await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/open` });
    await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/close` });
    await t.pool.query(
      `INSERT INTO survey_invitation (workspace_id, survey_id, contact_id, language, email)
       SELECT workspace_id, $1, id, 'en', $3 FROM contact WHERE id = $2`,
      [survey.id, rita.id, rita.emails[0].value],
    );
    const opened = await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/open` });
    expect(opened.json().status).toBe('open');
    await settled(survey.id);
    expect(mailsTo(rita.emails[0].value)).toHaveLength(1);
  });

  it('sends nothing to a contact deleted, withdrawn or bouncing since the invitation was queued', async () => {
    const { owner } = await makeBakery(t);
    const survey: TSurvey = await post(owner, '/api/v1/surveys', SURVEY);
    await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/open` });
    await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/close` });
    const people = [];
    for (const name of ['Alba', 'Bice', 'Cora', 'Dina', 'Ezia']) people.push(await contact(owner, name));
    const [alba, bice, cora, dina, ezia] = people;
    for (const person of people) {
      await t.pool.query(
        `INSERT INTO survey_invitation (workspace_id, survey_id, contact_id, language, email)
         SELECT workspace_id, $1, id, 'en', $3 FROM contact WHERE id = $2`,
        [survey.id, person.id, person.emails[0].value],
      );
    }
    await t.pool.query('UPDATE contact SET deleted_at = now() WHERE id = $1', [bice.id]);
    await t.pool.query(`UPDATE contact SET marketing_consent = 'withdrawn' WHERE id = $1`, [cora.id]);
    await t.pool.query('UPDATE contact SET email_bounced_at = now() WHERE id = $1', [dina.id]);
    // Withdrawing consent stops the queued invitation at once, before any sender looks at it.
    await setConsent(t.db, await workspaceOf(survey.id), ezia.id, 'withdrawn', 'unsubscribe_link', null, null);
    expect((await invitations(survey.id)).find((r) => r.first_name === 'Ezia')?.status).toBe('skipped_no_email');
    await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/open` });
    await settled(survey.id);
    expect((await invitations(survey.id)).map((r) => [r.first_name, r.status])).toEqual([
      ['Alba', 'sent'],
      ['Bice', 'skipped_no_email'],
      ['Cora', 'skipped_no_email'],
      ['Dina', 'skipped_no_email'],
      ['Ezia', 'skipped_no_email'],
    ]);
    expect(mailsTo(alba.emails[0].value)).toHaveLength(1);
    for (const person of [bice, cora, dina, ezia]) expect(mailsTo(person.emails[0].value)).toHaveLength(0);
  });
});

async function workspaceOf(surveyId: string): Promise<string> {
  const { rows } = await t.pool.query('SELECT workspace_id FROM survey WHERE id = $1', [surveyId]);
  return rows[0].workspace_id;
}
