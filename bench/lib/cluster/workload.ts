// The mixed workload of bench/load.ts (80 % reads, 20 % writes) sent through the balancer by
// `connections` clients, each one request after another, with the bounded retry a real client has:
// a request that fails (no answer, or a 5xx) is sent once more after 200 ms. Failures before and
// after that retry are counted apart, and every write answered 201 is kept to be read back.
import { headersOf, type Session } from '../server-process.ts';

/** What the clients need: where to send, who is signed in, and records each person may touch. */
export type Workload = { base: string; sessions: Session[]; contactIds: string[][] };

/** Ids of the records whose creation was acknowledged with 201, per kind. */
export type Acknowledged = { contacts: string[]; activities: string[] };

/** Figures of one run of the mix. */
export type Outcome = {
  seconds: number;
  requests: number;
  /** Requests whose first attempt failed (no answer or 5xx), retried or not. */
  firstFailures: number;
  /** Requests still failed after the retry (or refused with a 4xx, never retried): what a user sees. */
  finalFailures: number;
  /** First failures by kind and status, e.g. "create contact 502". */
  failuresByKind: Record<string, number>;
  latencies: number[];
};

type Planned = { kind: string; method: string; path: string; body?: string; creates?: keyof Acknowledged; wantsId?: boolean };

const RETRY_DELAY_MS = 200;
const TIMEOUT_MS = 15_000;
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

/** One request of the mix, as bench/load.ts draws it. */
function plan(contactIds: string[]): Planned {
  const id = pick(contactIds);
  const roll = Math.random() * 100;
  if (roll < 20)
    return {
      kind: 'contact list',
      method: 'GET',
      path: `/api/v1/contacts?limit=50${pick(['', '&filter[status]=active', '&filter[class]=A', '&filter[city]=Roma', '&sort=-createdAt'])}`,
    };
  if (roll < 30)
    return {
      kind: 'company list',
      method: 'GET',
      path: `/api/v1/companies?limit=50${pick(['', '&filter[city]=Milano', '&filter[class]=B'])}`,
    };
  if (roll < 50) return { kind: 'contact', method: 'GET', path: `/api/v1/contacts/${id}` };
  if (roll < 60)
    return {
      kind: 'search',
      method: 'GET',
      path: `/api/v1/search?q=${encodeURIComponent(pick(['Giulia', 'Company 12', 'Person 471', 'Marco']))}`,
    };
  if (roll < 70)
    return {
      kind: 'list search',
      method: 'GET',
      path: `/api/v1/contacts?limit=50&q=${encodeURIComponent(pick(['Anna', 'Person 99', 'Roma']))}`,
    };
  if (roll < 80) return { kind: 'my day', method: 'GET', path: '/api/v1/my-day' };
  if (roll < 87)
    return {
      kind: 'create contact',
      method: 'POST',
      path: '/api/v1/contacts',
      body: JSON.stringify({ firstName: 'Cluster', lastName: `Test ${roll}`, position: 'Buyer' }),
      creates: 'contacts',
    };
  if (roll < 93)
    return {
      kind: 'update contact',
      method: 'PATCH',
      path: `/api/v1/contacts/${id}`,
      body: JSON.stringify({ position: `Buyer ${Math.round(roll)}` }),
    };
  const day = new Date().toISOString().slice(0, 10);
  return {
    kind: 'log activity',
    method: 'POST',
    path: '/api/v1/activities',
    body: JSON.stringify({ type: 'call', subject: 'Cluster call', occurredAt: `${day}T09:00:00Z`, contactIds: [id] }),
    creates: 'activities',
  };
}

/** One attempt: the status (0 when no answer came) and the body's id when one was created. */
async function attempt(base: string, session: Session, request: Planned): Promise<{ status: number; id?: string }> {
  try {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: headersOf(session),
      ...(request.body ? { body: request.body } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.ok && (request.creates || request.wantsId)) {
      const { id } = (await response.json()) as { id: string };
      return { status: response.status, id };
    }
    await response.arrayBuffer();
    return { status: response.status };
  } catch {
    return { status: 0 };
  }
}

const transient = (status: number) => status === 0 || status >= 500;

/**
 * Sends one request with the client's bounded retry; returns whether the user got an answer.
 * Used by the workload and by anything else the benchmark asks of the cluster while it is hurt.
 */
export async function withRetry(
  base: string,
  session: Session,
  request: Planned,
  outcome: Pick<Outcome, 'firstFailures' | 'finalFailures' | 'failuresByKind'>,
): Promise<{ status: number; id?: string }> {
  let result = await attempt(base, session, request);
  if (transient(result.status)) {
    outcome.firstFailures += 1;
    const key = `${request.kind} ${result.status === 0 ? 'no answer' : result.status}`;
    outcome.failuresByKind[key] = (outcome.failuresByKind[key] ?? 0) + 1;
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    result = await attempt(base, session, request);
  }
  if (result.status < 200 || result.status >= 300) {
    outcome.finalFailures += 1;
    const key = `${request.kind} ${result.status === 0 ? 'no answer' : result.status} after retry`;
    outcome.failuresByKind[key] = (outcome.failuresByKind[key] ?? 0) + 1;
  }
  return result;
}

/** A new, empty set of figures. */
export function emptyOutcome(): Outcome {
  return { seconds: 0, requests: 0, firstFailures: 0, finalFailures: 0, failuresByKind: {}, latencies: [] };
}

/** Runs the mix for `seconds` with `connections` clients; acknowledged creations go into `acknowledged`. */
export async function runMix(workload: Workload, connections: number, seconds: number, acknowledged: Acknowledged): Promise<Outcome> {
  const outcome = emptyOutcome();
  const started = performance.now();
  const until = started + seconds * 1000;
  const client = async (n: number) => {
    const who = n % workload.sessions.length;
    const session = workload.sessions[who] as Session;
    const ids = workload.contactIds[who] as string[];
    while (performance.now() < until) {
      const request = plan(ids);
      const sent = performance.now();
      const result = await withRetry(workload.base, session, request, outcome);
      outcome.latencies.push(performance.now() - sent);
      outcome.requests += 1;
      if (result.status === 201 && result.id && request.creates) acknowledged[request.creates].push(result.id);
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, n) => client(n)));
  outcome.seconds = (performance.now() - started) / 1000;
  return outcome;
}

/** Starts an export job through the balancer (with the same retry); its id, or null when refused. */
export async function startExport(base: string, session: Session, outcome: Outcome): Promise<string | null> {
  outcome.requests += 1;
  const result = await withRetry(
    base,
    session,
    {
      kind: 'start export',
      method: 'POST',
      path: '/api/v1/exports',
      body: JSON.stringify({ resource: 'contacts', format: 'csv' }),
      wantsId: true,
    },
    outcome,
  );
  if (result.status !== 202) return null;
  return result.id ?? null;
}
