import { ZAdvanceClock, ZClockState } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import type { MovableClock } from '../lib/clock.ts';
import { forbidden } from './errors.ts';
import { typed } from './route-helpers.ts';

/** A movable clock and the work to run at once after it moved (the reminder sweep). */
export type ClockControl = { clock: MovableClock; afterMove: () => Promise<{ reminders: number }> };

/**
 * `POST /api/v1/system/clock`: moves the server's clock forward and sweeps reminders at once,
 * so that a demonstration or an end-to-end test sees a day pass in a second. Mounted only when
 * the operator set `CLIENTELA_CLOCK_CONTROL=true`; an admin's right even then.
 */
export async function clockRoutes(app: FastifyInstance, { clock, afterMove }: ClockControl) {
  typed(app).post(
    '/system/clock',
    { schema: { tags: ['system'], body: ZAdvanceClock, response: { 200: ZClockState } } },
    async (request) => {
      if (request.actor?.role !== 'admin') throw forbidden('Only an admin moves the clock');
      const now = clock.advance(request.body.minutes);
      const { reminders } = await afterMove();
      return { now: now.toISOString(), offsetMinutes: clock.offsetMinutes(), sent: reminders };
    },
  );
}
