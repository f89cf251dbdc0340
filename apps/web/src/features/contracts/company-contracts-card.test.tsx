import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { aCompany, fakeApi, page } from '../duplicates/test-duplicates.ts';
import { CompanyContractsCard } from './company-contracts-card.tsx';
import { aContract } from './test-contracts.ts';

afterEach(() => vi.unstubAllGlobals());

const COMPANY = '00000000-0000-4000-8000-000000000501';

describe('CompanyContractsCard', () => {
  it('loads its own messages, lists the company’s contracts and creates a new one for that company', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === `/api/v1/companies/${COMPANY}`) return jsonResponse(200, aCompany(COMPANY, 'Gazzetta di Quartiere'));
      if (method === 'GET' && url.startsWith('/api/v1/contracts?'))
        return jsonResponse(200, page([aContract('00000000-0000-4000-8000-000000000700', 'ADV-2026/7')]));
      if (method === 'GET' && url.startsWith('/api/v1/users?')) return jsonResponse(200, page([]));
      if (method === 'POST' && url === '/api/v1/contracts')
        return jsonResponse(201, aContract('00000000-0000-4000-8000-000000000701', 'ADV-2027/1'));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <CompanyContractsCard companyId={COMPANY} />
      </App>,
      { me: testMe },
    );

    // The card's code and messages load lazily.
    const card = await screen.findByTestId('company-contracts', {}, { timeout: 10_000 });
    expect(await within(card).findByRole('link', { name: 'ADV-2026/7' })).toBeTruthy();
    expect(api.calls.find((call) => call.url.startsWith('/api/v1/contracts?'))?.url).toBe(
      `/api/v1/contracts?filter%5BcompanyId%5D=${COMPANY}&limit=10`,
    );

    await waitFor(() => expect(within(card).getByRole('button', { name: /New contract/ })).toHaveProperty('disabled', false));
    fireEvent.click(within(card).getByRole('button', { name: /New contract/ }));
    const form = await screen.findByRole('form', { name: 'New contract' });
    fireEvent.change(within(form).getByLabelText('Number'), { target: { value: 'ADV-2027/1' } });
    fireEvent.change(within(form).getByLabelText('Subject'), { target: { value: 'Ad slot page 3, Fridays' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST')).toBe(true));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toMatchObject({
      number: 'ADV-2027/1',
      subject: 'Ad slot page 3, Fridays',
      companyId: COMPANY,
      // No value, so no currency either (the form starts with the user's one).
      value: null,
      currency: null,
      responsibleId: testMe.id,
      renewal: 'to_renegotiate',
    });
  }, 30_000);
});
