import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { anAgreement, CAFE, ELIO, GIULIA } from '../activities/test-activities.ts';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { AgreementsCard } from './agreements-card.tsx';

afterEach(() => vi.unstubAllGlobals());

const LIST = '/api/v1/agreements';
const scope = `filter%5BcompanyId%5D=${CAFE.id}`;
const renewal = anAgreement('00000000-0000-4000-8000-000000000801', {
  title: 'Renew the Friday ad',
  resource: 'ad slot page 3, Fridays',
  validUntil: '2027-01-31',
});
const delivery = anAgreement('00000000-0000-4000-8000-000000000802', {
  title: 'Free delivery on Saturdays',
  status: 'proposed',
  contact: { id: GIULIA.id, name: GIULIA.name },
  company: null,
  agreedBy: ELIO,
});
const discount = anAgreement('00000000-0000-4000-8000-000000000803', { title: 'Christmas discount', status: 'fulfilled', binding: false });

function agreementsApi() {
  return fakeApi(({ method, url, body }) => {
    if (url.startsWith(`${LIST}?${scope}&filter%5Bbinding%5D=true`)) return jsonResponse(200, page([renewal, delivery]));
    if (url.startsWith(`${LIST}?${scope}&filter%5Bbinding%5D=false`)) return jsonResponse(200, page([discount]));
    if (method === 'PATCH' && url === `${LIST}/${renewal.id}`) {
      return jsonResponse(200, { ...renewal, ...(body as object), binding: false });
    }
    if (method === 'GET') return jsonResponse(200, page([]));
    return undefined;
  });
}

async function renderCard() {
  await renderWithApp(
    <App>
      <AgreementsCard customer={{ company: { id: CAFE.id, name: CAFE.name } }} />
    </App>,
    { me: testMe },
  );
  return screen.findByText('2 agreements bind us with this company');
}

describe('AgreementsCard', () => {
  it('puts the agreements that bind us in a warning, and folds the others away', async () => {
    vi.stubGlobal('fetch', vi.fn(agreementsApi().fetch));
    const title = await renderCard();
    const warning = title.closest('.ant-alert') as HTMLElement;
    expect(warning.className).toContain('warning');
    const rows = within(warning).getAllByTestId('agreement');
    expect(rows.map((row) => within(row).getAllByRole('link')[0]?.textContent)).toEqual([
      'Renew the Friday ad',
      'Free delivery on Saturdays',
    ]);
    expect(rows[0]?.textContent).toContain('Concerns: ad slot page 3, Fridays');
    expect(rows[0]?.textContent).toContain('Agreed by Anna Rossi on 2 Nov 2026 · valid until 31 Jan 2027');
    // Made with a contact of the company: the contact is named, the company (this page) is not.
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: GIULIA.name })).toBeTruthy();
    expect(rows[1]?.textContent).toContain('no end date');

    // The closed one waits behind a fold.
    expect(screen.queryByText('Christmas discount')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /1 earlier or closed agreement/ }));
    expect(await screen.findByText('Christmas discount')).toBeTruthy();
  }, 20_000);

  it('changes a status in one step', async () => {
    const api = agreementsApi();
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderCard();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Status of “Renew the Friday ad”' }));
    const option = await waitFor(() => {
      const found = [...document.querySelectorAll('.ant-select-item-option')].find((item) => item.textContent === 'Fulfilled');
      if (!found) throw new Error('no option');
      return found;
    });
    fireEvent.click(option);
    expect(await screen.findByText('“Renew the Friday ad” is now Fulfilled.')).toBeTruthy();
    expect(api.calls.find((call) => call.method === 'PATCH')?.body).toEqual({ status: 'fulfilled' });
  }, 20_000);

  it('says so when nothing binds us', async () => {
    vi.stubGlobal('fetch', vi.fn(fakeApi(({ method }) => (method === 'GET' ? jsonResponse(200, page([])) : undefined)).fetch));
    await renderWithApp(
      <App>
        <AgreementsCard customer={{ contact: { id: GIULIA.id, name: GIULIA.name } }} />
      </App>,
      { me: testMe },
    );
    expect(await screen.findByText('No agreement binds us with this customer right now.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  }, 20_000);
});
