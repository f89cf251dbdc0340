import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { LocaleProvider } from '../features/locale/locale-context.tsx';
import { initI18n } from '../lib/i18n.ts';
import { createQueryClient } from '../lib/query-client.ts';

/** Renders a component with everything the app gives it: queries, English, theme and a router. */
export async function renderWithApp(ui: ReactElement, { path = '/' }: { path?: string } = {}) {
  const antdLocale = await initI18n('en');
  const queryClient = createQueryClient();
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
