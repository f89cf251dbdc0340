import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { customField } from '../custom-fields/test-fields.ts';
import { toContactInput } from './contact-payload.ts';

const bread = customField('preferred_bread', 'select', { options: [{ value: 'rye', label: 'Rye bread' }] });
const nameDay = customField('name_day', 'date');

describe('toContactInput', () => {
  it('sends the birthday and custom dates as plain calendar days', () => {
    const input = toContactInput(
      {
        firstName: ' Giulia ',
        lastName: 'Verdi',
        birthday: dayjs('1980-05-01'),
        custom: { name_day: dayjs('2025-06-24'), preferred_bread: 'rye' },
      },
      [bread, nameDay],
    );
    expect(input).toMatchObject({
      firstName: 'Giulia',
      birthday: '1980-05-01',
      custom: { name_day: '2025-06-24', preferred_bread: 'rye' },
    });
  });

  it('clears a custom value with null and leaves the unchanged ones out', () => {
    const current = { preferred_bread: 'rye', name_day: '2025-06-24' };
    const input = toContactInput(
      { firstName: 'Giulia', custom: { preferred_bread: undefined, name_day: '2025-06-24' } },
      [bread, nameDay],
      current,
    );
    expect(input.custom).toEqual({ preferred_bread: null });
  });
});
