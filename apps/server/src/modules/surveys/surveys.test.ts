import type { TCallList, TPublicSurvey, TSurvey, TSurveyLink, TSurveyResults } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';
import { npsOf } from './results.ts';
import { PUBLIC_SURVEY_RATE_LIMIT } from './surveys.routes.ts';

const t = useTestApp();

const QUESTIONS = [
  { id: 'nps', type: 'nps', required: true, text: { en: 'Would you recommend us?', it: 'Ci consiglierebbe?' } },
  { id: 'service', type: 'rating', text: { en: 'How was the service?', it: 'Com’era il servizio?' } },
  {
    id: 'bread',
    type: 'single',
    text: { en: 'Your favourite bread?', it: 'Il pane preferito?' },
    options: [
      { id: 'rye', text: { en: 'Rye', it: 'Segale' } },
      { id: 'white', text: { en: 'White', it: 'Bianco' } },
    ],
  },
  { id: 'why', type: 'text', text: { en: 'Why?', it: 'Perché?' } },
];

const SURVEY = {
  name: 'Autumn service',
  title: { en: 'How did we do?', it: 'Come siamo andati?' },
  intro: { en: 'Two minutes, no more.', it: 'Due minuti, non di più.' },
  thanks: { en: 'Thank you!', it: 'Grazie!' },
  questions: QUESTIONS,
};

const createSurvey = (browser: Browser, extra: Record<string, unknown> = {}): Promise<TSurvey> =>
  post(browser, '/api/v1/surveys', { ...SURVEY, ...extra });

let n = 0;
/** A contact with an e-mail (and a language, an owner, … when given). */
const contact = (browser: Browser, firstName: string, extra: Record<string, unknown> = {}) => {
  n += 1;
  return post(browser, '/api/v1/contacts', {
    firstName,
    lastName: 'Bianchi',
    emails: [{ label: 'work', value: `${firstName.toLowerCase()}.${n}@example.test` }],
    ...extra,
  });
};

/** A static list of contacts. */
async function listOf(browser: Browser, ids: string[]) {
  const list = await post(browser, '/api/v1/lists', { entity: 'contact', name: `List ${++n}` });
  const added = await browser.request({ method: 'POST', url: `/api/v1/lists/${list.id}/members`, payload: { ids } });
  expect(added.statusCode).toBe(200);
  return list;
}

let visitor = 0;
/** Asks a question of the public API as a respondent does: no cookie, no CSRF token (each from an address of its own unless told). */
const publicRequest = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>, ip?: string) => {
  visitor += 1;
  const remoteAddress = ip ?? `10.0.${Math.floor(visitor / 250)}.${(visitor % 250) + 1}`;
  return t.app.inject({ method, url, remoteAddress, ...(payload ? { payload } : {}) });
};

