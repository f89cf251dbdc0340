import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { KbArticlePage } from './kb-article-page.tsx';
import { ANNA, anArticle, MARCO, renderKb } from './test-kb.tsx';

afterEach(() => vi.unstubAllGlobals());

const ID = '00000000-0000-4000-8000-000000000a01';
const URL_ = `/api/v1/kb-articles/${ID}`;

async function renderArticle(handler: Parameters<typeof fakeApi>[0], me = testMe) {
  const api = fakeApi((call) => (call.url.startsWith('/api/v1/attachments') ? jsonResponse(200, { data: [] }) : handler(call)));
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const view = await renderKb({
    path: `/kb/${ID}`,
    me,
    routes: [
      { path: '/kb', element: <p>the list</p> },
      { path: '/kb/:id', element: <KbArticlePage /> },
      { path: '/kb/:id/edit', element: <p>the editor</p> },
    ],
  });
  await screen.findByRole('heading', { name: 'Delivery times' });
  return { api, router: view.router };
}

describe('KbArticlePage', () => {
  it('shows the article cleaned, its answer to copy, its facts, and the reader’s changeable feedback', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { api } = await renderArticle(({ method, url }) => {
      if (method === 'GET' && url === URL_)
        return jsonResponse(
          200,
          anArticle(ID, 'Delivery times', {
            body: '<p>In <em>3 days</em></p><img src="x" onerror="window.hacked = 1"><script>window.hacked = 2</script>',
            myFeedback: true,
            version: 3,
            useCount: 12,
            updatedBy: MARCO,
            related: [{ id: '00000000-0000-4000-8000-000000000a02', title: 'Returns' }],
            sourceCase: { id: '00000000-0000-4000-8000-000000000b01', number: 'C-2026-0042' },
          }),
        );
      if (method === 'POST' && url === `${URL_}/feedback`) return jsonResponse(200, { helpfulYes: 3, helpfulNo: 2, myFeedback: false });
      return undefined;
    });
    expect(screen.getByTestId('kb-article-body').innerHTML).toBe('<p>In <em>3 days</em></p>');
    expect((window as { hacked?: number }).hacked).toBeUndefined();
    expect(screen.getByTestId('kb-answer').textContent).toBe('Plasterboard is delivered within 3 working days.');
    fireEvent.click(screen.getByRole('button', { name: /Copy/ }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('Plasterboard is delivered within 3 working days.'));

    expect(screen.getByText('12 times')).toBeTruthy();
    expect(screen.getByText('Marco Bruni, 2 Mar 2026, 10:00')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'C-2026-0042' }).getAttribute('href')).toBe('/cases/00000000-0000-4000-8000-000000000b01');
    expect(within(screen.getByTestId('kb-related')).getByRole('link', { name: 'Returns' })).toBeTruthy();

    const yes = screen.getByRole('button', { name: /Yes/ });
    const no = screen.getByRole('button', { name: /No/ });
    expect(yes.getAttribute('aria-pressed')).toBe('true');
    expect(yes.textContent).toContain('4');
    fireEvent.click(no);
    await waitFor(() => expect(no.getAttribute('aria-pressed')).toBe('true'));
    expect(yes.getAttribute('aria-pressed')).toBe('false');
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({ helpful: false });
    // The counts the server answered show at once.
    await waitFor(() => expect(no.textContent).toContain('2'));
    expect(yes.textContent).toContain('3');
  }, 40_000);

  it('offers Edit only to who may change it, Delete to managers and admins, and shows the versions', async () => {
    const { router } = await renderArticle(
      ({ method, url }) => {
        if (method === 'GET' && url === URL_) return jsonResponse(200, anArticle(ID, 'Delivery times', { mayChange: false, version: 2 }));
        if (method === 'GET' && url === `${URL_}/versions`)
          return jsonResponse(200, {
            data: [
              { version: 1, title: 'Delivery', body: '<p>Old</p>', answer: null, author: ANNA, createdAt: '2026-03-01T08:00:00.000Z' },
              {
                version: 2,
                title: 'Delivery times',
                body: '<p>New</p>',
                answer: 'New',
                author: MARCO,
                createdAt: '2026-03-02T09:00:00.000Z',
              },
            ],
          });
        return undefined;
      },
      { ...testMe, role: 'employee' },
    );
    expect(screen.queryByRole('button', { name: /Edit/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /Versions/ }));
    await waitFor(() => expect(screen.getAllByTestId('kb-version')).toHaveLength(2));
    const [newest, oldest] = screen.getAllByTestId('kb-version');
    expect(newest?.textContent).toContain('Version 2current');
    expect(newest?.textContent).toContain('saved by Marco Bruni, 2 Mar 2026, 10:00');
    expect(oldest?.textContent).toContain('saved by Anna Rossi, 1 Mar 2026, 09:00');
    expect(router.state.location.pathname).toBe(`/kb/${ID}`);
  }, 40_000);

  it('lets an admin edit and delete', async () => {
    const { api, router } = await renderArticle(({ method, url }) => {
      if (method === 'GET' && url === URL_) return jsonResponse(200, anArticle(ID, 'Delivery times'));
      if (method === 'DELETE' && url === URL_) return jsonResponse(204, undefined);
      return undefined;
    });
    fireEvent.click(screen.getByRole('button', { name: /Edit/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/kb/${ID}/edit`));
    await router.navigate(`/kb/${ID}`);
    fireEvent.click(await screen.findByRole('button', { name: /Delete/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /Delete/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/kb'));
    expect(api.calls.some((call) => call.method === 'DELETE' && call.url === URL_)).toBe(true);
  }, 40_000);
});
