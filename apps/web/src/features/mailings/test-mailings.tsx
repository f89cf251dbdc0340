import type { TMailing, TMailTemplate, TRecipientCounts } from '@clientela/contract';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadMailingMessages } from '../../lib/marketing-messages.ts';
import { renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';

export const ANNA = { id: testMe.id, name: testMe.name };
export const TEMPLATE_ID = '00000000-0000-4000-8000-000000000701';
export const MAILING_ID = '00000000-0000-4000-8000-000000000801';
export const VIEW = { id: '00000000-0000-4000-8000-000000000901', name: 'Class A in Rome', entity: 'contact' as const };

/** A template for tests, in English and Italian unless told otherwise. */
export function aTemplate(id: string, name: string, extra: Partial<TMailTemplate> = {}): TMailTemplate {
  return {
    id,
    name,
    purpose: 'marketing',
    versions: {
      en: { subject: 'Spring offers, {{first_name}}', mjml: '<mjml><mj-body><mj-text>Hello</mj-text></mj-body></mjml>' },
      it: { subject: 'Offerte di primavera, {{first_name}}', mjml: '<mjml><mj-body><mj-text>Ciao</mj-text></mj-body></mjml>' },
    },
    languages: ['en', 'it'],
    createdBy: ANNA,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-20T15:30:00.000Z',
    ...extra,
  };
}

/** Every recipient status at zero but the ones given. */
export function counts(some: Partial<TRecipientCounts> = {}): TRecipientCounts {
  return {
    queued: 0,
    sending: 0,
    sent: 0,
    failed: 0,
    bounced: 0,
    skipped_no_consent: 0,
    skipped_unsubscribed: 0,
    skipped_no_email: 0,
    skipped_duplicate: 0,
    ...some,
  };
}

/** A mailing for tests: a draft to a saved view of contacts unless told otherwise. */
export function aMailing(id: string, name: string, extra: Partial<TMailing> = {}): TMailing {
  return {
    id,
    name,
    status: 'draft',
    template: { id: TEMPLATE_ID, name: 'Spring offers' },
    campaign: null,
    view: VIEW,
    list: null,
    perMinute: 600,
    trackOpens: false,
    trackClicks: false,
    total: 0,
    counts: counts(),
    opened: 0,
    clicked: 0,
    progress: 0,
    queuedAt: null,
    startedAt: null,
    finishedAt: null,
    createdBy: ANNA,
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    ...extra,
  };
}

/** Answers fetch with `handler` (unknown requests: 404) and renders `ui` with the mailings' messages loaded. */
export async function renderMailings(ui: ReactElement, handler: Parameters<typeof fakeApi>[0], path = '/', me = testMe) {
  await initI18n('en');
  await loadMailingMessages();
  const api = fakeApi(handler);
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const view = await renderWithApp(<App>{ui}</App>, { me, path });
  return { api, view };
}
