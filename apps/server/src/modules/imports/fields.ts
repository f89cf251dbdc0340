import {
  COMPANY_IMPORT_FIELDS,
  CONTACT_IMPORT_FIELDS,
  CUSTOMER_CLASSES,
  CUSTOMER_STATUSES,
  DEAL_IMPORT_FIELDS,
  EXCHANGE_RATE_IMPORT_FIELDS,
  LEAD_IMPORT_FIELDS,
  PRICE_FIELD_PREFIX,
  PRODUCT_IMPORT_FIELDS,
  RELATIONSHIPS,
  type TImportEntity,
  USER_IMPORT_FIELDS,
} from '@clientela/contract';
import type { Definition } from '../custom-fields/index.ts';
import type { ImportColumn } from './imports.table.ts';

/** A header as compared: lower-case, without punctuation or repeated spaces ("E-Mail " → "e mail"). */
export function headerKey(header: string): string {
  return (
    header
      .toLowerCase()
      .normalize('NFKD')
      // Accents of Latin letters go ("città" → "citta"); Cyrillic letters stay whole ("й").
      .replace(/([a-z])[\u0300-\u036f]+/g, '$1')
      .normalize('NFC')
      .replace(/ё/g, 'е')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/** Headers people write for each field, in English, Russian and Italian (compared by headerKey). */
const SYNONYMS: Record<string, string[]> = {
  name: [
    'name',
    'company',
    'company name',
    'account',
    'account name',
    'organisation',
    'organization',
    'business name',
    'название',
    'наименование',
    'компания',
    'организация',
    'клиент',
    'azienda',
    'nome azienda',
    'societa',
    'ragione sociale',
    'organizzazione',
    'cliente',
    'denominazione',
  ],
  legalName: [
    'legal name',
    'full legal name',
    'юридическое название',
    'полное наименование',
    'юр лицо',
    'ragione sociale completa',
    'denominazione legale',
  ],
  taxNumber: [
    'tax number',
    'tax id',
    'vat',
    'vat number',
    'vat id',
    'inn',
    'инн',
    'партита iva',
    'partita iva',
    'p iva',
    'piva',
    'codice fiscale',
    'registration number',
  ],
  website: ['website', 'web site', 'site', 'url', 'www', 'web', 'сайт', 'веб сайт', 'sito', 'sito web'],
  parentCompany: [
    'parent',
    'parent company',
    'subsidiary of',
    'owned by',
    'головная компания',
    'материнская компания',
    'входит в',
    'societa madre',
    'capogruppo',
    'controllata da',
  ],
  fullName: [
    'name',
    'full name',
    'contact',
    'contact name',
    'person',
    'фио',
    'имя фамилия',
    'контакт',
    'контактное лицо',
    'nome completo',
    'contatto',
    'nominativo',
    'nome e cognome',
  ],
  firstName: ['first name', 'firstname', 'given name', 'имя', 'nome'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'фамилия', 'cognome'],
  position: ['position', 'title', 'job title', 'role', 'должность', 'позиция', 'ruolo', 'posizione', 'qualifica', 'mansione'],
  birthday: ['birthday', 'birth date', 'date of birth', 'dob', 'день рождения', 'дата рождения', 'compleanno', 'data di nascita'],
  preferredChannel: ['preferred channel', 'channel', 'канал', 'предпочтительный канал', 'canale', 'canale preferito'],
  preferences: ['preferences', 'likes', 'предпочтения', 'preferenze'],
  personalEvents: ['personal events', 'family', 'family news', 'события', 'семья', 'eventi personali', 'famiglia'],
  company: [
    'company',
    'organisation',
    'organization',
    'employer',
    'account',
    'компания',
    'организация',
    'место работы',
    'azienda',
    'societa',
    'organizzazione',
  ],
  relationships: [
    'relationship',
    'relationships',
    'type',
    'customer type',
    'тип',
    'тип клиента',
    'отношения',
    'tipo',
    'tipo cliente',
    'relazione',
  ],
  status: ['status', 'статус', 'состояние', 'stato'],
  class: ['class', 'category', 'abc', 'класс', 'категория', 'classe', 'categoria'],
  region: [
    'region',
    'state',
    'province',
    'country',
    'office location',
    'регион',
    'область',
    'край',
    'страна',
    'regione',
    'provincia',
    'paese',
    'nazione',
  ],
  city: ['city', 'town', 'locality', 'город', 'населенный пункт', 'citta', 'comune', 'localita'],
  address: ['address', 'street', 'street address', 'адрес', 'улица', 'indirizzo', 'via'],
  phones: [
    'phone',
    'phones',
    'telephone',
    'tel',
    'mobile',
    'cell',
    'cellphone',
    'phone number',
    'телефон',
    'телефоны',
    'тел',
    'мобильный',
    'моб',
    'сотовый',
    'telefono',
    'cellulare',
    'tel',
    'numero di telefono',
  ],
  emails: [
    'email',
    'e mail',
    'emails',
    'mail',
    'email address',
    'e mail address',
    'почта',
    'эл почта',
    'электронная почта',
    'емейл',
    'имейл',
    'posta',
    'posta elettronica',
    'indirizzo email',
  ],
  leadSource: ['lead source', 'source', 'источник', 'источник лида', 'откуда', 'fonte', 'origine', 'provenienza'],
  owner: [
    'owner',
    'manager',
    'responsible',
    'sales agent',
    'account manager',
    'ответственный',
    'менеджер',
    'responsabile',
    'commerciale',
    'referente',
  ],
  tags: ['tags', 'tag', 'labels', 'categories', 'теги', 'метки', 'ярлыки', 'etichette', 'tag'],
  notes: [
    'notes',
    'note',
    'comment',
    'comments',
    'description',
    'заметки',
    'примечание',
    'комментарий',
    'описание',
    'note',
    'commento',
    'commenti',
    'descrizione',
  ],
};

const EMAIL_WORDS = SYNONYMS.emails ?? [];

/** Headers of product, people, deal and lead files, in English, Russian and Italian (compared by headerKey). */
const ENTITY_SYNONYMS: Partial<Record<TImportEntity, Record<string, string[]>>> = {
  product: {
    name: [
      'product',
      'product name',
      'name',
      'item',
      'товар',
      'продукт',
      'наименование',
      'название',
      'prodotto',
      'nome',
      'articolo',
      'nome prodotto',
    ],
    sku: ['sku', 'code', 'product code', 'item code', 'article', 'артикул', 'код', 'код товара', 'codice', 'codice articolo'],
    category: [
      'series',
      'category',
      'product line',
      'line',
      'family',
      'group',
      'серия',
      'категория',
      'группа',
      'линейка',
      'serie',
      'categoria',
      'linea',
      'famiglia',
      'gruppo',
    ],
    price: [
      'price',
      'sales price',
      'list price',
      'unit price',
      'retail price',
      'цена',
      'стоимость',
      'цена продажи',
      'prezzo',
      'prezzo di vendita',
      'prezzo di listino',
    ],
    unit: ['unit', 'uom', 'unit of measure', 'ед', 'ед изм', 'единица', 'единица измерения', 'unita', 'unita di misura', 'um'],
    vatRate: ['vat', 'vat rate', 'tax rate', 'ндс', 'ставка ндс', 'iva', 'aliquota iva'],
    kind: ['kind', 'type', 'тип', 'вид', 'tipo'],
    active: ['active', 'on sale', 'активен', 'активный', 'в продаже', 'attivo', 'in vendita'],
    description: ['description', 'описание', 'descrizione'],
  },
  exchange_rate: {
    date: ['date', 'day', 'on', 'valid from', 'дата', 'день', 'дата курса', 'data', 'giorno', 'data cambio'],
    currency: [
      'currency',
      'currency code',
      'code',
      'iso code',
      'валюта',
      'код валюты',
      'букв код',
      'буквенный код',
      'valuta',
      'codice valuta',
      'divisa',
    ],
    rate: ['rate', 'exchange rate', 'value', 'курс', 'значение', 'курс валюты', 'cambio', 'tasso', 'tasso di cambio', 'valore'],
    units: ['units', 'unit', 'per', 'nominal', 'amount', 'единиц', 'номинал', 'количество', 'unita', 'quantita', 'nominale'],
  },
  user: {
    name: [
      'sales agent',
      'agent',
      'name',
      'full name',
      'employee',
      'user',
      'сотрудник',
      'агент',
      'фио',
      'имя',
      'agente',
      'nome',
      'dipendente',
      'utente',
      'venditore',
    ],
    manager: [
      'manager',
      'sales manager',
      'head',
      'supervisor',
      'руководитель',
      'менеджер',
      'начальник',
      'responsabile',
      'capo',
      'supervisore',
    ],
    unit: [
      'regional office',
      'office',
      'unit',
      'branch',
      'department',
      'team',
      'отдел',
      'филиал',
      'подразделение',
      'офис',
      'ufficio',
      'ufficio regionale',
      'filiale',
      'reparto',
      'sede',
    ],
    role: ['role', 'роль', 'ruolo'],
    email: EMAIL_WORDS,
  },
  deal: {
    title: [
      'opportunity id',
      'opportunity',
      'deal',
      'deal name',
      'title',
      'сделка',
      'название сделки',
      'название',
      'opportunita',
      'trattativa',
      'titolo',
    ],
    owner: ['sales agent', 'owner', 'agent', 'responsible', 'ответственный', 'менеджер', 'агент', 'responsabile', 'agente', 'commerciale'],
    product: ['product', 'item', 'товар', 'продукт', 'prodotto', 'articolo'],
    company: ['account', 'company', 'customer', 'client', 'компания', 'клиент', 'организация', 'azienda', 'cliente', 'societa'],
    stage: ['deal stage', 'stage', 'status', 'этап', 'стадия', 'статус', 'fase', 'stato'],
    engagedOn: [
      'engage date',
      'engaged on',
      'created',
      'created on',
      'start date',
      'дата начала',
      'дата создания',
      'data inizio',
      'data di creazione',
    ],
    closeOn: ['close date', 'closed on', 'closing date', 'expected close', 'дата закрытия', 'data chiusura', 'data di chiusura'],
    amount: ['close value', 'amount', 'value', 'deal value', 'revenue', 'sum', 'сумма', 'стоимость', 'importo', 'valore'],
    currency: ['currency', 'валюта', 'valuta'],
    source: SYNONYMS.leadSource ?? [],
    notes: SYNONYMS.notes ?? [],
  },
  lead: {
    fullName: [
      'name',
      'full name',
      'lead',
      'lead name',
      'contact',
      'contact name',
      'person',
      'фио',
      'имя фамилия',
      'лид',
      'контакт',
      'контактное лицо',
      'nome completo',
      'nominativo',
      'nome e cognome',
      'contatto',
    ],
    firstName: SYNONYMS.firstName ?? [],
    lastName: SYNONYMS.lastName ?? [],
    companyName: [
      'company',
      'company name',
      'organisation',
      'organization',
      'account',
      'компания',
      'организация',
      'название компании',
      'azienda',
      'societa',
      'ragione sociale',
      'nome azienda',
    ],
    position: SYNONYMS.position ?? [],
    email: EMAIL_WORDS,
    phone: SYNONYMS.phones ?? [],
    city: SYNONYMS.city ?? [],
    source: SYNONYMS.leadSource ?? [],
    campaign: ['campaign', 'campaign name', 'кампания', 'рекламная кампания', 'мероприятие', 'campagna', 'evento'],
    status: ['status', 'lead status', 'статус', 'статус лида', 'состояние', 'stato', 'stato lead'],
    owner: SYNONYMS.owner ?? [],
    createdOn: [
      'date',
      'created',
      'created on',
      'date added',
      'received',
      'дата',
      'дата создания',
      'дата обращения',
      'data',
      'data di creazione',
      'data contatto',
    ],
    notes: [...(SYNONYMS.notes ?? []), 'message', 'сообщение', 'messaggio'],
  },
};

/** Whether the entity's records are customers (companies, contacts): custom fields, phones, duplicates by keys. */
export const isCustomerEntity = (entity: TImportEntity): entity is 'company' | 'contact' => entity === 'company' || entity === 'contact';

const PHONE_LABELS: Record<string, string> = {
  mobile: 'mobile',
  cell: 'mobile',
  мобильный: 'mobile',
  моб: 'mobile',
  сотовый: 'mobile',
  cellulare: 'mobile',
};

/** A price list of the workspace, whose prices a product file can fill (`price.<id>`). */
export type PriceColumn = { id: string; name: string; currency: string };

/**
 * The fields a file can fill for an entity, custom fields included (`custom.<key>`), and for
 * products a price in each price list (`price.<id>`).
 */
export function importFields(entity: TImportEntity, definitions: Definition[], priceLists: PriceColumn[] = []): string[] {
  if (entity === 'product') return [...PRODUCT_IMPORT_FIELDS, ...priceLists.map((l) => `${PRICE_FIELD_PREFIX}${l.id}`)];
  if (entity === 'user') return [...USER_IMPORT_FIELDS];
  if (entity === 'deal') return [...DEAL_IMPORT_FIELDS];
  if (entity === 'exchange_rate') return [...EXCHANGE_RATE_IMPORT_FIELDS];
  if (entity === 'lead') return [...LEAD_IMPORT_FIELDS];
  const own: readonly string[] = entity === 'company' ? COMPANY_IMPORT_FIELDS : CONTACT_IMPORT_FIELDS;
  return [...own, ...definitions.map((d) => `custom.${d.key}`)];
}

/**
 * Suggests a field for each header: the admin's custom fields by key or label first, then
 * the synonyms; a field is suggested once, except phones and e-mails, which several columns fill.
 */
export function suggestMapping(
  entity: TImportEntity,
  headers: string[],
  definitions: Definition[],
  priceLists: PriceColumn[] = [],
): ImportColumn[] {
  const fields = new Set(importFields(entity, definitions, priceLists));
  const taken = new Set<string>();
  return headers.map((header) => {
    const key = headerKey(header);
    if (!key) return { field: null };
    const custom = definitions.find((d) => headerKey(d.key) === key || headerKey(d.label) === key);
    const list = entity === 'product' ? priceListOf(key, priceLists) : undefined;
    const candidates = custom
      ? [`custom.${custom.key}`]
      : list
        ? [`${PRICE_FIELD_PREFIX}${list.id}`]
        : Object.entries(ENTITY_SYNONYMS[entity] ?? SYNONYMS)
            .filter(([, names]) => names.includes(key) || names.some((name) => name.length > 3 && key.startsWith(`${name} `)))
            .map(([field]) => field);
    const field = candidates.find((f) => fields.has(f) && (!taken.has(f) || f === 'phones' || f === 'emails'));
    if (!field) return { field: null };
    taken.add(field);
    if (field === 'phones') return { field, label: PHONE_LABELS[key] ?? '' };
    if (field === 'emails') return { field, label: '' };
    return { field };
  });
}

const PRICE_WORDS = ENTITY_SYNONYMS.product?.price ?? [];

/** The price list a header names, as a product export heads its columns: "Price: Retail (EUR)", "Цена Опт". */
function priceListOf(key: string, priceLists: PriceColumn[]): PriceColumn | undefined {
  return priceLists.find((list) => {
    const name = headerKey(list.name);
    const currency = list.currency.toLowerCase();
    return PRICE_WORDS.some((word) => key === `${word} ${name}` || key === `${word} ${name} ${currency}`);
  });
}

/** The known values of a choice field, with the words people use for them. */
export type Choice = { value: string; label: string; words: string[] };

const WORDS: Record<string, Record<string, string[]>> = {
  status: {
    potential: ['potential', 'lead', 'потенциальный', 'потенциальная', 'потенциальные', 'potenziale'],
    new: ['new', 'новый', 'новая', 'новые', 'nuovo', 'nuova'],
    active: ['active', 'активный', 'активная', 'активные', 'действующий', 'attivo', 'attiva'],
    dormant: ['dormant', 'sleeping', 'inactive', 'спящий', 'спящая', 'неактивный', 'dormiente', 'inattivo', 'inattiva'],
    lost: ['lost', 'потерянный', 'потерян', 'ушедший', 'perso', 'persa'],
  },
  relationships: {
    client: ['client', 'customer', 'клиент', 'покупатель', 'cliente'],
    prospect: ['prospect', 'lead', 'потенциальный клиент', 'лид', 'potenziale cliente'],
    partner: ['partner', 'партнер', 'партнёр'],
    supplier: ['supplier', 'vendor', 'поставщик', 'fornitore'],
    competitor: ['competitor', 'конкурент', 'concorrente'],
  },
  preferredChannel: {
    phone: ['phone', 'call', 'телефон', 'звонок', 'telefono'],
    email: ['email', 'e mail', 'mail', 'почта', 'posta'],
    messenger: ['messenger', 'chat', 'whatsapp', 'telegram', 'мессенджер', 'messaggistica'],
    visit: ['visit', 'in person', 'визит', 'встреча', 'visita'],
    post: ['post', 'letter', 'почта россии', 'письмо', 'posta ordinaria', 'lettera'],
  },
};

/** The values a choice field accepts, or null for a field that takes any text. */
export function choicesOf(field: string, definitions: Definition[]): Choice[] | null {
  if (field === 'class') return CUSTOMER_CLASSES.map((value) => ({ value, label: value, words: [value.toLowerCase()] }));
  const known = WORDS[field];
  if (known) {
    const values: readonly string[] =
      field === 'status' ? CUSTOMER_STATUSES : field === 'relationships' ? RELATIONSHIPS : Object.keys(known);
    return values.map((value) => ({ value, label: value, words: known[value] ?? [value] }));
  }
  if (field.startsWith('custom.')) {
    const definition = definitions.find((d) => `custom.${d.key}` === field);
    if (definition && (definition.type === 'select' || definition.type === 'multiselect')) {
      return definition.options.map((o) => ({ value: o.value, label: o.label, words: [headerKey(o.value), headerKey(o.label)] }));
    }
  }
  return null;
}

/** Fields whose cell may hold several values, separated by commas or semicolons. */
export function isMultiValue(field: string, definitions: Definition[]): boolean {
  if (field === 'relationships' || field === 'tags') return true;
  return definitions.some((d) => `custom.${d.key}` === field && d.type === 'multiselect');
}
