import { describe, expect, it } from 'vitest';
import { makeBakery, useTestApp } from '../test/harness.ts';

const t = useTestApp();

describe('text the database cannot store, and over-long URLs', () => {
  it('refuses a NUL character in any text of a body or query with 400 naming the field, and writes nothing', async () => {
    const b = await makeBakery(t);
    const before = (await b.owner.request({ method: 'GET', url: '/api/v1/companies' })).json().total;
    const refused = await b.owner.request({
      method: 'POST',
      url: '/api/v1/companies',
      payload: { name: 'Forno', phones: [{ label: 'wo\u0000rk', value: '+39 02 1234 5678' }] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'phones.0.label' }] });
    expect((await b.owner.request({ method: 'GET', url: '/api/v1/companies' })).json().total).toBe(before);
    const query = await b.owner.request({ method: 'GET', url: '/api/v1/companies?q=a%00b' });
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0].path).toBe('q');
  });

  it('answers an over-long path parameter with problem+json, never the framework’s bare answer', async () => {
    const b = await makeBakery(t);
    const response = await b.owner.request({ method: 'GET', url: `/api/v1/companies/${'x'.repeat(300)}` });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBeTypeOf('string');
  });
});
