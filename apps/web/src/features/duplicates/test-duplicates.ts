import type { TCompany, TDuplicateRecord, TMerge } from '@clientela/contract';
import { jsonResponse } from '../../test/render.tsx';

type Call = { method: string; url: string; body: unknown };
type Handler = (call: Call) => Response | undefined;

/** A fetch that answers with `handler` and records every call; unknown requests get a 404 problem. */
export function fakeApi(handler: Handler) {
  const calls: Call[] = [];
  const fetch = async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const call = { method, url: input, body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body };
    calls.push(call);
    return (
      handler(call) ??
      jsonResponse(
        404,
        { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found', detail: input },
        'application/problem+json',
      )
    );
  };
  return { fetch, calls };
}

/** A list page as every list endpoint answers. */
export const page = <T>(data: T[]) => ({ data, nextCursor: null, total: data.length });

/** A company for tests; only what is given differs from an empty one. */
export function aCompany(id: string, name: string, extra: Partial<TCompany> = {}): TCompany {
  return {
    id,
    name,
    legalName: null,
    taxNumber: null,
    website: null,
    relationships: ['client'],
    status: 'active',
    class: null,
    region: null,
    city: null,
    address: null,
    phones: [],
    emails: [],
    leadSource: null,
    attribution: { source: null, campaign: null, convertedSource: null, convertedCampaign: null },
    owner: null,
    unitId: null,
    group: null,
    parentCompanyId: null,
    relationshipStyle: null,
    portalAccess: true,
    custom: {},
    tags: [],
    notes: null,
    createdAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2025-02-01T08:00:00.000Z',
    lastContactAt: null,
    ...extra,
  };
}

/** A record as the duplicates screen compares it. */
export function aDuplicateRecord(id: string, name: string, extra: Partial<TDuplicateRecord> = {}): TDuplicateRecord {
  return { id, name, city: null, emails: [], phones: [], taxNumber: null, owner: null, updatedAt: '2025-02-01T08:00:00.000Z', ...extra };
}

/** A merge as the API answers it. */
export function aMerge(extra: Partial<TMerge> = {}): TMerge {
  return {
    id: '00000000-0000-4000-8000-000000000900',
    entity: 'company',
    survivorId: '00000000-0000-4000-8000-000000000501',
    mergedIds: ['00000000-0000-4000-8000-000000000502'],
    mergedNames: ['Forno Rossi Srl'],
    moved: { links: 2, listMembers: 1, children: 0, history: 5 },
    createdBy: { id: '00000000-0000-4000-8000-000000000001', name: 'Anna Rossi' },
    createdAt: '2025-03-01T09:00:00.000Z',
    undoneAt: null,
    ...extra,
  };
}
