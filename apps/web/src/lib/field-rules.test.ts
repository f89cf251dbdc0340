import { describe, expect, it } from 'vitest';
import { fieldRulesOf } from './field-rules.ts';

const rules = {
  companies: { taxNumber: 'hidden', 'custom.margin': 'hidden', notes: 'read_only' },
  deals: { amount: 'hidden' },
} as const;

describe('field rules', () => {
  it('tells hidden and read-only fields apart, and leaves the rest free', () => {
    const companies = fieldRulesOf(rules, 'companies');
    expect(companies.isHidden('taxNumber')).toBe(true);
    expect(companies.isReadOnly('taxNumber')).toBe(false);
    expect(companies.isReadOnly('notes')).toBe(true);
    expect(companies.ruleOf('name')).toBeUndefined();
    expect(fieldRulesOf(undefined, 'companies').isHidden('taxNumber')).toBe(false);
  });

  it('takes locked fields, custom ones included, out of a payload without touching the rest', () => {
    const payload = { name: 'Forno', taxNumber: null, notes: 'x', custom: { margin: '3', region: 'north' } };
    expect(fieldRulesOf(rules, 'companies').writable(payload)).toEqual({ name: 'Forno', custom: { region: 'north' } });
    expect(payload.custom).toEqual({ margin: '3', region: 'north' });
    // An amount's currency goes with it.
    expect(fieldRulesOf(rules, 'deals').writable({ title: 'Bread', amount: null, currency: null })).toEqual({ title: 'Bread' });
    expect(fieldRulesOf({}, 'deals').writable({ amount: '5.00' })).toEqual({ amount: '5.00' });
  });

  it('keeps only the rows of visible fields, a deal amount in the base currency with its amount', () => {
    const rows = [{ key: 'title' }, { key: 'amount' }, { key: 'amountBase' }, { key: 'stage' }];
    expect(
      fieldRulesOf(rules, 'deals')
        .visible(rows)
        .map((row) => row.key),
    ).toEqual(['title', 'stage']);
    expect(fieldRulesOf(rules, 'companies').visible([{ key: 'taxNumber' }, { key: 'city' }])).toEqual([{ key: 'city' }]);
  });
});
