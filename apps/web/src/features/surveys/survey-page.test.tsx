import type { TCallListItem, TSurveyResults } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { SurveyPage } from './survey-page.tsx';
import { ANNA, aSurvey, renderSurveys, SURVEY_ID } from './test-surveys.tsx';

afterEach(() => vi.unstubAllGlobals());

const BASE = `/api/v1/surveys/${SURVEY_ID}`;
const problem = (status: number, code: string, errors: { path: string; message: string }[] = []) =>
  jsonResponse(status, { type: 'about:blank', title: code, status, code, detail: code, errors }, 'application/problem+json');

async function renderSurvey(path: string, handler: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi((call) => {
    if (call.method === 'GET' && call.url === BASE) return jsonResponse(200, aSurvey());
    return handler(call);
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderSurveys({ path, routes: [{ path: '/surveys/:id', element: <SurveyPage /> }] });
  return api;
}

describe('SurveyPage builder', () => {
  it('adds a question with its texts in the survey’s languages and saves it', async () => {
    const api = await renderSurvey(`/surveys/${SURVEY_ID}`, ({ method, url, body }) =>
      method === 'PATCH' && url === BASE ? jsonResponse(200, { ...aSurvey(), ...(body as object) }) : undefined,
    );
    expect(await screen.findByRole('heading', { name: 'After delivery' })).toBeTruthy();
    expect(screen.getAllByTestId('survey-question')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: /Add a question/ }));
    fireEvent.click(await screen.findByText('Single choice'));
    const cards = await screen.findAllByTestId('survey-question');
    expect(cards).toHaveLength(2);
    const card = cards[1] as HTMLElement;
    fireEvent.change(within(card).getByLabelText('Question text · Italian'), { target: { value: 'Come ci ha conosciuti?' } });
    fireEvent.change(within(card).getByLabelText('Question text · English'), { target: { value: 'How did you find us?' } });
    fireEvent.change(within(card).getByLabelText('Choice 1 · Italian'), { target: { value: 'Fiera' } });
    fireEvent.change(within(card).getByLabelText('Choice 1 · English'), { target: { value: 'Trade fair' } });
    fireEvent.change(within(card).getByLabelText('Choice 2 · Italian'), { target: { value: 'Internet' } });
    fireEvent.change(within(card).getByLabelText('Choice 2 · English'), { target: { value: 'The web' } });
    // The new question goes first.
    fireEvent.click(within(card).getByRole('button', { name: 'Move question 2 up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.calls.some((call) => call.method === 'PATCH')).toBe(true));
    const patch = api.calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toEqual({
      name: 'After delivery',
      title: { en: 'How was the delivery?', it: 'Com’è andata la consegna?' },
      intro: null,
      thanks: null,
      questions: [
        {
          id: 'q2',
          type: 'single',
          required: false,
          text: { en: 'How did you find us?', it: 'Come ci ha conosciuti?' },
          options: [
            { id: 'o1', text: { en: 'Trade fair', it: 'Fiera' } },
            { id: 'o2', text: { en: 'The web', it: 'Internet' } },
          ],
        },
        { id: 'q1', type: 'nps', required: true, text: { en: 'Would you recommend us?', it: 'Ci consiglierebbe?' }, options: [] },
      ],
    });
    expect(await screen.findByText('Survey saved')).toBeTruthy();
  }, 60_000);

  it('shows the server’s complaint at the question it is about', async () => {
    await renderSurvey(`/surveys/${SURVEY_ID}`, ({ method }) =>
      method === 'PATCH'
        ? problem(400, 'validation_failed', [{ path: 'questions.0.type', message: 'A survey has at most one NPS question' }])
        : undefined,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    const card = (await screen.findAllByTestId('survey-question'))[0] as HTMLElement;
    expect(await within(card).findByText('A survey has at most one NPS question')).toBeTruthy();
    expect(within(card).getByText('Please correct this question:')).toBeTruthy();
  }, 40_000);
});

const results: TSurveyResults = {
  invited: 10,
  answered: 5,
  responseRate: 50,
  nps: { score: 20, promoters: 2, passives: 2, detractors: 1, total: 5 },
  csat: { share: 75, average: 4.25, total: 4 },
  questions: [
    {
      id: 'q1',
      type: 'nps',
      text: { it: 'Ci consiglierebbe?', en: 'Would you recommend us?' },
      answered: 5,
      distribution: Array.from({ length: 11 }, (_, value) => ({
        value: String(value),
        count: value === 9 || value === 10 ? 1 : value === 7 ? 2 : value === 3 ? 1 : 0,
      })),
      nps: { score: 20, promoters: 2, passives: 2, detractors: 1, total: 5 },
      csat: null,
      texts: null,
    },
    {
      id: 'q4',
      type: 'text',
      text: { en: 'What could we do better?' },
      answered: 1,
      distribution: [],
      nps: null,
      csat: null,
      texts: {
        data: [
          {
            contact: { id: '00000000-0000-4000-8000-000000000c01', name: 'Luca Bianchi' },
            text: 'Faster trucks',
            submittedAt: '2026-12-03T10:00:00.000Z',
          },
        ],
        nextCursor: null,
      },
    },
  ],
};

describe('SurveyPage results', () => {
  it('shows the response rate, the NPS split and each question’s distribution and written answers', async () => {
    await renderSurvey(`/surveys/${SURVEY_ID}?tab=results`, ({ method, url }) =>
      method === 'GET' && url === `${BASE}/results` ? jsonResponse(200, results) : undefined,
    );
    expect(await screen.findByTestId('survey-nps-score')).toBeTruthy();
    expect(screen.getByTestId('survey-nps-score').textContent).toBe('20');
    expect(screen.getByTestId('survey-nps-parts').textContent).toBe('Promoters 2 · Passives 2 · Detractors 1');
    expect(screen.getByText('50%')).toBeTruthy();
    expect(within(screen.getByTestId('survey-csat')).getByText('75%')).toBeTruthy();
    expect(within(screen.getByTestId('survey-csat')).getByText('Share of ratings of 4 or 5; average 4.25 of 5.')).toBeTruthy();
    const chart = await screen.findByTestId('survey-distribution');
    expect(chart.getAttribute('aria-label')).toBe(
      'Answers to “Would you recommend us?” — 0: 0, 1: 0, 2: 0, 3: 1, 4: 0, 5: 0, 6: 0, 7: 2, 8: 0, 9: 1, 10: 1',
    );
    const texts = screen.getByTestId('survey-texts');
    expect(within(texts).getByText('Faster trucks')).toBeTruthy();
    expect(within(texts).getByText('Luca Bianchi · 3 Dec 2026')).toBeTruthy();
  }, 40_000);
});

describe('SurveyPage call lists', () => {
  it('makes the call list of detractors and lists the call tasks with links', async () => {
    const task: TCallListItem = {
      contact: { id: '00000000-0000-4000-8000-000000000c02', name: 'Giulia Verdi' },
      nps: 3,
      answered: true,
      task: { id: '00000000-0000-4000-8000-000000000d01', title: 'Call Giulia Verdi', status: 'sent', assignee: ANNA, dueOn: '2026-12-10' },
    };
    let made = false;
    const api = await renderSurvey(`/surveys/${SURVEY_ID}?tab=calls`, ({ method, url }) => {
      if (url !== `${BASE}/call-list`) return undefined;
      if (method === 'POST') {
        made = true;
        return jsonResponse(200, { created: 1 });
      }
      return jsonResponse(200, { data: made ? [task] : [] });
    });
    expect(await screen.findByText('No call tasks yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Call list of detractors/ }));
    expect(await screen.findByText('1 call task created.')).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => call.body)).toEqual([{ who: 'detractors' }]);
    const link = await screen.findByRole('link', { name: 'Giulia Verdi' });
    expect(link.getAttribute('href')).toBe(`/tasks/${task.task.id}`);
    expect(screen.getByText('Detractor · 3')).toBeTruthy();
    expect(screen.getByText('10 Dec 2026')).toBeTruthy();
  }, 40_000);
});

describe('SurveyPage sending', () => {
  it('sends the survey to a saved view and tells how many were invited and skipped', async () => {
    const view = { id: '00000000-0000-4000-8000-000000000e01', name: 'Class A in Milan' };
    const api = await renderSurvey(`/surveys/${SURVEY_ID}?tab=send`, ({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/v1/views?')) return jsonResponse(200, { data: [view] });
      if (method === 'GET' && url.startsWith('/api/v1/templates?')) return jsonResponse(200, { data: [], nextCursor: null, total: 0 });
      if (method === 'POST' && url === `${BASE}/send`) return jsonResponse(200, { invited: 12, alreadyInvited: 3, skipped: 2 });
      return undefined;
    });
    expect(await screen.findByText(/whose \{\{survey_link\}\} becomes/)).toBeTruthy();
    const select = screen.getByRole('combobox', { name: 'Saved view of contacts' });
    fireEvent.mouseDown(select);
    fireEvent.click(await screen.findByText('Class A in Milan'));
    fireEvent.click(screen.getByRole('button', { name: /Send invitations/ }));
    expect((await screen.findByTestId('survey-send-result')).textContent).toBe(
      '12 invited; 3 had been invited before; 2 left out (no e-mail address, unsubscribed or bounced).',
    );
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => call.body)).toEqual([{ viewId: view.id }]);
  }, 40_000);
});
