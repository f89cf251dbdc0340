import type { TSurvey } from '@clientela/contract';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { initI18n } from '../../lib/i18n.ts';
import { loadSurveyMessages } from '../../lib/marketing-messages.ts';
import { createQueryClient, SESSION_KEY } from '../../lib/query-client.ts';
import { testMe } from '../../test/render.tsx';
import { LocaleProvider } from '../locale/locale-context.tsx';

export const SURVEY_ID = '00000000-0000-4000-8000-0000000005a1';
export const ANNA = { id: testMe.id, name: 'Anna Rossi' };

/** A survey for tests: open, in Italian and English, with an NPS question, unless told otherwise. */
export function aSurvey(extra: Partial<TSurvey> = {}): TSurvey {
  return {
    id: SURVEY_ID,
    name: 'After delivery',
    status: 'open',
    title: { it: 'Com’è andata la consegna?', en: 'How was the delivery?' },
    intro: null,
    thanks: null,
    questions: [{ id: 'q1', type: 'nps', text: { it: 'Ci consiglierebbe?', en: 'Would you recommend us?' }, required: true, options: [] }],
    languages: ['en', 'it'],
    template: null,
    campaign: null,
    owner: ANNA,
    invited: 10,
    answered: 0,
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    ...extra,
  };
}

type Options = { path: string; routes: { path: string; element: ReactElement }[]; signedIn?: boolean };

/** Renders survey pages in a data router with queries, English and the survey messages; signed in as Anna unless told not. */
export async function renderSurveys({ path, routes, signedIn = true }: Options) {
  const antdLocale = await initI18n('en');
  await loadSurveyMessages();
  const queryClient = createQueryClient();
  if (signedIn) queryClient.setQueryData(SESSION_KEY, { user: testMe, csrfToken: 'test' });
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
