import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { renderCommunity } from './community-test-render.tsx';
import { PortalQuestionsPage } from './portal-questions-page.tsx';

afterEach(() => vi.unstubAllGlobals());

const QUESTION = {
  id: '00000000-0000-4000-8000-0000000000a1',
  title: 'How do I store rye flour?',
  author: { name: 'Alba', companyName: 'Aurora', staff: false },
  answerCount: 2,
  answered: true,
  accepted: true,
  promoted: false,
  createdAt: '2026-05-03T09:00:00.000Z',
};
const NEW_ID = '00000000-0000-4000-8000-0000000000a2';

describe('PortalQuestionsPage', () => {
  it('lists and searches questions, suggests articles while asking, and opens the new question', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/portal/community-questions?')) {
        const q = new URL(url, 'http://x').searchParams.get('q');
        return jsonResponse(200, q === 'wheat' ? { data: [], total: 0 } : { data: [QUESTION], total: 1 });
      }
      if (method === 'GET' && url.startsWith('/api/portal/kb/search?'))
        return jsonResponse(200, {
          data: [
            {
              id: '00000000-0000-4000-8000-0000000000c1',
              title: 'Storing flour',
              answer: 'Dry.',
              language: 'en',
              headline: null,
              updatedAt: '2026-05-01T00:00:00.000Z',
            },
          ],
          correctedQuery: null,
        });
      if (method === 'POST' && url === '/api/portal/community-questions')
        return jsonResponse(201, { ...QUESTION, id: NEW_ID, answers: [] });
      if (method === 'GET' && url === `/api/portal/community-questions/${NEW_ID}`)
        return jsonResponse(200, { ...QUESTION, id: NEW_ID, answers: [] });
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderCommunity({
      path: '/portal/rossi/community',
      routes: [
        { path: '/portal/:workspace/community', element: <PortalQuestionsPage /> },
        { path: '/portal/:workspace/community/:id', element: <p>question page</p> },
      ],
    });

    const item = await screen.findByTestId('community-question');
    expect(within(item).getByRole('link', { name: 'How do I store rye flour?' }).getAttribute('href')).toBe(
      `/portal/rossi/community/${QUESTION.id}`,
    );
    expect(within(item).getByText('2 answers')).toBeTruthy();
    expect(within(item).getByText('Solved')).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search questions' }), { target: { value: 'wheat' } });
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Search questions' }), { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(await screen.findByText('No question matches your search.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Ask a question' }));
    fireEvent.change(await screen.findByLabelText('Your question'), { target: { value: 'Where to keep flour?' } });
    const suggestions = await screen.findByTestId('community-suggestions', {}, { timeout: 3000 });
    expect(within(suggestions).getByRole('link', { name: 'Storing flour' }).getAttribute('href')).toBe(
      '/portal/rossi/help/00000000-0000-4000-8000-0000000000c1',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Post question' }));
    expect(await screen.findByText('question page')).toBeTruthy();
    await waitFor(() =>
      expect(api.calls.find((call) => call.method === 'POST')).toEqual({
        method: 'POST',
        url: '/api/portal/community-questions',
        body: { title: 'Where to keep flour?', body: null },
      }),
    );
  }, 30_000);
});
