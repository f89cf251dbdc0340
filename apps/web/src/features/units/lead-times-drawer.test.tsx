import type { TUnit } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { LeadTimesDrawer } from './lead-times-drawer.tsx';
import { UnitsPanel } from './units-panel.tsx';

afterEach(() => vi.unstubAllGlobals());

const SERVICE: TUnit = {
  id: '00000000-0000-4000-8000-000000000050',
  name: 'Service',
  parentId: null,
  memberCount: 3,
  createdAt: '2024-01-01T00:00:00.000Z',
};
const URL = `/api/v1/units/${SERVICE.id}/lead-times`;

function serve(put: (body: unknown) => Response = (body) => jsonResponse(200, body)) {
  const api = fakeApi(({ method, url, body }) => {
    if (method === 'GET' && url === '/api/v1/units') return jsonResponse(200, page([SERVICE]));
    if (method === 'GET' && url === URL) return jsonResponse(200, { data: [{ kind: 'equipment testing', days: 14 }] });
    if (method === 'PUT' && url === URL) return put(body);
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

async function openDrawer(me = testMe) {
  const onClose = vi.fn();
  await renderWithApp(
    <App>
      <LeadTimesDrawer unit={SERVICE} onClose={onClose} />
    </App>,
    { me },
  );
  // The editor's chunk loads on first use, which takes a while in a cold test run.
  await screen.findByRole('form', { name: 'Lead times' }, { timeout: 10_000 });
  return onClose;
}

describe('LeadTimesDrawer', () => {
  it("opens from a unit's menu in the units panel", async () => {
    serve();
    await renderWithApp(
      <App>
        <UnitsPanel selectedId={undefined} onSelect={() => {}} />
      </App>,
      { me: testMe },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Actions for Service' }, { timeout: 10_000 }));
    fireEvent.click(await screen.findByText('Lead times', {}, { timeout: 10_000 }));
    expect(await screen.findByText('Standard lead times: Service', {}, { timeout: 10_000 })).toBeTruthy();
    expect(await screen.findByDisplayValue('equipment testing')).toBeTruthy();
  }, 30_000);

  it("changes, adds and removes kinds of work and saves the unit's whole list", async () => {
    const api = serve();
    const onClose = await openDrawer();
    expect(screen.getByDisplayValue('equipment testing')).toBeTruthy();
    fireEvent.change(screen.getByDisplayValue('14'), { target: { value: '10' } });

    fireEvent.click(screen.getByRole('button', { name: /Add a kind of work/ }));
    const kinds = screen.getAllByRole('textbox', { name: 'Kind of work' });
    const days = screen.getAllByRole('spinbutton', { name: 'Days' });
    fireEvent.change(kinds[1] as HTMLElement, { target: { value: ' installation ' } });
    fireEvent.change(days[1] as HTMLElement, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: /Add a kind of work/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove row 3' }));

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.calls.find((call) => call.method === 'PUT')?.body).toEqual({
      data: [
        { kind: 'equipment testing', days: 10 },
        { kind: 'installation', days: 3 },
      ],
    });
    expect(await screen.findByText('Lead times of Service saved')).toBeTruthy();
  }, 30_000);

  it('asks for a kind of work and its days before sending anything', async () => {
    const api = serve();
    await openDrawer();
    fireEvent.click(screen.getByRole('button', { name: /Add a kind of work/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Name the kind of work')).toBeTruthy();
    expect(await screen.findByText('Enter 1 to 365 days')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'PUT')).toBe(false);
  }, 30_000);

  it("shows the server's field errors next to their fields", async () => {
    serve(() =>
      jsonResponse(
        422,
        {
          type: 'about:blank',
          title: 'Validation failed',
          status: 422,
          code: 'validation_failed',
          detail: 'A type of work is named twice',
          errors: [{ path: 'data.1.kind', message: 'Named twice' }],
        },
        'application/problem+json',
      ),
    );
    const onClose = await openDrawer();
    fireEvent.click(screen.getByRole('button', { name: /Add a kind of work/ }));
    fireEvent.change(screen.getAllByRole('textbox', { name: 'Kind of work' })[1] as HTMLElement, {
      target: { value: 'Equipment testing' },
    });
    fireEvent.change(screen.getAllByRole('spinbutton', { name: 'Days' })[1] as HTMLElement, { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const error = await screen.findByText('Named twice');
    const row = error.closest('.ant-form-item') as HTMLElement;
    expect(within(row).getByDisplayValue('Equipment testing')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Some fields need your attention.');
    expect(onClose).not.toHaveBeenCalled();
  }, 30_000);

  it('shows the lead times read-only to an employee', async () => {
    serve();
    await openDrawer({ ...testMe, role: 'employee' });
    expect(screen.getByText("Only admins and the unit's managers can change these.")).toBeTruthy();
    expect((screen.getByDisplayValue('equipment testing') as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Add a kind of work/ })).toBeNull();
  }, 30_000);
});
