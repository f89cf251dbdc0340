import { describe, expect, it } from 'vitest';
import { fileNameOf } from '../../components/export-button.tsx';
import { exportUrl } from './api.ts';

describe('export', () => {
  it("asks for the list's query with the columns shown", () => {
    const url = exportUrl('company', { q: 'forno', 'filter[custom.bread]': 'rye' }, ['name', 'city', 'custom.bread'], 'xlsx');
    const [path, search] = url.split('?');
    expect(path).toBe('/api/v1/exports/companies');
    expect(Object.fromEntries(new URLSearchParams(search))).toEqual({
      q: 'forno',
      'filter[custom.bread]': 'rye',
      format: 'xlsx',
      columns: 'name,city,custom.bread',
    });
  });

  it('saves the file under the name the server gives, in any language', () => {
    const russian = `attachment; filename="________-2025-03-01.csv"; filename*=UTF-8''${encodeURIComponent('компании-2025-03-01.csv')}`;
    expect(fileNameOf(russian, 'companies.csv')).toBe('компании-2025-03-01.csv');
    expect(fileNameOf('attachment; filename="contacts-2025-03-01.xlsx"', 'contacts.xlsx')).toBe('contacts-2025-03-01.xlsx');
    expect(fileNameOf(null, 'contacts.csv')).toBe('contacts.csv');
  });
});
