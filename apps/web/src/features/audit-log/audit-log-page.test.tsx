import type { TAuditEvent } from '@clientela/contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadAuditLogMessages } from '../../lib/audit-log-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { problem } from '../sales/test-sales.ts';
import { AuditLogPage } from './audit-log-page.tsx';
import { AuditRetentionForm } from './audit-retention-form.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadAuditLogMessages();
});
afterEach(() => vi.unstubAllGlobals());

const event = (id: string, extra: Partial<TAuditEvent>): TAuditEvent => ({
  id,
  at: '2026-03-01T23:30:00.000Z',
  actorKind: 'user',
  actorId: '00000000-0000-4000-8000-000000000009',
  actorName: 'Elio Bianchi',
  action: 'delete',
  outcome: 'success',
  entity: 'companies',
  recordId: '00000000-0000-4000-8000-0000000000aa',
  request: 'DELETE /api/v1/companies/00000000-0000-4000-8000-0000000000aa',
  ip: '10.0.0.7',
  userAgent: 'Firefox',
  details: {},
  ...extra,
});

describe('AuditLogPage', () => {
  it('shows who did what in the reader’s time zone, with the action translated and the outcome tagged, and filters on the server', async () => {
    const api = fakeApi(({ url }) => {
      if (url.startsWith('/api/v1/users')) return jsonResponse(200, page([]));
      if (url.startsWith('/api/v1/audit-log'))
        return jsonResponse(
          200,
          url.includes('action=access.denied')
            ? page([
                event('00000000-0000-4000-8000-000000000002', {
                  action: 'access.denied',
                  outcome: 'denied',
                  request: 'GET /api/v1/audit-log',
                }),
              ])
            : page([event('00000000-0000-4000-8000-000000000001', {})]),
        );
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(<AuditLogPage />, { me: testMe });
    expect(await screen.findByText('Deletion')).toBeTruthy();
    expect(screen.getByText('Elio Bianchi')).toBeTruthy();
    expect(screen.getByText('Done')).toBeTruthy();
    expect(screen.getByText('10.0.0.7')).toBeTruthy();
    // 23:30 UTC on 1 March is already 2 March in Rome, the reader's zone.
    expect(screen.getByText(/2 Mar 2026.*00:30/)).toBeTruthy();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Actions' }));
    fireEvent.click(await screen.findByTitle('Access refused'));
    expect(await screen.findByText('Refused')).toBeTruthy();
    expect(api.calls.some((call) => call.url.includes('action=access.denied'))).toBe(true);
  }, 30_000);
});

describe('AuditRetentionForm', () => {
  it('keeps the days between 30 and 3650 and saves them to the workspace', async () => {
    let saved = 365;
    const api = fakeApi(({ url, method, body }) => {
      if (url !== '/api/v1/workspace') return undefined;
      if (method === 'PATCH') {
        const days = (body as { auditRetentionDays: number }).auditRetentionDays;
        if (days === 999) return problem(400, 'validation_failed', [{ path: 'auditRetentionDays', message: 'Too many' }]);
        saved = days;
      }
      return jsonResponse(200, { id: testMe.workspace.id, name: 'Rossi Bakery', auditRetentionDays: saved });
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <AuditRetentionForm />
      </App>,
      { me: testMe },
    );
    const days = (await screen.findByRole('spinbutton', { name: 'Keep events for (days)' })) as HTMLInputElement;
    expect(days.value).toBe('365');
    fireEvent.change(days, { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save retention' }));
    expect(await screen.findByText('Between 30 and 3650 days')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'PATCH')).toBe(false);

    fireEvent.change(days, { target: { value: '999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save retention' }));
    expect(await screen.findByText('Too many')).toBeTruthy();

    fireEvent.change(days, { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save retention' }));
    expect(await screen.findByText('Audit log retention saved')).toBeTruthy();
    await waitFor(() => expect(api.calls.filter((call) => call.method === 'PATCH').at(-1)?.body).toEqual({ auditRetentionDays: 90 }));
  }, 30_000);
});
