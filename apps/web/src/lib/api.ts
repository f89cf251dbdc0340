import type { TProblem } from '@clientela/contract';

export type FieldError = { path: string; message: string };

/** An error answered by the API (problem+json), or a network failure (`status` 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];

  constructor(status: number, code: string, detail: string, errors: FieldError[] = []) {
    super(detail || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

/** Tells whether a value is an ApiError carrying the given code. */
export function isApiError(value: unknown, code?: string): value is ApiError {
  return value instanceof ApiError && (code === undefined || value.code === code);
}

let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session; every write sends it back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  method?: Method;
  /** Sent as JSON; a FormData goes as multipart/form-data (the browser sets its boundary). */
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
};

/** Builds `path?query`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Calls the API on the same origin with the session cookie; throws ApiError on failure. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Turns a failed response into an ApiError, reading problem+json when the server sent it. */
export async function toApiError(response: Response): Promise<ApiError> {
  const fallbackCode = response.status >= 500 ? 'internal_error' : 'unknown_error';
  let problem: Partial<TProblem> | undefined;
  try {
    const text = await response.text();
    problem = text ? (JSON.parse(text) as Partial<TProblem>) : undefined;
  } catch {
    problem = undefined;
  }
  const errors = Array.isArray(problem?.errors)
    ? problem.errors.filter((e): e is FieldError => typeof e?.path === 'string' && typeof e?.message === 'string')
    : [];
  return new ApiError(
    response.status,
    typeof problem?.code === 'string' ? problem.code : fallbackCode,
    typeof problem?.detail === 'string' ? problem.detail : response.statusText,
    errors,
  );
}
