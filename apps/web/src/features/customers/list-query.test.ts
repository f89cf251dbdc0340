import { describe, expect, it } from 'vitest';
import { hasCustomFilter, isFiltered, paramsFromQuery, queryFromParams, sameQuery, withoutUnknownCustomFilters } from './list-query.ts';

describe('list query in the address', () => {
  it('reads search, sort and filters (custom ones too) as the API takes them', () => {
    const params = new URLSearchParams('view=v1&q=+rossi+&sort=-updatedAt&status=active&custom.bread=rye&city=');
    expect(queryFromParams('company', params)).toEqual({
      q: 'rossi',
      sort: '-updatedAt',
      'filter[status]': 'active',
      'filter[custom.bread]': 'rye',
    });
  });

  it('leaves out the default order, unknown parameters and filters of the other entity', () => {
    const params = new URLSearchParams('sort=name&utm_source=mail&birthdayMonth=5&groupId=g1&custom.Bad-Key=1');
    expect(queryFromParams('company', params)).toEqual({ 'filter[groupId]': 'g1' });
    expect(queryFromParams('contact', params)).toEqual({ 'filter[birthdayMonth]': '5' });
  });

  it('turns a saved query back into the address, with the view', () => {
    const query = { q: 'forno', sort: '-name', 'filter[class]': 'A', 'filter[custom.vip]': 'true', 'filter[bogus[x]]': '1' };
    const params = paramsFromQuery('company', query, 'v2');
    expect(params.toString()).toBe('view=v2&q=forno&sort=-name&class=A&custom.vip=true');
    expect(queryFromParams('company', params)).toEqual({ q: 'forno', sort: '-name', 'filter[class]': 'A', 'filter[custom.vip]': 'true' });
  });

  it('compares queries regardless of order and of the default sort', () => {
    expect(sameQuery({ 'filter[city]': 'Roma', q: 'bar', sort: 'name' }, { q: 'bar', 'filter[city]': 'Roma' })).toBe(true);
    expect(sameQuery({ 'filter[city]': 'Roma' }, { 'filter[city]': 'Milano' })).toBe(false);
    expect(sameQuery({ sort: '-updatedAt' }, {})).toBe(false);
  });

  it('tells a filtered list from a merely sorted one', () => {
    expect(isFiltered({ sort: '-name' })).toBe(false);
    expect(isFiltered({ 'filter[tag]': 'vip' })).toBe(true);
  });

  it('drops filters on custom fields deleted since, and keeps the rest', () => {
    const query = { q: 'bar', 'filter[custom.bread]': 'rye', 'filter[custom.gone]': 'x', 'filter[city]': 'Roma' };
    expect(hasCustomFilter(query)).toBe(true);
    expect(hasCustomFilter({ 'filter[city]': 'Roma' })).toBe(false);
    expect(withoutUnknownCustomFilters(query, ['bread'])).toEqual({ q: 'bar', 'filter[custom.bread]': 'rye', 'filter[city]': 'Roma' });
  });
});
