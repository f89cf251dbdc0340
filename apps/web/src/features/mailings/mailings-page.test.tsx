import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render.tsx';
import { page } from '../duplicates/test-duplicates.ts';
import { MailingsPage } from './mailings-page.tsx';
import { aMailing, aTemplate, counts, MAILING_ID, renderMailings, TEMPLATE_ID, VIEW } from './test-mailings.tsx';

afterEach(() => vi.unstubAllGlobals());

const CAMPAIGN = { id: '00000000-0000-4000-8000-000000000c01', name: 'Spring fair 2027' };
const LIST = { id: '00000000-0000-4000-8000-000000000d01', name: 'Fair visitors', entity: 'company' as const };

function handler(created: ReturnType<typeof aMailing>) {
  return ({ method, url }: { method: string; url: string }) => {
    if (method === 'GET' && url === '/api/v1/mailings?limit=200')
      return jsonResponse(
        200,
        page([
          aMailing('00000000-0000-4000-8000-000000000802', 'November news', {
            status: 'sending',
            total: 200,
            counts: counts({ sent: 120, queued: 70, skipped_no_consent: 10 }),
            progress: 0.65,
          }),
        ]),
      );
    if (method === 'GET' && url === '/api/v1/templates') return jsonResponse(200, page([aTemplate(TEMPLATE_ID, 'Spring offers')]));
    if (method === 'GET' && url === '/api/v1/campaigns?limit=200') return jsonResponse(200, page([CAMPAIGN]));
    if (method === 'GET' && url === '/api/v1/views?filter%5Bentity%5D=contact')
      return jsonResponse(200, { data: [{ ...VIEW, query: {} }] });
    if (method === 'GET' && url === '/api/v1/lists?filter%5Bentity%5D=company')
      return jsonResponse(200, { data: [{ ...LIST, memberCount: 12 }] });
    if (method === 'POST' && url === '/api/v1/mailings') return jsonResponse(201, created);
    if (method === 'GET' && url === `/api/v1/companies?filter%5BlistId%5D=${LIST.id}&limit=1`)
      return jsonResponse(200, { data: [], nextCursor: null, total: 12 });
    if (method === 'POST' && url === `/api/v1/mailings/${MAILING_ID}/queue`)
      return jsonResponse(200, { ...created, status: 'queued', total: 30 });
    return undefined;
  };
}

async function chooseIn(dialog: HTMLElement, label: string, option: string) {
  fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: label }));
  fireEvent.click(await screen.findByTitle(option));
}

describe('MailingsPage', () => {
  it('lists mailings with their status and progress', async () => {
    await renderMailings(<MailingsPage />, handler(aMailing(MAILING_ID, 'x')));
    const row = (await screen.findByRole('link', { name: 'November news' })).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Sending');
    expect(row.textContent).toContain('120 of 200 sent');
    expect(row.textContent).toContain('65%');
    expect(row.textContent).toContain('View “Class A in Rome” (contacts)');
    expect(within(row).getByRole('link', { name: 'Spring offers' }).getAttribute('href')).toBe(`/templates/${TEMPLATE_ID}`);
  }, 30_000);

  it('shows only the mailings of the campaign named in the address, with a way back to all of them', async () => {
    const asked: string[] = [];
    await renderMailings(
      <MailingsPage />,
      ({ method, url }) => {
        if (method !== 'GET' || !url.startsWith('/api/v1/mailings')) return undefined;
        asked.push(url);
        return jsonResponse(200, page([aMailing(MAILING_ID, 'Fair invitation', { campaign: CAMPAIGN })]));
      },
      `/mailings?campaignId=${CAMPAIGN.id}`,
    );
    expect(await screen.findByRole('link', { name: 'Fair invitation' })).toBeTruthy();
    expect(asked).toEqual([`/api/v1/mailings?limit=200&campaignId=${CAMPAIGN.id}`]);
    expect(screen.getByText('Only the mailings of the campaign “Spring fair 2027”')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Show all mailings' }).getAttribute('href')).toBe('/mailings');
  }, 30_000);

  it('saves a new mailing to a saved view as a draft, with tracking off unless turned on', async () => {
    const { api } = await renderMailings(<MailingsPage />, handler(aMailing(MAILING_ID, 'Spring offers to class A')));
    fireEvent.click(await screen.findByRole('button', { name: /New mailing/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'Spring offers to class A' } });
    await chooseIn(dialog, 'Template', 'Spring offers · Marketing');
    await chooseIn(dialog, 'Choose a saved view', VIEW.name);
    await chooseIn(dialog, 'Campaign', CAMPAIGN.name);
    fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Messages per minute' }), { target: { value: '120' } });
    expect((within(dialog).getByRole('switch', { name: 'Track opens' }) as HTMLButtonElement).getAttribute('aria-checked')).toBe('false');
    fireEvent.click(within(dialog).getByRole('switch', { name: 'Track link clicks' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST' && call.url === '/api/v1/mailings')).toBe(true));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      name: 'Spring offers to class A',
      templateId: TEMPLATE_ID,
      campaignId: CAMPAIGN.id,
      viewId: VIEW.id,
      perMinute: 120,
      trackOpens: false,
      trackClicks: true,
    });
    expect(api.calls.some((call) => call.url.endsWith('/queue'))).toBe(false);
  }, 30_000);

  it('queues a new mailing to a list of companies after a confirmation naming how many companies it holds', async () => {
    const created = aMailing(MAILING_ID, 'Fair follow-up', { view: null, list: LIST });
    const { api } = await renderMailings(<MailingsPage />, handler(created));
    fireEvent.click(await screen.findByRole('button', { name: /New mailing/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'Fair follow-up' } });
    await chooseIn(dialog, 'Template', 'Spring offers · Marketing');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'companies' }));
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Static list' }));
    await chooseIn(dialog, 'Choose a static list', 'Fair visitors (12 members)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Queue and send' }));

    expect(await screen.findByText('Fair visitors holds 12 companies now; their contacts will receive the letter.')).toBeTruthy();
    expect(api.calls.find((call) => call.method === 'POST' && call.url === '/api/v1/mailings')?.body).toEqual({
      name: 'Fair follow-up',
      templateId: TEMPLATE_ID,
      campaignId: null,
      listId: LIST.id,
      perMinute: 600,
      trackOpens: false,
      trackClicks: false,
    });
    expect(api.calls.some((call) => call.url.endsWith('/queue'))).toBe(false);
    const confirm = screen.getAllByText('Send “Fair follow-up” now?')[0]?.closest('.ant-modal') as HTMLElement;
    fireEvent.click(within(confirm).getByRole('button', { name: 'Queue and send' }));
    await waitFor(() =>
      expect(api.calls.some((call) => call.method === 'POST' && call.url === `/api/v1/mailings/${MAILING_ID}/queue`)).toBe(true),
    );
  }, 30_000);
});