const link = async (browser: Browser, surveyId: string, contactId: string): Promise<TSurveyLink> => {
  const response = await browser.request({ method: 'POST', url: `/api/v1/surveys/${surveyId}/link`, payload: { contactId } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const answer = (token: string, answers: Record<string, unknown>, language = 'en') =>
  publicRequest('POST', `/api/v1/public/surveys/${token}`, { answers, language });

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort();

describe('the survey builder', () => {
  it('refuses incomplete questions, naming each field', async () => {
    const { owner } = await makeBakery(t);
    const bad = await owner.request({
      method: 'POST',
      url: '/api/v1/surveys',
      payload: {
        ...SURVEY,
        questions: [
          { id: 'nps', type: 'nps', text: { en: 'Recommend?' } },
          { id: 'nps', type: 'text', text: { en: 'Again?', it: 'Ancora?' } },
          { id: 'pick', type: 'single', text: { en: 'Pick', it: 'Scegli' }, options: [{ id: 'a', text: { en: 'A', it: 'A' } }] },
          { id: 'nps2', type: 'nps', text: { en: 'Really?', it: 'Davvero?' } },
          {
            id: 'why',
            type: 'refusal',
            text: { en: 'Why not?', it: 'Perché no?' },
            options: [
              { id: 'price', text: { en: 'Price' } },
              { id: 'time', text: { en: 'Time', it: 'Tempo' } },
            ],
          },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().code).toBe('validation_failed');
    expect(paths(bad.json())).toEqual([
      'questions.0.text.it',
      'questions.1.id',
      'questions.2.options',
      'questions.3.type',
      'questions.4.options.0.text.it',
    ]);
    expect((await get(owner, '/api/v1/surveys')).total).toBe(0);
  });

  it('creates a draft, lists it with its counts, changes and opens and closes it', async () => {
    const { owner } = await makeBakery(t);
    const survey = await createSurvey(owner);
    expect(survey).toMatchObject({ status: 'draft', languages: ['en', 'it'], invited: 0, answered: 0, template: null });
    expect(survey.questions.map((q) => q.id)).toEqual(['nps', 'service', 'bread', 'why']);
    const other = await createSurvey(owner, { name: 'Winter' });
    await owner.request({ method: 'POST', url: `/api/v1/surveys/${other.id}/open` });

    const drafts = await get(owner, '/api/v1/surveys?filter[status]=draft');
    expect(drafts.data.map((s: TSurvey) => s.name)).toEqual(['Autumn service']);
    expect((await get(owner, '/api/v1/surveys')).total).toBe(2);
    expect((await get(owner, '/api/v1/surveys?limit=1')).nextCursor).not.toBeNull();

    const changed = await owner.request({ method: 'PATCH', url: `/api/v1/surveys/${survey.id}`, payload: { name: 'Autumn 2026' } });
    expect(changed.json().name).toBe('Autumn 2026');
    // A language added to the title asks every question in it too.
    const russian = await owner.request({
      method: 'PATCH',
      url: `/api/v1/surveys/${survey.id}`,
      payload: { title: { ...SURVEY.title, ru: 'Как мы справились?' } },
    });
    expect(russian.statusCode).toBe(400);
    expect(paths(russian.json())).toContain('questions.0.text.ru');

    const opened = await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/open` });
    expect(opened.json().status).toBe('open');
    const closed = await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/close` });
    expect(closed.json().status).toBe('closed');
    const again = await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/close` });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invalid_transition');

    expect((await owner.request({ method: 'DELETE', url: `/api/v1/surveys/${survey.id}` })).statusCode).toBe(204);
    expect((await owner.request({ method: 'GET', url: `/api/v1/surveys/${survey.id}` })).statusCode).toBe(404);
    expect((await get(owner, '/api/v1/surveys')).total).toBe(1);
  });

  it('changes questions of an open survey until somebody answers, then refuses with survey_answered', async () => {
    const { owner } = await makeBakery(t);
    const survey = await createSurvey(owner);
    const person = await contact(owner, 'Lucia');
    const { token } = await link(owner, survey.id, person.id);
    const fewer = await owner.request({
      method: 'PATCH',
      url: `/api/v1/surveys/${survey.id}`,
      payload: { questions: QUESTIONS.slice(0, 2) },
    });
    expect(fewer.statusCode).toBe(200);
    expect((await answer(token, { nps: 9 })).statusCode).toBe(201);
    const late = await owner.request({ method: 'PATCH', url: `/api/v1/surveys/${survey.id}`, payload: { questions: QUESTIONS } });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('survey_answered');
    // Its name may still change.
    expect((await owner.request({ method: 'PATCH', url: `/api/v1/surveys/${survey.id}`, payload: { name: 'Renamed' } })).statusCode).toBe(
      200,
    );
  });
});

describe('sending a survey', () => {
  it('invites the reachable contacts of a static list once, in their language, and counts the skipped ones', async () => {
    const { owner, employeeA } = await makeBakery(t);
    const survey = await createSurvey(owner);
    const giulia = await contact(owner, 'Giulia', { language: 'it' });
    const anna = await contact(owner, 'Anna'); // no language: her owner's (the admin speaks English)
    const olga = await contact(owner, 'Olga', { language: 'ru' }); // Russian is not offered: her owner's
    const elio = await contact(employeeA.browser, 'Elio'); // Elio's owner is an employee; his locale is English too
    const gone = await contact(owner, 'Withdrawn');
    const bounced = await contact(owner, 'Bounced');
    await t.pool.query(`UPDATE contact SET marketing_consent = 'withdrawn' WHERE id = $1`, [gone.id]);
    await t.pool.query('UPDATE contact SET email_bounced_at = now() WHERE id = $1', [bounced.id]);
    const list = await listOf(owner, [giulia.id, anna.id, olga.id, elio.id, gone.id, bounced.id]);

    const sent = await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/send`, payload: { listId: list.id } });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ invited: 4, alreadyInvited: 0, skipped: 2 });
    const { rows } = await t.pool.query(
      `SELECT c.first_name, i.language, i.status, i.email FROM survey_invitation i JOIN contact c ON c.id = i.contact_id
       WHERE i.survey_id = $1 ORDER BY c.first_name`,
      [survey.id],
    );
    expect(rows.map((r) => [r.first_name, r.language, r.status])).toEqual([
      ['Anna', 'en', 'queued'],
      ['Elio', 'en', 'queued'],
      ['Giulia', 'it', 'queued'],
      ['Olga', 'en', 'queued'],
    ]);
    expect(rows[0].email).toMatch(/^anna\.\d+@example\.test$/);
    // Sending opens a draft; sending again invites nobody twice.
    expect((await get(owner, `/api/v1/surveys/${survey.id}`)).status).toBe('open');
    const again = await owner.request({
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/send`,
      payload: { contactIds: [anna.id, giulia.id] },
    });
    expect(again.json()).toEqual({ invited: 0, alreadyInvited: 2, skipped: 0 });
    expect((await get(owner, `/api/v1/surveys/${survey.id}`)).invited).toBe(4);

    // Exactly one audience, and a list the actor sees.
    const both = await owner.request({
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/send`,
      payload: { listId: list.id, contactIds: [anna.id] },
    });
    expect(both.statusCode).toBe(400);
    const stranger = await owner.request({
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/send`,
      payload: { listId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(stranger.statusCode).toBe(404);
  });

  it('invites only the contacts the sender may read, and a manager sends a saved view of contacts', async () => {
    const { owner, managerA, employeeB } = await makeBakery(t);
    const survey = await createSurvey(owner);
    const mine = await contact(managerA.browser, 'Marco');
    const theirs = await contact(employeeB.browser, 'Bruno'); // another shop's: the manager of shop A does not see him
    const view = await post(managerA.browser, '/api/v1/views', { entity: 'contact', name: 'Bianchi', query: { q: 'Bianchi' } });
    const sent = await managerA.browser.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/send`, payload: { viewId: view.id } });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ invited: 1, alreadyInvited: 0, skipped: 0 });
    const picked = await managerA.browser.request({
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/send`,
      payload: { contactIds: [theirs.id] },
    });
    expect(picked.json()).toEqual({ invited: 0, alreadyInvited: 0, skipped: 0 });
    const { rows } = await t.pool.query('SELECT contact_id FROM survey_invitation WHERE survey_id = $1', [survey.id]);
    expect(rows.map((r) => r.contact_id)).toEqual([mine.id]);
  });

  it('reaches the people of a company list', async () => {
    const { owner } = await makeBakery(t);
    const survey = await createSurvey(owner);
    const company = await post(owner, '/api/v1/companies', { name: 'Forno Verdi' });
    const buyer = await contact(owner, 'Carla', { companies: [{ companyId: company.id }] });
    await contact(owner, 'Outsider');
    const list = await post(owner, '/api/v1/lists', { entity: 'company', name: 'Bakeries' });
    await owner.request({ method: 'POST', url: `/api/v1/lists/${list.id}/members`, payload: { ids: [company.id] } });
    const sent = await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/send`, payload: { listId: list.id } });
    expect(sent.json()).toEqual({ invited: 1, alreadyInvited: 0, skipped: 0 });
    const { rows } = await t.pool.query('SELECT contact_id FROM survey_invitation WHERE survey_id = $1', [survey.id]);
    expect(rows.map((r) => r.contact_id)).toEqual([buyer.id]);
  });
});

