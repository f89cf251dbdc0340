import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { MergedBanner } from './merged-banner.tsx';
import { aMerge, fakeApi, page } from './test-duplicates.ts';

afterEach(() => vi.unstubAllGlobals());

const SURVIVOR = '00000000-0000-4000-8000-000000000501';

describe('MergedBanner', () => {
  it('names the records merged into this one and when, and undoes the merge', async () => {
    let undone = false;
    const merged = aMerge({ survivorId: SURVIVOR, mergedNames: ['Forno Rossi Srl', 'Forno Rossi & C.'] });
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === `/api/v1/merges?entity=company&recordId=${SURVIVOR}`) {
        return jsonResponse(
          200,
          page([
            undone ? { ...merged, undoneAt: '2025-03-02T10:00:00.000Z' } : merged,
            // Undone already, or out of this record: nothing to say about them.
            aMerge({ id: '00000000-0000-4000-8000-000000000901', survivorId: SURVIVOR, undoneAt: '2025-02-01T10:00:00.000Z' }),
            aMerge({
              id: '00000000-0000-4000-8000-000000000902',
              survivorId: '00000000-0000-4000-8000-000000000599',
              mergedIds: [SURVIVOR],
            }),
          ]),
        );
      }
      if (method === 'POST' && url === `/api/v1/merges/${merged.id}/undo`) {
        undone = true;
        return jsonResponse(200, { ...merged, undoneAt: '2025-03-02T10:00:00.000Z' });
      }
      if (method === 'GET') return jsonResponse(200, page([]));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <MergedBanner entity="company" recordId={SURVIVOR} />
      </App>,
      { me: testMe },
    );

    expect(await screen.findByText('Merged from Forno Rossi Srl, Forno Rossi & C. on 1 Mar 2025.')).toBeTruthy();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('The merge has been undone: the records are back.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/Merged from/)).toBeNull());
  });

  it('offers no undo to employees', async () => {
    vi.stubGlobal('fetch', vi.fn(fakeApi(() => jsonResponse(200, page([aMerge({ survivorId: SURVIVOR })]))).fetch));
    await renderWithApp(<MergedBanner entity="company" recordId={SURVIVOR} />, { me: { ...testMe, role: 'employee' } });
    expect(await screen.findByText(/Merged from Forno Rossi Srl/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});
