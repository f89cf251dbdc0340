import type { TMailingRecipient } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render.tsx';
import { MailingPage } from './mailing-page.tsx';
import { aMailing, counts, MAILING_ID, renderMailings } from './test-mailings.tsx';

afterEach(() => vi.unstubAllGlobals());

const sending = aMailing(MAILING_ID, 'Spring offers to class A', {
  status: 'sending',
  total: 1250,
  counts: counts({
    sent: 1000,
    queued: 100,
    skipped_no_consent: 80,
    skipped_unsubscribed: 30,
    skipped_no_email: 25,
    bounced: 10,
    failed: 5,
  }),
  progress: 0.92,
  queuedAt: '2026-12-06T09:00:00.000Z',
  startedAt: '2026-12-06T09:01:00.000Z',
});

const recipient = (n: number, extra: Partial<TMailingRecipient> = {}): TMailingRecipient => ({
  contact: { id: `00000000-0000-4000-8000-0000000010${String(n).padStart(2, '0')}`, name: `Contact ${n}` },
  email: `contact${n}@example.com`,
  status: 'sent',
  attempts: 1,
  error: null,
  sentAt: '2026-12-06T09:02:00.000Z',
  openedAt: null,
  clickedAt: null,
  ...extra,
});

const route = (
  <Routes>
    <Route path="/mailings/:id" element={<MailingPage />} />
  </Routes>
);

describe('MailingPage', () => {
  it('shows the progress and the count of every outcome, pages and filters the recipients, and pauses', async () => {
    let current = sending;
    const base = `/api/v1/mailings/${MAILING_ID}/recipients`;
    const { api } = await renderMailings(
      route,
      ({ method, url }) => {
        if (method === 'GET' && url === `/api/v1/mailings/${MAILING_ID}`) return jsonResponse(200, current);
        if (method === 'GET' && url === `${base}?limit=50`)
          return jsonResponse(200, { data: [recipient(1)], nextCursor: 'c2', total: 1250 });
        if (method === 'GET' && url === `${base}?cursor=c2&limit=50`)
          return jsonResponse(200, { data: [recipient(2)], nextCursor: null, total: 1250 });
        if (method === 'GET' && url === `${base}?status=failed&limit=50`)
          return jsonResponse(200, {
            data: [recipient(3, { status: 'failed', sentAt: null, error: '550 mailbox unavailable' })],
            nextCursor: null,
            total: 5,
          });
        if (method === 'POST' && url === `/api/v1/mailings/${MAILING_ID}/pause`) {
          current = { ...sending, status: 'paused' };
          return jsonResponse(200, current);
        }
        return undefined;
      },
      `/mailings/${MAILING_ID}`,
    );

    expect(await screen.findByText('1,000 of 1,250 sent')).toBeTruthy();
    expect(screen.getByText('92%')).toBeTruthy();
    expect(screen.getByText('Sending')).toBeTruthy();
    const count = (status: string) => screen.getByTestId(`count-${status}`).textContent;
    expect(count('sent')).toBe('Sent1,000');
    expect(count('skipped_no_consent')).toBe('Skipped: no consent80');
    expect(count('skipped_unsubscribed')).toBe('Unsubscribed30');
    expect(count('skipped_no_email')).toBe('No e-mail25');
    expect(count('bounced')).toBe('Bounced10');
    expect(count('failed')).toBe('Failed5');
    expect(screen.getByRole('img', { name: /What became of the messages: Sent 1,000, Skipped: no consent 80/ })).toBeTruthy();

    const first = (await screen.findByRole('link', { name: 'Contact 1' })).closest('tr') as HTMLElement;
    expect(screen.getByRole('link', { name: 'Contact 1' }).getAttribute('href')).toBe('/contacts/00000000-0000-4000-8000-000000001001');
    expect(first.textContent).toContain('contact1@example.com');
    expect(first.textContent).toContain('6 Dec 2026, 10:02');
    expect(screen.getByText('1,250 recipients')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('link', { name: 'Contact 2' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByRole('link', { name: 'Contact 1' })).toBeTruthy();

    fireEvent.click(screen.getByTestId('count-failed'));
    const failed = (await screen.findByRole('link', { name: 'Contact 3' })).closest('tr') as HTMLElement;
    expect(within(failed).getByText('550 mailbox unavailable')).toBeTruthy();
    expect(failed.textContent).toContain('Failed');

    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST' && call.url.endsWith('/pause'))).toBe(true));
    expect(await screen.findByRole('button', { name: /Resume/ })).toBeTruthy();
    expect(screen.getByText('Paused')).toBeTruthy();
  }, 30_000);

  it('offers a draft to be queued, without counts or recipients yet', async () => {
    await renderMailings(
      route,
      ({ url }) => (url === `/api/v1/mailings/${MAILING_ID}` ? jsonResponse(200, aMailing(MAILING_ID, 'Draft news')) : undefined),
      `/mailings/${MAILING_ID}`,
    );
    expect(await screen.findByRole('button', { name: /Queue and send/ })).toBeTruthy();
    expect(screen.queryByText('Recipients')).toBeNull();
    expect(screen.queryByRole('button', { name: /Pause/ })).toBeNull();
  }, 30_000);
});
