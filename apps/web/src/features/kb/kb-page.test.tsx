import type { TKbArticleList } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { KbPage } from './kb-page.tsx';
import { aSummary, DELIVERY, renderKb } from './test-kb.tsx';
import { kbQueryOf } from './use-kb-filters.ts';

afterEach(() => vi.unstubAllGlobals());

const categories = {
  data: [
    { ...DELIVERY, parentId: null, position: 0, articles: 3 },
    { id: '00000000-0000-4000-8000-0000000000c2', name: 'Returns', parentId: DELIVERY.id, position: 0, articles: 1 },
  ],
};

/** The search parameters of the article list requests, in the order they were made. */
function listRequests(calls: { url: string }[]) {
  return calls
    .filter((call) => call.url.startsWith('/api/v1/kb-articles?'))
    .map((call) => Object.fromEntries(new URL(call.url, 'http://x').searchParams));
}

async function renderPage(path: string, answer: (params: URLSearchParams) => TKbArticleList, me = testMe) {
  const api = fakeApi(({ url }) => {
    if (url === '/api/v1/kb-categories') return jsonResponse(200, categories);
    if (url.startsWith('/api/v1/kb-articles?')) return jsonResponse(200, answer(new URL(url, 'http://x').searchParams));
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const view = await renderKb({ path, routes: [{ path: '/kb', element: <KbPage /> }], me });
  return { api, router: view.router };
}

describe('kbQueryOf', () => {
  it('reads the address into the list query, leaving out what is unknown', () => {
    expect(kbQueryOf(new URLSearchParams('category=c1&language=it&audience=public&status=draft&tag=gesso&sort=title'))).toEqual({
      q: undefined,
      sort: 'title',
      'filter[categoryId]': 'c1',
      'filter[language]': 'it',
      'filter[audience]': 'public',
      'filter[status]': 'draft',
      'filter[tag]': 'gesso',
    });
    // A search is ranked by relevance, whatever order the address asks for; nonsense filters are dropped.
    expect(kbQueryOf(new URLSearchParams('q= refund &sort=title&language=fr&status=gone'))).toEqual({
      q: 'refund',
      sort: undefined,
      'filter[categoryId]': undefined,
      'filter[language]': undefined,
      'filter[audience]': undefined,
      'filter[status]': undefined,
      'filter[tag]': undefined,
    });
  });
});

describe('KbPage', () => {
  it('searches what the address says, shows passages safely and offers the corrected query', async () => {
    const { api, router } = await renderPage('/kb?q=plastrbord&language=en&tag=delivery', (params) => ({
      data: [
        aSummary('00000000-0000-4000-8000-000000000a01', 'Plasterboard delivery times', {
          headline: 'We deliver <mark>plasterboard</mark> fast<script>window.hacked = 1</script><img src=x onerror="window.hacked = 2">',
        }),
      ],
      nextCursor: null,
      total: 1,
      correctedQuery: params.get('q') === 'plastrbord' ? 'plasterboard' : null,
    }));

    const item = await screen.findByTestId('kb-item');
    expect(within(item).getByRole('link', { name: 'Plasterboard delivery times' }).getAttribute('href')).toBe(
      '/kb/00000000-0000-4000-8000-000000000a01',
    );
    const headline = within(item).getByTestId('kb-headline');
    expect(headline.innerHTML).toBe('We deliver <mark>plasterboard</mark> fast');
    expect(item.querySelector('script, img')).toBeNull();
    expect((window as { hacked?: number }).hacked).toBeUndefined();
    expect(item.textContent).toContain('Internal');
    expect(item.textContent).toContain('used 12 times');
    expect(listRequests(api.calls)[0]).toEqual({
      q: 'plastrbord',
      'filter[language]': 'en',
      'filter[tag]': 'delivery',
      limit: '30',
    });

    // Staff find where customers read the public articles.
    expect(screen.getByRole('link', { name: /Public help centre/ }).getAttribute('href')).toBe('/help/rossi-bakery');
    expect(screen.getByTestId('kb-did-you-mean').textContent).toBe('Did you mean: plasterboard');
    fireEvent.click(screen.getByText('plasterboard', { selector: 'em' }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=plasterboard&language=en&tag=delivery'));
    await waitFor(() => expect(listRequests(api.calls).at(-1)?.q).toBe('plasterboard'));
    expect((screen.getByRole('textbox', { name: 'Search the knowledge base' }) as HTMLInputElement).value).toBe('plasterboard');
    await waitFor(() => expect(screen.queryByTestId('kb-did-you-mean')).toBeNull());
  }, 30_000);

  it('puts typed words, the category and the order into the address, and asks the list by them', async () => {
    const { api, router } = await renderPage('/kb', () => ({
      data: [aSummary('00000000-0000-4000-8000-000000000a01', 'Plasterboard delivery times')],
      nextCursor: null,
      total: 1,
    }));
    await screen.findByTestId('kb-item');
    expect(listRequests(api.calls)[0]).toEqual({ sort: '-updatedAt', limit: '30' });
    expect(screen.getByRole('button', { name: /Add category/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Actions for Returns' })).toBeTruthy();

    fireEvent.click(await screen.findByText('Returns'));
    await waitFor(() => expect(router.state.location.search).toBe(`?category=00000000-0000-4000-8000-0000000000c2`));
    await waitFor(() => expect(listRequests(api.calls).at(-1)?.['filter[categoryId]']).toBe('00000000-0000-4000-8000-0000000000c2'));

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Order' }));
    fireEvent.click(await screen.findByText('Most used', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(router.state.location.search).toContain('sort=-useCount'));
    await waitFor(() => expect(listRequests(api.calls).at(-1)?.sort).toBe('-useCount'));

    fireEvent.change(screen.getByRole('textbox', { name: 'Search the knowledge base' }), { target: { value: 'gesso' } });
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('gesso'));
    // Searching ranks by relevance: the order is not sent, the category still is.
    await waitFor(() =>
      expect(listRequests(api.calls).at(-1)).toEqual({
        q: 'gesso',
        'filter[categoryId]': '00000000-0000-4000-8000-0000000000c2',
        limit: '30',
      }),
    );
  }, 30_000);

  it('lets managers and admins arrange categories, not employees', async () => {
    await renderPage('/kb', () => ({ data: [], nextCursor: null, total: 0 }), { ...testMe, role: 'employee' });
    await screen.findByText('Returns');
    expect(screen.queryByRole('button', { name: /Add category/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Actions for Returns' })).toBeNull();
    expect(screen.getByText('No articles here yet.')).toBeTruthy();
  }, 30_000);
});
