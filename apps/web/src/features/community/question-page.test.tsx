import type { TStaffCommunityQuestion } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { renderCommunity } from './community-test-render.tsx';
import { QuestionPage } from './question-page.tsx';

afterEach(() => vi.unstubAllGlobals());

const ID = '00000000-0000-4000-8000-0000000000a1';
const ANSWER = '00000000-0000-4000-8000-0000000000b1';
const ARTICLE = '00000000-0000-4000-8000-0000000000c1';

function aQuestion(extra: Partial<TStaffCommunityQuestion> = {}): TStaffCommunityQuestion {
  return {
    id: ID,
    title: 'How do I store rye flour?',
    body: null,
    author: { name: 'Alba', companyName: 'Aurora', staff: false },
    createdAt: '2026-05-03T09:00:00.000Z',
    acceptedAnswerId: ANSWER,
    article: null,
    mine: false,
    hidden: false,
    reviewedAt: null,
    mayModerate: true,
    answers: [
      {
        id: ANSWER,
        body: 'In sealed bins.',
        author: { name: 'Bruno', companyName: 'Borea', staff: false },
        accepted: true,
        createdAt: '2026-05-03T10:00:00.000Z',
        hidden: false,
        reviewedAt: null,
      },
    ],
    ...extra,
  };
}

async function renderPage(question: TStaffCommunityQuestion) {
  const api = fakeApi(({ method, url }) => {
    if (method === 'GET' && url === `/api/v1/community-questions/${ID}`) return jsonResponse(200, question);
    if (method === 'GET' && url === '/api/v1/kb-categories')
      return jsonResponse(200, {
        data: [{ id: '00000000-0000-4000-8000-0000000000d1', name: 'Storage', parentId: null, position: 0, articles: 0 }],
      });
    if (method === 'POST' && url === `/api/v1/community-questions/${ID}/promote`)
      return jsonResponse(201, { articleId: ARTICLE, title: 'Storing rye flour', status: 'published' });
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderCommunity({ path: `/community/${ID}`, routes: [{ path: '/community/:id', element: <QuestionPage /> }], me: testMe });
  return api;
}

describe('QuestionPage', () => {
  it('promotes the accepted answer to a public article and links it', async () => {
    const api = await renderPage(aQuestion());
    fireEvent.click(await screen.findByRole('button', { name: 'Promote to knowledge base' }));
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByLabelText('Article title');
    expect((title as HTMLInputElement).value).toBe('How do I store rye flour?');
    fireEvent.change(title, { target: { value: 'Storing rye flour' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Promote to knowledge base' }));
    const link = await screen.findByRole('link', { name: 'Open the article: Storing rye flour' });
    expect(link.getAttribute('href')).toBe(`/kb/${ARTICLE}`);
    await waitFor(() =>
      expect(api.calls.find((call) => call.method === 'POST')).toEqual({
        method: 'POST',
        url: `/api/v1/community-questions/${ID}/promote`,
        body: { title: 'Storing rye flour', categoryId: null, language: 'en' },
      }),
    );
  }, 30_000);

  it('cannot promote without an accepted answer, and hides nothing for an employee', async () => {
    await renderPage(
      aQuestion({
        acceptedAnswerId: null,
        mayModerate: false,
        answers: aQuestion().answers.map((answer) => ({ ...answer, accepted: false })),
      }),
    );
    const promote = await screen.findByRole('button', { name: 'Promote to knowledge base' });
    expect(promote.hasAttribute('disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Hide' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Accept' })).toBeTruthy();
  }, 30_000);
});
