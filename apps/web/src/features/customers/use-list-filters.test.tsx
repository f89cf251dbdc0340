import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useListFilters } from './use-list-filters.ts';

function setup(path: string, fixed?: Record<string, string>) {
  const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>;
  return renderHook(() => ({ filters: useListFilters('company', fixed), location: useLocation() }), { wrapper });
}

afterEach(() => vi.useRealTimers());

describe('useListFilters', () => {
  it('reads the list query from the address and adds the fixed filters', () => {
    const { result } = setup('/companies?view=v1&q=forno&status=active&custom.bread=rye', { 'filter[listId]': 'l1' });
    expect(result.current.filters.viewId).toBe('v1');
    expect(result.current.filters.ownQuery).toEqual({ q: 'forno', 'filter[status]': 'active', 'filter[custom.bread]': 'rye' });
    expect(result.current.filters.query).toEqual({ ...result.current.filters.ownQuery, 'filter[listId]': 'l1' });
  });

  it('puts a chosen filter in the address at once, and typed text once the user pauses', () => {
    vi.useFakeTimers();
    const { result } = setup('/companies?view=v1');
    act(() => result.current.filters.set('class', 'A'));
    expect(result.current.location.search).toBe('?view=v1&class=A');

    act(() => result.current.filters.type('q', 'Caf'));
    expect(result.current.filters.text('q')).toBe('Caf');
    expect(result.current.filters.query).toEqual({ 'filter[class]': 'A' });
    act(() => vi.advanceTimersByTime(350));
    expect(result.current.filters.query).toEqual({ 'filter[class]': 'A', q: 'Caf' });
    expect(result.current.filters.text('q')).toBe('Caf');
  });

  it('applies a view, clears filters but keeps the view and order, and leaves the default sort out', () => {
    const { result } = setup('/companies?q=old&city=Roma');
    act(() => result.current.filters.applyView({ id: 'v2', query: { sort: '-updatedAt', 'filter[tag]': 'vip' } }));
    expect(result.current.location.search).toBe('?view=v2&sort=-updatedAt&tag=vip');
    act(() => result.current.filters.clear());
    expect(result.current.location.search).toBe('?view=v2&sort=-updatedAt');
    act(() => result.current.filters.setSort('name'));
    expect(result.current.location.search).toBe('?view=v2');
    expect(result.current.filters.sort).toBe('name');
  });
});
