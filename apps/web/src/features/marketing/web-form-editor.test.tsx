import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadMarketingMessages } from '../../lib/marketing-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { MarketingSettingsPage } from './marketing-settings-page.tsx';
import { aWebForm } from './test-marketing.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadMarketingMessages();
});
afterEach(() => vi.unstubAllGlobals());

describe('Web forms', () => {
  it('opens a form in the editor with its address and embed code, and saves the fields chosen', async () => {
    const form = aWebForm();
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === '/api/v1/web-forms') return jsonResponse(200, { data: [form] });
      if (method === 'GET' && url === '/api/v1/lead-sources') return jsonResponse(200, { data: [] });
      if (method === 'GET' && (url.startsWith('/api/v1/users') || url.startsWith('/api/v1/campaigns'))) return jsonResponse(200, page([]));
      if (method === 'PATCH' && url === `/api/v1/web-forms/${form.id}`) return jsonResponse(200, form);
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <MarketingSettingsPage />
      </App>,
      { me: testMe, path: '/marketing/settings?tab=forms' },
    );

    fireEvent.click(await screen.findByText('Contact us'));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByTestId('public-url').textContent).toContain(form.publicUrl);
    expect((within(drawer).getByRole('textbox', { name: 'Embed code: As a frame' }) as HTMLTextAreaElement).value).toBe(
      form.embedCode.iframe,
    );
    expect(
      within(drawer)
        .getByRole('link', { name: /Open the form/ })
        .getAttribute('href'),
    ).toBe(form.publicUrl);

    fireEvent.click(within(drawer).getByRole('checkbox', { name: 'Show: Phone' }));
    fireEvent.click(within(drawer).getByRole('checkbox', { name: 'Required: Phone' }));
    fireEvent.click(within(drawer).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'PATCH')).toBe(true));
    expect(api.calls.find((call) => call.method === 'PATCH')?.body).toMatchObject({
      name: 'Contact us',
      fields: [
        { field: 'firstName', required: false },
        { field: 'email', required: true },
        { field: 'phone', required: true },
      ],
      sourceId: form.source?.id,
    });
  }, 30_000);
});
