import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { SearchLauncher } from './search-launcher.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('SearchLauncher', () => {
  it('opens the search on Ctrl-K and on Cmd-K, with the cursor in the search box', async () => {
    await renderWithApp(<SearchLauncher />, { me: testMe });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const input = await screen.findByRole('combobox', { name: 'Search' });
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(document.activeElement).toBe(input);
  });

  it('ignores K without a modifier', async () => {
    await renderWithApp(<SearchLauncher />, { me: testMe });
    fireEvent.keyDown(window, { key: 'k' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.keyDown(window, { key: 'K', metaKey: true });
    expect(await screen.findByRole('dialog')).toBeTruthy();
  });

  it('lists hits grouped by type as one types', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(200, {
          data: [
            { type: 'contact', id: '00000000-0000-4000-8000-000000000020', title: 'Giulia Verdi', subtitle: '+39 333 123 4567' },
            { type: 'company', id: '00000000-0000-4000-8000-000000000021', title: 'Caffè Centrale', subtitle: 'Roma' },
          ],
        }),
      ),
    );
    await renderWithApp(<SearchLauncher />, { me: testMe });
    fireEvent.click(screen.getByTestId('search-button'));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Search' }), { target: { value: '333-1234567' } });
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Caffè CentraleRoma', 'Giulia Verdi+39 333 123 4567']);
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('group', { name: 'Companies' })).toBeTruthy();
  });
});
