import type { TTaskReminderRules } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { ReminderRulesCard } from './reminder-rules-card.tsx';

afterEach(() => vi.unstubAllGlobals());

const RULES: TTaskReminderRules = { remindBeforeMinutes: 1440, notReceivedMinutes: 240, notAcceptedMinutes: 0, repeatMinutes: 90 };
const URL = '/api/v1/tasks/reminder-rules';

function serve(put: (body: unknown) => Response = (body) => jsonResponse(200, body)) {
  const api = fakeApi(({ method, url, body }) => {
    if (method === 'GET' && url === URL) return jsonResponse(200, RULES);
    if (method === 'PUT' && url === URL) return put(body);
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

async function renderCard(me = testMe) {
  await renderWithApp(
    <App>
      <ReminderRulesCard />
    </App>,
    { me },
  );
  // The card's chunk loads on first use, which takes a while in a cold test run.
  await screen.findByRole('form', { name: 'Reminders and escalation' }, { timeout: 10_000 });
}

/** The form item of a rule, by its label. */
const rule = (label: string) => screen.getByRole('spinbutton', { name: label }).closest('.ant-form-item') as HTMLElement;
const amount = (label: string) => screen.getByRole('spinbutton', { name: label }) as HTMLInputElement;
const dropdownOption = (title: string) =>
  screen.queryAllByTitle(title).find((element) => element.classList.contains('ant-select-item-option'));
const unitShown = (label: string) => within(rule(label)).getByTitle(/hours|days/).textContent;

describe('ReminderRulesCard', () => {
  it('shows the minutes as hours or days, and each rule off when it is 0', async () => {
    serve();
    await renderCard();
    expect(amount('Remind before the due time').value).toBe('1');
    expect(unitShown('Remind before the due time')).toBe('days');
    expect(amount('Not opened').value).toBe('4');
    expect(unitShown('Not opened')).toBe('hours');
    expect(amount('Repeat').value).toBe('1.5');
    expect(screen.getByRole('switch', { name: 'Not accepted: on or off' }).getAttribute('aria-checked')).toBe('false');
    expect(amount('Not accepted').disabled).toBe(true);
    expect(screen.getByText('The assignee gets a reminder this long before the task is due.')).toBeTruthy();
  }, 30_000);

  it('saves the whole set of rules in minutes', async () => {
    const api = serve();
    await renderCard();
    fireEvent.change(amount('Not opened'), { target: { value: '6' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Not accepted: on or off' }));
    // Switched on, it offers the usual day; two of them are asked for.
    expect(amount('Not accepted').value).toBe('1');
    fireEvent.change(amount('Not accepted'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Remind before the due time: on or off' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.calls.some((call) => call.method === 'PUT')).toBe(true));
    expect(api.calls.find((call) => call.method === 'PUT')?.body).toEqual({
      remindBeforeMinutes: 0,
      notReceivedMinutes: 360,
      notAcceptedMinutes: 2880,
      repeatMinutes: 90,
    });
    expect(await screen.findByText('Reminder rules saved')).toBeTruthy();
  }, 30_000);

  it('keeps the number typed when the unit changes to days', async () => {
    const api = serve();
    await renderCard();
    fireEvent.change(amount('Not opened'), { target: { value: '3' } });
    const unit = screen.getByRole('combobox', { name: 'Not opened: hours or days' });
    fireEvent.mouseDown(unit);
    await waitFor(() => expect(dropdownOption('days')).toBeTruthy());
    fireEvent.click(dropdownOption('days') as HTMLElement);
    expect(unitShown('Not opened')).toBe('days');
    expect(amount('Not opened').value).toBe('3');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'PUT')).toBe(true));
    expect(api.calls.find((call) => call.method === 'PUT')?.body).toMatchObject({ notReceivedMinutes: 3 * 1440 });
  }, 30_000);

  it('refuses a rule left empty or longer than four weeks, and a repeat under 15 minutes', async () => {
    const api = serve();
    await renderCard();
    fireEvent.change(amount('Not opened'), { target: { value: '' } });
    fireEvent.change(amount('Remind before the due time'), { target: { value: '29' } });
    fireEvent.change(amount('Repeat'), { target: { value: '0.1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter how long, or turn it off')).toBeTruthy();
    expect(await screen.findByText('At most 28 days')).toBeTruthy();
    expect(await screen.findByText('At least 15 minutes')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'PUT')).toBe(false);
  }, 30_000);

  it("shows the server's errors next to the rule they name", async () => {
    serve(() =>
      jsonResponse(
        422,
        {
          type: 'about:blank',
          title: 'Validation failed',
          status: 422,
          code: 'validation_failed',
          detail: 'Invalid input',
          errors: [{ path: 'body.repeatMinutes', message: 'Too small' }],
        },
        'application/problem+json',
      ),
    );
    await renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await within(rule('Repeat')).findByText('Too small')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Some fields need your attention.');
  }, 30_000);

  it('shows the rules read-only to someone who is not an admin', async () => {
    const api = serve();
    await renderCard({ ...testMe, role: 'manager' });
    expect(screen.getByText('Only admins can change these rules.')).toBeTruthy();
    expect(amount('Not opened').value).toBe('4');
    expect(amount('Not opened').disabled).toBe(true);
    expect((screen.getByRole('switch', { name: 'Repeat: on or off' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(api.calls.every((call) => call.method === 'GET')).toBe(true);
  }, 30_000);
});
