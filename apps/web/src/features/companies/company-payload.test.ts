import { describe, expect, it } from 'vitest';
import { customField } from '../custom-fields/test-fields.ts';
import { toCompanyInput } from './company-payload.ts';

describe('toCompanyInput', () => {
  it('sends empty optional fields as null, not as empty strings', () => {
    const input = toCompanyInput({ name: '  Caffè Centrale ', legalName: '', taxNumber: '   ', city: ' Roma ', notes: undefined });
    expect(input).toMatchObject({ name: 'Caffè Centrale', legalName: null, taxNumber: null, website: null, city: 'Roma', notes: null });
    expect(input.region).toBeNull();
    expect(input.ownerId).toBeNull();
    expect(input.class).toBeNull();
  });

  it('drops phone and e-mail rows left empty and trims the others', () => {
    const input = toCompanyInput({
      name: 'Bar',
      phones: [{ label: ' work ', value: ' +39 06 123 4567 ' }, { label: 'mobile', value: '' }, {}],
      emails: [{ value: '' }],
      tags: ['  bar ', ''],
    });
    expect(input.phones).toEqual([{ label: 'work', value: '+39 06 123 4567' }]);
    expect(input.emails).toEqual([]);
    expect(input.tags).toEqual(['bar']);
  });

  it('sends custom values of defined fields only, and leaves `custom` out when none changed', () => {
    const credit = customField('credit_limit', 'money', { entity: 'company', currency: 'EUR' });
    const vat = customField('vat_checked', 'boolean', { entity: 'company' });
    const fields = [credit, vat];
    expect(toCompanyInput({ name: 'Bar', custom: { credit_limit: 5000, gone: 'x' } }, fields).custom).toEqual({ credit_limit: 5000 });
    expect(toCompanyInput({ name: 'Bar', custom: {} }, fields)).not.toHaveProperty('custom');
    const current = { credit_limit: 5000, vat_checked: true };
    expect(toCompanyInput({ name: 'Bar', custom: { ...current } }, fields, current)).not.toHaveProperty('custom');
    expect(toCompanyInput({ name: 'Bar', custom: { credit_limit: null, vat_checked: true } }, fields, current).custom).toEqual({
      credit_limit: null,
    });
  });
});
