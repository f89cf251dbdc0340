import type { TPublicSurvey } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { PublicSurveyPage } from './public-survey-page.tsx';
import { renderSurveys } from './test-surveys.tsx';

afterEach(() => vi.unstubAllGlobals());

const TOKEN = '7d1c2c0e-5d0e-4f55-9d8e-2b1a4c6f0a11';
const URL_BASE = `/api/v1/public/surveys/${TOKEN}`;

const italian: TPublicSurvey = {
  language: 'it',
  languages: ['it', 'en'],
  title: 'Com’è andata la consegna?',
  intro: 'Due minuti per aiutarci a migliorare.',
  thanks: 'Grazie, Forno Rossi',
  workspace: { name: 'Forno Rossi', hasLogo: false },
  answered: false,
  questions: [
    { id: 'q1', type: 'nps', text: 'Ci consiglierebbe a un collega?', required: true, options: [] },
    { id: 'q2', type: 'rating', text: 'Puntualità della consegna', required: false, options: [] },
    {
      id: 'q3',
      type: 'single',
      text: 'Come ci ha conosciuti?',
      required: false,
      options: [
        { id: 'fair', text: 'Fiera' },
        { id: 'web', text: 'Internet' },
      ],
    },
    { id: 'q4', type: 'text', text: 'Che cosa possiamo migliorare?', required: false, options: [] },
  ],
};

const english: TPublicSurvey = {
  ...italian,
  language: 'en',
  title: 'How was the delivery?',
  intro: null,
  questions: italian.questions.map((q) => ({ ...q, text: `EN ${q.text}` })),
};

/** A respondent without a session: the fake server answers the public survey routes only. */
async function renderPublic(
  survey: TPublicSurvey,
  answer: (body: unknown) => Response = () => jsonResponse(201, { thanks: survey.thanks }),
) {
  const api = fakeApi(({ method, url, body }) => {
    if (method === 'GET' && url === URL_BASE) return jsonResponse(200, survey);
    if (method === 'GET' && url === `${URL_BASE}?lang=en`) return jsonResponse(200, english);
    if (method === 'POST' && url === URL_BASE) return answer(body);
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const view = await renderSurveys({
    path: `/s/${TOKEN}`,
    routes: [{ path: '/s/:token', element: <PublicSurveyPage /> }],
    signedIn: false,
  });
  return { api, ...view };
}

describe('PublicSurveyPage', () => {
  it('speaks the invitation’s Italian, stops a missing required answer, then sends the answers and thanks', async () => {
    const { api } = await renderPublic(italian);
    expect(await screen.findByRole('heading', { name: 'Com’è andata la consegna?' })).toBeTruthy();
    expect(screen.getByTestId('survey-workspace').textContent).toBe('Forno Rossi');
    expect(screen.getByText('Due minuti per aiutarci a migliorare.')).toBeTruthy();
    // The page's own words are Italian too, though the app speaks English.
    expect(screen.getByText('Per niente probabile')).toBeTruthy();
    expect(screen.getByText('Estremamente probabile')).toBeTruthy();
    expect(screen.getAllByText(/obbligatoria/)).toHaveLength(1);
    const send = screen.getByRole('button', { name: 'Invia le mie risposte' });

    fireEvent.click(send);
    expect(await screen.findByText('Rispondi a questa domanda, per favore.')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);

    const nps = screen.getByRole('radiogroup', { name: /Ci consiglierebbe/ });
    fireEvent.click(within(nps).getByRole('radio', { name: '3' }));
    expect(screen.queryByText('Rispondi a questa domanda, per favore.')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: '4 su 5' }));
    fireEvent.click(screen.getByLabelText('Fiera'));
    fireEvent.change(screen.getByPlaceholderText('La tua risposta'), { target: { value: '  Consegne più puntuali  ' } });
    fireEvent.click(send);

    expect(await screen.findByText('Grazie, Forno Rossi')).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => call.body)).toEqual([
      { language: 'it', answers: { q1: 3, q2: 4, q3: 'fair', q4: 'Consegne più puntuali' } },
    ]);
    // Only the public route was asked: a respondent has no session.
    expect(api.calls.every((call) => call.url.startsWith(URL_BASE))).toBe(true);
  }, 40_000);

  it('shows the server’s complaint at its question', async () => {
    await renderPublic(italian, () =>
      jsonResponse(
        400,
        {
          type: 'about:blank',
          title: 'Bad request',
          status: 400,
          code: 'validation_failed',
          detail: 'Some answers are missing or not valid',
          errors: [{ path: 'answers.q1', message: 'Scegli un numero da 0 a 10' }],
        },
        'application/problem+json',
      ),
    );
    fireEvent.click(within(await screen.findByRole('radiogroup', { name: /Ci consiglierebbe/ })).getByRole('radio', { name: '10' }));
    fireEvent.click(screen.getByRole('button', { name: 'Invia le mie risposte' }));
    expect(await screen.findByText('Scegli un numero da 0 a 10')).toBeTruthy();
    expect(screen.getByText('Alcune risposte richiedono attenzione.')).toBeTruthy();
  }, 40_000);

  it('switches among the survey’s languages, keeping the answers given', async () => {
    await renderPublic(italian);
    fireEvent.click(within(await screen.findByRole('radiogroup', { name: /Ci consiglierebbe/ })).getByRole('radio', { name: '9' }));
    fireEvent.click(screen.getByText('English'));
    expect(await screen.findByRole('heading', { name: 'How was the delivery?' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Send my answers' })).toBeTruthy();
    const nps = screen.getByRole('radiogroup', { name: /EN Ci consiglierebbe/ });
    expect(within(nps).getByRole('radio', { name: '9' }).getAttribute('aria-checked')).toBe('true');
  }, 40_000);

  it('tells a second visitor the survey is already answered, in its language', async () => {
    const { api } = await renderPublic({ ...italian, answered: true });
    expect(await screen.findByText('Hai già risposto a questo sondaggio. Grazie!')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Invia le mie risposte' })).toBeNull();
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);
  }, 40_000);

  it('says the survey is already answered when the server refuses a second answer', async () => {
    await renderPublic(italian, () =>
      jsonResponse(
        409,
        { type: 'about:blank', title: 'Conflict', status: 409, code: 'already_answered', detail: 'Already answered' },
        'application/problem+json',
      ),
    );
    fireEvent.click(within(await screen.findByRole('radiogroup', { name: /Ci consiglierebbe/ })).getByRole('radio', { name: '8' }));
    fireEvent.click(screen.getByRole('button', { name: 'Invia le mie risposte' }));
    expect(await screen.findByText('Hai già risposto a questo sondaggio. Grazie!')).toBeTruthy();
  }, 40_000);

  it('says when a survey is closed', async () => {
    const api = fakeApi(({ url }) =>
      url === URL_BASE
        ? jsonResponse(
            409,
            { type: 'about:blank', title: 'Conflict', status: 409, code: 'survey_closed', detail: 'Closed' },
            'application/problem+json',
          )
        : undefined,
    );
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderSurveys({ path: `/s/${TOKEN}`, routes: [{ path: '/s/:token', element: <PublicSurveyPage /> }], signedIn: false });
    expect(await screen.findByText('This survey is closed and no longer takes answers.')).toBeTruthy();
    await waitFor(() => expect(api.calls).toHaveLength(1));
  }, 40_000);
});
