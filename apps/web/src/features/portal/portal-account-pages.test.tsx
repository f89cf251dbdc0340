import type { TPortalLink, TPortalProfile } from '@clientela/contract';
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadPortalMessages } from '../../lib/portal-messages.ts';
import { createQueryClient } from '../../lib/query-client.ts';
import { jsonResponse } from '../../test/render.tsx';
import { LocaleProvider } from '../locale/locale-context.tsx';
import type { TPortalBranding, TPortalMe } from './portal-api.ts';
import { PortalLinkPage } from './portal-link-page.tsx';
import { PortalLoginPage } from './portal-login-page.tsx';
import { PortalProfilePage } from './portal-profile-page.tsx';

afterEach(() => vi.unstubAllGlobals());

const branding: TPortalBranding = { slug: 'bakery', name: 'Rossi Bakery', title: 'Rossi customer care', color: '#aa3300', hasLogo: false };
const me: TPortalMe = {
  portalUserId: '00000000-0000-4000-8000-0000000000a1',
  contactId: '00000000-0000-4000-8000-0000000000c1',
  name: 'Ivan Petrov',
  email: 'ivan@example.com',
  language: 'en',
  workspace: { slug: 'bakery', name: 'Rossi Bakery' },
  companies: [],
  csrfToken: 'csrf',
};
const problem = (status: number, code: string) =>
  jsonResponse(status, { type: 'about:blank', title: code, status, code, detail: code }, 'application/problem+json');

type Call = { method: string; url: string; body: unknown };

/** A fake portal API: answers what `handle` knows, the branding, and "nobody signed in" for `/me`. */
function fakePortal(handle: (call: Call) => Response | undefined) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const call = { method: init.method ?? 'GET', url, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
      calls.push(call);
      const answer = handle(call);
      if (answer) return answer;
      if (url === '/api/portal/branding/bakery') return jsonResponse(200, branding);
      if (url === '/api/portal/me') return problem(401, 'unauthenticated');
      return problem(404, 'not_found');
    }),
  );
  return calls;
}

/** Renders portal pages in a data router with queries, English and the portal's messages. */
async function renderPortal(path: string, routes: { path: string; element: ReactElement }[]) {
  const antdLocale = await initI18n('en');
  await loadPortalMessages();
  const router = createMemoryRouter(
    [...routes, { path: '/portal/:workspace/*', element: <p>portal home</p> }, { path: '/portal', element: <p>portal entry</p> }].map(
      (route) => ({ ...route, element: <App>{route.element}</App> }),
    ),
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <LocaleProvider initialLocale="en" initialAntdLocale={antdLocale}>
        <RouterProvider router={router} />
      </LocaleProvider>
    </QueryClientProvider>,
  );
  return router;
}

const loginRoute = [{ path: '/portal/:workspace/login', element: <PortalLoginPage /> }];
const linkRoute = [{ path: '/portal/link/:token', element: <PortalLinkPage /> }];

