import type { TDuplicatePair } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { DuplicatesPage } from './duplicates-page.tsx';
import { aDuplicateRecord, fakeApi, page } from './test-duplicates.ts';

afterEach(() => vi.unstubAllGlobals());

const A = '00000000-0000-4000-8000-000000000601';
const B = '00000000-0000-4000-8000-000000000602';
const pair: TDuplicatePair = {
  entity: 'contact',
  a: aDuplicateRecord(A, 'Giulia Bianchi', {
    city: 'Milano',
    emails: ['giulia@example.com'],
    phones: ['+39 02 1234 5678'],
    owner: { id: testMe.id, name: 'Anna Rossi' },
  }),
  b: aDuplicateRecord(B, 'Giulia Bianchi', { city: 'Milano', emails: ['giulia@example.com', 'g.bianchi@example.com'] }),
  reasons: ['email', 'name_city'],
};

describe('DuplicatesPage', () => {
  it('shows each pair side by side with why it looks alike, and drops a pair marked as different', async () => {
    let dismissed = false;
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/v1/duplicates?')) return jsonResponse(200, page(dismissed ? [] : [pair]));
      if (method === 'POST' && url === '/api/v1/duplicates/dismiss') {
        dismissed = true;
        return new Response(null, { status: 204 });
      }
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <DuplicatesPage />
      </App>,
      { me: testMe, path: '/duplicates?entity=contact' },
    );

    const card = await screen.findByRole('article', { name: 'Giulia Bianchi and Giulia Bianchi' });
    expect(api.calls[0]?.url).toBe('/api/v1/duplicates?entity=contact&limit=20');
    expect(screen.getByRole('tab', { name: 'Contacts', selected: true })).toBeTruthy();
    expect(within(card).getByTestId('duplicate-reasons').textContent).toBe('Same e-mailSame name and city');
    const [first, second] = within(card).getAllByTestId('duplicate-record');
    expect(
      within(first as HTMLElement)
        .getByRole('link', { name: 'Giulia Bianchi' })
        .getAttribute('href'),
    ).toBe(`/contacts/${A}`);
    expect(first?.textContent).toContain('+39 02 1234 5678');
    expect(first?.textContent).toContain('Anna Rossi');
    expect(second?.textContent).toContain('g.bianchi@example.com');
    expect(second?.textContent).toContain('nobody');

    fireEvent.click(within(card).getByRole('button', { name: 'Not duplicates' }));
    expect(await screen.findByText('No probable duplicates among the contacts.')).toBeTruthy();
    const dismiss = api.calls.find((call) => call.method === 'POST');
    expect(dismiss?.body).toEqual({ entity: 'contact', ids: [A, B] });
    await waitFor(() => expect(screen.getByText('Marked as different: Giulia Bianchi and Giulia Bianchi.')).toBeTruthy());
  }, 15_000);

  it('lets employees mark pairs as different, but not merge them', async () => {
    vi.stubGlobal('fetch', vi.fn(fakeApi(() => jsonResponse(200, page([{ ...pair, entity: 'company' }]))).fetch));
    await renderWithApp(
      <App>
        <DuplicatesPage />
      </App>,
      { me: { ...testMe, role: 'employee' }, path: '/duplicates' },
    );
    const card = await screen.findByRole('article');
    expect(within(card).getByRole('button', { name: 'Merge…' })).toHaveProperty('disabled', true);
    expect(within(card).getByRole('button', { name: 'Not duplicates' })).toHaveProperty('disabled', false);
  });
});
