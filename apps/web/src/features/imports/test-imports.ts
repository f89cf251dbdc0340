import type { TImport, TImportPreview } from '@clientela/contract';
import { jsonResponse } from '../../test/render.tsx';

export const IMPORT_ID = '00000000-0000-4000-8000-0000000000a1';

/** An import of companies for tests, being set up unless told otherwise. */
export function anImport(extra: Partial<TImport> = {}): TImport {
  return {
    id: IMPORT_ID,
    entity: 'company',
    fileName: 'clienti.csv',
    format: 'csv',
    encoding: 'windows-1251',
    delimiter: ';',
    headers: ['Name', 'Email', 'Status'],
    rowCount: 3,
    status: 'mapping',
    mapping: { columns: [{ field: 'name' }, { field: 'emails', label: '' }, { field: 'status' }], duplicates: 'skip', values: {} },
    processed: 0,
    counts: { created: 0, updated: 0, skipped: 0, rejected: 0, modified: 0 },
    error: null,
    createdBy: { id: '00000000-0000-4000-8000-000000000001', name: 'Anna Rossi' },
    createdAt: '2025-03-01T09:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    ...extra,
  };
}

/** A list envelope, as every list endpoint answers. */
export function page<T>(data: T[]) {
  return { data, nextCursor: null, total: data.length };
}

export const emptyPreview: TImportPreview = { rows: [], unknownValues: [] };

type Handler = (request: { method: string; url: string; body: unknown }) => Response | undefined;

/** A fetch stub answering by method and path; it records each call with its JSON (or FormData) body, and what it did not expect. */
export function fakeApi(handler: Handler) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const unexpected: string[] = [];
  const fetch = async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const raw = init.body;
    const body = typeof raw === 'string' ? JSON.parse(raw) : raw;
    const call = { method, url: input, body };
    calls.push(call);
    const response = handler(call);
    if (response) return response;
    unexpected.push(`${method} ${input}`);
    return jsonResponse(
      404,
      { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found', detail: input },
      'application/problem+json',
    );
  };
  return { fetch, calls, unexpected };
}
