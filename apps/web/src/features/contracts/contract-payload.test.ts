import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { newContractValues, toContractFormValues, toContractInput } from './contract-payload.ts';
import { aContract } from './test-contracts.ts';

describe('contract payload', () => {
  it('sends dates as plain calendar days and the value with two decimals', () => {
    expect(
      toContractInput({
        number: ' ADV-7 ',
        subject: 'Ad slot',
        companyId: 'c1',
        startDate: dayjs('2026-01-01'),
        endDate: dayjs('2026-12-31'),
        value: '5200.5',
        currency: 'EUR',
        renewal: 'auto_renew',
        responsibleId: 'u1',
        notes: '  ',
      }),
    ).toEqual({
      number: 'ADV-7',
      subject: 'Ad slot',
      companyId: 'c1',
      contactId: null,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      value: '5200.50',
      currency: 'EUR',
      renewal: 'auto_renew',
      responsibleId: 'u1',
      notes: null,
    });
  });

  it('sends no currency without a value', () => {
    expect(toContractInput({ number: 'A', subject: 'B', companyId: 'c', value: null, currency: 'EUR' })).toMatchObject({
      value: null,
      currency: null,
    });
  });

  it('reads a contract back into the form unchanged', () => {
    const contract = aContract('00000000-0000-4000-8000-000000000700', 'ADV-7');
    const values = toContractFormValues(contract);
    expect(values.endDate?.format('YYYY-MM-DD')).toBe('2026-02-28');
    expect(toContractInput(values)).toMatchObject({ endDate: '2026-02-28', value: '5200.00', currency: 'EUR' });
  });

  it('starts a new contract with the user responsible and the currency of their language', () => {
    expect(newContractValues('ru', 'u1')).toMatchObject({ currency: 'RUB', responsibleId: 'u1', renewal: 'to_renegotiate' });
  });
});
