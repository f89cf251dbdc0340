import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { ActivityFormDrawer } from './activity-form-drawer.tsx';
import { anActivity, CAFE, GIULIA } from './test-activities.ts';

afterEach(() => vi.unstubAllGlobals());

/** Opens an antd select and picks the option shown as `label`. */
async function choose(name: string, label: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name }));
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-item-option')].find((item) => item.textContent === label);
    if (!found) throw new Error(`No option ${label}`);
    return found;
  });
  fireEvent.click(option);
}

/** Types a date and time into an antd date picker, as a person would, and confirms it. */
function typeDateTime(name: string, text: string) {
  const input = screen.getByRole('textbox', { name });
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  fireEvent.blur(input);
}

async function renderForm(handler: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi((call) => handler(call) ?? (call.method === 'GET' ? jsonResponse(200, page([])) : undefined));
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const onClose = vi.fn();
  await renderWithApp(
    <App>
      <ActivityFormDrawer open about={{ companies: [CAFE] }} onClose={onClose} />
    </App>,
    { me: testMe },
  );
  await screen.findByRole('form', { name: 'Log activity' });
  return { api, onClose };
}

describe('ActivityFormDrawer', () => {
  it('logs a call with only the call’s fields, its notes as HTML, times in the user’s zone', async () => {
    const { api, onClose } = await renderForm(({ method, url }) =>
      method === 'POST' && url === '/api/v1/activities' ? jsonResponse(201, anActivity('00000000-0000-4000-8000-000000000701')) : undefined,
    );
    // A call is offered first: direction, outcome and duration, not a place.
    expect(screen.queryByLabelText('Place')).toBeNull();
    fireEvent.change(screen.getByLabelText('Subject'), { target: { value: ' Christmas order ' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Incoming' }));
    await choose('Outcome', 'Reached');
    fireEvent.change(screen.getByLabelText('Duration'), { target: { value: '12' } });
    typeDateTime('When', '30/11/2026 09:15');
    typeDateTime('Follow up', '10/12/2026 10:00');
    const editor = await screen.findByRole('textbox', { name: 'Notes' }, { timeout: 10_000 });
    editor.innerHTML = '<p>Wants <strong>40 panettoni</strong></p>';
    await waitFor(() => expect(editor.innerHTML).toContain('40 panettoni'));

    fireEvent.click(screen.getByRole('button', { name: 'Log it' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const sent = api.calls.find((call) => call.method === 'POST');
    expect(sent?.body).toEqual({
      type: 'call',
      subject: 'Christmas order',
      body: '<p>Wants <strong>40 panettoni</strong></p>',
      occurredAt: '2026-11-30T08:15:00.000Z',
      followUpAt: '2026-12-10T09:00:00.000Z',
      direction: 'inbound',
      outcome: 'reached',
      durationMinutes: 12,
      companyIds: [CAFE.id],
      contactIds: [],
      dealIds: [],
    });
  }, 40_000);

  it('a visit asks where and who was there; the server’s refusals show next to their fields', async () => {
    const problem = {
      status: 400,
      code: 'validation_failed',
      detail: 'Invalid input',
      errors: [
        { path: 'companyIds.0', message: 'No such company' },
        { path: 'place', message: 'Too long' },
      ],
    };
    const { onClose } = await renderForm(({ method }) =>
      method === 'POST' ? jsonResponse(400, problem, 'application/problem+json') : undefined,
    );
    fireEvent.click(screen.getByText('Visit'));
    expect(await screen.findByLabelText('Place')).toBeTruthy();
    expect(screen.queryByLabelText('Outcome')).toBeNull();
    fireEvent.change(screen.getByLabelText('Place'), { target: { value: 'Their shop' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log it' }));

    expect(await screen.findByText('One of these is not a customer you can see.')).toBeTruthy();
    const companies = screen.getByText('One of these is not a customer you can see.').closest('.ant-form-item');
    expect(within(companies as HTMLElement).getByText('Companies')).toBeTruthy();
    const place = screen.getByText('Too long').closest('.ant-form-item');
    expect(within(place as HTMLElement).getByText('Place')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Some fields need your attention.');
    expect(onClose).not.toHaveBeenCalled();
  }, 20_000);

  it('an edit shows the activity as it is and sends only what changed', async () => {
    const call = anActivity('00000000-0000-4000-8000-000000000701', {
      subject: 'Christmas order',
      direction: 'outbound',
      outcome: 'no_answer',
      body: '<p>Try again on Monday</p>',
      links: [CAFE, GIULIA],
    });
    const api = fakeApi(({ method, url, body }) => {
      if (method === 'PATCH' && url === `/api/v1/activities/${call.id}`) return jsonResponse(200, { ...call, ...(body as object) });
      return method === 'GET' ? jsonResponse(200, page([])) : undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const onClose = vi.fn();
    await renderWithApp(
      <App>
        <ActivityFormDrawer open activity={call} onClose={onClose} />
      </App>,
      { me: testMe },
    );
    await screen.findByRole('form', { name: 'Edit activity' });
    expect(screen.getByLabelText('Subject')).toHaveProperty('value', 'Christmas order');
    expect(screen.getByRole('textbox', { name: 'When' })).toHaveProperty('value', '30/11/2026 09:15');
    expect((await screen.findByRole('textbox', { name: 'Notes' }, { timeout: 10_000 })).textContent).toBe('Try again on Monday');
    // The linked contact is named, though no search has found it.
    const contacts = screen.getByRole('combobox', { name: 'Contacts' }).closest('.ant-select') as HTMLElement;
    expect(contacts.textContent).toContain(GIULIA.name);
    await choose('Outcome', 'Reached');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ outcome: 'reached' });
  }, 40_000);

  it('asks for a company or a contact before sending anything', async () => {
    const { api } = await renderForm(() => undefined);
    // The page's company comes chosen; taking it off leaves the activity about nobody.
    const select = screen.getByRole('combobox', { name: 'Companies' }).closest('.ant-select') as HTMLElement;
    expect(select.textContent).toContain(CAFE.name);
    fireEvent.click(select.querySelector('.ant-select-selection-item-remove') as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Log it' }));
    expect(await screen.findByText('Choose at least one company, contact or deal it is about.')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);
  }, 20_000);
});
