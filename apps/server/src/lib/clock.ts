/** Where the time comes from for work that runs on its own (reminders, escalations, absences). */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that can be moved forward, for tests and demonstrations: the server runs a day later
 * without waiting a day. Only made when the operator asks for it (`CLIENTELA_CLOCK_CONTROL`).
 */
export type MovableClock = Clock & { advance(minutes: number): Date; offsetMinutes(): number };

export function movableClock(): MovableClock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance(minutes) {
      offsetMs += minutes * 60_000;
      return new Date(Date.now() + offsetMs);
    },
    offsetMinutes: () => offsetMs / 60_000,
  };
}
