import type { TMe, TWorkspaceSettings } from '@clientela/contract';
import { fireEvent, screen } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadSalesMessages } from '../../lib/sales-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { problem } from '../sales/test-sales.ts';
import { LetterheadCard } from './letterhead-card.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadSalesMessages();
});
afterEach(() => vi.unstubAllGlobals());

const settings: TWorkspaceSettings = {
  id: '00000000-0000-4000-8000-000000000002',
  name: 'Rossi Bakery',
  defaultCountry: 'IT',
  legalName: null,
  address: 'Via Roma 12, Roma',
  taxNumber: null,
  phone: null,
  email: null,
  website: null,
  hasLogo: false,
  portalTitle: null,
  portalColor: null,
  auditRetentionDays: 365,
};

async function renderCard(me: TMe, handler: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi((call) => handler(call) ?? (call.url === '/api/v1/workspace' ? jsonResponse(200, settings) : undefined));
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const view = await renderWithApp(
    <App>
      <LetterheadCard />
    </App>,
    { me },
  );
  await screen.findByDisplayValue('Via Roma 12, Roma');
  return { api, view };
}

const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });

describe('LetterheadCard', () => {
  it('lets an admin write the letterhead, checks it as the server does, and shows the server’s refusal on its field', async () => {
    let answer = problem(400, 'validation_failed', [{ path: 'taxNumber', message: 'Too long' }]);
    const { api } = await renderCard(testMe, ({ method }) => (method === 'PATCH' ? answer : undefined));
    type('Legal name', 'Panificio Rossi S.r.l.');
    type('Tax number (VAT no.)', 'IT01234567890');
    type('E-mail', 'ordini at rossi');
    type('Website', 'www.rossi.example');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter an e-mail address, such as orders@example.com')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'PATCH')).toBe(false);

    type('E-mail', 'ordini@rossi.example');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Too long')).toBeTruthy();
    const patch = api.calls.find((call) => call.method === 'PATCH');
    expect(patch?.url).toBe('/api/v1/workspace');
    // A website written without its scheme is sent with https://; emptied fields are sent empty, meaning none.
    expect(patch?.body).toEqual({
      legalName: 'Panificio Rossi S.r.l.',
      address: 'Via Roma 12, Roma',
      taxNumber: 'IT01234567890',
      phone: '',
      email: 'ordini@rossi.example',
      website: 'https://www.rossi.example',
    });

    answer = jsonResponse(200, { ...settings, ...(patch?.body as object), phone: null });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Letterhead saved')).toBeTruthy();
    expect(field('Website').value).toBe('https://www.rossi.example');
  }, 30_000);

  it('uploads a PNG or JPEG logo, refuses other files before sending them, previews it and removes it', async () => {
    const { api, view } = await renderCard(testMe, ({ method, url }) => {
      if (url !== '/api/v1/workspace/logo') return undefined;
      if (method === 'PUT') return jsonResponse(200, { ...settings, hasLogo: true });
      if (method === 'DELETE') return jsonResponse(204, undefined);
      return undefined;
    });
    expect(screen.getByText('No logo yet')).toBeTruthy();
    // The upload renews its file input after each file: it is looked up each time.
    const input = () => view.container.querySelector('input[type=file]') as HTMLInputElement;
    expect(input().accept).toBe('image/png,image/jpeg');

    fireEvent.change(input(), { target: { files: [new File(['GIF89a'], 'logo.gif', { type: 'image/gif' })] } });
    expect(await screen.findByText('The logo must be a PNG or JPEG image.')).toBeTruthy();
    const big = new File([new Uint8Array(512 * 1024 + 1)], 'big.png', { type: 'image/png' });
    fireEvent.change(input(), { target: { files: [big] } });
    expect(await screen.findByText('The logo is larger than 512 KB.')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'PUT')).toBe(false);

    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'logo.png', { type: 'image/png' });
    fireEvent.change(input(), { target: { files: [png] } });
    const logo = (await screen.findByRole('img', { name: 'Logo' })) as HTMLImageElement;
    expect(logo.getAttribute('src')).toBe('/api/v1/workspace/logo?v=1');
    const put = api.calls.find((call) => call.method === 'PUT');
    expect(put?.body).toBeInstanceOf(FormData);
    expect((put?.body as FormData | undefined)?.get('file')).toBeInstanceOf(File);
    expect(screen.getByRole('button', { name: /Replace the logo/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Remove the logo/ }));
    expect(await screen.findByText('No logo yet')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'DELETE' && call.url === '/api/v1/workspace/logo')).toBe(true);
  }, 30_000);

  it('shows the letterhead to others read-only, without saving or uploading', async () => {
    await renderCard({ ...testMe, role: 'manager' }, ({ url }) =>
      url === '/api/v1/workspace' ? jsonResponse(200, { ...settings, hasLogo: true }) : undefined,
    );
    expect(screen.getByText('Only an administrator changes the letterhead.')).toBeTruthy();
    expect(field('Legal name').disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: /logo/ })).toBeNull();
    expect(screen.getByRole('img', { name: 'Logo' })).toBeTruthy();
  }, 30_000);
});