describe('the public survey', () => {
  it('shows the survey in the invitation’s language, or another it offers', async () => {
    const { owner } = await makeBakery(t);
    const survey = await createSurvey(owner);
    const giulia = await contact(owner, 'Giulia', { language: 'it' });
    const made = await link(owner, survey.id, giulia.id);
    expect(made.language).toBe('it');
    expect(made.url).toBe(`http://127.0.0.1:3000/s/${made.token}`);
    expect((await link(owner, survey.id, giulia.id)).token).toBe(made.token);

    const shown = await publicRequest('GET', `/api/v1/public/surveys/${made.token}`);
    expect(shown.statusCode, shown.body).toBe(200);
    const body = shown.json<TPublicSurvey>();
    expect(body).toMatchObject({
      language: 'it',
      languages: ['en', 'it'],
      title: 'Come siamo andati?',
      intro: 'Due minuti, non di più.',
      answered: false,
      workspace: { name: 'Bakery Rossi', hasLogo: false },
    });
    expect(body.questions[2]).toEqual({
      id: 'bread',
      type: 'single',
      text: 'Il pane preferito?',
      required: false,
      options: [
        { id: 'rye', text: 'Segale' },
        { id: 'white', text: 'Bianco' },
      ],
    });
    const english = await publicRequest('GET', `/api/v1/public/surveys/${made.token}?lang=en`);
    expect(english.json().title).toBe('How did we do?');

    for (const token of ['00000000-0000-4000-8000-000000000000', 'not-a-token']) {
      const unknown = await publicRequest('GET', `/api/v1/public/surveys/${token}`);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().code).toBe('not_found');
    }
  });

  it('takes one answer per invitation, without sign-in or CSRF token', async () => {
    const { owner } = await makeBakery(t);
    const survey = await createSurvey(owner);
    const person = await contact(owner, 'Paola');
    const { token } = await link(owner, survey.id, person.id);
    const first = await answer(token, { nps: 9, service: 4, bread: 'rye', why: '  Fresh every morning.  ' }, 'it');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ thanks: 'Grazie!' });
    const second = await answer(token, { nps: 3 });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('already_answered');
    expect((await publicRequest('GET', `/api/v1/public/surveys/${token}`)).json().answered).toBe(true);
    const { rows } = await t.pool.query('SELECT answers, nps, language, contact_id FROM survey_response WHERE survey_id = $1', [survey.id]);
    expect(rows).toEqual([
      { answers: { nps: 9, service: 4, bread: 'rye', why: 'Fresh every morning.' }, nps: 9, language: 'it', contact_id: person.id },
    ]);
    expect((await get(owner, `/api/v1/surveys/${survey.id}`)).answered).toBe(1);
  });

  it('refuses wrong answers naming each one, and keeps nothing', async () => {
    const { owner } = await makeBakery(t);
    const survey = await createSurvey(owner, {
      questions: [
        ...QUESTIONS,
        {
          id: 'lost',
          type: 'refusal',
          required: true,
          text: { en: 'Why not us?', it: 'Perché non noi?' },
          options: [
            { id: 'price', text: { en: 'Price', it: 'Prezzo' } },
            { id: 'late', text: { en: 'Late', it: 'In ritardo' } },
          ],
        },
      ],
    });
    const person = await contact(owner, 'Piero');
    const { token } = await link(owner, survey.id, person.id);
    const wrong = await answer(token, { nps: 11, service: 0, bread: 'spelt', why: 'x'.repeat(4001), stranger: 'hi' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(paths(wrong.json())).toEqual([
      'answers.bread',
      'answers.lost',
      'answers.nps',
      'answers.service',
      'answers.stranger',
      'answers.why',
    ]);
    const missing = await answer(token, { service: 4.5, lost: ['price', 'cheap'] });
    expect(paths(missing.json())).toEqual(['answers.lost', 'answers.nps', 'answers.service']);
    const language = await answer(token, { nps: 5, lost: ['price'] }, 'ru');
    expect(paths(language.json())).toEqual(['language']);
    expect((await t.pool.query('SELECT 1 FROM survey_response WHERE survey_id = $1', [survey.id])).rowCount).toBe(0);
    // The refusal's free text alone answers it.
    const right = await answer(token, { nps: 5, lost_text: 'We chose a closer shop' });
    expect(right.statusCode, right.body).toBe(201);
  });

  it('is rate limited per address', async () => {
    const { owner } = await makeBakery(t);
    const survey = await createSurvey(owner);
    const { token } = await link(owner, survey.id, (await contact(owner, 'Rita')).id);
    const url = `/api/v1/public/surveys/${token}`;
    for (let i = 0; i < PUBLIC_SURVEY_RATE_LIMIT; i += 1)
      expect((await publicRequest('GET', url, undefined, '192.0.2.7')).statusCode).toBe(200);
    const limited = await publicRequest('GET', url, undefined, '192.0.2.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('too_many_requests');
    expect((await publicRequest('GET', url, undefined, '192.0.2.8')).statusCode).toBe(200);
  });

  it('answers 410 once the survey is closed, and 404 once it is deleted', async () => {
    const { owner } = await makeBakery(t);
    const survey = await createSurvey(owner);
    const person = await contact(owner, 'Chiara');
    const { token } = await link(owner, survey.id, person.id);
    await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/close` });
    for (const response of [await publicRequest('GET', `/api/v1/public/surveys/${token}`), await answer(token, { nps: 10 })]) {
      expect(response.statusCode).toBe(410);
      expect(response.json().code).toBe('survey_closed');
    }
    await owner.request({ method: 'DELETE', url: `/api/v1/surveys/${survey.id}` });
    expect((await publicRequest('GET', `/api/v1/public/surveys/${token}`)).statusCode).toBe(404);
  });
});

/** A survey answered by five contacts (NPS 10, 9, 8, 6, 3) and sent to a sixth who did not answer. */
async function answered() {
  const bakery = await makeBakery(t);
  const { owner } = bakery;
  const survey = await createSurvey(owner);
  const given = [
    { name: 'Alba', nps: 10, service: 5, bread: 'rye', why: 'Best bread in town' },
    { name: 'Bice', nps: 9, service: 4, bread: 'rye' },
    { name: 'Cora', nps: 8, service: 3, bread: 'white', why: 'Good, a bit pricey' },
    { name: 'Dina', nps: 6, service: 2, bread: 'white' },
    { name: 'Ezia', nps: 3, service: 5, why: 'Rude at the till' },
  ];
  const people = [];
  for (const { name, ...answers } of given) {
    const person = await contact(owner, name);
    const { token } = await link(owner, survey.id, person.id);
    const response = await answer(token, answers);
    expect(response.statusCode, response.body).toBe(201);
    people.push(person);
  }
  const silent = await contact(owner, 'Fede', { ownerId: bakery.employeeA.user.id });
  await link(owner, survey.id, silent.id);
  return { ...bakery, survey, people, silent };
}

describe('survey results', () => {
  it('counts NPS, CSAT and each question exactly', async () => {
    const { owner, employeeB, survey } = await answered();
    // Every member of staff reads the results.
    const results = await get(employeeB.browser, `/api/v1/surveys/${survey.id}/results`);
    const r = results as TSurveyResults;
    expect(r).toMatchObject({ invited: 6, answered: 5, responseRate: 83.3 });
    expect(r.nps).toEqual({ score: 0, promoters: 2, passives: 1, detractors: 2, total: 5 });
    // Ratings 5, 4, 3, 2, 5: three of five are 4 or 5, on average 3.8.
    expect(r.csat).toEqual({ share: 60, average: 3.8, total: 5 });
    const [nps, service, bread, why] = r.questions;
    expect(nps?.distribution.map((d) => d.count)).toEqual([0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1]);
    expect(nps?.answered).toBe(5);
    expect(service?.distribution).toEqual([
      { value: '1', count: 0 },
      { value: '2', count: 1 },
      { value: '3', count: 1 },
      { value: '4', count: 1 },
      { value: '5', count: 2 },
    ]);
    expect(bread?.distribution).toEqual([
      { value: 'rye', count: 2 },
      { value: 'white', count: 2 },
    ]);
    expect(bread?.answered).toBe(4);
    // Text answers newest first, with who wrote them (the employee of another shop may not read these contacts).
    expect(why?.texts?.data.map((a) => a.text)).toEqual(['Rude at the till', 'Good, a bit pricey', 'Best bread in town']);
    expect(why?.texts?.data[0]?.contact).toBeNull();
    const asOwner = (await get(owner, `/api/v1/surveys/${survey.id}/results`)) as TSurveyResults;
    expect(asOwner.questions[3]?.texts?.data[0]?.contact?.name).toBe('Ezia Bianchi');

    const page = await get(owner, `/api/v1/surveys/${survey.id}/results/why/texts?limit=2`);
    expect(page.data.map((a: { text: string }) => a.text)).toEqual(['Rude at the till', 'Good, a bit pricey']);
    const next = await get(owner, `/api/v1/surveys/${survey.id}/results/why/texts?limit=2&cursor=${page.nextCursor}`);
    expect(next.data.map((a: { text: string }) => a.text)).toEqual(['Best bread in town']);
    expect(next.nextCursor).toBeNull();
  });

  it('lists each survey with its NPS, as its results count it, and none before an NPS answer', async () => {
    const { owner, survey } = await answered();
    const gina = await contact(owner, 'Gina');
    const { token } = await link(owner, survey.id, gina.id);
    expect((await answer(token, { nps: 10, service: 4 })).statusCode).toBe(201);
    const quiet = await createSurvey(owner);
    const list = await get(owner, '/api/v1/surveys');
    const row = (id: string) => list.data.find((s: { id: string }) => s.id === id);
    // Three promoters, a passive and two detractors of six: (3 − 2) / 6 = 16.7.
    expect(row(survey.id)).toMatchObject({ nps: 16.7, answered: 6, invited: 7 });
    expect(((await get(owner, `/api/v1/surveys/${survey.id}/results`)) as TSurveyResults).nps?.score).toBe(16.7);
    expect(row(quiet.id)).toMatchObject({ nps: null, answered: 0 });
  });

  it('filters the respondents by a segment', async () => {
    const { owner, survey, people, silent } = await answered();
    const [alba, , , dina] = people;
    const list = await listOf(owner, [alba?.id as string, dina?.id as string, silent.id]);
    const r = (await get(owner, `/api/v1/surveys/${survey.id}/results?listId=${list.id}`)) as TSurveyResults;
    expect(r).toMatchObject({ invited: 3, answered: 2, responseRate: 66.7 });
    // NPS 10 and 6: one promoter, one detractor.
    expect(r.nps).toEqual({ score: 0, promoters: 1, passives: 0, detractors: 1, total: 2 });
    expect(r.csat).toEqual({ share: 50, average: 3.5, total: 2 });
    const two = await listOf(owner, [alba?.id as string, people[1]?.id as string, people[2]?.id as string]);
    const happy = (await get(owner, `/api/v1/surveys/${survey.id}/results?listId=${two.id}`)) as TSurveyResults;
    // 10, 9, 8: two promoters of three, no detractor: 66.7.
    expect(happy.nps?.score).toBe(66.7);
  });
});

describe('call lists', () => {
  it('makes one call task per detractor and non-responder, once', async () => {
    const { owner, employeeA, survey, people, silent } = await answered();
    const detractors = await owner.request({
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/call-list`,
      payload: { who: 'detractors', dueOn: '2030-05-04' },
    });
    expect(detractors.statusCode, detractors.body).toBe(200);
    expect(detractors.json()).toEqual({ created: 2 });
    const again = await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/call-list`, payload: { who: 'detractors' } });
    expect(again.json()).toEqual({ created: 0 });
    const both = await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/call-list`, payload: { who: 'both' } });
    expect(both.json()).toEqual({ created: 1 });

    const list = (await get(owner, `/api/v1/surveys/${survey.id}/call-list`)) as TCallList;
    expect(list.data.map((c) => [c.contact.name, c.nps, c.answered, c.task.status])).toEqual([
      ['Dina Bianchi', 6, true, 'sent'],
      ['Ezia Bianchi', 3, true, 'sent'],
      ['Fede Bianchi', null, false, 'sent'],
    ]);
    expect(list.data[1]?.task.title).toBe('Call Ezia Bianchi: NPS 3 in Autumn service');
    expect(list.data[1]?.task.dueOn).toBe('2030-05-04');
    expect(list.data[2]?.task.title).toBe('Call Fede Bianchi: did not answer Autumn service');
    // Fede's owner gets his call, in My day's list of their tasks, linked to the contact and notified.
    expect(list.data[2]?.task.assignee?.id).toBe(employeeA.user.id);
    const mine = await get(employeeA.browser, '/api/v1/tasks?filter[mine]=true');
    expect(mine.data.map((task: { title: string }) => task.title)).toEqual(['Call Fede Bianchi: did not answer Autumn service']);
    const { rows: links } = await t.pool.query('SELECT record_type, record_id FROM task_link WHERE task_id = $1', [list.data[2]?.task.id]);
    expect(links).toEqual([{ record_type: 'contact', record_id: silent.id }]);
    const { rows: notices } = await t.pool.query(`SELECT kind FROM notification WHERE user_id = $1`, [employeeA.user.id]);
    expect(notices.map((row) => row.kind)).toContain('task_assigned');
    expect(people).toHaveLength(5);
  });
});

