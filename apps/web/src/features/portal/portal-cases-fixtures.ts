import type { TPortalCase } from '@clientela/contract';
import { jsonResponse } from '../../test/render.tsx';

export const CASE_ID = '00000000-0000-4000-8000-0000000000f1';

/** Ivan's request about cracked boards, answered by Elio and waiting for Ivan. */
export function aPortalCase(extra: Partial<TPortalCase> = {}): TPortalCase {
  return {
    id: CASE_ID,
    number: 'C-2026-00042',
    subject: 'Cracked boards',
    status: 'waiting_customer',
    priority: 'normal',
    type: { id: '00000000-0000-4000-8000-0000000000b1', name: 'Complaint' },
    company: { id: '00000000-0000-4000-8000-0000000000c1', name: 'Hotel Volga' },
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-03T10:00:00.000Z',
    lastMessageAt: '2026-03-03T10:00:00.000Z',
    waitingForYou: true,
    description: 'Three boards arrived cracked.',
    order: null,
    product: null,
    resolution: null,
    verdict: null,
    verdictReason: null,
    resolvedAt: null,
    closedAt: null,
    satisfaction: null,
    mayReply: true,
    mayRate: false,
    messages: [
      {
        id: '00000000-0000-4000-8000-0000000000e1',
        kind: 'customer',
        body: 'Photos attached.',
        authorName: 'Irina Petrova',
        mine: true,
        createdAt: '2026-03-02T09:05:00.000Z',
      },
      {
        id: '00000000-0000-4000-8000-0000000000e2',
        kind: 'reply',
        body: 'We will replace them. Which day suits you?',
        authorName: 'Elio Bianchi',
        mine: false,
        createdAt: '2026-03-03T10:00:00.000Z',
      },
    ],
    files: [
      {
        id: '00000000-0000-4000-8000-0000000000d9',
        fileName: 'photo.pdf',
        contentType: 'application/pdf',
        size: 2_500_000,
        fromCustomer: true,
        createdAt: '2026-03-02T09:05:00.000Z',
      },
    ],
    ...extra,
  };
}

type Handler = (init: RequestInit | undefined, url: URL) => unknown;

/** A fake portal API: `routes` answer by "METHOD /path" (the path without its query); every call is kept. */
export function fakePortal(routes: Record<string, Handler>) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fetch = async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://portal.test');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    calls.push({ method, url: `${url.pathname}${url.search}`, body });
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler)
      return jsonResponse(
        404,
        { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found', detail: '' },
        'application/problem+json',
      );
    const answer = handler(init, url);
    return answer instanceof Response ? answer : jsonResponse(method === 'POST' ? 201 : 200, answer);
  };
  return { fetch, calls };
}
