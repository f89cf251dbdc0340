import type { TIdeaDetail } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { IdeaPage } from './idea-page.tsx';
import { renderIdeas } from './idea-test-render.tsx';

afterEach(() => vi.unstubAllGlobals());

const ID = '00000000-0000-4000-8000-0000000000a1';
const COMMENT = '00000000-0000-4000-8000-0000000000b1';
const ALBA = { id: '00000000-0000-4000-8000-0000000000c1', name: 'Alba Neri' };
const AURORA = { id: '00000000-0000-4000-8000-0000000000d1', name: 'Aurora' };

const IDEA: TIdeaDetail = {
  id: ID,
  title: 'Gluten-free rye loaf',
  body: 'For customers who cannot eat wheat.',
  status: 'new',
  answer: null,
  answeredAt: null,
  answeredBy: null,
  voteCount: 1,
  commentCount: 1,
  hidden: false,
  reviewedAt: null,
  author: { staff: null, contact: ALBA, company: AURORA, readable: true },
  createdAt: '2026-05-03T09:00:00.000Z',
  updatedAt: '2026-05-03T09:00:00.000Z',
  comments: [
    {
      id: COMMENT,
      ideaId: ID,
      body: 'Yes please',
      hidden: false,
      reviewedAt: null,
      author: { staff: null, contact: null, company: null, readable: false },
      createdAt: '2026-05-03T10:00:00.000Z',
    },
  ],
  supporters: [
    { role: 'author', contact: ALBA, company: AURORA, readable: true, at: '2026-05-03T09:00:00.000Z' },
    { role: 'voter', contact: null, company: null, readable: false, at: '2026-05-03T11:00:00.000Z' },
  ],
};

async function renderPage(me = testMe) {
  let idea = IDEA;
  const api = fakeApi(({ method, url, body }) => {
    if (method === 'GET' && url === `/api/v1/ideas/${ID}`) return jsonResponse(200, idea);
    if (method === 'PATCH' && url === `/api/v1/ideas/${ID}`) {
      const input = body as { status: TIdeaDetail['status']; answer: string | null };
      idea = { ...idea, ...input, answeredBy: { id: me.id, name: me.name }, answeredAt: '2026-05-05T09:00:00.000Z' };
      return jsonResponse(200, idea);
    }
    if (method === 'POST' && url === `/api/v1/idea-comments/${COMMENT}/review`) {
      idea = { ...idea, comments: idea.comments.map((c) => ({ ...c, hidden: true, reviewedAt: '2026-05-05T09:00:00.000Z' })) };
      return jsonResponse(200, idea.comments[0]);
    }
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderIdeas({ path: `/ideas/${ID}`, routes: [{ path: '/ideas/:id', element: <IdeaPage /> }], me });
  return api;
}

describe('IdeaPage', () => {
  it('shows the customers who want it, linked when readable, and saves a status with a public answer', async () => {
    const api = await renderPage();
    expect(await screen.findByText('Gluten-free rye loaf')).toBeTruthy();
    const supporters = screen.getAllByTestId('idea-supporter');
    expect(supporters).toHaveLength(2);
    expect(
      within(supporters[0] as HTMLElement)
        .getByRole('link', { name: 'Alba Neri' })
        .getAttribute('href'),
    ).toBe(`/contacts/${ALBA.id}`);
    expect(
      within(supporters[0] as HTMLElement)
        .getByRole('link', { name: 'Aurora' })
        .getAttribute('href'),
    ).toBe(`/companies/${AURORA.id}`);
    expect(within(supporters[1] as HTMLElement).getByText('Another customer')).toBeTruthy();

    fireEvent.mouseDown(document.querySelector('[role="combobox"]') as HTMLElement);
    fireEvent.click(await screen.findByTitle('Planned'));
    fireEvent.change(screen.getByPlaceholderText('Our answer to customers'), { target: { value: 'Coming in spring' } });
    fireEvent.click(screen.getByText('Save'));
    await waitFor(() => expect(screen.getByText(/Answered by Anna Rossi/)).toBeTruthy());
    expect(api.calls.filter((call) => call.method === 'PATCH')).toEqual([
      { method: 'PATCH', url: `/api/v1/ideas/${ID}`, body: { status: 'planned', answer: 'Coming in spring' } },
    ]);
  }, 60_000);

  it("lets a manager hide a customer's comment", async () => {
    const api = await renderPage();
    const comment = await screen.findByTestId('idea-comment');
    fireEvent.click(within(comment).getByRole('button', { name: 'Hide' }));
    await waitFor(() => expect(within(screen.getByTestId('idea-comment')).getByText('Hidden')).toBeTruthy());
    expect(api.calls.filter((call) => call.method === 'POST')).toEqual([
      { method: 'POST', url: `/api/v1/idea-comments/${COMMENT}/review`, body: { hidden: true } },
    ]);
  }, 30_000);

  it('shows an employee the answer read-only, without moderation buttons', async () => {
    await renderPage({ ...testMe, role: 'employee' });
    await screen.findByRole('heading', { name: 'Gluten-free rye loaf' });
    expect(screen.getByText('Only managers and administrators set the status of an idea.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Hide' })).toBeNull();
  }, 30_000);
});
