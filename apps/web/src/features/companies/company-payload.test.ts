import { describe, expect, it } from 'vitest';
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
});
