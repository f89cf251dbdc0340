import { type TCaseStatus, type TCaseTransitionInput, ZCaseTransitionInput } from '@clientela/contract';
import type { Ctx } from '../../http/context.ts';
import type { FieldError } from '../../http/errors.ts';
import { type CaseRow, caseRef, findCase, invalid, invalidTransition } from './case-rows.ts';
import { saveCase } from './case-writes.ts';
import { casePolicy } from './cases.policy.ts';

/**
 * Where a case may go from where it is. New and assigned cases are started; work waits for the
 * customer or another unit and comes back; a case is resolved from any open status but while a
 * hand-over waits, then closed; a resolved or closed case may be reopened, and is then worked on again.
 */
const FROM: Record<TCaseStatus, readonly TCaseStatus[]> = {
  new: [],
  assigned: [],
  in_progress: ['new', 'assigned', 'waiting_customer', 'waiting_unit', 'reopened'],
  waiting_customer: ['assigned', 'in_progress', 'reopened'],
  waiting_unit: ['in_progress', 'reopened'],
  resolved: ['new', 'assigned', 'in_progress', 'waiting_customer', 'reopened'],
  closed: ['resolved'],
  reopened: ['resolved', 'closed'],
};

/** The columns a move sets besides the status (resolution and verdict, times, the reopen count). */
function consequences(row: CaseRow, input: TCaseTransitionInput, now: Date): Partial<CaseRow> {
  switch (input.to) {
    case 'resolved': {
      const resolution = input.resolution ?? row.resolution;
      const verdict = input.verdict ?? row.verdict;
      const errors: FieldError[] = [];
      if (!resolution) errors.push({ path: 'resolution', message: 'Say how the case was resolved' });
      if (row.kind === 'complaint' && !verdict) errors.push({ path: 'verdict', message: 'A complaint is resolved with a verdict' });
      if (row.kind !== 'complaint' && input.verdict) errors.push({ path: 'verdict', message: 'Only a complaint gets a verdict' });
      if (errors.length > 0) throw invalid('The case cannot be resolved yet', errors);
      return {
        resolution,
        verdict,
        verdictReason: input.verdictReason ?? row.verdictReason,
        resolvedAt: now,
        // Resolving answers the customer too: a first response not yet given is met now, also after a reopening.
        firstRespondedAt: row.firstRespondedAt ?? now,
      };
    }
    case 'closed':
      return { closedAt: now };
    case 'reopened':
      return { reopenedCount: row.reopenedCount + 1, resolvedAt: null, closedAt: null };
    default:
      return {};
  }
}

/**
 * Moves a case on (who handles it, their unit's managers, admins). A move its status does not allow
 * answers 409 `invalid_transition`, as does leaving `waiting_unit` while a hand-over still waits
 * to be accepted; resolving without a resolution (or a complaint's verdict) answers 400.
 */
export async function transitionCase(ctx: Ctx, id: string, raw: TCaseTransitionInput, now: Date): Promise<void> {
  const input = ZCaseTransitionInput.parse(raw);
  await ctx.db.transaction(async (tx) => {
    const row = await findCase(ctx, tx, id, true);
    await casePolicy.authorize(ctx.actor, 'update', caseRef(row));
    if (!FROM[input.to].includes(row.status))
      throw invalidTransition(`A case ${row.status.replace('_', ' ')} cannot become ${input.to.replace('_', ' ')}`);
    if (row.handoverTaskId) throw invalidTransition('The hand-over to another unit waits to be accepted or declined');
    if (!row.ownerId) throw invalidTransition('Someone must take the case first');
    await saveCase(tx, ctx.actor.userId, row, { status: input.to, ...consequences(row, input, now) }, now, { note: input.note ?? null });
  });
}
