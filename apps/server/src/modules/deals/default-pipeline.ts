import type { TDealRequiredField, TLocale, TStageKind } from '@clientela/contract';

type Stage = { name: string; probability: number; kind: TStageKind; requiredFields: TDealRequiredField[] };

/**
 * The pipeline and lost reasons a workspace starts with, in its founder's language: a plain B2B
 * funnel an admin renames, reorders or replaces. Won asks the amount and the close date, lost its reason.
 */
export const DEFAULT_PIPELINE: Record<TLocale, { name: string; stages: Stage[]; lostReasons: string[] }> = {
  en: {
    name: 'Sales',
    stages: [
      { name: 'New lead', probability: 10, kind: 'open', requiredFields: [] },
      { name: 'Qualified', probability: 25, kind: 'open', requiredFields: [] },
      { name: 'Proposal sent', probability: 50, kind: 'open', requiredFields: ['companyId'] },
      { name: 'Negotiation', probability: 75, kind: 'open', requiredFields: ['amount'] },
      { name: 'Won', probability: 100, kind: 'won', requiredFields: ['amount', 'expectedCloseOn'] },
      { name: 'Lost', probability: 0, kind: 'lost', requiredFields: ['lostReasonId'] },
    ],
    lostReasons: ['Price too high', 'Chose a competitor', 'No budget', 'No answer', 'Not the right time'],
  },
  ru: {
    name: 'Продажи',
    stages: [
      { name: 'Новый лид', probability: 10, kind: 'open', requiredFields: [] },
      { name: 'Квалификация', probability: 25, kind: 'open', requiredFields: [] },
      { name: 'КП отправлено', probability: 50, kind: 'open', requiredFields: ['companyId'] },
      { name: 'Переговоры', probability: 75, kind: 'open', requiredFields: ['amount'] },
      { name: 'Выиграна', probability: 100, kind: 'won', requiredFields: ['amount', 'expectedCloseOn'] },
      { name: 'Проиграна', probability: 0, kind: 'lost', requiredFields: ['lostReasonId'] },
    ],
    lostReasons: ['Слишком дорого', 'Выбрали конкурента', 'Нет бюджета', 'Нет ответа', 'Не время'],
  },
  it: {
    name: 'Vendite',
    stages: [
      { name: 'Nuovo contatto', probability: 10, kind: 'open', requiredFields: [] },
      { name: 'Qualificato', probability: 25, kind: 'open', requiredFields: [] },
      { name: 'Offerta inviata', probability: 50, kind: 'open', requiredFields: ['companyId'] },
      { name: 'Trattativa', probability: 75, kind: 'open', requiredFields: ['amount'] },
      { name: 'Vinta', probability: 100, kind: 'won', requiredFields: ['amount', 'expectedCloseOn'] },
      { name: 'Persa', probability: 0, kind: 'lost', requiredFields: ['lostReasonId'] },
    ],
    lostReasons: ['Prezzo troppo alto', 'Scelto un concorrente', 'Nessun budget', 'Nessuna risposta', 'Non è il momento'],
  },
};
