import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserTimeZone } from './time-zone-select.tsx';

function browserIn(timeZone: string) {
  const real = Intl.DateTimeFormat.prototype.resolvedOptions;
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (this: Intl.DateTimeFormat) {
    return { ...real.call(this), timeZone };
  });
}

describe('browserTimeZone', () => {
  afterEach(() => vi.restoreAllMocks());

  it("is the browser's own zone when the list has it", () => {
    browserIn('Europe/Rome');
    expect(browserTimeZone()).toBe('Europe/Rome');
  });

  it('falls back to UTC for a zone the list lacks', () => {
    browserIn('Mars/Olympus_Mons');
    expect(browserTimeZone()).toBe('UTC');
  });
});
