import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCustomerMessages } from '../../lib/customer-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { loadRelationshipMessages } from '../../lib/relationship-messages.ts';
import { changeLine, systemSentence } from './system-lines.ts';
import { ANNA, CAFE, GIULIA } from './test-activities.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadCustomerMessages();
  await loadRelationshipMessages();
});

const t = () => i18next.getFixedT('en', 'relationships');
const tc = () => i18next.getFixedT('en', 'customers');
const line = (field: string, old: unknown, next: unknown) => changeLine(t(), tc(), { field, old, new: next });

describe('system events as sentences', () => {
  it('says who did what to which kind of record', () => {
    expect(systemSentence(t(), { action: 'created', record: CAFE, actor: ANNA, changes: [], people: {} })).toBe(
      'Anna Rossi created the company',
    );
    expect(systemSentence(t(), { action: 'deleted', record: GIULIA, actor: null, changes: [], people: {} })).toBe(
      'Someone moved the contact to the bin',
    );
    expect(systemSentence(t(), { action: 'updated', record: GIULIA, actor: ANNA, changes: [], people: {} })).toBe(
      'Anna Rossi changed the contact',
    );
  });

  it('reads each change worth a line, never an id', () => {
    expect(line('status', 'new', 'active')).toBe('Status: New → Active');
    expect(line('status', null, 'lost')).toBe('Status: none → Lost');
    expect(line('ownerId', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003')).toBe(
      'Handed over to another owner',
    );
    expect(
      changeLine(
        t(),
        tc(),
        { field: 'ownerId', old: '00000000-0000-4000-8000-000000000001', new: '00000000-0000-4000-8000-000000000003' },
        { '00000000-0000-4000-8000-000000000001': 'Anna Rossi', '00000000-0000-4000-8000-000000000003': 'Elio Verdi' },
      ),
    ).toBe('Responsible: Anna Rossi → Elio Verdi');
    expect(line('groupId', null, '00000000-0000-4000-8000-000000000004')).toBe('Joined a client group');
    expect(line('groupId', '00000000-0000-4000-8000-000000000004', null)).toBe('Left its client group');
    expect(line('mergedFrom', null, ['Caffè Centrale Srl', 'Bar Centrale'])).toBe('Merged from: Caffè Centrale Srl, Bar Centrale');
    expect(line('mergedFrom', ['Caffè Centrale Srl'], null)).toBe('Merge undone: Caffè Centrale Srl separate again');
    expect(line('mergedInto', null, 'Caffè Centrale')).toBe('Merged into Caffè Centrale');
    expect(line('mergedInto', 'Caffè Centrale', null)).toBe('Merge undone: a separate record again');
    expect(line('notes', 'a', 'b')).toBeNull();
  });

  it("reads an agreement's change: its status and date, in the agreement's own words", () => {
    const agreementEvent = {
      action: 'updated' as const,
      record: { type: 'agreement' as const, id: CAFE.id, name: 'Free delivery' },
      actor: ANNA,
      changes: [],
      people: {},
    };
    expect(systemSentence(t(), agreementEvent)).toBe('Anna Rossi changed the agreement');
    expect(systemSentence(t(), { ...agreementEvent, action: 'deleted' })).toBe('Anna Rossi removed the agreement');
    const of = { kind: 'agreement' as const, date: (ymd: string) => `day ${ymd}` };
    expect(changeLine(t(), tc(), { field: 'status', old: 'agreed', new: 'broken' }, {}, of)).toBe('Status: Agreed → Broken');
    expect(changeLine(t(), tc(), { field: 'validUntil', old: '2027-01-31', new: null }, {}, of)).toBe('Valid until: day 2027-01-31 → none');
    expect(changeLine(t(), tc(), { field: 'details', old: 'a', new: 'b' }, {}, of)).toBeNull();
  });
});
