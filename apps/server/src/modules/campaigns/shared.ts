import { sql } from 'drizzle-orm';
import { AppError } from '../../http/errors.ts';

/** 400 `validation_failed` naming one field. */
export const invalid = (path: string, message: string) => new AppError('validation_failed', message, { errors: [{ path, message }] });

/** Whether a database error is a unique violation of that constraint (drizzle wraps the driver's error). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const inner = e.code === '23505' ? e : e.cause;
  return inner?.code === '23505' && inner.constraint === constraint;
}

/** The actor's time zone, as their profile names it: the calendar a period's days are read in. */
export const actorZone = (workspaceId: string, userId: string) =>
  sql<string>`(SELECT u.time_zone FROM app_user u WHERE u.workspace_id = ${workspaceId} AND u.id = ${userId})`;
