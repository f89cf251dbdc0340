import type { TCustomField, TSavedView } from '@clientela/contract';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { columnChoices, DEFAULT_COLUMNS, loadColumns, saveColumns, visibleColumns } from './columns.ts';
import { useColumns } from './use-columns.ts';

const bread = { key: 'bread', label: 'Bread' } as TCustomField;
const view = (columns: string[]): TSavedView => ({
  id: '00000000-0000-4000-8000-000000000030',
  entity: 'company',
  name: 'Rome',
  shared: true,
  owner: null,
  query: {},
  columns,
  editable: true,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

afterEach(() => localStorage.clear());

describe('columns', () => {
  it('offers the standard columns, then the custom fields', () => {
    const choices = columnChoices('company', [bread]);
    expect(choices[0]).toBe('name');
    expect(choices.at(-1)).toBe('custom.bread');
    expect(choices).toContain('taxNumber');
    expect(columnChoices('contact', [])).toContain('birthday');
  });

  it('shows known columns once, the name first', () => {
    const choices = columnChoices('company', [bread]);
    expect(visibleColumns(['city', 'custom.bread', 'city', 'custom.gone', 'name', 'birthday'], choices)).toEqual([
      'name',
      'city',
      'custom.bread',
    ]);
  });

  it('remembers the chosen columns per list, and ignores damaged storage', () => {
    saveColumns('company', ['name', 'custom.bread']);
    expect(loadColumns('company')).toEqual(['name', 'custom.bread']);
    expect(loadColumns('contact')).toBeNull();
    localStorage.setItem('clientela.columns.contact', '{not json');
    expect(loadColumns('contact')).toBeNull();
  });
});

describe('useColumns', () => {
  it('starts with the defaults and remembers a choice in this browser', () => {
    const first = renderHook(() => useColumns('company', undefined));
    expect(first.result.current.ids).toEqual(DEFAULT_COLUMNS.company);
    act(() => first.result.current.set(['name', 'city']));
    expect(first.result.current.ids).toEqual(['name', 'city']);
    const later = renderHook(() => useColumns('company', undefined));
    expect(later.result.current.ids).toEqual(['name', 'city']);
  });

  it("shows a view's columns, keeps changes with the view, and leaves the remembered ones alone", () => {
    saveColumns('company', ['name', 'city']);
    const { result, rerender } = renderHook(({ shown }) => useColumns('company', shown), {
      initialProps: { shown: view(['name', 'custom.bread']) as TSavedView | undefined },
    });
    expect(result.current.ids).toEqual(['name', 'custom.bread']);
    act(() => result.current.set(['name', 'custom.bread', 'tags']));
    expect(result.current.ids).toEqual(['name', 'custom.bread', 'tags']);
    expect(loadColumns('company')).toEqual(['name', 'city']);
    rerender({ shown: undefined });
    expect(result.current.ids).toEqual(['name', 'city']);
  });

  it('falls back to the defaults for a view saved without columns', () => {
    const { result } = renderHook(() => useColumns('company', view([])));
    expect(result.current.ids).toEqual(DEFAULT_COLUMNS.company);
  });
});
