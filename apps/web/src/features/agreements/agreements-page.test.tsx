import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { anAgreement } from '../activities/test-activities.ts';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { AgreementsPage } from './agreements-page.tsx';

afterEach(() => vi.unstubAllGlobals());

const renewal = anAgreement('00000000-0000-4000-8000-000000000801', {
  title: 'Renew the Friday ad',
  resource: 'ad slot page 3, Fridays',
  // Made with a customer this reader may not see: the promise shows, not with whom.
  company: null,
  customerHidden: true,
});
const delivery = anAgreement('00000000-0000-4000-8000-000000000802', { status: 'broken', binding: false });

describe('AgreementsPage', () => {
  it('lists agreements, opens the one in the address, and hides customers the reader may not see', async () => {
    const api = fakeApi(({ url }) => {
      if (url === '/api/v1/agreements?sort=-agreedOn&limit=30')
        return jsonResponse(200, { data: [renewal, delivery], nextCursor: 'next', total: 31 });
      if (url.startsWith('/api/v1/agreements?q=friday')) return jsonResponse(200, { data: [renewal], nextCursor: null, total: 1 });
      if (url === `/api/v1/agreements/${renewal.id}`) return jsonResponse(200, renewal);
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <Routes>
          <Route path="/agreements" element={<AgreementsPage />} />
        </Routes>
      </App>,
      { me: testMe, path: `/agreements?open=${renewal.id}` },
    );

    const details = await screen.findByTestId('agreement-details');
    const drawer = details.closest('.ant-drawer') as HTMLElement;
    expect(within(drawer).getByText('Renew the Friday ad')).toBeTruthy();
    expect(details.textContent).toContain('ad slot page 3, Fridays');
    expect(within(details).getByText('another customer')).toBeTruthy();
    expect(details.textContent).toContain('no end date');

    // The list's rows, not those of the agreement's details.
    const list = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.ant-table-tbody');
      if (!found?.textContent) throw new Error('no rows yet');
      return found;
    });
    const rows = within(list).getAllByRole('row');
    expect(rows.map((row) => row.querySelector('td')?.textContent)).toEqual([
      'Renew the Friday adad slot page 3, Fridays',
      'Free delivery on Saturdays',
    ]);
    expect(screen.getByTestId('list-total').textContent).toBe('Showing 2 of 31');
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: 'Search agreements' }), { target: { value: 'friday' } });
    await waitFor(() => expect(screen.getByTestId('list-total').textContent).toBe('Showing 1 of 1'));
  }, 20_000);
});
