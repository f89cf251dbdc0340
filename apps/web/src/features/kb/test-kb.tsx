import type { TKbArticle, TKbArticleSummary, TMe } from '@clientela/contract';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { loadKbMessages } from '../../lib/case-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { createQueryClient, SESSION_KEY } from '../../lib/query-client.ts';
import { LocaleProvider } from '../locale/locale-context.tsx';

export const ANNA = { id: '00000000-0000-4000-8000-000000000001', name: 'Anna Rossi' };
export const MARCO = { id: '00000000-0000-4000-8000-000000000009', name: 'Marco Bruni' };
export const DELIVERY = { id: '00000000-0000-4000-8000-0000000000c1', name: 'Delivery' };

/** An article as lists show it; only what is given differs. */
export function aSummary(id: string, title: string, extra: Partial<TKbArticleSummary> = {}): TKbArticleSummary {
  return {
    id,
    title,
    answer: 'Plasterboard is delivered within 3 working days.',
    category: DELIVERY,
    language: 'en',
    audience: 'internal',
    status: 'published',
    tags: ['delivery'],
    version: 1,
    helpfulYes: 4,
    helpfulNo: 1,
    useCount: 12,
    updatedAt: '2026-03-02T09:00:00.000Z',
    headline: null,
    ...extra,
  };
}

/** A whole article, written by Anna (the signed-in test user) unless told otherwise. */
export function anArticle(id: string, title: string, extra: Partial<TKbArticle> = {}): TKbArticle {
  return {
    ...aSummary(id, title),
    body: '<p>We deliver <strong>plasterboard</strong> within 3 working days.</p>',
    author: ANNA,
    updatedBy: ANNA,
    createdAt: '2026-03-01T08:00:00.000Z',
    sourceCase: null,
    related: [],
    myFeedback: null,
    mayChange: true,
    ...extra,
  };
}

type Options = { path: string; routes: { path: string; element: ReactElement }[]; me?: TMe };

/**
 * Renders pages in a data router (as the app does: the editor's leave guard needs one), with
 * queries, English and the knowledge base's messages; `me` signs someone in.
 */
export async function renderKb({ path, routes, me }: Options) {
  const antdLocale = await initI18n('en');
  await loadKbMessages();
  const queryClient = createQueryClient();
  if (me) queryClient.setQueryData(SESSION_KEY, { user: me, csrfToken: 'test' });
  const router = createMemoryRouter(
    routes.map((route) => ({ ...route, element: <App>{route.element}</App> })),
    { initialEntries: [path] },
  );
  const view = render(
    <QueryClientProvider client={queryClient}>
      <LocaleProvider initialLocale="en" initialAntdLocale={antdLocale}>
        <RouterProvider router={router} />
      </LocaleProvider>
    </QueryClientProvider>,
  );
  return { ...view, router };
}
