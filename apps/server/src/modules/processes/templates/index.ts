import { PROCESS_TEMPLATES, type TLocale, type TProcessTemplateKey } from '@clientela/contract';
import { buildTemplate, type TemplateSpec, type TemplateUnit } from './build.ts';
import { complaintHandling, complaintHandlingMessages } from './complaint-handling.ts';
import { exhibitionPreparation, exhibitionPreparationMessages } from './exhibition-preparation.ts';
import { onboarding, onboardingMessages } from './onboarding.ts';
import { orderHandling, orderHandlingMessages } from './order-handling.ts';
import { productionOrder, productionOrderMessages } from './production-order.ts';

export type { TemplateUnit } from './build.ts';

const DESCRIPTIONS: Record<TProcessTemplateKey, Record<TLocale, string>> = {
  orderHandling: {
    en: 'From a confirmed order to shipment, invoice and a word to the customer.',
    ru: 'От подтверждённого заказа до отгрузки, счёта и сообщения клиенту.',
    it: "Dall'ordine confermato alla spedizione, alla fattura e all'avviso al cliente.",
  },
  productionOrder: {
    en: 'Plan, produce, check quality (rework until it passes) and hand over to shipping.',
    ru: 'Планирование, производство, контроль качества с доработкой и передача на отгрузку.',
    it: 'Pianificare, produrre, controllare la qualità (rilavorare finché non passa) e consegnare.',
  },
  exhibitionPreparation: {
    en: 'Booth, materials and invitations side by side, the fair, and the follow-up of its contacts.',
    ru: 'Стенд, материалы и приглашения параллельно, работа на выставке и отработка контактов.',
    it: 'Stand, materiali e inviti in parallelo, la fiera e il seguito dei contatti.',
  },
  complaintHandling: {
    en: 'Quality assesses a complaint; service repairs or replaces (escalated when late); the owner calls the customer back.',
    ru: 'Качество оценивает рекламацию, сервис ремонтирует или заменяет (с эскалацией при просрочке), ответственный перезванивает.',
    it: "La qualità valuta il reclamo; l'assistenza ripara o sostituisce (con segnalazione se in ritardo); il referente richiama.",
  },
  onboarding: {
    en: 'Workplace, plan and welcome e-mail for a new colleague, the first day, and a check-in two weeks later.',
    ru: 'Рабочее место, план и приветствие для нового коллеги, первый день и беседа через две недели.',
    it: 'Postazione, piano e benvenuto per un nuovo collega, il primo giorno e un colloquio dopo due settimane.',
  },
};

type AnyTemplate = { spec: TemplateSpec<string>; messages: Record<TLocale, Record<string, string>> };

const TEMPLATES: Record<TProcessTemplateKey, AnyTemplate> = {
  orderHandling: { spec: orderHandling, messages: orderHandlingMessages },
  productionOrder: { spec: productionOrder, messages: productionOrderMessages },
  exhibitionPreparation: { spec: exhibitionPreparation, messages: exhibitionPreparationMessages },
  complaintHandling: { spec: complaintHandling, messages: complaintHandlingMessages },
  onboarding: { spec: onboarding, messages: onboardingMessages },
};

/** The templates with their names and descriptions in a language. */
export function templateList(locale: TLocale): { key: TProcessTemplateKey; name: string; description: string }[] {
  return PROCESS_TEMPLATES.map((key) => ({
    key,
    name: TEMPLATES[key].messages[locale].process ?? key,
    description: DESCRIPTIONS[key][locale],
  }));
}

/** A template's model in a language, its unit queues given to the workspace's matching units (else to a role or the owner). */
export function templateXml(key: TProcessTemplateKey, locale: TLocale, workspace: { units: readonly TemplateUnit[] }): string {
  const template = TEMPLATES[key];
  return buildTemplate(template.spec, template.messages[locale], workspace.units);
}
