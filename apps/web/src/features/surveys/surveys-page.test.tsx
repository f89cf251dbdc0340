import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { SurveysPage } from './surveys-page.tsx';
import { aSurvey, renderSurveys, SURVEY_ID } from './test-surveys.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('SurveysPage', () => {
  it('lists the surveys with their response rate and creates a new one in the chosen languages', async () => {
    const { questions: _q, intro: _i, thanks: _t, ...item } = aSurvey({ invited: 8, answered: 3 });
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/v1/surveys?')) return jsonResponse(200, { data: [item], nextCursor: null, total: 1 });
      if (method === 'POST' && url === '/api/v1/surveys') return jsonResponse(201, aSurvey({ name: 'Spring check', status: 'draft' }));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const { router } = await renderSurveys({
      path: '/surveys',
      routes: [
        { path: '/surveys', element: <SurveysPage /> },
        { path: '/surveys/:id', element: <p>survey page</p> },
      ],
    });
    expect((await screen.findByRole('link', { name: 'After delivery' })).getAttribute('href')).toBe(`/surveys/${SURVEY_ID}`);
    expect(screen.getByText('Open')).toBeTruthy();
    expect(screen.getByText('38%')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /New survey/ }));
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: ' Spring check ' } });
    fireEvent.click(screen.getByLabelText('Italian'));
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/surveys/${SURVEY_ID}`));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      name: 'Spring check',
      title: { en: 'Spring check', it: 'Spring check' },
      questions: [],
    });
  }, 40_000);
});