describe('PortalLoginPage', { timeout: 20_000 }, () => {
  it('shows the workspace’s portal, signs in with a password and goes where the customer was heading', async () => {
    const calls = fakePortal(({ method, url }) =>
      method === 'POST' && url === '/api/portal/auth/login' ? jsonResponse(200, me) : undefined,
    );
    const router = await renderPortal('/portal/bakery/login?next=%2Fportal%2Fbakery%2Fcases', loginRoute);
    expect(await screen.findByRole('heading', { name: 'Sign in to Rossi customer care' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: ' ivan@example.com ' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/portal/bakery/cases'));
    expect(calls.find((c) => c.url === '/api/portal/auth/login')?.body).toEqual({
      workspace: 'bakery',
      email: 'ivan@example.com',
      password: 'a long passphrase',
    });
  });

  it('never follows a `next` outside the workspace’s portal', async () => {
    fakePortal(({ method, url }) => (method === 'POST' && url === '/api/portal/auth/login' ? jsonResponse(200, me) : undefined));
    const router = await renderPortal('/portal/bakery/login?next=%2F%2Fevil.example', loginRoute);
    fireEvent.change(await screen.findByLabelText('E-mail'), { target: { value: 'ivan@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/portal/bakery'));
  });

  it('explains wrong credentials in the customer’s language and asks for missing fields', async () => {
    fakePortal(({ url }) => (url === '/api/portal/auth/login' ? problem(401, 'invalid_credentials') : undefined));
    await renderPortal('/portal/bakery/login', loginRoute);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getAllByText('Please fill in this field')).toHaveLength(2));

    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'ivan@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('The e-mail or password is not right.')).toBeTruthy();
  });

  it('e-mails a sign-in link and says so without telling whether the address is known', async () => {
    const calls = fakePortal(({ url }) => (url === '/api/portal/auth/magic-link' ? new Response(null, { status: 202 }) : undefined));
    await renderPortal('/portal/bakery/login', loginRoute);
    fireEvent.click(await screen.findByRole('tab', { name: 'E-mail me a link' }));
    const form = await screen.findByRole('form', { name: 'E-mail me a link' });
    const email = form.querySelector('input[type="email"]') as HTMLInputElement;
    fireEvent.change(email, { target: { value: 'ivan@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByText(/a sign-in link is on its way/)).toBeTruthy();
    expect(calls.find((c) => c.url === '/api/portal/auth/magic-link')?.body).toEqual({ workspace: 'bakery', email: 'ivan@example.com' });
  });

  it('a customer who forgot the password asks for a link to choose a new one', async () => {
    const calls = fakePortal(({ url }) => (url === '/api/portal/auth/password-reset' ? new Response(null, { status: 202 }) : undefined));
    await renderPortal('/portal/bakery/login', loginRoute);
    fireEvent.click(await screen.findByRole('tab', { name: 'E-mail me a link' }));
    const form = await screen.findByRole('form', { name: 'E-mail me a link' });
    fireEvent.change(form.querySelector('input[type="email"]') as HTMLInputElement, { target: { value: 'ivan@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: /Forgot your password/ }));
    expect(await screen.findByText(/a link to choose a new password is on its way/)).toBeTruthy();
    expect(calls.find((c) => c.url === '/api/portal/auth/password-reset')?.body).toEqual({
      workspace: 'bakery',
      email: 'ivan@example.com',
    });
  });

  it('tells a visitor of an unknown portal to use their invitation', async () => {
    fakePortal(({ url }) => (url === '/api/portal/branding/nowhere' ? problem(404, 'not_found') : undefined));
    await renderPortal('/portal/nowhere/login', loginRoute);
    expect(await screen.findByText(/There is no portal at this address/)).toBeTruthy();
  });
});

const invitation: TPortalLink = {
  purpose: 'invite',
  email: 'ivan@example.com',
  name: 'Ivan Petrov',
  language: 'en',
  workspace: { slug: 'bakery', name: 'Rossi Bakery' },
  needsPassword: true,
};

describe('PortalLinkPage', { timeout: 20_000 }, () => {
  it('an invitation asks for a password twice, then signs in to the workspace’s portal', async () => {
    const calls = fakePortal(({ method, url }) => {
      if (url !== '/api/portal/auth/link/secret-1') return undefined;
      return method === 'GET' ? jsonResponse(200, invitation) : jsonResponse(200, me);
    });
    const router = await renderPortal('/portal/link/secret-1', linkRoute);
    expect(await screen.findByRole('heading', { name: 'Welcome, Ivan Petrov' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long passphrase' } });
    fireEvent.change(screen.getByLabelText('Password again'), { target: { value: 'another passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and sign in' }));
    expect(await screen.findByText('The two passwords do not match')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByLabelText('Password again'), { target: { value: 'a long passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/portal/bakery'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ password: 'a long passphrase' });
  });

  it('a sign-in link signs in at once', async () => {
    const calls = fakePortal(({ method, url }) => {
      if (url !== '/api/portal/auth/link/secret-2') return undefined;
      return method === 'GET' ? jsonResponse(200, { ...invitation, purpose: 'magic_link', needsPassword: false }) : jsonResponse(200, me);
    });
    const router = await renderPortal('/portal/link/secret-2', linkRoute);
    await waitFor(() => expect(router.state.location.pathname).toBe('/portal/bakery'));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('explains a used or expired link and offers the way to sign in', async () => {
    fakePortal(({ url }) => (url === '/api/portal/auth/link/old' ? problem(404, 'link_invalid') : undefined));
    await renderPortal('/portal/link/old', linkRoute);
    expect((await screen.findAllByText('This link does not work any more')).length).toBeGreaterThan(0);
    expect(screen.getByText(/Links work only once/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Go to the sign-in page' })).toBeTruthy();
  });
});

const profile: TPortalProfile = {
  signInEmail: 'ivan@example.com',
  firstName: 'Ivan',
  lastName: 'Petrov',
  position: null,
  phones: [{ label: 'mobile', value: '+39 333 1234567' }],
  emails: [],
  preferredChannel: null,
  language: 'en',
  marketingConsent: false,
  consentAt: null,
  companies: [{ id: '00000000-0000-4000-8000-0000000000d1', name: 'Gipsoplit', role: 'buyer' }],
};

describe('PortalProfilePage', { timeout: 20_000 }, () => {
  it('saves the details, and the consent switch records the choice at once', async () => {
    const calls = fakePortal(({ method, url, body }) => {
      if (url !== '/api/portal/profile') return undefined;
      return jsonResponse(200, method === 'PATCH' ? { ...profile, ...(body as object) } : profile);
    });
    await renderPortal('/portal/bakery/profile', [{ path: '/portal/:workspace/profile', element: <PortalProfilePage /> }]);
    expect(await screen.findByText('You sign in with ivan@example.com')).toBeTruthy();
    expect(screen.getByText(/Gipsoplit \(buyer\)/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Download my data/ }).getAttribute('href')).toBe('/api/portal/my-data');

    fireEvent.change(screen.getByLabelText('Position'), { target: { value: ' Head buyer ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({
      firstName: 'Ivan',
      position: 'Head buyer',
      phones: [{ label: 'mobile', value: '+39 333 1234567' }],
      emails: [],
      preferredChannel: null,
    });

    fireEvent.click(screen.getByRole('switch'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PATCH')[1]?.body).toEqual({ marketingConsent: true });
  });

  it('refuses to empty both names before asking the server', async () => {
    const calls = fakePortal(({ url }) => (url === '/api/portal/profile' ? jsonResponse(200, profile) : undefined));
    await renderPortal('/portal/bakery/profile', [{ path: '/portal/:workspace/profile', element: <PortalProfilePage /> }]);
    fireEvent.change(await screen.findByLabelText('First name'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Last name'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('A first or a last name is needed')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });
});
