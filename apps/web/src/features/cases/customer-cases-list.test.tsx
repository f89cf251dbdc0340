import { screen } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCaseMessages } from '../../lib/case-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { CustomerCasesList, yearAgo } from './customer-cases-list.tsx';
import { aCase } from './test-cases.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadCaseMessages();
});
afterEach(() => vi.unstubAllGlobals());

const COMPANY = { id: '00000000-0000-4000-8000-000000000501', name: 'Edilizia Bianchi' };

describe('CustomerCasesList', () => {
  it('shows the company’s latest cases and flags repeated unfounded complaints of the last 12 months', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method !== 'GET' || !url.startsWith('/api/v1/cases?')) return undefined;
      if (url.includes('filter%5Bverdict%5D=unfounded')) return jsonResponse(200, { data: [], nextCursor: 'x', total: 3 });
      return jsonResponse(200, {
        data: [aCase('00000000-0000-4000-8000-000000000901', 'Plasterboard sheets cracked')],
        nextCursor: null,
        total: 1,
      });
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <CustomerCasesList customer={{ company: COMPANY }} />
      </App>,
      { me: testMe },
    );
    expect(await screen.findByRole('link', { name: 'Plasterboard sheets cracked' })).toBeTruthy();
    expect(await screen.findByText('3 unfounded complaints in the last 12 months')).toBeTruthy();
    const urls = api.calls.map((call) => call.url);
    expect(urls).toContain(`/api/v1/cases?filter%5BcompanyId%5D=${COMPANY.id}&sort=-createdAt&limit=5`);
    expect(urls).toContain(
      `/api/v1/cases?filter%5BcompanyId%5D=${COMPANY.id}&filter%5Bkind%5D=complaint&filter%5Bverdict%5D=unfounded&filter%5BcreatedFrom%5D=${yearAgo()}&limit=1`,
    );
    expect(screen.getByRole('button', { name: /Register a case/ })).toBeTruthy();
  }, 30_000);

  it('counts the last 12 months from the same day a year before', () => {
    expect(yearAgo(new Date('2026-12-07T10:00:00Z'))).toBe('2025-12-07');
  });
});
