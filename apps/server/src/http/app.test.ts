import { describe, expect, it } from 'vitest';
import { makeWorkspace, signIn, useTestApp } from '../test/harness.ts';

const t = useTestApp();

describe('HTTP surface', () => {
  it('answers /api/health when the database is reachable', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('sends security headers: CSP without unsafe-inline scripts, nosniff, frame-ancestors', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('publishes an OpenAPI 3.1 document generated from the contract', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/api-tokens',
        '/api/v1/units',
      ]),
    );
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    expect(login.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
  });

  it('serves the API reference page with a script policy of its own origin', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(String(response.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });

  it('answers unknown API routes with 404 problem+json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('asks for sign-in before it looks at the request', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/users/not-a-uuid' });
    expect(response.statusCode).toBe(401);
    const badToken = await t.app.inject({ method: 'GET', url: '/api/v1/users/not-a-uuid', headers: { authorization: 'Bearer x' } });
    expect(badToken.statusCode).toBe(401);
  });

  it('answers a malformed id with 400, not 500', async () => {
    const { admin } = await makeWorkspace(t);
    const browser = await signIn(t, admin.email);
    const response = await browser.request({ method: 'GET', url: '/api/v1/users/not-a-uuid' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'id' }] });
  });
});

describe('days and months in a year PostgreSQL does not have', () => {
  // ISO 8601 has a year 0; PostgreSQL's calendar does not. Each is refused with the field named,
  // where it used to reach the database and fail there with a 500.
  const requests: { method: 'GET' | 'PUT' | 'POST'; url: string; payload?: Record<string, unknown>; path: string }[] = [
    { method: 'GET', url: '/api/v1/plans?kind=unit&from=0000-01&to=0000-02', path: 'from' },
    {
      method: 'PUT',
      url: '/api/v1/plans',
      payload: { kind: 'total', rows: [{ targetId: null, months: { '0000-01': '5' } }] },
      path: 'rows.0.months',
    },
    {
      method: 'POST',
      url: '/api/v1/reports/builder/run',
      payload: { entity: 'deals', groupBy: 'status', measure: 'count', chart: 'bar', filters: { from: '0000-01-01' } },
      path: 'filters.from',
    },
    { method: 'GET', url: '/api/v1/deals?filter[createdFrom]=0000-01-01', path: 'filter[createdFrom]' },
    { method: 'GET', url: '/api/v1/reports/funnel?from=0000-01-01', path: 'from' },
    { method: 'GET', url: '/api/v1/reports/won-lost?groupBy=month&to=0000-12-31', path: 'to' },
    { method: 'GET', url: '/api/v1/reports/sales?groupBy=month&from=0000-01-01', path: 'from' },
    { method: 'GET', url: '/api/v1/reports/abc?from=0000-01-01', path: 'from' },
  ];

  it('answers each with 400 naming the field, and saves nothing', async () => {
    const { admin } = await makeWorkspace(t);
    const browser = await signIn(t, admin.email);
    for (const { method, url, payload, path } of requests) {
      const response = await browser.request({ method, url, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(400);
      const paths = (response.json().errors as { path: string }[]).map((error) => error.path);
      expect(
        paths.some((one) => one.startsWith(path)),
        `${url}: ${paths.join(', ')}`,
      ).toBe(true);
    }
    const plans = await browser.request({ method: 'GET', url: '/api/v1/plans?kind=total&from=2000-01&to=2002-12' });
    expect(plans.json().rows).toEqual([]);
  });
});
