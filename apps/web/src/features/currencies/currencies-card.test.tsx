import type { TCurrencySettings, TExchangeRate } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import dayjs from 'dayjs';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalogueMessages } from '../../lib/catalogue-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { CurrenciesCard } from './currencies-card.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadCatalogueMessages();
});
afterEach(() => vi.unstubAllGlobals());

const rate = (on: string, value: string): TExchangeRate => ({ currency: 'USD', on, rate: value, createdAt: `${on}T08:00:00.000Z` });

function currenciesApi(settings: TCurrencySettings) {
  return fakeApi(({ method, url }) => {
    if (method === 'GET' && url === '/api/v1/currencies') return jsonResponse(200, settings);
    if (method === 'GET' && url.startsWith('/api/v1/currencies/rates?'))
      return jsonResponse(200, page([rate('2026-11-02', '0.93'), rate('2026-10-01', '0.91')]));
    if (method === 'PUT' && url === '/api/v1/currencies/rates') return new Response(null, { status: 204 });
    return undefined;
  });
}

/** Where the card has taken the user. */
function Where() {
  const { pathname, search } = useLocation();
  return <div data-testid="where">{`${pathname}${search}`}</div>;
}

async function renderCard(me = testMe) {
  await renderWithApp(
    <App>
      <CurrenciesCard />
    </App>,
    { me },
  );
}

const LOCKED: TCurrencySettings = {
  baseCurrency: 'EUR',
  currencies: [
    { code: 'EUR', latestRate: null, latestRateOn: null },
    { code: 'USD', latestRate: '0.93', latestRateOn: '2026-11-02' },
  ],
  baseCurrencyChangeable: false,
};

describe('CurrenciesCard', () => {
  it('shows the base currency locked once amounts are recorded, and each currency with its latest rate', async () => {
    const api = currenciesApi(LOCKED);
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderCard();

    expect((await screen.findByTestId('base-locked')).textContent).toContain('The base currency stays EUR');
    const base = screen.getByRole('combobox', { name: 'Base currency' });
    expect(base.closest('.ant-select')?.className).toContain('ant-select-disabled');
    expect(screen.queryByRole('button', { name: 'Change base currency' })).toBeNull();
    const usd = screen.getByText('US Dollar').closest('tr') as HTMLElement;
    expect(usd.textContent).toContain('1 USD = 0.93 EUR');
    expect(usd.textContent).toContain('since 2 Nov 2026');
    expect(api.calls.some((call) => call.url === '/api/v1/currencies/rates?filter%5Bcurrency%5D=USD&limit=60')).toBe(true);
    // Two rates or more make a line over time.
    expect(await screen.findByRole('img', { name: 'Rate of USD in EUR over time' })).toBeTruthy();
    expect(screen.getByText('1 USD = 0.91 EUR')).toBeTruthy();
  }, 30_000);

  it('lets an admin enter a rate, explained as 1 USD = x EUR, and sends it as a decimal string', async () => {
    const api = currenciesApi({ ...LOCKED, baseCurrencyChangeable: true });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderCard();

    const form = await screen.findByRole('form', { name: 'Enter an exchange rate' });
    expect(screen.queryByTestId('base-locked')).toBeNull();
    expect(within(form).getByText(/1 USD = x EUR/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Rate of USD in EUR'), { target: { value: '0,9215' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save rate' }));

    expect(await screen.findByText('Rate of USD saved.')).toBeTruthy();
    const put = api.calls.find((call) => call.method === 'PUT');
    expect(put?.body).toEqual({ rates: [{ currency: 'USD', on: dayjs().format('YYYY-MM-DD'), rate: '0.9215' }] });
  }, 30_000);

  it('keeps an employee to reading', async () => {
    vi.stubGlobal('fetch', vi.fn(currenciesApi({ ...LOCKED, baseCurrencyChangeable: true }).fetch));
    await renderCard({ ...testMe, role: 'employee' });

    expect(await screen.findByText('US Dollar')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Enter an exchange rate' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Import from file/ })).toBeNull();
    await waitFor(() => expect(screen.getAllByText('1 USD = 0.91 EUR').length).toBeGreaterThan(0));
  }, 30_000);

  it('opens the import wizard for rates from the rates section, for an admin, even before another currency is in use', async () => {
    const onlyBase: TCurrencySettings = { ...LOCKED, currencies: [{ code: 'EUR', latestRate: null, latestRateOn: null }] };
    vi.stubGlobal('fetch', vi.fn(currenciesApi(onlyBase).fetch));
    await renderWithApp(
      <App>
        <Routes>
          <Route path="/admin/workspace" element={<CurrenciesCard />} />
          <Route path="/imports/new" element={<Where />} />
        </Routes>
      </App>,
      { me: testMe, path: '/admin/workspace' },
    );
    fireEvent.click(await screen.findByRole('button', { name: /Import from file/ }));
    expect((await screen.findByTestId('where')).textContent).toBe('/imports/new?entity=exchange_rate');
  }, 30_000);
});
