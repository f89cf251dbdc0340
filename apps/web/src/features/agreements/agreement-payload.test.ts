import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { anAgreement, CAFE, ELIO } from '../activities/test-activities.ts';
import { agreementChanges, newAgreementValues, toAgreementFormValues, toAgreementInput } from './agreement-payload.ts';

const CONTRACT = { id: '00000000-0000-4000-8000-000000000950', number: 'ADV-2026-07', subject: 'Friday ad, page 3' };

describe('agreement payload', () => {
  it('a new agreement: plain calendar days, empty texts as null, the page’s customer and contract', () => {
    const values = {
      ...newAgreementValues(ELIO.id, { companyId: CAFE.id, contractId: CONTRACT.id }),
      title: '  Renew the Friday ad ',
      resource: ' ad slot page 3, Fridays ',
      details: '   ',
      agreedOn: dayjs('2026-11-30'),
      validUntil: dayjs('2027-01-31'),
    };
    expect(toAgreementInput(values)).toEqual({
      title: 'Renew the Friday ad',
      details: null,
      status: 'agreed',
      companyId: CAFE.id,
      contactId: null,
      agreedById: ELIO.id,
      agreedOn: '2026-11-30',
      validUntil: '2027-01-31',
      resource: 'ad slot page 3, Fridays',
      contractId: CONTRACT.id,
      dealId: null,
    });
  });

  it('an edit sends only what changed: a customer the editor may not see is never sent back, nor erased', () => {
    const hidden = anAgreement('00000000-0000-4000-8000-000000000801', { company: null, customerHidden: true, contract: CONTRACT });
    const opened = toAgreementFormValues(hidden);
    const before = toAgreementInput(opened);
    expect(agreementChanges(before, toAgreementInput({ ...opened, status: 'broken' }))).toEqual({ status: 'broken' });
    expect(agreementChanges(before, toAgreementInput({ ...opened, contractId: null, validUntil: dayjs('2027-06-30') }))).toEqual({
      contractId: null,
      validUntil: '2027-06-30',
    });
  });
});
