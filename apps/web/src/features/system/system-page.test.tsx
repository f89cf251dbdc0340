import type { TSystemStatus } from '@clientela/contract';
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadSystemMessages } from '../../lib/system-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { STATUS_REFRESH_MS } from './api.ts';
import { formatBytes, formatDuration } from './system-format.ts';
import { SystemStatusPage } from './system-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadSystemMessages();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const aStatus = (extra: Partial<TSystemStatus> = {}): TSystemStatus => ({
  version: '0.1.0',
  startedAt: '2026-03-01T23:30:00.000Z',
  uptimeSeconds: 3 * 86_400 + 4 * 3_600 + 12 * 60,
  processId: 4242,
  database: { serverVersion: '16.4', sizeBytes: 3.4 * 1024 * 1024, connections: 12, migrationsApplied: 60, migrationsPending: 0 },
  replicas: [],
  jobs: { queued: 1234, active: 2, failedLastDay: 3 },
  ...extra,
});

describe('SystemStatusPage', () => {
  it('shows the process, database and jobs in the reader’s language and zone, and each replica up or down with its lag', async () => {
    const api = fakeApi(({ url }) =>
      url === '/api/v1/system/status'
        ? jsonResponse(
            200,
            aStatus({
              replicas: [
                { name: '10.0.0.2:5432', up: true, lagSeconds: 2.13, lagBytes: 16 * 1024 },
                { name: '10.0.0.3:5432', up: false, lagSeconds: null, lagBytes: null },
              ],
            }),
          )
        : undefined,
    );
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(<SystemStatusPage />, { me: testMe });

    expect(await screen.findByText('4242')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'System status' })).toBeTruthy();
    expect(screen.getByText('0.1.0')).toBeTruthy();
    // 23:30 UTC on 1 March is already 2 March in Rome, the reader's zone.
    expect(screen.getByText(/2 Mar 2026.*00:30/)).toBeTruthy();
    expect(screen.getByText('3 days, 4 hrs')).toBeTruthy();
    expect(screen.getByText('16.4')).toBeTruthy();
    expect(screen.getByText('3.4 MB')).toBeTruthy();
    expect(screen.getByText('1,234')).toBeTruthy();

    const up = screen.getByRole('row', { name: /10\.0\.0\.2:5432/ });
    expect(within(up).getByText('Up')).toBeTruthy();
    expect(within(up).getByText('2.1 secs behind')).toBeTruthy();
    expect(within(up).getByText('16 kB')).toBeTruthy();
    const down = screen.getByRole('row', { name: /10\.0\.0\.3:5432/ });
    expect(within(down).getByText('Down')).toBeTruthy();
    expect(within(down).getAllByText('—')).toHaveLength(2);
  }, 30_000);

  it('says when no read replica is configured, and asks the server again every 10 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let uptimeSeconds = 40;
    const api = fakeApi(({ url }) => (url === '/api/v1/system/status' ? jsonResponse(200, aStatus({ uptimeSeconds })) : undefined));
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(<SystemStatusPage />, { me: testMe });

    expect(await screen.findByText('No read replicas configured (DATABASE_READ_URL)')).toBeTruthy();
    expect(screen.getByText('40 secs')).toBeTruthy();
    expect(api.calls).toHaveLength(1);

    uptimeSeconds = 50;
    await act(() => vi.advanceTimersByTimeAsync(STATUS_REFRESH_MS));
    expect(await screen.findByText('50 secs')).toBeTruthy();
    expect(api.calls).toHaveLength(2);
  }, 30_000);
});

describe('system figures', () => {
  it('writes sizes and durations as each language does', () => {
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(12.3 * 1024 ** 3, 'ru')).toBe('12,3 ГБ');
    expect(formatBytes(3.4 * 1024 * 1024, 'it')).toBe('3,4 MB');
    expect(formatDuration(2.13, 'it')).toBe('2,1 s');
    expect(formatDuration(300, 'en')).toBe('5 mins');
    expect(formatDuration(3 * 86_400 + 4 * 3_600, 'ru')).toBe('3 дн. 4 ч');
  });
});
