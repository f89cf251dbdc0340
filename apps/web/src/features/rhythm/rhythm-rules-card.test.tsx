import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { RhythmRulesCard } from './rhythm-rules-card.tsx';
import { RULES } from './test-rhythm.ts';

afterEach(() => vi.unstubAllGlobals());

const URL = '/api/v1/rhythm/rules';

function serve() {
  const api = fakeApi(({ method, url, body }) => {
    if (method === 'GET' && url === URL) return jsonResponse(200, RULES);
    if (method === 'PUT' && url === URL) return jsonResponse(200, body);
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

async function renderCard(me = testMe) {
  await renderWithApp(
    <App>
      <RhythmRulesCard />
    </App>,
    { me },
  );
  await screen.findByRole('form', { name: 'Contact rhythm' }, { timeout: 10_000 });
}

const days = (label: string) => screen.getByRole('spinbutton', { name: label }) as HTMLInputElement;

describe('RhythmRulesCard', () => {
  it('shows the defaults and saves the three rules', async () => {
    const api = serve();
    await renderCard();
    expect(days('Class A: contact at least every').value).toBe('30');
    expect(days('Class B: contact at least every').value).toBe('60');
    expect(days('Class C: contact at least every').value).toBe('90');
    fireEvent.change(days('Class A: contact at least every'), { target: { value: '14' } });
    fireEvent.click(screen.getAllByRole('checkbox', { name: 'Note' })[0] as HTMLElement);
    fireEvent.click(screen.getByRole('switch', { name: 'Class C: send tasks' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = api.calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({
      rules: [
        { class: 'A', everyDays: 14, activityTypes: ['call', 'meeting', 'visit', 'email', 'note'], createTasks: false },
        { class: 'B', everyDays: 60, activityTypes: ['call', 'meeting', 'visit', 'email'], createTasks: false },
        { class: 'C', everyDays: 90, activityTypes: ['call', 'meeting', 'visit', 'email'], createTasks: true },
      ],
    });
    expect(await screen.findByText('Contact rhythm saved')).toBeTruthy();
  }, 30_000);

  it('sends nothing while a class counts no kind of activity', async () => {
    const api = serve();
    await renderCard();
    for (const type of ['Call', 'Meeting', 'Visit', 'E-mail']) {
      fireEvent.click(screen.getAllByRole('checkbox', { name: type })[1] as HTMLElement);
    }
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Choose at least one kind of activity')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
  }, 30_000);

  it('lets others read the rules but not change them', async () => {
    serve();
    await renderCard({ ...testMe, role: 'employee' });
    expect(screen.getByText('Only an administrator changes these rules.')).toBeTruthy();
    expect(days('Class A: contact at least every').disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  }, 30_000);
});
