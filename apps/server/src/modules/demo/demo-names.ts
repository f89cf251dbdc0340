import type { TLocale } from '@clientela/contract';

/** Names, places and habits a demo bakery's customers have, per language. */
export type DemoVocabulary = {
  firstNames: string[];
  lastNames: string[];
  cities: [string, string];
  streets: string[];
  phonePrefix: string;
  bakery: {
    name: string;
    branches: [string, string];
    /** What its proposals carry at the top (the e-mail is made from the demo's domain). */
    letterhead: { legalName: string; address: string; taxNumber: string; phone: string; website: string };
  };
  staff: { name: string; role: 'admin' | 'manager' | 'employee'; branch: 0 | 1 | null }[];
  businesses: string[];
  breads: string[];
  habits: string[];
  events: string[];
  /** A shared view and a static list the demo starts with. */
  activeView: string;
  bestList: string;
  /** What the team did and promised with its business clients. */
  history: {
    calls: string[];
    visits: string[];
    notes: string[];
    meeting: string;
    contract: string;
    agreements: { title: string; resource: string | null }[];
  };
};

export const VOCABULARY: Record<TLocale, DemoVocabulary> = {
  it: {
    firstNames: [
      'Giulia',
      'Marco',
      'Francesca',
      'Luca',
      'Chiara',
      'Alessandro',
      'Sara',
      'Matteo',
      'Elena',
      'Davide',
      'Martina',
      'Paolo',
      'Anna',
      'Giorgio',
      'Silvia',
      'Stefano',
    ],
    lastNames: [
      'Rossi',
      'Bianchi',
      'Romano',
      'Colombo',
      'Ricci',
      'Marino',
      'Greco',
      'Bruno',
      'Gallo',
      'Conti',
      'De Luca',
      'Costa',
      'Giordano',
      'Mancini',
      'Rizzo',
      'Lombardi',
    ],
    cities: ['Bologna', 'Modena'],
    streets: ['Via Roma', 'Via Emilia', 'Via Garibaldi', 'Via Mazzini', 'Viale Italia', 'Piazza Maggiore'],
    phonePrefix: '+39 3',
    bakery: {
      name: 'Forno Rossi',
      branches: ['Negozio Via Roma', 'Negozio Modena'],
      letterhead: {
        legalName: 'Forno Rossi S.r.l.',
        address: 'Via Roma 12, 41121 Modena (MO)',
        taxNumber: '03456780364',
        phone: '+39 059 123 4567',
        website: 'https://fornorossi.example',
      },
    },
    staff: [
      { name: 'Lucia Rossi', role: 'admin', branch: null },
      { name: 'Giorgio Neri', role: 'manager', branch: 1 },
      { name: 'Paola Fabbri', role: 'employee', branch: 0 },
      { name: 'Enrico Sala', role: 'employee', branch: 1 },
    ],
    businesses: [
      'Bar Centrale',
      'Trattoria da Mario',
      'Hotel Due Torri',
      'Caffè del Portico',
      'Pizzeria Napoli',
      'Mensa Scolastica',
      'Agriturismo Il Poggio',
      'Bistrot Aurora',
    ],
    activeView: 'Clienti attivi',
    bestList: 'I migliori clienti per la nuova collezione',
    history: {
      calls: ['Ordine per il fine settimana', 'Prezzi del nuovo listino', 'Consegna in ritardo di martedì'],
      visits: ['Degustazione dei nuovi cornetti', 'Controllo della vetrina'],
      notes: [
        '<p>Preferiscono la consegna <strong>prima delle 7</strong>; il retro è aperto dalle 6.</p>',
        '<p>Chiedono pane senza sale per un cliente: <em>ricordarlo a ogni ordine</em>.</p>',
      ],
      meeting: 'Incontro per il rinnovo del contratto',
      contract: 'Fornitura giornaliera di pane e cornetti',
      agreements: [
        { title: 'Consegna gratuita il sabato', resource: null },
        { title: 'Torta di compleanno a prezzo di costo per il titolare', resource: null },
        { title: 'Vetrina con i nostri prodotti in evidenza il venerdì', resource: 'Vetrina, venerdì' },
      ],
    },
    breads: ['pane integrale', 'ciabatta', 'focaccia', 'tigelle', 'pane di segale', 'cornetti', 'crescentine', 'pane senza glutine'],
    habits: ['passa ogni mattina alle 7', 'ordina per il fine settimana', 'vuole il pane ben cotto', 'paga con la carta fedeltà'],
    events: ['la figlia si è laureata a giugno', 'nonna da poco', 'si è sposato in primavera', 'festeggia 30 anni di attività'],
  },
  ru: {
    firstNames: [
      'Ольга',
      'Иван',
      'Мария',
      'Алексей',
      'Наталья',
      'Сергей',
      'Екатерина',
      'Дмитрий',
      'Анна',
      'Михаил',
      'Татьяна',
      'Андрей',
      'Елена',
      'Павел',
      'Ирина',
      'Николай',
    ],
    lastNames: [
      'Иванов',
      'Смирнов',
      'Кузнецов',
      'Попов',
      'Васильев',
      'Петров',
      'Соколов',
      'Михайлов',
      'Новиков',
      'Фёдоров',
      'Морозов',
      'Волков',
      'Алексеев',
      'Лебедев',
      'Семёнов',
      'Егоров',
    ],
    cities: ['Казань', 'Набережные Челны'],
    streets: ['ул. Баумана', 'ул. Пушкина', 'пр. Победы', 'ул. Чернышевского', 'ул. Гагарина', 'ул. Мира'],
    phonePrefix: '+7 9',
    bakery: {
      name: 'Пекарня «Хлебный дом»',
      branches: ['Магазин на Баумана', 'Магазин в Челнах'],
      letterhead: {
        legalName: 'ООО «Хлебный дом»',
        address: '420111, г. Казань, ул. Баумана, д. 15',
        taxNumber: '1655123456',
        phone: '+7 843 123-45-67',
        website: 'https://hlebdom.example',
      },
    },
    staff: [
      { name: 'Ольга Сафина', role: 'admin', branch: null },
      { name: 'Рустам Галиев', role: 'manager', branch: 1 },
      { name: 'Алина Юсупова', role: 'employee', branch: 0 },
      { name: 'Денис Орлов', role: 'employee', branch: 1 },
    ],
    businesses: [
      'Кафе «Чайхана»',
      'Столовая №5',
      'Гостиница «Волга»',
      'Кофейня «Зерно»',
      'Детский сад «Солнышко»',
      'Ресторан «Дом Татарской кухни»',
      'Магазин «Продукты 24»',
      'Бистро «Уют»',
    ],
    activeView: 'Активные клиенты',
    bestList: 'Лучшие клиенты для новой коллекции',
    history: {
      calls: ['Заказ на выходные', 'Цены нового прайс-листа', 'Опоздание доставки во вторник'],
      visits: ['Дегустация новых круассанов', 'Проверка витрины'],
      notes: [
        '<p>Доставку просят <strong>до 7 утра</strong>; чёрный ход открыт с 6.</p>',
        '<p>Просят хлеб без соли для одного гостя: <em>напоминать при каждом заказе</em>.</p>',
      ],
      meeting: 'Встреча о продлении договора',
      contract: 'Ежедневная поставка хлеба и выпечки',
      agreements: [
        { title: 'Бесплатная доставка по субботам', resource: null },
        { title: 'Торт ко дню рождения владельца по себестоимости', resource: null },
        { title: 'Наша продукция на витрине по пятницам', resource: 'Витрина, пятница' },
      ],
    },
    breads: ['ржаной хлеб', 'бородинский', 'батон', 'чиабатта', 'эчпочмаки', 'круассаны', 'хлеб без дрожжей', 'булочки с маком'],
    habits: ['заходит каждое утро', 'заказывает к выходным', 'любит хорошо пропечённый хлеб', 'платит картой лояльности'],
    events: ['у дочери выпускной в июне', 'недавно стала бабушкой', 'женился весной', '30 лет своему кафе'],
  },
  en: {
    firstNames: [
      'Emma',
      'James',
      'Olivia',
      'William',
      'Sophie',
      'Thomas',
      'Grace',
      'Daniel',
      'Lucy',
      'Harry',
      'Chloe',
      'George',
      'Amelia',
      'Jack',
      'Ella',
      'Oliver',
    ],
    lastNames: [
      'Smith',
      'Jones',
      'Taylor',
      'Brown',
      'Williams',
      'Wilson',
      'Johnson',
      'Davies',
      'Evans',
      'Thomas',
      'Roberts',
      'Walker',
      'Wright',
      'Green',
      'Hall',
      'Wood',
    ],
    cities: ['York', 'Leeds'],
    streets: ['High Street', 'Church Lane', 'Station Road', 'Mill Road', 'Park Avenue', 'Victoria Road'],
    phonePrefix: '+44 7',
    bakery: {
      name: "Baker's Dozen",
      branches: ['York shop', 'Leeds shop'],
      letterhead: {
        legalName: "Baker's Dozen Ltd",
        address: '14 Stonegate, York YO1 8AS',
        taxNumber: 'GB 123 4567 89',
        phone: '+44 1904 123456',
        website: 'https://bakersdozen.example',
      },
    },
    staff: [
      { name: 'Helen Baker', role: 'admin', branch: null },
      { name: 'Mark Turner', role: 'manager', branch: 1 },
      { name: 'Amy Clarke', role: 'employee', branch: 0 },
      { name: 'Ryan Hughes', role: 'employee', branch: 1 },
    ],
    businesses: [
      'The Crown Inn',
      'Station Café',
      'Minster Hotel',
      'Riverside Deli',
      'St Mary’s School',
      'The Tea Rooms',
      'Corner Shop',
      'Oak Tree Bistro',
    ],
    activeView: 'Active customers',
    bestList: 'Best customers for the new collection',
    history: {
      calls: ['Weekend order', 'Prices of the new list', "Tuesday's late delivery"],
      visits: ['Tasting of the new croissants', 'Shop window check'],
      notes: [
        '<p>They want delivery <strong>before 7 am</strong>; the back door opens at 6.</p>',
        '<p>They ask for salt-free bread for one guest: <em>remind them at every order</em>.</p>',
      ],
      meeting: 'Meeting about renewing the contract',
      contract: 'Daily supply of bread and pastries',
      agreements: [
        { title: 'Free delivery on Saturdays', resource: null },
        { title: 'Birthday cake at cost for the owner', resource: null },
        { title: 'Our products in the shop window on Fridays', resource: 'Shop window, Fridays' },
      ],
    },
    breads: ['sourdough', 'wholemeal loaf', 'rye bread', 'bagels', 'croissants', 'scones', 'gluten-free loaf', 'hot cross buns'],
    habits: ['comes in every morning at 7', 'orders for the weekend', 'likes a well-baked crust', 'pays with the loyalty card'],
    events: ['daughter graduated in June', 'became a grandmother recently', 'got married in spring', 'their café turns 30 this year'],
  },
};
