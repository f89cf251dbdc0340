import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { RULES } from '../rhythm/test-rhythm.ts';
import { WorkspacePage } from './workspace-page.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('WorkspacePage', () => {
  it("saves the workspace's name and default phone country", async () => {
    const settings = {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Rossi Bakery',
      defaultCountry: null,
      ...{ legalName: null, address: null, taxNumber: null, phone: null, email: null, website: null, hasLogo: false },
    };
    // The other cards of the page ask their own endpoints: each gets its answer, anything else a 404.
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/v1/rhythm/rules') return jsonResponse(200, RULES);
      if (url === '/api/v1/auth/session') return jsonResponse(200, { user: testMe, csrfToken: 'test' });
      if (url === '/api/v1/workspace')
        return jsonResponse(200, init?.method === 'PATCH' ? { ...settings, ...JSON.parse(String(init.body)) } : settings);
      return jsonResponse(
        404,
        { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found', detail: url },
        'application/problem+json',
      );
    });
    vi.stubGlobal('fetch', fetch);
    await renderWithApp(
      <App>
        <WorkspacePage />
      </App>,
      { me: testMe },
    );
    expect(await screen.findByDisplayValue('Rossi Bakery')).toBeTruthy();
    const country = screen.getByRole('combobox', { name: 'Country of phone numbers' });
    fireEvent.mouseDown(country);
    fireEvent.change(country, { target: { value: 'Ital' } });
    fireEvent.click(await screen.findByTitle('Italy'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(true));
    const patch = fetch.mock.calls.find(([, init]) => init?.method === 'PATCH') as unknown as [string, RequestInit];
    expect(patch[0]).toBe('/api/v1/workspace');
    expect(JSON.parse(String(patch[1].body))).toEqual({ name: 'Rossi Bakery', defaultCountry: 'IT' });
    expect(await screen.findByText('Workspace settings saved.')).toBeTruthy();
    // The contact rhythm card loads its own code and messages.
    expect(await screen.findByRole('form', { name: 'Contact rhythm' }, { timeout: 10_000 })).toBeTruthy();
  }, 30_000);
});
