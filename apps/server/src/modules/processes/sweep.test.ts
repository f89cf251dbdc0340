import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../http/context.ts';
import { type Browser, makeBakery, type TestApp, useTestApp } from '../../test/harness.ts';
import { actorOfUser } from '../auth/actor.ts';
import { tasks } from '../tasks/index.ts';
import { fixture, publish } from './fixtures/fixtures.ts';
import { startProcess } from './instances.service.ts';
import { processInstances, processTasks, processTimers } from './processes.table.ts';
import { fireDueTimers } from './runtime.ts';

const t = useTestApp();
const HOUR = 3_600_000;

async function ctxOf(t: TestApp, browser: Browser): Promise<Ctx> {
  const actor = await actorOfUser(t.db, browser.session.user.workspace.id, browser.session.user.id);
  if (!actor) throw new Error('no actor');
  return { db: t.db, actor };
}

const instanceOf = async (id: string) => {
  const [row] = await t.db.select().from(processInstances).where(eq(processInstances.id, id));
  if (!row) throw new Error('no instance');
  return row;
};
const openSteps = async (instanceId: string) =>
  t.db
    .select({ step: processTasks, task: tasks })
    .from(processTasks)
    .innerJoin(tasks, and(eq(tasks.workspaceId, processTasks.workspaceId), eq(tasks.id, processTasks.taskId)))
    .where(and(eq(processTasks.instanceId, instanceId), eq(processTasks.status, 'open')))
    .orderBy(processTasks.elementId);

describe('timer sweep', () => {
  it('fires a few instances per transaction, and one whose step cannot be saved is failed apart while the others fire', async () => {
    const b = await makeBakery(t);
    const workspaceId = b.owner.session.user.workspace.id;
    const { definitionId } = await publish(t.db, {
      workspaceId,
      createdBy: b.owner.session.user.id,
      name: 'Call back',
      xml: fixture('deadline', { userId: b.employeeA.user.id }),
    });
    const elio = await ctxOf(t, b.employeeA.browser);
    const now = new Date();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await startProcess(elio, { definitionId }, new Date(now.getTime() + i * 1000))).id);
    const broken = ids[2] as string;
    // The database refuses to mark that instance's timer fired: its step cannot be saved.
    await t.pool.query(
      `ALTER TABLE process_timer ADD CONSTRAINT process_timer_test_refused CHECK (fired_at IS NULL OR instance_id <> '${broken}')`,
    );
    try {
      expect(await fireDueTimers(t.db, new Date(now.getTime() + 2 * HOUR))).toBe(4);
    } finally {
      await t.pool.query('ALTER TABLE process_timer DROP CONSTRAINT process_timer_test_refused');
    }
    for (const id of ids.filter((id) => id !== broken)) {
      expect((await openSteps(id)).map((s) => s.step.elementId)).toEqual(['escalate']);
    }
    expect(await instanceOf(broken)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('UPDATE process_timer SET fired_at'),
    });
    expect((await openSteps(broken)).map((s) => s.step.elementId)).toEqual(['call']);
    const [timer] = await t.db.select().from(processTimers).where(eq(processTimers.instanceId, broken));
    expect(timer?.firedAt).toBeNull();
  });
});
