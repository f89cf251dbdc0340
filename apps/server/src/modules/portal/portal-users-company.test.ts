import { describe, expect, it } from 'vitest';
import { get, makeBakery, post, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

describe('a company’s relationship style and portal access', () => {
  it('sets and reads both, records them in the history, and refuses a bad value by name', async () => {
    const { owner } = await makeBakery(t);
    const created = await post(owner, '/api/v1/companies', { name: 'Hotel Roma', relationshipStyle: 'dedicated_manager' });
    expect(created).toMatchObject({ relationshipStyle: 'dedicated_manager', portalAccess: true });
    const plain = await post(owner, '/api/v1/companies', { name: 'Bar Sport' });
    expect(plain).toMatchObject({ relationshipStyle: null, portalAccess: true });

    const changed = await owner.request({
      method: 'PATCH',
      url: `/api/v1/companies/${created.id}`,
      payload: { relationshipStyle: 'self_service', portalAccess: false },
    });
    expect(changed.statusCode).toBe(200);
    expect(await get(owner, `/api/v1/companies/${created.id}`)).toMatchObject({ relationshipStyle: 'self_service', portalAccess: false });
    const listed = await get(owner, '/api/v1/companies?q=Hotel');
    expect(listed.data[0]).toMatchObject({ relationshipStyle: 'self_service', portalAccess: false });

    const history = (await get(owner, `/api/v1/companies/${created.id}/history`)).data;
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'relationshipStyle', old: null, new: 'dedicated_manager' },
        { field: 'portalAccess', old: null, new: true },
      ]),
    );
    expect(history[1].changes).toEqual([
      { field: 'relationshipStyle', old: 'dedicated_manager', new: 'self_service' },
      { field: 'portalAccess', old: true, new: false },
    ]);

    const bad = await owner.request({
      method: 'PATCH',
      url: `/api/v1/companies/${created.id}`,
      payload: { relationshipStyle: 'vip', portalAccess: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['portalAccess', 'relationshipStyle']);
    const badCreate = await owner.request({ method: 'POST', url: '/api/v1/companies', payload: { name: 'X', relationshipStyle: 'vip' } });
    expect(badCreate.statusCode).toBe(400);
    expect(await get(owner, `/api/v1/companies/${created.id}`)).toMatchObject({ relationshipStyle: 'self_service', portalAccess: false });
    expect((await get(owner, `/api/v1/companies/${created.id}/history`)).data).toHaveLength(2);

    const cleared = await owner.request({ method: 'PATCH', url: `/api/v1/companies/${created.id}`, payload: { relationshipStyle: null } });
    expect(cleared.json().relationshipStyle).toBeNull();
  });
});
