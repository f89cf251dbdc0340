import type { TMe } from '@clientela/contract';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { initI18n } from '../../lib/i18n.ts';
import { loadCommunityMessages } from '../../lib/portal-messages.ts';
import { createQueryClient, SESSION_KEY } from '../../lib/query-client.ts';
import { LocaleProvider } from '../locale/locale-context.tsx';

/** Renders community pages in a data router with queries, English and the community's messages; `me` signs a staff member in. */
export async function renderCommunity({ path, routes, me }: { path: string; routes: { path: string; element: ReactElement }[]; me?: TMe }) {
  const antdLocale = await initI18n('en');
  await loadCommunityMessages();
  const queryClient = createQueryClient();
  if (me) queryClient.setQueryData(SESSION_KEY, { user: me, csrfToken: 'test' });
  const router = createMemoryRouter(
    routes.map((route) => ({ ...route, element: <App>{route.element}</App> })),
    { initialEntries: [path] },
  );
  return render(
    <QueryClientProvider client={queryClient}>
      <LocaleProvider initialLocale="en" initialAntdLocale={antdLocale}>
        <RouterProvider router={router} />
      </LocaleProvider>
    </QueryClientProvider>,
  );
}
