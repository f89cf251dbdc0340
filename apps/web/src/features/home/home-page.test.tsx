import { screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadMyDayMessages } from '../../lib/my-day-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { aDay, aTask } from '../my-day/test-my-day.ts';
import { HomePage } from './home-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadMyDayMessages();
});
afterEach(() => vi.unstubAllGlobals());

function serve() {
  const task = aTask('00000000-0000-4000-8000-000000000801', 'Send the price list', { dueAt: '2026-12-05T15:00:00.000Z' });
  const api = fakeApi(({ method, url }) => {
    if (method !== 'GET') return undefined;
    if (url === '/api/v1/my-day') return jsonResponse(200, aDay({ dueToday: { items: [{ ...task, coveringFor: null }], total: 1 } }));
    if (url.startsWith('/api/v1/units')) return jsonResponse(200, { data: [] });
    if (url.startsWith('/api/v1/users')) return jsonResponse(200, page([]));
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
}

describe('HomePage', () => {
  it('greets an employee with their day', async () => {
    serve();
    await renderWithApp(<HomePage />, { me: { ...testMe, role: 'employee' } });
    expect(screen.getByRole('heading', { name: 'Welcome, Anna Rossi' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Send the price list' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Due today' })).toBeTruthy();
    expect(screen.queryByText('Your workspace')).toBeNull();
  });

  it("shows an admin their day, and the workspace's figures below it", async () => {
    serve();
    await renderWithApp(<HomePage />, { me: testMe });
    expect(await screen.findByRole('heading', { name: 'My day' })).toBeTruthy();
    expect(screen.getByText('Your workspace')).toBeTruthy();
  });
});
