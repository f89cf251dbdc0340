import type { TCommunityQuestion } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { renderCommunity } from './community-test-render.tsx';
import { PortalQuestionPage } from './portal-question-page.tsx';

afterEach(() => vi.unstubAllGlobals());

const QUESTION_ID = '00000000-0000-4000-8000-0000000000a1';
const FIRST = '00000000-0000-4000-8000-0000000000b1';
const SECOND = '00000000-0000-4000-8000-0000000000b2';

function aQuestion(extra: Partial<TCommunityQuestion> = {}): TCommunityQuestion {
  return {
    id: QUESTION_ID,
    title: 'How do I store rye flour?',
    body: 'It gets damp in winter.',
    author: { name: 'Alba', companyName: 'Aurora', staff: false },
    createdAt: '2026-05-03T09:00:00.000Z',
    acceptedAnswerId: null,
    article: null,
    mine: true,
    answers: [
      {
        id: FIRST,
        body: 'In the fridge.',
        author: { name: 'Carla', companyName: 'Cirro', staff: false },
        accepted: false,
        createdAt: '2026-05-03T10:00:00.000Z',
      },
      {
        id: SECOND,
        body: 'In sealed bins.',
        author: { name: 'Bruno', companyName: 'Borea', staff: false },
        accepted: false,
        createdAt: '2026-05-03T11:00:00.000Z',
      },
    ],
    ...extra,
  };
}

async function renderPage(question: TCommunityQuestion) {
  const api = fakeApi(({ method, url }) => {
    if (method === 'GET' && url === `/api/portal/community-questions/${QUESTION_ID}`) return jsonResponse(200, question);
    if (method === 'POST' && url === `/api/portal/community-questions/${QUESTION_ID}/accept`) {
      const [first, second] = question.answers;
      return jsonResponse(200, {
        ...question,
        acceptedAnswerId: SECOND,
        answers: [
          { ...second, accepted: true },
          { ...first, accepted: false },
        ],
      });
    }
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderCommunity({
    path: `/portal/rossi/community/${QUESTION_ID}`,
    routes: [{ path: '/portal/:workspace/community/:id', element: <PortalQuestionPage /> }],
  });
  return api;
}

describe('PortalQuestionPage', () => {
  it('lets the asker accept an answer, which then shows first and marked', async () => {
    const api = await renderPage(aQuestion());
    expect(await screen.findByRole('heading', { name: 'How do I store rye flour?' })).toBeTruthy();
    expect(screen.getByText('Alba, Aurora', { exact: false })).toBeTruthy();
    const answers = screen.getAllByTestId('community-answer');
    expect(answers).toHaveLength(2);
    fireEvent.click(within(answers[1] as HTMLElement).getByRole('button', { name: 'Accept this answer' }));

    await waitFor(() => expect(screen.getAllByTestId('community-answer')[0]?.textContent).toContain('In sealed bins.'));
    const first = screen.getAllByTestId('community-answer')[0] as HTMLElement;
    expect(within(first).getByText('Accepted answer')).toBeTruthy();
    expect(within(first).queryByRole('button', { name: 'Accept this answer' })).toBeNull();
    expect(api.calls.filter((call) => call.method === 'POST')).toEqual([
      { method: 'POST', url: `/api/portal/community-questions/${QUESTION_ID}/accept`, body: { answerId: SECOND } },
    ]);
  }, 30_000);

  it('offers no accept button to someone who did not ask, and links the promoted article', async () => {
    await renderPage(aQuestion({ mine: false, article: { id: '00000000-0000-4000-8000-0000000000c1', title: 'Storing rye flour' } }));
    await screen.findByRole('heading', { name: 'How do I store rye flour?' });
    expect(screen.queryByRole('button', { name: 'Accept this answer' })).toBeNull();
    expect(screen.getByRole('link', { name: 'This answer is now an article: Storing rye flour' }).getAttribute('href')).toBe(
      '/portal/rossi/help/00000000-0000-4000-8000-0000000000c1',
    );
  }, 30_000);
});
