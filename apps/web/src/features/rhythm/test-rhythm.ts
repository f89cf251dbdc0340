import {
  DEFAULT_RHYTHM_RULES,
  type TBirthdays,
  type TDormantList,
  type TNotContactedList,
  type TRhythmCompliance,
} from '@clientela/contract';

export const RULES = { rules: DEFAULT_RHYTHM_RULES };

export const COMPLIANCE: TRhythmCompliance = {
  today: '2026-06-15',
  managers: [
    { ownerId: '00000000-0000-4000-8000-00000000000a', ownerName: 'Bea', total: 2, onTime: 1, overdue: 1, compliancePercent: 50 },
    { ownerId: '00000000-0000-4000-8000-00000000000b', ownerName: 'Elio', total: 5, onTime: 2, overdue: 3, compliancePercent: 40 },
  ],
  totals: { total: 7, onTime: 3, overdue: 4, compliancePercent: 42.9 },
  overdue: [
    {
      type: 'company',
      id: '00000000-0000-4000-8000-0000000000c1',
      name: 'Nadia',
      class: 'C',
      ownerId: '00000000-0000-4000-8000-00000000000a',
      lastContactAt: null,
      dueOn: '2026-04-01',
      daysOverdue: 75,
    },
    {
      type: 'company',
      id: '00000000-0000-4000-8000-0000000000a2',
      name: 'Bruno',
      class: 'A',
      ownerId: '00000000-0000-4000-8000-00000000000b',
      lastContactAt: '2026-05-06T10:00:00.000Z',
      dueOn: '2026-06-05',
      daysOverdue: 10,
    },
  ],
  overdueTotal: 2,
};

export const BIRTHDAYS: TBirthdays = {
  from: '2026-06-15',
  to: '2026-06-21',
  data: [
    {
      id: '00000000-0000-4000-8000-0000000000b1',
      name: 'Giulia Bianchi',
      ownerId: null,
      birthday: '1990-06-16',
      celebratedOn: '2026-06-16',
      age: 36,
      phone: '+39 06 1234567',
    },
  ],
  total: 1,
};

export const NOT_CONTACTED: TNotContactedList = {
  since: '2026-03-17',
  data: [{ type: 'company', id: '00000000-0000-4000-8000-0000000000d1', name: 'Dino', class: 'B', ownerId: null, lastActivityAt: null }],
  total: 1,
};

export const DORMANT: TDormantList = {
  since: '2025-12-15',
  baseCurrency: 'EUR',
  data: [
    {
      id: '00000000-0000-4000-8000-0000000000e1',
      name: 'Elsa',
      ownerId: null,
      class: 'C',
      lastPurchaseOn: '2025-01-12',
      lifetimeRevenueBase: '5000.00',
    },
  ],
  total: 1,
};
