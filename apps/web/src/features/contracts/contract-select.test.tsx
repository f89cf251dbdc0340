import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { ContractSelect } from './contract-select.tsx';
import { aContract } from './test-contracts.ts';

afterEach(() => vi.unstubAllGlobals());

describe('ContractSelect', () => {
  it('searches a company’s contracts on the server and hands back the id chosen', async () => {
    const slot = aContract('00000000-0000-4000-8000-000000000700', 'ADV-2026/7');
    const api = fakeApi(({ url }) => (url.startsWith('/api/v1/contracts?') ? jsonResponse(200, page([slot])) : undefined));
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const onChange = vi.fn();
    await renderWithApp(<ContractSelect companyId={slot.company.id} onChange={onChange} aria-label="Contract" />, { me: testMe });

    const select = screen.getByRole('combobox', { name: 'Contract' });
    fireEvent.mouseDown(select);
    fireEvent.change(select, { target: { value: 'ADV' } });
    fireEvent.click(await screen.findByText('ADV-2026/7 · Ad slot page 3, Fridays'));
    expect(onChange).toHaveBeenCalledWith(slot.id);
    await waitFor(() =>
      expect(api.calls.map((call) => call.url)).toContain(`/api/v1/contracts?q=ADV&limit=20&filter%5BcompanyId%5D=${slot.company.id}`),
    );
  }, 30_000);
});
