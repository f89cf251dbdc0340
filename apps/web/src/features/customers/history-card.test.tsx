import type { TRecordChange } from '@clientela/contract';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp, testMe } from '../../test/render.tsx';
import { customField } from '../custom-fields/test-fields.ts';
import { HistoryCard } from './history-card.tsx';

const actor = { id: '00000000-0000-4000-8000-000000000003', name: 'Marco Bianchi' };

const changes: TRecordChange[] = [
  { id: '00000000-0000-4000-8000-000000000010', at: '2025-03-01T09:00:00.000Z', actor, action: 'created', changes: [] },
  {
    id: '00000000-0000-4000-8000-000000000011',
    at: '2025-03-02T16:30:00.000Z',
    actor,
    action: 'updated',
    changes: [
      { field: 'status', old: 'new', new: 'active' },
      { field: 'city', old: null, new: 'Roma' },
      { field: 'birthday', old: null, new: '1980-05-01' },
      { field: 'ownerId', old: null, new: '00000000-0000-4000-8000-000000000004' },
    ],
  },
];

describe('HistoryCard', () => {
  it('shows who changed which field, translated, old → new, newest first', async () => {
    await renderWithApp(<HistoryCard changes={changes} loading={false} error={null} />, { me: testMe });
    const lines = screen.getAllByTestId('history-change').map((line) => line.textContent);
    expect(lines).toEqual(['Status: New → Active', 'City: empty → Roma', 'Birthday: empty → 1 May 1980', 'Owner: changed']);
    expect(screen.getByText('Marco Bianchi made changes')).toBeTruthy();
    expect(screen.getByText('Marco Bianchi created the record')).toBeTruthy();
    // In the user's time zone (Rome, UTC+1 in March), not the browser's.
    expect(screen.getByText(/2 Mar 2025, 17:30/)).toBeTruthy();
    expect(screen.queryByText(/ownerId|0000-4000/)).toBeNull();
  });

  it('names custom fields by their label and shows their values as the page does', async () => {
    const bread = customField('preferred_bread', 'select', { label: 'Preferred bread', options: [{ value: 'rye', label: 'Rye bread' }] });
    const custom: TRecordChange[] = [
      {
        id: '00000000-0000-4000-8000-000000000012',
        at: '2025-03-03T09:00:00.000Z',
        actor,
        action: 'updated',
        changes: [
          { field: 'custom.preferred_bread', old: null, new: 'rye' },
          { field: 'custom.deleted_field', old: null, new: 'x' },
        ],
      },
    ];
    await renderWithApp(<HistoryCard changes={custom} loading={false} error={null} customFields={[bread]} />, { me: testMe });
    const lines = screen.getAllByTestId('history-change').map((line) => line.textContent);
    expect(lines).toEqual(['Preferred bread: empty → Rye bread', 'deleted_field: empty → x']);
  });
});
