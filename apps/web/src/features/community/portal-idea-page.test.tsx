import type { TPortalIdeaDetail } from '@clientela/contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { renderIdeas } from './idea-test-render.tsx';
import { PortalIdeaPage } from './portal-idea-page.tsx';

afterEach(() => vi.unstubAllGlobals());

const ID = '00000000-0000-4000-8000-0000000000a1';
const IDEA: TPortalIdeaDetail = {
  id: ID,
  title: 'Gluten-free rye loaf',
  body: '<img src=x onerror="alert(1)">',
  status: 'new',
  answer: null,
  answeredAt: null,
  voteCount: 0,
  commentCount: 1,
  voted: false,
  mine: true,
  author: { name: 'Alba · Aurora', staff: false },
  createdAt: '2026-05-03T09:00:00.000Z',
  comments: [
    {
      id: '00000000-0000-4000-8000-0000000000b1',
      body: 'We like it',
      author: { name: 'Marta', staff: true },
      createdAt: '2026-05-03T10:00:00.000Z',
    },
  ],
};

describe('PortalIdeaPage', () => {
  it('shows the idea as text, its comments with the team marked, and sends a new comment', async () => {
    let idea = IDEA;
    const api = fakeApi(({ method, url, body }) => {
      if (method === 'GET' && url === `/api/portal/ideas/${ID}`) return jsonResponse(200, idea);
      if (method === 'POST' && url === `/api/portal/ideas/${ID}/comments`) {
        const comment = {
          id: '00000000-0000-4000-8000-0000000000b2',
          body: (body as { body: string }).body,
          author: IDEA.author,
          createdAt: '2026-05-04T10:00:00.000Z',
        };
        idea = { ...idea, comments: [...idea.comments, comment], commentCount: 2 };
        return jsonResponse(201, comment);
      }
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderIdeas({
      path: `/portal/rossi/ideas/${ID}`,
      routes: [{ path: '/portal/:workspace/ideas/:id', element: <PortalIdeaPage /> }],
    });

    expect(await screen.findByText('Gluten-free rye loaf')).toBeTruthy();
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeTruthy();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(screen.getAllByTestId('idea-comment')).toHaveLength(1);
    expect(screen.getByText('Team')).toBeTruthy();

    fireEvent.change(screen.getByPlaceholderText('Add a comment'), { target: { value: '  Yes please  ' } });
    fireEvent.click(screen.getByText('Comment'));
    await waitFor(() => expect(screen.getAllByTestId('idea-comment')).toHaveLength(2));
    expect(api.calls.filter((call) => call.method === 'POST')).toEqual([
      { method: 'POST', url: `/api/portal/ideas/${ID}/comments`, body: { body: 'Yes please' } },
    ]);
  }, 60_000);
});
