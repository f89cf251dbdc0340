import type { TDuplicateCheckResult } from '@clientela/contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { CompanyFormDrawer } from '../companies/company-form-drawer.tsx';
import { strongestFirst } from './api.ts';
import { aCompany, aDuplicateRecord, fakeApi, page } from './test-duplicates.ts';
import { checkInput } from './use-duplicate-check.ts';

afterEach(() => vi.unstubAllGlobals());

const EXISTING = '00000000-0000-4000-8000-000000000701';

describe('the duplicate warning of the create drawers', () => {
  it('lists probable duplicates while a company is typed in, and still lets it be saved', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'POST' && url === '/api/v1/duplicates/check') {
        return jsonResponse(200, {
          data: [{ record: aDuplicateRecord(EXISTING, 'Forno Rossi', { city: 'Roma' }), reasons: ['name_city'] }],
        });
      }
      if (method === 'POST' && url === '/api/v1/companies')
        return jsonResponse(201, aCompany('00000000-0000-4000-8000-000000000702', 'Forno Rossi'));
      if (method === 'GET') return jsonResponse(200, page([]));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const onCreated = vi.fn();
    await renderWithApp(
      <App>
        <CompanyFormDrawer open onClose={() => {}} onCreated={onCreated} />
      </App>,
      { me: testMe },
    );

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Forno Rossi' } });
    fireEvent.change(screen.getByLabelText('City'), { target: { value: 'Roma' } });
    const warning = await screen.findByRole('status', {}, { timeout: 3000 });
    expect(warning.textContent).toContain('This may already be in your customer base');
    expect(warning.textContent).toContain('Same name and city');
    expect(screen.getByRole('link', { name: 'Open existing: Forno Rossi' }).getAttribute('href')).toBe(`/companies/${EXISTING}`);
    // Asked once the typing paused, with what was typed.
    const checks = api.calls.filter((call) => call.url === '/api/v1/duplicates/check');
    expect(checks.at(-1)?.body).toEqual({ entity: 'company', name: 'Forno Rossi', city: 'Roma' });

    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    // The drawer holds the whole company form: rendering it in jsdom takes a few seconds.
  }, 15_000);
});

describe('checkInput', () => {
  it('asks nothing until a name, a full e-mail, a phone or a tax number can point at someone', () => {
    expect(checkInput('company', { name: 'Fo', emails: [{ value: 'anna@' }], phones: [{ value: '+39 0' }], taxNumber: '012' })).toBeNull();
    expect(checkInput('contact', { firstName: ' ', lastName: '', emails: [{ label: 'work', value: ' anna@forno.it ' }] })).toEqual({
      entity: 'contact',
      emails: ['anna@forno.it'],
    });
    expect(checkInput('contact', { firstName: 'Anna', lastName: 'Rossi', city: ' ', phones: [{ value: '+39 06 1234' }] })).toEqual({
      entity: 'contact',
      firstName: 'Anna',
      lastName: 'Rossi',
      phones: ['+39 06 1234'],
    });
    expect(checkInput('company', { taxNumber: ' 01234567890 ' }, EXISTING)).toEqual({
      entity: 'company',
      taxNumber: '01234567890',
      exceptId: EXISTING,
    });
  });
});

describe('strongestFirst', () => {
  it('puts a shared phone or the very same name before a name only alike, keeping the order otherwise', () => {
    const match = (id: string, reasons: TDuplicateCheckResult['data'][number]['reasons']) => ({
      record: aDuplicateRecord(id, id),
      reasons,
    });
    const matches = [
      match('alike', ['similar_name_city']),
      match('same name', ['name_city']),
      match('phone', ['phone', 'similar_name_city']),
    ];
    expect(strongestFirst(matches).map((one) => one.record.id)).toEqual(['same name', 'phone', 'alike']);
  });
});
