import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadContractMessages } from '../../lib/contract-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { EndContractButton } from './end-contract-button.tsx';
import { aContract, anAgreement } from './test-contracts.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadContractMessages();
});
afterEach(() => vi.unstubAllGlobals());

const CONTRACT = '00000000-0000-4000-8000-000000000700';
const RENEW = '00000000-0000-4000-8000-000000000801';
const LATE = '00000000-0000-4000-8000-000000000802';
const contract = aContract(CONTRACT, 'ADV-2026/7', { bindingAgreements: 1 });
const renew = anAgreement(RENEW, 'Renew the Friday slot for 2027', { validUntil: '2026-06-30' });
const late = anAgreement(LATE, 'Keep page 3 for the spring sale', {
  agreedBy: { id: '00000000-0000-4000-8000-000000000004', name: 'Marta Greco' },
  resource: 'Page 3, April',
  validUntil: null,
});
const done = (id: string) => ({ ...contract, id, renewal: 'ended', bindingAgreements: 0 });
const bindingProblem = (ids: string[]) =>
  jsonResponse(
    409,
    {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code: 'binding_agreements',
      detail: `${ids.length} agreement(s) about this contract still bind us`,
      errors: ids.map((id) => ({ path: `agreements.${id}`, message: 'Still binding' })),
    },
    'application/problem+json',
  );

async function renderButton() {
  await renderWithApp(
    <App>
      <EndContractButton contract={contract} />
    </App>,
    { me: { ...testMe, name: 'Bea Ferri' } },
  );
}

describe('EndContractButton', () => {
  it('shows the agreements that still bind us before ending, and sends their ids back as seen', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === `/api/v1/contracts/${CONTRACT}/agreements`) {
        return jsonResponse(200, { data: [renew, anAgreement(LATE, 'Old promise', { status: 'fulfilled', binding: false })] });
      }
      if (method === 'PATCH' && url === `/api/v1/contracts/${CONTRACT}`) return jsonResponse(200, done(CONTRACT));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderButton();

    fireEvent.click(screen.getByRole('button', { name: /End contract/ }));
    const dialog = await screen.findByRole('dialog', { name: 'End contract ADV-2026/7?' });
    expect(within(dialog).getByText('An agreement about this contract still binds us')).toBeTruthy();
    const list = within(dialog).getByRole('list', { name: 'Agreements that still bind us' });
    const items = within(list).getAllByRole('listitem');
    // Only the binding one: a fulfilled promise no longer holds anybody.
    expect(items).toHaveLength(1);
    const item = items[0] as HTMLElement;
    expect(item.textContent).toContain('Renew the Friday slot for 2027');
    expect(item.textContent).toContain('by Elio Conti on 20 Feb 2026');
    expect(item.textContent).toContain('30 Jun 2026');
    expect(item.textContent).toContain('Ad slot page 3, Fridays');
    expect(api.calls.some((call) => call.method === 'PATCH')).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: 'I have read it: end the contract' }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'PATCH')).toBe(true));
    const patch = api.calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toEqual({ renewal: 'ended', acknowledgedAgreementIds: [RENEW] });
    expect(await screen.findByText('Contract ADV-2026/7 ended.')).toBeTruthy();
  }, 15_000);

  it('shows an agreement someone added meanwhile when the server still refuses, and ends once that one was seen too', async () => {
    let listed = 0;
    const api = fakeApi(({ method, url, body }) => {
      if (method === 'GET' && url === `/api/v1/contracts/${CONTRACT}/agreements`) {
        listed += 1;
        return jsonResponse(200, { data: listed === 1 ? [renew] : [renew, late] });
      }
      if (method === 'PATCH') {
        const seen = (body as { acknowledgedAgreementIds?: string[] }).acknowledgedAgreementIds ?? [];
        return seen.includes(LATE) ? jsonResponse(200, done(CONTRACT)) : bindingProblem([LATE]);
      }
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderButton();

    fireEvent.click(screen.getByRole('button', { name: /End contract/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'I have read it: end the contract' }));

    expect(await within(dialog).findByText(/Someone recorded a new agreement about this contract while you were deciding/)).toBeTruthy();
    const items = within(within(dialog).getByRole('list', { name: 'Agreements that still bind us' })).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual([
      'Keep page 3 for the spring sale',
      'Renew the Friday slot for 2027',
    ]);
    expect(items[0]?.textContent).toContain('by Marta Greco');
    expect(items[0]?.textContent).toContain('Page 3, April');
    expect(within(dialog).getByText('2 agreements about this contract still bind us')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'I have read them: end the contract' }));
    expect(await screen.findByText('Contract ADV-2026/7 ended.')).toBeTruthy();
    const patches = api.calls.filter((call) => call.method === 'PATCH');
    expect(patches.map((call) => call.body)).toEqual([
      { renewal: 'ended', acknowledgedAgreementIds: [RENEW] },
      { renewal: 'ended', acknowledgedAgreementIds: [LATE, RENEW] },
    ]);
  }, 15_000);

  it('asks a plain confirmation when no agreement binds us, and sends no ids', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.endsWith('/agreements')) return jsonResponse(200, { data: [] });
      if (method === 'PATCH') return jsonResponse(200, done(CONTRACT));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderButton();

    fireEvent.click(screen.getByRole('button', { name: /End contract/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('No agreement about it binds us');
    fireEvent.click(within(dialog).getByRole('button', { name: 'End contract' }));
    await waitFor(() => expect(api.calls.find((call) => call.method === 'PATCH')?.body).toEqual({ renewal: 'ended' }));
  });
});
