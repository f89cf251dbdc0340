import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadPortalCaseMessages } from '../../lib/portal-messages.ts';
import { renderWithApp } from '../../test/render.tsx';
import { aPortalCase, CASE_ID, fakePortal } from './portal-cases-fixtures.ts';
import { PortalNewCasePage } from './portal-new-case-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadPortalCaseMessages();
});
afterEach(() => vi.unstubAllGlobals());

const ARTICLE_ID = '00000000-0000-4000-8000-000000000701';
const OPTIONS = {
  types: [
    { id: '00000000-0000-4000-8000-0000000000b1', name: 'Complaint' },
    { id: '00000000-0000-4000-8000-0000000000b2', name: 'Question' },
  ],
  defaultTypeId: '00000000-0000-4000-8000-0000000000b1',
  companies: [{ id: '00000000-0000-4000-8000-0000000000c1', name: 'Hotel Volga' }],
  orders: [],
};

function Where() {
  const location = useLocation();
  return <output aria-label="location">{location.pathname}</output>;
}

function portal() {
  return fakePortal({
    'GET /api/portal/case-options': () => OPTIONS,
    'GET /api/portal/kb/search': (_init, url) => ({
      data: (url.searchParams.get('q') ?? '').includes('crack')
        ? [
            {
              id: ARTICLE_ID,
              title: 'Cracks in plasterboard after storage',
              answer: 'Store the boards flat.',
              language: 'en',
              headline: 'Boards stored upright <mark>crack</mark>.',
              updatedAt: '2026-03-01T09:00:00.000Z',
            },
          ]
        : [],
      correctedQuery: null,
    }),
    'GET /api/portal/kb/articles/00000000-0000-4000-8000-000000000701': () => ({
      id: ARTICLE_ID,
      title: 'Cracks in plasterboard after storage',
      body: '<p>Plasterboard must be stored flat and dry.</p>',
      answer: 'Store the boards flat.',
      category: null,
      language: 'en',
      tags: [],
      updatedAt: '2026-03-01T09:00:00.000Z',
      related: [],
    }),
    'POST /api/portal/cases': () => aPortalCase({ status: 'assigned', messages: [], files: [] }),
  });
}

const renderPage = () =>
  renderWithApp(
    <Routes>
      <Route path="/portal/:workspace/cases/new" element={<PortalNewCasePage />} />
      <Route path="*" element={<Where />} />
    </Routes>,
    { path: '/portal/bakery/cases/new' },
  );

describe('PortalNewCasePage', () => {
  it('suggests help articles matching the subject as it is typed, and opens one in a drawer', async () => {
    const api = portal();
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderPage();
    fireEvent.change(await screen.findByLabelText('Subject'), { target: { value: 'Boards crack' } });
    const suggestions = await screen.findByRole('region', { name: 'These articles may answer your question' });
    expect(within(suggestions).getByText('Cracks in plasterboard after storage')).toBeTruthy();
    expect(suggestions.querySelector('mark')?.textContent).toBe('crack');
    expect(api.calls.some((c) => c.url === '/api/portal/kb/search?q=Boards+crack&match=any&limit=5')).toBe(true);

    fireEvent.click(within(suggestions).getByRole('button', { name: 'Read: Cracks in plasterboard after storage' }));
    expect(await screen.findByText('Plasterboard must be stored flat and dry.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Was this helpful?' })).toBeTruthy();
  }, 20_000);

  it('shows no suggestions for a subject nothing matches, and sends the request then opens it', async () => {
    const api = portal();
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderPage();
    fireEvent.change(await screen.findByLabelText('Subject'), { target: { value: 'Invoice address' } });
    await waitFor(() => expect(api.calls.some((c) => c.url.startsWith('/api/portal/kb/search?q=Invoice'))).toBe(true));
    expect(screen.queryByRole('region', { name: 'These articles may answer your question' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText('Please fill this in')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'Please change the address.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect((await screen.findByRole('status', { name: 'location' })).textContent).toBe(`/portal/bakery/cases/${CASE_ID}`);
    const sent = api.calls.find((c) => c.method === 'POST');
    expect(sent?.body).toEqual({
      subject: 'Invoice address',
      description: 'Please change the address.',
      companyId: '00000000-0000-4000-8000-0000000000c1',
    });
  }, 20_000);
});
