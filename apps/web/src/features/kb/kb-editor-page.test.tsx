import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { holdsMoreThanEditor, KbEditorPage } from './kb-editor-page.tsx';
import { anArticle, DELIVERY, MARCO, renderKb } from './test-kb.tsx';

afterEach(() => vi.unstubAllGlobals());

const ID = '00000000-0000-4000-8000-000000000a01';
const CASE_ID = '00000000-0000-4000-8000-000000000b01';
const categories = { data: [{ ...DELIVERY, parentId: null, position: 0, articles: 3 }] };

async function renderEditor(path: string, handler: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi((call) => (call.url === '/api/v1/kb-categories' ? jsonResponse(200, categories) : handler(call)));
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const view = await renderKb({
    path,
    me: { ...testMe, locale: 'it' },
    routes: [
      { path: '/kb', element: <p>the list</p> },
      { path: '/kb/new', element: <KbEditorPage /> },
      { path: '/kb/:id/edit', element: <KbEditorPage /> },
      { path: '/kb/:id', element: <p>the article</p> },
    ],
  });
  return { api, router: view.router };
}

const conflict = () =>
  jsonResponse(
    409,
    { type: 'about:blank', title: 'Conflict', status: 409, code: 'version_conflict', detail: 'The article was saved by someone else' },
    'application/problem+json',
  );

describe('holdsMoreThanEditor', () => {
  it('notices the tables and images the editor would drop', () => {
    expect(holdsMoreThanEditor('<p>Text</p><table><tr><td>1</td></tr></table>')).toBe(true);
    expect(holdsMoreThanEditor('<p><img src="/api/v1/attachments/x/file"></p>')).toBe(true);
    expect(holdsMoreThanEditor('<p>Just <strong>text</strong></p>')).toBe(false);
  });
});

describe('KbEditorPage', () => {
  it('writes an article from a resolved case: prefilled from its draft and saved with the case', async () => {
    const { api, router } = await renderEditor(`/kb/new?fromCase=${CASE_ID}`, ({ method, url }) => {
      if (method === 'GET' && url === `/api/v1/kb-articles/draft-from-case/${CASE_ID}`)
        return jsonResponse(200, {
          title: 'Cartongesso crepato alla consegna',
          body: '<p>Sostituiamo le lastre entro 5 giorni.</p>',
          answer: 'Sostituiamo le lastre crepate entro 5 giorni lavorativi.',
          language: 'it',
          sourceCaseId: CASE_ID,
        });
      if (method === 'POST' && url === '/api/v1/kb-articles') return jsonResponse(201, anArticle(ID, 'Cartongesso crepato alla consegna'));
      return undefined;
    });
    const title = (await screen.findByLabelText('Title')) as HTMLInputElement;
    expect(title.value).toBe('Cartongesso crepato alla consegna');
    expect((screen.getByLabelText('Short answer') as HTMLTextAreaElement).value).toBe(
      'Sostituiamo le lastre crepate entro 5 giorni lavorativi.',
    );
    expect(screen.getByText(/Written from a resolved case/)).toBeTruthy();
    await screen.findByRole('textbox', { name: 'Text' }, { timeout: 10_000 });

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Tags' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Tags' }), { target: { value: 'gesso' } });
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Tags' }), { key: 'Enter', code: 'Enter' });
    fireEvent.click(screen.getByRole('radio', { name: 'Public' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/kb/${ID}`));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      title: 'Cartongesso crepato alla consegna',
      body: '<p>Sostituiamo le lastre entro 5 giorni.</p>',
      answer: 'Sostituiamo le lastre crepate entro 5 giorni lavorativi.',
      categoryId: null,
      language: 'it',
      audience: 'public',
      status: 'published',
      tags: ['gesso'],
      sourceCaseId: CASE_ID,
    });
    // Saved: leaving asked nothing.
    expect(screen.queryByText('Leave without saving?')).toBeNull();
  }, 60_000);

  it('saves a new version from the one it started, and says so when someone saved in between', async () => {
    let version = 3;
    const { api, router } = await renderEditor(`/kb/${ID}/edit`, ({ method, url, body }) => {
      if (method === 'GET' && url === `/api/v1/kb-articles/${ID}`)
        return jsonResponse(
          200,
          anArticle(ID, version === 3 ? 'Delivery times' : 'Delivery times (Marco)', { version, updatedBy: MARCO, tags: ['delivery'] }),
        );
      if (method === 'PATCH' && url === `/api/v1/kb-articles/${ID}`) {
        if ((body as { version: number }).version === 3) {
          version = 4;
          return conflict();
        }
        return jsonResponse(200, anArticle(ID, 'Delivery times, updated', { version: 5 }));
      }
      return undefined;
    });
    const title = (await screen.findByLabelText('Title')) as HTMLInputElement;
    expect(title.value).toBe('Delivery times');
    fireEvent.change(title, { target: { value: ' Delivery times, updated ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else saved this article while you were editing');
    expect(alert.textContent).toContain('Your changes were not saved');
    expect(api.calls.find((call) => call.method === 'PATCH')?.body).toEqual({
      title: 'Delivery times, updated',
      body: '<p>We deliver <strong>plasterboard</strong> within 3 working days.</p>',
      answer: 'Plasterboard is delivered within 3 working days.',
      categoryId: DELIVERY.id,
      language: 'en',
      audience: 'internal',
      status: 'published',
      tags: ['delivery'],
      version: 3,
    });
    expect(router.state.location.pathname).toBe(`/kb/${ID}/edit`);

    fireEvent.click(screen.getByRole('button', { name: 'Reload their version' }));
    await waitFor(() => expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Delivery times (Marco)'));
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Delivery times, updated' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/kb/${ID}`));
    expect(api.calls.filter((call) => call.method === 'PATCH').at(-1)?.body).toMatchObject({
      title: 'Delivery times, updated',
      version: 4,
    });
  }, 60_000);

  it('asks before leaving with unsaved changes', async () => {
    const { router } = await renderEditor(`/kb/${ID}/edit`, ({ method, url }) =>
      method === 'GET' && url === `/api/v1/kb-articles/${ID}` ? jsonResponse(200, anArticle(ID, 'Delivery times')) : undefined,
    );
    fireEvent.change(await screen.findByLabelText('Title'), { target: { value: 'Delivery times!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Leave without saving?');
    expect(dialog.textContent).toContain('The changes you made to this article will be lost.');
    fireEvent.click(screen.getByRole('button', { name: 'Stay' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(router.state.location.pathname).toBe(`/kb/${ID}/edit`);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Leave' }).length).toBeGreaterThan(0));
    fireEvent.click(screen.getAllByRole('button', { name: 'Leave' }).at(-1) as HTMLElement);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/kb/${ID}`));
  }, 60_000);
});
