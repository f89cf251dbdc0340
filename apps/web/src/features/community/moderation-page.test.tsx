import type { TModerationItem } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { renderCommunity } from './community-test-render.tsx';
import { ModerationPage } from './moderation-page.tsx';

afterEach(() => vi.unstubAllGlobals());

const QUESTION: TModerationItem = {
  kind: 'question',
  id: '00000000-0000-4000-8000-0000000000a1',
  questionId: '00000000-0000-4000-8000-0000000000a1',
  questionTitle: 'Delivery on Sundays?',
  text: 'Delivery on Sundays?',
  author: { name: 'Alba', companyName: 'Aurora', staff: false },
  hidden: false,
  createdAt: '2026-05-03T09:00:00.000Z',
};
const ANSWER: TModerationItem = {
  ...QUESTION,
  kind: 'answer',
  id: '00000000-0000-4000-8000-0000000000b1',
  text: 'Buy cheap flour at spam.example',
  author: { name: 'Bruno', companyName: 'Borea', staff: false },
};

describe('ModerationPage', () => {
  it('lists posts waiting for review with their count, and approves or hides them', async () => {
    let queue = [QUESTION, ANSWER];
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === '/api/v1/community-questions/moderation-queue') return jsonResponse(200, { data: queue });
      if (method === 'POST' && url === `/api/v1/community-answers/${ANSWER.id}/review`) {
        queue = queue.filter((item) => item.id !== ANSWER.id);
        return jsonResponse(204, undefined);
      }
      if (method === 'POST' && url === `/api/v1/community-questions/${QUESTION.id}/review`) {
        queue = queue.filter((item) => item.id !== QUESTION.id);
        return jsonResponse(200, {});
      }
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderCommunity({ path: '/moderation', routes: [{ path: '/moderation', element: <ModerationPage /> }], me: testMe });

    expect(await screen.findByRole('tab', { name: /Questions and answers \(2\)/ })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Ideas' })).toBeTruthy();
    const items = screen.getAllByTestId('moderation-item');
    expect(items).toHaveLength(2);
    expect(within(items[1] as HTMLElement).getByText('On: Delivery on Sundays?')).toBeTruthy();

    fireEvent.click(within(items[1] as HTMLElement).getByRole('button', { name: 'Hide' }));
    await waitFor(() => expect(screen.getAllByTestId('moderation-item')).toHaveLength(1));
    expect(screen.getByRole('tab', { name: /Questions and answers \(1\)/ })).toBeTruthy();

    fireEvent.click(within(screen.getByTestId('moderation-item')).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(screen.getByText('Nothing waits for review.')).toBeTruthy());
    expect(api.calls.filter((call) => call.method === 'POST')).toEqual([
      { method: 'POST', url: `/api/v1/community-answers/${ANSWER.id}/review`, body: { hidden: true } },
      { method: 'POST', url: `/api/v1/community-questions/${QUESTION.id}/review`, body: { hidden: false } },
    ]);
  }, 30_000);
});
