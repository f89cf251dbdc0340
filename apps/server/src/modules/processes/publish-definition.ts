import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { users } from '../users/index.ts';
import { assertDesigner, findVisible } from './definitions.service.ts';
import { executableProcess, nextRunOf, parseBpmn, triggersOf } from './model.ts';
import { processDefinitions as d, processStartTriggers, processVersions } from './processes.table.ts';
import { validateModel, workspaceLookups } from './validate.ts';

/**
 * The time zone schedules run in: the workspace has none of its own, so it is that of its first
 * administrator (the person who set it up, even once they left), UTC without one.
 */
export async function workspaceTimeZone(db: Executor, workspaceId: string): Promise<string> {
  const [admin] = await db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.role, 'admin')))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1);
  return admin?.timeZone ?? 'UTC';
}

/**
 * Publishes the draft as the next version, with the triggers that start it: refused with every
 * problem when the check finds errors. The definition's row is locked, so two publications
 * one after the other get two numbers.
 */
export async function publishDefinition(ctx: Ctx, id: string, now = new Date()) {
  assertDesigner(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await findVisible(ctx, tx, id, true);
    const check = await validateModel(row.draftXml, workspaceLookups(tx, ctx.actor.workspaceId, id));
    if (check.errors.length > 0) {
      throw new AppError('process_invalid', `The process has ${check.errors.length} problem(s) to fix before it can be published`, {
        errors: check.errors.map((problem) => ({ path: problem.elementId ?? 'xml', message: problem.message })),
        extra: { problems: [...check.errors, ...check.warnings] },
      });
    }
    const model = await parseBpmn(row.draftXml);
    if (!executableProcess(model)) throw new Error('a checked model has an executable process');
    const triggers = triggersOf(model);
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${processVersions.version}), 0)::int`.mapWith(Number) })
      .from(processVersions)
      .where(and(eq(processVersions.workspaceId, ctx.actor.workspaceId), eq(processVersions.definitionId, id)));
    const version = (last?.n ?? 0) + 1;
    const [inserted] = await tx
      .insert(processVersions)
      .values({ workspaceId: ctx.actor.workspaceId, definitionId: id, version, xml: row.draftXml, triggers, publishedBy: ctx.actor.userId })
      .returning({ id: processVersions.id });
    if (!inserted) throw new Error('insert returned nothing');
    await tx
      .update(d)
      .set({ publishedVersion: version, updatedAt: sql`now()` })
      .where(and(eq(d.workspaceId, ctx.actor.workspaceId), eq(d.id, id)));
    await tx
      .delete(processStartTriggers)
      .where(and(eq(processStartTriggers.workspaceId, ctx.actor.workspaceId), eq(processStartTriggers.definitionId, id)));
    const automatic = triggers.filter(
      (trigger) => trigger.kind === 'recordCreated' || trigger.kind === 'fieldChanged' || trigger.kind === 'schedule',
    );
    if (automatic.length > 0) {
      const zone = automatic.some((trigger) => trigger.kind === 'schedule') ? await workspaceTimeZone(tx, ctx.actor.workspaceId) : 'UTC';
      await tx.insert(processStartTriggers).values(
        automatic.map((trigger) => ({
          workspaceId: ctx.actor.workspaceId,
          definitionId: id,
          eventId: trigger.eventId,
          versionId: inserted.id,
          kind: trigger.kind as 'recordCreated' | 'fieldChanged' | 'schedule',
          recordType: trigger.recordType,
          field: trigger.field,
          cron: trigger.cron,
          nextRunAt: trigger.kind === 'schedule' && trigger.cron ? nextRunOf(trigger.cron, zone, now) : null,
        })),
      );
    }
    return { version, warnings: check.warnings };
  });
}
