import type { TPortalIdea } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { renderIdeas } from './idea-test-render.tsx';
import { PortalIdeasPage } from './portal-ideas-page.tsx';

afterEach(() => vi.unstubAllGlobals());

const IDEA: TPortalIdea = {
  id: '00000000-0000-4000-8000-0000000000a1',
  title: 'Gluten-free rye loaf',
  body: null,
  status: 'planned',
  answer: 'Coming in spring',
  answeredAt: '2026-05-04T09:00:00.000Z',
  voteCount: 4,
  commentCount: 2,
  voted: false,
  mine: false,
  author: { name: 'Alba · Aurora', staff: false },
  createdAt: '2026-05-03T09:00:00.000Z',
};

describe('PortalIdeasPage', () => {
  it('shows each idea with its status, answer and votes, and the vote button toggles the count', async () => {
    let voted = false;
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/portal/ideas?'))
        return jsonResponse(200, page([{ ...IDEA, voted, voteCount: voted ? 5 : 4 }]));
      if (url === `/api/portal/ideas/${IDEA.id}/vote`) {
        voted = method === 'POST';
        return jsonResponse(200, { voted, voteCount: voted ? 5 : 4 });
      }
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderIdeas({ path: '/portal/rossi/ideas', routes: [{ path: '/portal/:workspace/ideas', element: <PortalIdeasPage /> }] });

    const card = await screen.findByTestId('idea-card');
    expect(within(card).getByRole('link', { name: 'Gluten-free rye loaf' }).getAttribute('href')).toBe(`/portal/rossi/ideas/${IDEA.id}`);
    expect(within(card).getByText('Planned')).toBeTruthy();
    expect(within(card).getByText('Coming in spring')).toBeTruthy();
    expect(within(card).getByText('2 comments')).toBeTruthy();

    const vote = within(card).getByRole('button', { name: 'Vote for “Gluten-free rye loaf”' });
    expect(vote.getAttribute('aria-pressed')).toBe('false');
    expect(vote.textContent).toContain('4');
    fireEvent.click(vote);
    const unvote = await within(card).findByRole('button', { name: 'Take back your vote for “Gluten-free rye loaf”' });
    expect(unvote.getAttribute('aria-pressed')).toBe('true');
    expect(unvote.textContent).toContain('5');

    fireEvent.click(unvote);
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Vote for “Gluten-free rye loaf”' }).textContent).toContain('4'));
    expect(api.calls.filter((call) => call.url.endsWith('/vote')).map((call) => call.method)).toEqual(['POST', 'DELETE']);
  }, 30_000);

  it('asks the server for the chosen order and status, and says so when nothing matches', async () => {
    const api = fakeApi(({ method, url }) =>
      method === 'GET' && url.startsWith('/api/portal/ideas?') ? jsonResponse(200, page([])) : undefined,
    );
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderIdeas({ path: '/portal/rossi/ideas', routes: [{ path: '/portal/:workspace/ideas', element: <PortalIdeasPage /> }] });
    expect(await screen.findByText('No ideas yet. Be the first to share one!')).toBeTruthy();
    fireEvent.click(screen.getByText('Newest'));
    fireEvent.click(screen.getByText('Done'));
    expect(await screen.findByText('No ideas match.')).toBeTruthy();
    await waitFor(() => expect(api.calls.at(-1)?.url).toBe('/api/portal/ideas?sort=new&status=done&limit=20'));
  }, 30_000);
});
