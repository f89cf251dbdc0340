import { describe, expect, it } from 'vitest';
import { KEY_PATTERN, suggestKey, uniqueKey } from './field-key.ts';

describe('suggestKey', () => {
  it('turns labels in any of our languages into latin keys', () => {
    expect(suggestKey('Preferred bread')).toBe('preferred_bread');
    expect(suggestKey('Хлеб')).toBe('khleb');
    expect(suggestKey('Любимый хлеб')).toBe('lyubimyy_khleb');
    expect(suggestKey('Щётка, объём')).toBe('shchetka_obem');
    expect(suggestKey('Pane preferito')).toBe('pane_preferito');
    expect(suggestKey("Città d'origine")).toBe('citta_d_origine');
    expect(suggestKey('  Perché? ')).toBe('perche');
  });

  it('always gives a valid key, or nothing when the label has no letters or digits', () => {
    expect(suggestKey('2nd phone')).toBe('f_2nd_phone');
    expect(suggestKey('!!!')).toBe('');
    const long = suggestKey('Credit limit for the second shop that opens next spring in Milano');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(KEY_PATTERN);
    expect(long.endsWith('_')).toBe(false);
  });
});

describe('uniqueKey', () => {
  it('adds a counter when the key is taken', () => {
    expect(uniqueKey('rye', new Set())).toBe('rye');
    expect(uniqueKey('rye', new Set(['rye', 'rye_2']))).toBe('rye_3');
  });
});
