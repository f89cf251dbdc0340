import { describe, expect, it } from 'vitest';
import { newFieldValues, optionsOf, toCreateFieldInput, toFieldFormValues, toUpdateFieldInput } from './field-form.ts';
import { customField } from './test-fields.ts';

describe('optionsOf', () => {
  it('drops rows without a name and makes missing stored values from the names', () => {
    expect(
      optionsOf([
        { label: ' Хлеб ржаной ', value: '' },
        { label: 'Pane di segale', value: ' segale ' },
        { label: '', value: 'orphan' },
        { label: 'Pane di segale!', value: '' },
        { label: 'Pane di segale', value: '' },
      ]),
    ).toEqual([
      { label: 'Хлеб ржаной', value: 'khleb_rzhanoy' },
      { label: 'Pane di segale', value: 'segale' },
      { label: 'Pane di segale!', value: 'pane_di_segale' },
      { label: 'Pane di segale', value: 'pane_di_segale_2' },
    ]);
  });
});

describe('toCreateFieldInput', () => {
  it('sends options only for choices and a currency only for money', () => {
    const text = toCreateFieldInput('contact', {
      label: ' Card ',
      key: 'card',
      type: 'text',
      options: [{ label: 'left over' }],
      currency: 'EUR',
    });
    expect(text).toEqual({
      entity: 'contact',
      key: 'card',
      label: 'Card',
      type: 'text',
      options: [],
      currency: null,
      required: false,
      position: 0,
    });
    const money = toCreateFieldInput('company', {
      label: 'Credit limit',
      key: 'credit_limit',
      type: 'money',
      currency: 'RUB',
      position: 3,
    });
    expect(money).toMatchObject({ type: 'money', currency: 'RUB', options: [], position: 3 });
    const choice = toCreateFieldInput('contact', { label: 'Bread', key: 'bread', type: 'select', options: [{ label: 'Rye' }] });
    expect(choice.options).toEqual([{ label: 'Rye', value: 'rye' }]);
  });
});

describe('toUpdateFieldInput', () => {
  it('never sends the key, type or currency, and keeps saved option values', () => {
    const bread = customField('bread', 'select', { options: [{ value: 'rye', label: 'Rye' }] });
    const values = toFieldFormValues(bread);
    expect(values.options).toEqual([{ value: 'rye', label: 'Rye', saved: true }]);
    const input = toUpdateFieldInput(bread, {
      ...values,
      label: 'Preferred bread',
      options: [...(values.options ?? []), { label: 'Focaccia', value: '' }],
      required: true,
    });
    expect(input).toEqual({
      label: 'Preferred bread',
      options: [
        { value: 'rye', label: 'Rye' },
        { value: 'focaccia', label: 'Focaccia' },
      ],
      required: true,
      position: 0,
    });
    expect(toUpdateFieldInput(customField('card', 'text'), { label: 'Card' })).not.toHaveProperty('options');
  });
});

describe('newFieldValues', () => {
  it('puts a new field after the others, in the currency of the language', () => {
    const fields = [customField('a', 'text', { position: 4 }), customField('b', 'text', { position: 2 })];
    expect(newFieldValues(fields, 'ru')).toMatchObject({ type: 'text', currency: 'RUB', position: 5, required: false });
    expect(newFieldValues([], 'it')).toMatchObject({ currency: 'EUR', position: 0 });
  });
});
