import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadPortalCaseMessages } from '../../lib/portal-messages.ts';
import { renderWithApp } from '../../test/render.tsx';
import { fakePortal } from './portal-cases-fixtures.ts';
import { PortalHelpPage } from './portal-help-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadPortalCaseMessages();
});
afterEach(() => vi.unstubAllGlobals());

const ID = '00000000-0000-4000-8000-000000000701';
const hit = {
  id: ID,
  title: 'Storing plasterboard',
  answer: 'Flat and dry.',
  language: 'en',
  headline: 'Sheets are <mark>stored</mark> flat. <img src=x onerror=alert(1)>',
  updatedAt: '2026-03-01T09:00:00.000Z',
};

const renderAt = (path: string) =>
  renderWithApp(
    <Routes>
      <Route path="/portal/:workspace/help" element={<PortalHelpPage />} />
      <Route path="/portal/:workspace/help/:id" element={<PortalHelpPage />} />
    </Routes>,
    { path },
  );

describe('PortalHelpPage', () => {
  it('searches the public articles and shows their matches highlighted, nothing else of the markup', async () => {
    const api = fakePortal({
      'GET /api/portal/kb/search': (_init, url) => ({ data: url.searchParams.get('q') === 'store' ? [hit] : [], correctedQuery: null }),
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const { container } = await renderAt('/portal/bakery/help');
    expect(await screen.findByText('No articles yet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Search the help centre'), { target: { value: 'store' } });
    const link = await screen.findByRole('link', { name: 'Storing plasterboard' });
    expect(link.getAttribute('href')).toBe(`/portal/bakery/help/${ID}?q=store`);
    expect(container.querySelector('mark')?.textContent).toBe('stored');
    expect(container.querySelector('img')).toBeNull();
  }, 20_000);

  it('shows an article and takes "was this helpful"', async () => {
    const api = fakePortal({
      [`GET /api/portal/kb/articles/${ID}`]: () => ({
        ...hit,
        body: '<p>Keep the sheets flat.</p>',
        category: null,
        tags: [],
        related: [],
      }),
      [`POST /api/portal/kb/articles/${ID}/feedback`]: () => new Response(null, { status: 204 }),
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderAt(`/portal/bakery/help/${ID}`);
    expect(await screen.findByText('Keep the sheets flat.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Yes/ }));
    expect(await screen.findByText('Thank you for your feedback.')).toBeTruthy();
    await waitFor(() => expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ helpful: true }));
  }, 20_000);
});
