import type { TMe } from '@clientela/contract';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { LocaleProvider } from '../features/locale/locale-context.tsx';
import { loadCustomerMessages } from '../lib/customer-messages.ts';
import { loadDuplicateMessages } from '../lib/duplicate-messages.ts';
import { initI18n } from '../lib/i18n.ts';
import { loadImportMessages } from '../lib/import-messages.ts';
import { createQueryClient, SESSION_KEY } from '../lib/query-client.ts';
import { loadRelationshipMessages } from '../lib/relationship-messages.ts';

/** A signed-in admin in Rome, for components that need `useMe`. */
export const testMe: TMe = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'anna@example.com',
  name: 'Anna Rossi',
  locale: 'en',
  timeZone: 'Europe/Rome',
  role: 'admin',
  unitId: null,
  roleId: null,
  active: true,
  createdAt: '2024-01-01T00:00:00.000Z',
  workspace: { id: '00000000-0000-4000-8000-000000000002', name: 'Rossi Bakery', slug: 'rossi-bakery' },
  permissions: {},
  fieldRules: {},
};

type Options = { path?: string; me?: TMe };

/** Renders a component with everything the app gives it: queries, English, theme and a router; `me` signs someone in. */
export async function renderWithApp(ui: ReactElement, { path = '/', me }: Options = {}) {
  const antdLocale = await initI18n('en');
  await loadCustomerMessages();
  await loadImportMessages();
  await loadDuplicateMessages();
  await loadRelationshipMessages();
  const queryClient = createQueryClient();
  if (me) queryClient.setQueryData(SESSION_KEY, { user: me, csrfToken: 'test' });
  return render(
    <QueryClientProvider client={queryClient}>
      <LocaleProvider initialLocale="en" initialAntdLocale={antdLocale}>
        <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
      </LocaleProvider>
    </QueryClientProvider>,
  );
}

/** A fetch answer with a JSON body. */
export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  });
}
