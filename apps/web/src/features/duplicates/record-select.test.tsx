import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test/render.tsx';
import { RecordSelect } from './record-select.tsx';
import { aCompany, aDuplicateRecord, fakeApi, page } from './test-duplicates.ts';

afterEach(() => vi.unstubAllGlobals());

const SELF = '00000000-0000-4000-8000-000000000501';
const OTHER = '00000000-0000-4000-8000-000000000502';

describe('RecordSelect', () => {
  it('offers the probable duplicates first, never the record itself', async () => {
    const list = page([aCompany(SELF, 'Forno Rossi'), aCompany(OTHER, 'Bar Sport', { city: 'Milano' })]);
    vi.stubGlobal('fetch', vi.fn(fakeApi(() => jsonResponse(200, list)).fetch));
    const suggestions = [{ record: aDuplicateRecord(OTHER, 'Bar Sport', { city: 'Milano' }), reasons: ['phone' as const] }];
    await renderWithApp(<RecordSelect entity="company" exceptId={SELF} onChange={() => undefined} suggestions={suggestions} />);

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Record to merge with' }));
    expect(await screen.findByText('Probable duplicates')).toBeTruthy();
    expect(screen.getByTitle('Bar Sport · Milano')).toBeTruthy();
    expect(screen.queryByTitle('Forno Rossi')).toBeNull();
  });

  it('says so when there is no other record to merge with', async () => {
    vi.stubGlobal('fetch', vi.fn(fakeApi(() => jsonResponse(200, page([aCompany(SELF, 'Forno Rossi')]))).fetch));
    await renderWithApp(<RecordSelect entity="company" exceptId={SELF} onChange={() => undefined} />);

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Record to merge with' }));
    expect(await screen.findByText('No other record found.')).toBeTruthy();
  });
});
