import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../test/render.tsx';
import { ApiError, api, setCsrfToken, withQuery } from './api.ts';

const problem = {
  type: 'https://clientela.dev/problems/validation_failed',
  title: 'Validation failed',
  status: 422,
  code: 'validation_failed',
  detail: 'The request has invalid fields',
  errors: [{ path: 'email', message: 'Invalid email address' }],
};

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('api', () => {
  it('parses problem+json into an ApiError with code, status and field errors', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(422, problem, 'application/problem+json')),
    );
    const error = await api('/api/v1/users', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'validation_failed',
      message: 'The request has invalid fields',
      errors: [{ path: 'email', message: 'Invalid email address' }],
    });
  });

  it('gives a generic code when the body is not problem+json', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })),
    );
    await expect(api('/api/v1/me')).rejects.toMatchObject({ status: 502, code: 'internal_error', errors: [] });
  });

  it('turns a network failure into network_error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api('/api/v1/me')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('sends the CSRF token and JSON on writes, not on reads', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { ok: true }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('token-1');
    await api('/api/v1/me', { method: 'PATCH', body: { name: 'Anna' } });
    await api('/api/v1/me');
    const [writeUrl, write] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const [, read] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(writeUrl).toBe('/api/v1/me');
    expect(write.headers).toMatchObject({ 'X-CSRF-Token': 'token-1', 'Content-Type': 'application/json' });
    expect(write.body).toBe('{"name":"Anna"}');
    expect(write.credentials).toBe('same-origin');
    expect(read.headers).not.toHaveProperty('X-CSRF-Token');
  });

  it('sends a FormData as it is, with the CSRF token and no JSON content type', async () => {
    const fetch = vi.fn(async () => jsonResponse(201, { id: 'x' }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('token-2');
    const form = new FormData();
    form.append('entity', 'company');
    await api('/api/v1/imports', { method: 'POST', body: form });
    const [, request] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(request.body).toBe(form);
    expect(request.headers).toMatchObject({ 'X-CSRF-Token': 'token-2' });
    expect(request.headers).not.toHaveProperty('Content-Type');
  });

  it('returns undefined for 204 No Content', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(api('/api/v1/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/api/v1/users', { q: 'anna rossi', cursor: undefined, 'filter[role]': 'admin', limit: 25 })).toBe(
      '/api/v1/users?q=anna+rossi&filter%5Brole%5D=admin&limit=25',
    );
    expect(withQuery('/api/v1/users', { q: '' })).toBe('/api/v1/users');
  });
});