describe('who may do what', () => {
  it('lets every member of staff read, admins and managers manage, and nobody reach another workspace', async () => {
    const { owner, managerA, employeeA } = await makeBakery(t);
    const survey = await createSurvey(managerA.browser);
    const person = await contact(employeeA.browser, 'Ennio');
    expect((await employeeA.browser.request({ method: 'GET', url: `/api/v1/surveys/${survey.id}` })).statusCode).toBe(200);
    expect((await employeeA.browser.request({ method: 'GET', url: `/api/v1/surveys/${survey.id}/results` })).statusCode).toBe(200);
    expect((await employeeA.browser.request({ method: 'GET', url: `/api/v1/surveys/${survey.id}/call-list` })).statusCode).toBe(200);
    for (const [method, url, payload] of [
      ['POST', '/api/v1/surveys', SURVEY],
      ['PATCH', `/api/v1/surveys/${survey.id}`, { name: 'Mine now' }],
      ['POST', `/api/v1/surveys/${survey.id}/open`, undefined],
      ['POST', `/api/v1/surveys/${survey.id}/send`, { contactIds: [person.id] }],
      ['POST', `/api/v1/surveys/${survey.id}/link`, { contactId: person.id }],
      ['POST', `/api/v1/surveys/${survey.id}/call-list`, { who: 'both' }],
      ['DELETE', `/api/v1/surveys/${survey.id}`, undefined],
    ] as const) {
      const response = await employeeA.browser.request({ method, url, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await owner.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/open` })).statusCode).toBe(200);

    const { admin } = await makeWorkspace(t, { workspaceName: 'Other bakery' });
    const stranger = await signIn(t, admin.email);
    for (const url of [`/api/v1/surveys/${survey.id}`, `/api/v1/surveys/${survey.id}/results`, `/api/v1/surveys/${survey.id}/call-list`]) {
      const response = await stranger.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
    }
    const send = await stranger.request({ method: 'POST', url: `/api/v1/surveys/${survey.id}/send`, payload: { contactIds: [person.id] } });
    expect(send.statusCode).toBe(404);
    expect((await get(stranger, '/api/v1/surveys')).total).toBe(0);
    // Without signing in, only the public routes answer.
    expect((await publicRequest('GET', '/api/v1/surveys')).statusCode).toBe(401);
  });
});

describe('the API reference', () => {
  it('documents the survey routes, the public ones without security', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/surveys',
        '/api/v1/surveys/{id}',
        '/api/v1/surveys/{id}/send',
        '/api/v1/surveys/{id}/results',
        '/api/v1/surveys/{id}/call-list',
        '/api/v1/public/surveys/{token}',
      ]),
    );
    expect(doc.paths['/api/v1/public/surveys/{token}'].post.security).toEqual([]);
  });
});

describe('call lists, as read', () => {
  it('are due on the chosen day in the reader’s time zone and show only contacts the reader may read', async () => {
    const { owner, employeeB, survey } = await answered();
    // 18:00 on 4 May in Honolulu is already 5 May in UTC.
    await t.pool.query(
      `UPDATE app_user SET time_zone = 'Pacific/Honolulu' WHERE workspace_id = (SELECT workspace_id FROM survey WHERE id = $1)`,
      [survey.id],
    );
    const made = await owner.request({
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/call-list`,
      payload: { who: 'both', dueOn: '2030-05-04' },
    });
    expect(made.json()).toEqual({ created: 3 });
    const list = (await get(owner, `/api/v1/surveys/${survey.id}/call-list`)) as TCallList;
    expect(list.data.map((c) => c.task.dueOn)).toEqual(['2030-05-04', '2030-05-04', '2030-05-04']);
    // The employee of the other shop reads none of these contacts: no names, no NPS.
    const theirs = (await get(employeeB.browser, `/api/v1/surveys/${survey.id}/call-list`)) as TCallList;
    expect(theirs.data).toEqual([]);
  });
});

describe('NPS rounding', () => {
  it('rounds a negative score as the positive one, halves away from zero', () => {
    // One detractor (or promoter) among 400: ±0.25 points.
    expect(
      npsOf(
        new Map([
          [0, 1],
          [7, 399],
        ]),
      )?.score,
    ).toBe(-0.3);
    expect(
      npsOf(
        new Map([
          [10, 1],
          [7, 399],
        ]),
      )?.score,
    ).toBe(0.3);
  });
});
