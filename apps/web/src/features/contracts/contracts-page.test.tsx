import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadContractMessages } from '../../lib/contract-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { ContractsPage } from './contracts-page.tsx';
import { aContract } from './test-contracts.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadContractMessages();
});
afterEach(() => vi.unstubAllGlobals());

const slot = aContract('00000000-0000-4000-8000-000000000700', 'ADV-2026/7', { bindingAgreements: 1, value: '5200.50' });

describe('ContractsPage', () => {
  it('lists contracts with their value as money and the binding agreements, and asks the server for those expiring in N days', async () => {
    const api = fakeApi(({ method, url }) =>
      method === 'GET' && url.startsWith('/api/v1/contracts?') ? jsonResponse(200, page([slot])) : undefined,
    );
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <ContractsPage />
      </App>,
      { me: testMe, path: '/contracts' },
    );

    const row = (await screen.findByRole('link', { name: 'ADV-2026/7' })).closest('tr') as HTMLElement;
    expect(within(row).getByRole('link', { name: 'ADV-2026/7' }).getAttribute('href')).toBe(`/contracts/${slot.id}`);
    expect(row.textContent).toContain('€5,200.50');
    expect(row.textContent).toContain('To renegotiate');
    expect(row.textContent).toContain('1 binding agreement');
    expect(row.textContent).toContain('28 Feb 2026');
    expect(api.calls[0]?.url).toBe('/api/v1/contracts?limit=30');

    fireEvent.click(screen.getByText('Expiring soon'));
    await waitFor(() => expect(api.calls.at(-1)?.url).toBe('/api/v1/contracts?filter%5BexpiringWithin%5D=30&limit=30'));
    const days = screen.getByRole('spinbutton', { name: 'Number of days' });
    fireEvent.change(days, { target: { value: '60' } });
    await waitFor(() => expect(api.calls.at(-1)?.url).toBe('/api/v1/contracts?filter%5BexpiringWithin%5D=60&limit=30'));

    fireEvent.click(screen.getByText('Expired, not ended'));
    await waitFor(() => expect(api.calls.at(-1)?.url).toBe('/api/v1/contracts?filter%5Bexpired%5D=true&limit=30'));

    fireEvent.change(screen.getByRole('textbox', { name: 'Search by number or subject' }), { target: { value: 'ADV' } });
    await waitFor(() => expect(api.calls.at(-1)?.url).toBe('/api/v1/contracts?q=ADV&filter%5Bexpired%5D=true&limit=30'));
  }, 30_000);
});
