import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadPortalCaseMessages } from '../../lib/portal-messages.ts';
import { jsonResponse, renderWithApp } from '../../test/render.tsx';
import { PortalCasePage } from './portal-case-page.tsx';
import { aPortalCase, CASE_ID, fakePortal } from './portal-cases-fixtures.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadPortalCaseMessages();
});
afterEach(() => vi.unstubAllGlobals());

const URL_OF_CASE = `/api/portal/cases/${CASE_ID}`;

const renderPage = () =>
  renderWithApp(
    <Routes>
      <Route path="/portal/:workspace/cases/:id" element={<PortalCasePage />} />
    </Routes>,
    { path: `/portal/bakery/cases/${CASE_ID}` },
  );

describe('PortalCasePage', () => {
  it('shows who wrote what and when, the files, and sends the customer’s reply', async () => {
    const replied = aPortalCase({
      status: 'in_progress',
      waitingForYou: false,
      messages: [
        ...aPortalCase().messages,
        {
          id: '00000000-0000-4000-8000-0000000000e3',
          kind: 'customer',
          body: 'Friday, please.',
          authorName: 'Irina Petrova',
          mine: true,
          createdAt: '2026-03-03T11:00:00.000Z',
        },
      ],
    });
    const api = fakePortal({ [`GET ${URL_OF_CASE}`]: () => aPortalCase(), [`POST ${URL_OF_CASE}/messages`]: () => replied });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderPage();
    expect(await screen.findByRole('heading', { name: 'Cracked boards' })).toBeTruthy();
    expect(screen.getByText('C-2026-00042')).toBeTruthy();
    expect(screen.getByText('Waiting for you')).toBeTruthy();
    expect(screen.getByText('We are waiting for your answer.')).toBeTruthy();
    const conversation = screen.getByRole('list', { name: 'Conversation' });
    const [mine, theirs] = within(conversation).getAllByRole('listitem');
    expect(within(mine as HTMLElement).getByText('You')).toBeTruthy();
    expect(within(mine as HTMLElement).getByText('Photos attached.')).toBeTruthy();
    expect(within(theirs as HTMLElement).getByText('Elio Bianchi')).toBeTruthy();
    expect(within(theirs as HTMLElement).getByText('Support')).toBeTruthy();
    expect(within(theirs as HTMLElement).getByText('3 Mar 2026', { exact: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'photo.pdf' }).getAttribute('href')).toBe(
      `${URL_OF_CASE}/attachments/00000000-0000-4000-8000-0000000000d9`,
    );

    fireEvent.change(screen.getByLabelText('Your reply'), { target: { value: '  Friday, please. ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Friday, please.')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ body: 'Friday, please.' });
    await waitFor(() => expect(screen.queryByText('We are waiting for your answer.')).toBeNull());
    expect((screen.getByLabelText('Your reply') as HTMLTextAreaElement).value).toBe('');
  }, 20_000);

  it('shows the resolution and takes a 1–5 rating with a comment once', async () => {
    const resolved = aPortalCase({
      status: 'resolved',
      waitingForYou: false,
      resolution: 'New boards delivered on Friday.',
      verdict: 'founded',
      resolvedAt: '2026-03-06T10:00:00.000Z',
      mayRate: true,
    });
    const rated = { ...resolved, mayRate: false, satisfaction: { score: 4, comment: 'Quick', at: '2026-03-06T12:00:00.000Z' } };
    const api = fakePortal({ [`GET ${URL_OF_CASE}`]: () => resolved, [`POST ${URL_OF_CASE}/rating`]: () => jsonResponse(200, rated) });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const { container } = await renderPage();
    expect(await screen.findByText('New boards delivered on Friday.')).toBeTruthy();
    expect(screen.getByText('Your complaint was found justified')).toBeTruthy();
    expect(screen.getByText('The request is resolved: replying opens it again.')).toBeTruthy();
    const rating = screen.getByRole('group', { name: 'How satisfied are you with the resolution?' });
    const send = within(rating).getByRole('button', { name: 'Send rating' });
    expect(send.hasAttribute('disabled')).toBe(true);
    const fourth = container.querySelectorAll('.ant-rate-star')[3]?.firstElementChild as HTMLElement;
    fireEvent.click(fourth);
    fireEvent.change(within(rating).getByLabelText('Comment (optional)'), { target: { value: 'Quick' } });
    fireEvent.click(send);
    expect(await screen.findByText('Thank you for your rating.')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ satisfaction: 4, comment: 'Quick' });
    expect(screen.queryByRole('button', { name: 'Send rating' })).toBeNull();
  }, 20_000);

  it('says a request that is not the customer’s does not exist', async () => {
    vi.stubGlobal('fetch', vi.fn(fakePortal({}).fetch));
    await renderPage();
    expect(await screen.findByText('This request does not exist, or it is not yours to see.')).toBeTruthy();
    expect(screen.getByRole('link', { name: /All requests/ }).getAttribute('href')).toBe('/portal/bakery/cases');
  }, 20_000);
});
