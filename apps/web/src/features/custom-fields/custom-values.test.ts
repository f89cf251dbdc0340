import dayjs from 'dayjs';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCustomerMessages } from '../../lib/customer-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { customPayload, customValueText, toCustomValue, withScheme } from './custom-values.ts';
import { customField } from './test-fields.ts';

const bread = customField('bread', 'select', {
  options: [
    { value: 'rye', label: 'Rye bread' },
    { value: 'ciabatta', label: 'Ciabatta' },
  ],
});
const allergies = customField('allergies', 'multiselect', {
  options: [
    { value: 'gluten', label: 'Gluten' },
    { value: 'nuts', label: 'Nuts' },
  ],
});
const nameDay = customField('name_day', 'date');
const card = customField('card', 'text');
const credit = customField('credit', 'money', { currency: 'EUR' });
const visits = customField('visits', 'number');
const newsletter = customField('newsletter', 'boolean');
const shop = customField('shop', 'link');
const fields = [bread, allergies, nameDay, card, credit, visits, newsletter, shop];

describe('toCustomValue', () => {
  it('turns picked days into YYYY-MM-DD, whatever the time of day or zone', () => {
    expect(toCustomValue(nameDay, dayjs('2025-06-24T23:30:00'))).toBe('2025-06-24');
    expect(toCustomValue(nameDay, '2025-06-24')).toBe('2025-06-24');
    expect(toCustomValue(nameDay, dayjs('not a day'))).toBeNull();
  });

  it('trims texts and sends empty ones as null', () => {
    expect(toCustomValue(card, '  A-123 ')).toBe('A-123');
    expect(toCustomValue(card, '   ')).toBeNull();
    expect(toCustomValue(card, undefined)).toBeNull();
  });

  it('keeps numbers (0 too) and drops what is not one', () => {
    expect(toCustomValue(credit, 1500.5)).toBe(1500.5);
    expect(toCustomValue(visits, 0)).toBe(0);
    expect(toCustomValue(visits, null)).toBeNull();
    expect(toCustomValue(visits, Number.NaN)).toBeNull();
  });

  it('sends choices as option values, several without repeats, none as null', () => {
    expect(toCustomValue(bread, 'rye')).toBe('rye');
    expect(toCustomValue(bread, undefined)).toBeNull();
    expect(toCustomValue(allergies, ['nuts', 'gluten', 'nuts'])).toEqual(['nuts', 'gluten']);
    expect(toCustomValue(allergies, [])).toBeNull();
  });

  it('keeps false as an answer, and adds https:// to a typed-in address', () => {
    expect(toCustomValue(newsletter, false)).toBe(false);
    expect(toCustomValue(newsletter, undefined)).toBeNull();
    expect(toCustomValue(shop, ' forno-rossi.it/shop ')).toBe('https://forno-rossi.it/shop');
    expect(toCustomValue(shop, 'http://example.com')).toBe('http://example.com');
    expect(withScheme('HTTPS://Example.com')).toBe('HTTPS://Example.com');
  });
});

describe('customPayload', () => {
  it('for a new record sends only the filled-in values of defined fields', () => {
    const payload = customPayload(fields, {
      bread: 'rye',
      name_day: dayjs('2025-06-24'),
      card: ' ',
      credit: 0,
      newsletter: false,
      allergies: [],
      forgotten: 'a deleted field',
    });
    expect(payload).toEqual({ bread: 'rye', name_day: '2025-06-24', credit: 0, newsletter: false });
  });

  it('for an existing record sends only changes, and null for what was cleared', () => {
    const current = { bread: 'rye', card: 'A-1', allergies: ['gluten'], name_day: '2025-06-24', credit: 100 };
    const payload = customPayload(
      fields,
      { ...current, bread: 'ciabatta', card: '', allergies: ['gluten'], name_day: dayjs('2025-06-24'), credit: null, visits: 3 },
      current,
    );
    expect(payload).toEqual({ bread: 'ciabatta', card: null, credit: null, visits: 3 });
  });

  it('sends nothing when nothing changed, so that `custom` can be left out', () => {
    const current = { bread: 'rye', allergies: ['nuts'] };
    expect(customPayload(fields, { ...current, card: '' }, current)).toBeUndefined();
    expect(customPayload(fields, {})).toBeUndefined();
    expect(customPayload([], { bread: 'rye' })).toBeUndefined();
  });
});

describe('customValueText', () => {
  let t: TFunction<'customers'>;
  beforeAll(async () => {
    await initI18n('en');
    await loadCustomerMessages();
    t = i18next.getFixedT('en', 'customers');
  });

  it('shows values for a reader in their language', () => {
    expect(customValueText(bread, 'rye', { t, locale: 'en' })).toBe('Rye bread');
    expect(customValueText(allergies, ['gluten', 'nuts'], { t, locale: 'en' })).toBe('Gluten, Nuts');
    expect(customValueText(nameDay, '2025-06-24', { t, locale: 'en' })).toBe('24 Jun 2025');
    expect(customValueText(credit, 1234.5, { t, locale: 'en' })).toBe('€1,234.50');
    expect(customValueText(credit, 1234.5, { t, locale: 'ru' })?.replace(/\s/g, ' ')).toBe('1 234,50 €');
    expect(customValueText(visits, 12000, { t, locale: 'it' })).toBe('12.000');
    expect(customValueText(newsletter, false, { t, locale: 'en' })).toBe('No');
  });

  it('hides empty values and shows values of an unexpected shape as they are', () => {
    expect(customValueText(card, '', { t, locale: 'en' })).toBeNull();
    expect(customValueText(allergies, [], { t, locale: 'en' })).toBeNull();
    expect(customValueText(bread, 'sourdough', { t, locale: 'en' })).toBe('sourdough');
    expect(customValueText(credit, 'lots', { t, locale: 'en' })).toBe('lots');
  });
});
