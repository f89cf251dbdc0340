import { describe, expect, it } from 'vitest';
import { type Actor, can, definePolicy } from './authz.ts';

const deals = definePolicy<'read' | 'update' | 'delete'>('test-deals', {
  admin: { read: 'all', update: 'all', delete: 'all' },
  manager: { read: 'all', update: 'unit' },
  employee: { read: 'unit', update: 'own' },
});

function actor(role: Actor['role'], unitTree: string[] = []): Actor {
  return { workspaceId: 'w', userId: 'me', name: 'Me', role, unitId: unitTree[0] ?? null, unitTree: async () => new Set(unitTree) };
}

describe('authorization scopes', () => {
  const mine = { ownerId: 'me', unitId: 'shop-1' };
  const colleagueInMyUnit = { ownerId: 'other', unitId: 'shop-1-sales' };
  const elsewhere = { ownerId: 'other', unitId: 'shop-2' };

  it('own: only records the actor owns', async () => {
    const employee = actor('employee', ['shop-1', 'shop-1-sales']);
    expect(await deals.can(employee, 'update', mine)).toBe(true);
    expect(await deals.can(employee, 'update', colleagueInMyUnit)).toBe(false);
  });

  it('unit: records of the actor, their unit and the units below it', async () => {
    const manager = actor('manager', ['shop-1', 'shop-1-sales']);
    expect(await deals.can(manager, 'update', mine)).toBe(true);
    expect(await deals.can(manager, 'update', colleagueInMyUnit)).toBe(true);
    expect(await deals.can(manager, 'update', elsewhere)).toBe(false);
    expect(await deals.can(actor('manager'), 'update', colleagueInMyUnit)).toBe(false);
  });

  it('all and none', async () => {
    expect(await deals.can(actor('admin'), 'delete', elsewhere)).toBe(true);
    expect(await deals.can(actor('manager'), 'delete', mine)).toBe(false);
    expect(deals.scope(actor('employee'), 'delete')).toBe('none');
  });

  it('authorize answers 404 for records the actor may not see and 403 for visible ones', async () => {
    const employee = actor('employee', ['shop-1', 'shop-1-sales']);
    await expect(deals.authorize(employee, 'read', elsewhere, false)).rejects.toMatchObject({ code: 'not_found' });
    await expect(deals.authorize(employee, 'delete', mine)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deals.authorize(employee, 'read', colleagueInMyUnit)).resolves.toBeUndefined();
  });

  it('refuses resources without a policy rather than allowing them', async () => {
    await expect(can(actor('admin'), 'no-such-resource', 'read')).rejects.toThrow(/No policy/);
  });
});
