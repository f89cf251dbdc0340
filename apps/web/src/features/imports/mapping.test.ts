import type { TImportProblem } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import {
  applyTemplate,
  hasValuesStep,
  importableEntities,
  mappingBody,
  nameMissing,
  refusedColumns,
  repeatedFields,
  templateColumns,
} from './mapping.ts';
import { decisionKey, decisionOf, problemColumn, severities } from './problems.ts';

const problem = (extra: Partial<TImportProblem>): TImportProblem => ({
  line: 2,
  column: null,
  field: null,
  code: 'normalised',
  value: null,
  stored: null,
  outcome: 'create',
  recordId: null,
  repeatsLine: null,
  ...extra,
});

describe('import mapping', () => {
  it('lets everyone import leads, named by a name, a company, an e-mail or a phone, with a values step for sources and campaigns', () => {
    expect(importableEntities('employee')).toContain('lead');
    expect(hasValuesStep('lead')).toBe(true);
    expect(nameMissing('lead', [{ field: 'phone' }, { field: 'source' }])).toBe(false);
    expect(nameMissing('lead', [{ field: 'companyName' }])).toBe(false);
    expect(nameMissing('lead', [{ field: 'source' }, { field: 'campaign' }, { field: null }])).toBe(true);
  });

  it('sends labels only for phones and e-mails, trimmed, and the country only when chosen', () => {
    const body = mappingBody({
      columns: [{ field: 'name', label: 'x' }, { field: 'phones', label: ' mobile ' }, { field: 'emails', label: '  ' }, { field: null }],
      duplicates: 'create',
      values: {},
    });
    expect(body).toEqual({
      columns: [{ field: 'name' }, { field: 'phones', label: 'mobile' }, { field: 'emails' }, { field: null }],
      duplicates: 'create',
      values: {},
    });
    expect(mappingBody({ columns: [{ field: 'name' }], duplicates: 'skip', values: {}, defaultCountry: 'IT' }).defaultCountry).toBe('IT');
  });

  it('applies a template by header, ignoring case and spaces, and keeps the other columns', () => {
    const template = {
      columns: [
        { header: 'E-Mail ', field: 'emails', label: 'work' },
        { header: 'Partita IVA', field: 'taxNumber' },
      ],
    };
    const result = applyTemplate(['Nome', 'e-mail', 'partitaiva'], [{ field: 'name' }, { field: null }, { field: null }], template);
    expect(result).toEqual({ matched: 2, columns: [{ field: 'name' }, { field: 'emails', label: 'work' }, { field: 'taxNumber' }] });
    expect(
      templateColumns(
        ['Nome', 'Tel'],
        [
          { field: 'name', label: 'x' },
          { field: 'phones', label: 'mobile' },
        ],
      ),
    ).toEqual([
      { header: 'Nome', field: 'name' },
      { header: 'Tel', field: 'phones', label: 'mobile' },
    ]);
  });

  it('warns about a missing name and a field chosen twice, and reads refused columns', () => {
    expect(nameMissing('company', [{ field: 'city' }])).toBe(true);
    expect(nameMissing('contact', [{ field: 'lastName' }])).toBe(false);
    expect(repeatedFields([{ field: 'city' }, { field: 'phones' }, { field: 'city' }, { field: 'phones' }])).toEqual([null, null, 0, null]);
    expect([...refusedColumns([{ path: 'columns.3.field' }, { path: 'body/columns/0/field' }, { path: 'duplicates' }])]).toEqual([3, 0]);
  });
});

describe('import problems', () => {
  it('shows red only what rejects the row', () => {
    const rejected = [
      problem({ code: 'required_missing', field: 'name', outcome: 'reject' }),
      problem({ code: 'invalid_email', column: 2, outcome: 'reject' }),
    ];
    expect(severities(rejected)).toEqual(['error', 'warning']);
    // A rejection for a reason the web app does not know: every problem of the row may be it.
    expect(severities([problem({ code: 'invalid_phone', column: 1, outcome: 'reject' })])).toEqual(['error']);
    expect(severities([problem({ code: 'duplicate_in_base', outcome: 'skip' })])).toEqual(['warning']);
  });

  it('places a whole-row problem on the column of its field', () => {
    const columns = [{ field: 'city' }, { field: 'lastName' }];
    expect(problemColumn(problem({ field: 'fullName', code: 'required_missing' }), columns)).toBe(1);
    expect(problemColumn(problem({ field: 'name', code: 'required_missing' }), columns)).toBeNull();
    expect(problemColumn(problem({ column: 0 }), columns)).toBe(0);
  });

  it('turns value decisions into select values and back', () => {
    for (const decision of [{ action: 'use', value: 'use:me' }, { action: 'keep' }, { action: 'empty' }] as const) {
      expect(decisionOf(decisionKey(decision) ?? '')).toEqual(decision);
    }
  });
});
