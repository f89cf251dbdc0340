import { afterEach, describe, expect, it, vi } from 'vitest';
import { inReportLane, REPORT_LANES, REPORT_QUEUE_MAX, REPORT_WAIT_MS } from './report-source.ts';

/** A report that runs until it is let go. */
function heldReport(log: string[], name: string) {
  let release = () => {};
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  const result = inReportLane(async () => {
    log.push(name);
    await done;
    return name;
  });
  return { result, release };
}

describe('report lanes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs reports beyond the lanes in turn, and answers 429 at once when too many wait', async () => {
    const log: string[] = [];
    const running = Array.from({ length: REPORT_LANES }, (_, i) => heldReport(log, `running ${i}`));
    const queued = Array.from({ length: REPORT_QUEUE_MAX }, (_, i) => heldReport(log, `queued ${i}`));
    await Promise.resolve();
    expect(log).toEqual(running.map((_, i) => `running ${i}`));
    await expect(inReportLane(async () => 'one too many')).rejects.toMatchObject({ code: 'too_many_requests', status: 429 });
    for (const report of [...running, ...queued]) report.release();
    await Promise.all([...running, ...queued].map((report) => report.result));
    // Everyone who waited ran, in the order they came.
    expect(log.slice(REPORT_LANES)).toEqual(queued.map((_, i) => `queued ${i}`));
    expect(await inReportLane(async () => 'free again')).toBe('free again');
  });

  it('gives up waiting after a while with 429, and the lane goes on to the next', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const running = Array.from({ length: REPORT_LANES }, (_, i) => heldReport(log, `running ${i}`));
    const late = inReportLane(async () => 'late');
    const rejected = expect(late).rejects.toMatchObject({ code: 'too_many_requests' });
    await vi.advanceTimersByTimeAsync(REPORT_WAIT_MS + 1);
    await rejected;
    for (const report of running) report.release();
    await Promise.all(running.map((report) => report.result));
    expect(await inReportLane(async () => 'after')).toBe('after');
  });
});
