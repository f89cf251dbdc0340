import type { TIdea, TIdeaModerationQueue } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { renderIdeas } from './idea-test-render.tsx';
import { IdeasModeration } from './ideas-moderation.tsx';

afterEach(() => vi.unstubAllGlobals());

const IDEA: TIdea = {
  id: '00000000-0000-4000-8000-0000000000a1',
  title: 'Delivery on Sundays',
  body: null,
  status: 'new',
  answer: null,
  answeredAt: null,
  answeredBy: null,
  voteCount: 0,
  commentCount: 1,
  hidden: false,
  reviewedAt: null,
  author: { staff: null, contact: null, company: { id: '00000000-0000-4000-8000-0000000000d1', name: 'Aurora' }, readable: true },
  createdAt: '2026-05-03T09:00:00.000Z',
  updatedAt: '2026-05-03T09:00:00.000Z',
};
const COMMENT = {
  id: '00000000-0000-4000-8000-0000000000b1',
  ideaId: IDEA.id,
  ideaTitle: IDEA.title,
  body: 'Buy cheap flour at spam.example',
  hidden: false,
  reviewedAt: null,
  author: { staff: null, contact: null, company: null, readable: false },
  createdAt: '2026-05-03T10:00:00.000Z',
};

describe('IdeasModeration', () => {
  it('lists ideas and comments waiting for review and approves or hides them', async () => {
    let queue: TIdeaModerationQueue = { ideas: [IDEA], comments: [COMMENT] };
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === '/api/v1/ideas/moderation-queue') return jsonResponse(200, queue);
      if (method === 'POST' && url === `/api/v1/idea-comments/${COMMENT.id}/review`) {
        queue = { ...queue, comments: [] };
        return jsonResponse(200, { ...COMMENT, hidden: true });
      }
      if (method === 'POST' && url === `/api/v1/ideas/${IDEA.id}/review`) {
        queue = { ...queue, ideas: [] };
        return jsonResponse(200, { ...IDEA, comments: [], supporters: [] });
      }
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderIdeas({ path: '/moderation', routes: [{ path: '/moderation', element: <IdeasModeration /> }], me: testMe });

    const comment = await screen.findByTestId('moderation-idea-comment');
    expect(within(comment).getByText('On “Delivery on Sundays”')).toBeTruthy();
    expect(within(comment).getByText('Another customer')).toBeTruthy();
    fireEvent.click(within(comment).getByText('Hide'));
    await waitFor(() => expect(screen.queryByTestId('moderation-idea-comment')).toBeNull());

    fireEvent.click(within(screen.getByTestId('moderation-idea')).getByText('Approve'));
    await waitFor(() => expect(screen.getByText('Nothing to review: every idea and comment has been seen.')).toBeTruthy());
    expect(api.calls.filter((call) => call.method === 'POST')).toEqual([
      { method: 'POST', url: `/api/v1/idea-comments/${COMMENT.id}/review`, body: { hidden: true } },
      { method: 'POST', url: `/api/v1/ideas/${IDEA.id}/review`, body: { hidden: false } },
    ]);
  }, 60_000);
});
