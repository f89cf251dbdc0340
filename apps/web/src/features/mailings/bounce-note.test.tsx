import type { TMailingRecipient } from '@clientela/contract';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render.tsx';
import { MailingPage } from './mailing-page.tsx';
import { aMailing, counts, MAILING_ID, renderMailings } from './test-mailings.tsx';

afterEach(() => vi.unstubAllGlobals());

const done = aMailing(MAILING_ID, 'Autumn news', {
  status: 'done',
  total: 3,
  counts: counts({ sent: 1, bounced: 2 }),
  progress: 1,
  queuedAt: '2026-12-06T09:00:00.000Z',
  startedAt: '2026-12-06T09:01:00.000Z',
  finishedAt: '2026-12-06T09:05:00.000Z',
});

const recipient = (n: number, extra: Partial<TMailingRecipient>): TMailingRecipient => ({
  contact: { id: `00000000-0000-4000-8000-0000000020${String(n).padStart(2, '0')}`, name: `Contact ${n}` },
  email: `contact${n}@example.com`,
  status: 'sent',
  attempts: 1,
  error: null,
  sentAt: '2026-12-06T09:02:00.000Z',
  openedAt: null,
  clickedAt: null,
  ...extra,
});

const DIAGNOSTIC = '550 5.1.1 <contact1@example.com>: Recipient address rejected: User unknown';
const DELAY = '451 4.4.1 Connection timed out, will retry';

describe('bounced recipients on the mailing page', () => {
  it('says how many addresses bounced, lists them on demand with the server’s diagnostic as it came, and marks delays', async () => {
    const base = `/api/v1/mailings/${MAILING_ID}/recipients`;
    await renderMailings(
      <Routes>
        <Route path="/mailings/:id" element={<MailingPage />} />
      </Routes>,
      ({ method, url }) => {
        if (method === 'GET' && url === `/api/v1/mailings/${MAILING_ID}`) return jsonResponse(200, done);
        if (method === 'GET' && url === `${base}?limit=50`)
          return jsonResponse(200, { data: [recipient(2, { error: DELAY })], nextCursor: null, total: 3 });
        if (method === 'GET' && url === `${base}?status=bounced&limit=50`)
          return jsonResponse(200, { data: [recipient(1, { status: 'bounced', error: DIAGNOSTIC })], nextCursor: null, total: 2 });
        return undefined;
      },
      `/mailings/${MAILING_ID}`,
    );

    expect(await screen.findByText('2 addresses bounced. They are kept out of every later mailing.')).toBeTruthy();
    const delayed = (await screen.findByRole('link', { name: 'Contact 2' })).closest('tr') as HTMLElement;
    expect(within(delayed).getByText('Delivery delayed; the receiving server is still trying')).toBeTruthy();
    expect(within(delayed).getByText(DELAY)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show them' }));
    const bounced = (await screen.findByRole('link', { name: 'Contact 1' })).closest('tr') as HTMLElement;
    expect(within(bounced).getByText('Bounced: the receiving server said')).toBeTruthy();
    expect(within(bounced).getByText(DIAGNOSTIC)).toBeTruthy();
  }, 30_000);
});
