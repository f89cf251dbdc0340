import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCaseMessages } from '../../lib/case-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { CasesPage } from './cases-page.tsx';
import { aCase, COMPLAINT_TYPE } from './test-cases.ts';
import { caseQueryFromParams } from './use-case-filters.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadCaseMessages();
});
afterEach(() => vi.unstubAllGlobals());

describe('caseQueryFromParams', () => {
  it('asks for open cases by default, and for every status once "all" or statuses are chosen', () => {
    expect(caseQueryFromParams(new URLSearchParams(''))).toMatchObject({ 'filter[open]': 'true', sort: '-createdAt' });
    expect(caseQueryFromParams(new URLSearchParams('all=1'))['filter[open]']).toBeUndefined();
    expect(caseQueryFromParams(new URLSearchParams('status=resolved,closed,nonsense'))).toMatchObject({
      'filter[open]': undefined,
      'filter[status]': 'resolved,closed',
    });
  });

  it('reads every filter of the address, ignoring values the server would refuse', () => {
    const query = caseQueryFromParams(
      new URLSearchParams(
        `q=plaster&type=${COMPLAINT_TYPE.id}&channel=email&priority=urgent&sla=breached&mine=1&unit=u1&owner=o1&company=c1`,
      ),
    );
    expect(query).toMatchObject({
      q: 'plaster',
      'filter[typeId]': COMPLAINT_TYPE.id,
      'filter[channel]': 'email',
      'filter[priority]': 'urgent',
      'filter[sla]': 'breached',
      'filter[mine]': 'true',
      'filter[unitId]': 'u1',
      'filter[ownerId]': 'o1',
      'filter[companyId]': 'c1',
    });
    expect(caseQueryFromParams(new URLSearchParams('channel=fax&priority=asap&sla=late'))).toMatchObject({
      'filter[channel]': undefined,
      'filter[priority]': undefined,
      'filter[sla]': undefined,
    });
  });
});

describe('CasesPage', () => {
  it('lists cases with their SLA time left and sends the address’s filters, then the ones the user changes', async () => {
    const late = aCase('00000000-0000-4000-8000-000000000901', 'Plasterboard sheets cracked', {
      priority: 'high',
      sla: {
        policy: null,
        paused: false,
        firstResponse: { dueAt: null, metAt: '2026-12-07T10:00:00.000Z', minutesLeft: null, state: 'met', breachedAt: null },
        resolution: {
          dueAt: '2026-12-07T12:00:00.000Z',
          metAt: null,
          minutesLeft: -75,
          state: 'breached',
          breachedAt: '2026-12-07T12:00:00.000Z',
        },
      },
    });
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/v1/cases?')) return jsonResponse(200, page([late]));
      if (method === 'GET' && url === '/api/v1/case-types')
        return jsonResponse(200, { data: [{ ...COMPLAINT_TYPE, kind: 'complaint', position: 0, active: true, categories: [], cases: 1 }] });
      if (method === 'GET' && (url.startsWith('/api/v1/users') || url === '/api/v1/units')) return jsonResponse(200, page([]));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const lists = () => api.calls.map((call) => call.url).filter((url) => url.startsWith('/api/v1/cases?'));
    await renderWithApp(
      <App>
        <CasesPage />
      </App>,
      { me: testMe, path: '/cases?priority=high&sla=breached' },
    );

    const row = (await screen.findByRole('link', { name: 'Plasterboard sheets cracked' })).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('C-2026-00001');
    expect(row.textContent).toContain('Edilizia Bianchi');
    expect(row.textContent).toContain('Product complaint');
    expect(row.textContent).toContain('Plasterboard');
    expect(row.textContent).toContain('High');
    expect(row.textContent).toContain('In progress');
    expect(row.textContent).toContain('Overdue by 1 h 15 min');
    expect(row.textContent).toContain('Purchasing');
    expect(lists()[0]).toBe(
      '/api/v1/cases?sort=-createdAt&filter%5Bopen%5D=true&filter%5Bpriority%5D=high&filter%5Bsla%5D=breached&limit=30',
    );
    expect(screen.getByRole('link', { name: /Statistics/ }).getAttribute('href')).toBe('/cases/statistics');
    expect(screen.getByRole('link', { name: /Settings/ }).getAttribute('href')).toBe('/cases/settings');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Only mine' }));
    await waitFor(() => expect(lists().at(-1)).toContain('filter%5Bmine%5D=true'));

    fireEvent.change(screen.getByRole('textbox', { name: 'Search cases' }), { target: { value: 'plaster' } });
    await waitFor(() => expect(lists().at(-1)).toContain('q=plaster'));
    expect(lists().at(-1)).toContain('filter%5Bpriority%5D=high');
  }, 30_000);

  it('offers no settings to those who are not admins', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/v1/cases?')) return jsonResponse(200, page([]));
      if (method === 'GET' && url === '/api/v1/case-types') return jsonResponse(200, { data: [] });
      if (method === 'GET' && (url.startsWith('/api/v1/users') || url === '/api/v1/units')) return jsonResponse(200, page([]));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <CasesPage />
      </App>,
      { me: { ...testMe, role: 'employee' }, path: '/cases' },
    );
    expect(await screen.findByText('No cases match these filters.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Settings/ })).toBeNull();
    expect(screen.getByRole('button', { name: /Register a case/ })).toBeTruthy();
  }, 30_000);
});
