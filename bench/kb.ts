// Knowledge-base search figure: "10k articles: KB search p50 ≤ 15 ms".
// Usage: npx tsx bench/kb.ts [articles=10000]
// Starts its own embedded PostgreSQL in a temporary folder. Written in bulk with SQL: one workspace,
// 20 categories, and `articles` articles, two in five Russian, three in ten Italian and three in ten
// English, each with a title of 4–8 words, an answer of 15–30 and a body of 120–300 in paragraphs,
// drawn from word lists of each language (nouns in several of their forms, verbs, adjectives and
// the small words between them), the frequent words far more often than the rare ones, as real
// texts are; an article's nouns are mostly its three topics (a topic word is in about a tenth of
// the articles of its language); seven in ten internal, nine in ten published. The base's vocabulary (kb_word) is
// filled as the server keeps it. Measures server time (app.inject: routing, checks, queries and
// serialisation, no socket), p50/p95 over 200 requests after 50 warm-ups, of GET
// /api/v1/kb-articles?q= with an inflected Russian word, an Italian word with a typo, and a
// two-word English query, as an employee.
// With BENCH_DATA_DIR=<folder> the data is kept there and reused by the next run (migrations added
// since are applied, and the base analysed again). With --explain, prints the plans of the search
// statements of each query (EXPLAIN ANALYZE, as the server runs them) instead of measuring.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { createSignedInCache, listenForAuthChanges } from '../apps/server/src/modules/auth/signed-in-cache.ts';
import { wordsOf } from '../apps/server/src/modules/kb/rich-text.ts';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index.ts';

const totalArticles = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 10_000);

type Lang = 'ru' | 'it' | 'en';

/** Words of each language: a group holds one word's forms (any of them may appear in a text). */
const WORDS: Record<Lang, { nouns: string[][]; verbs: string[][]; adjectives: string[][]; small: string[] }> = {
  ru: {
    nouns: [
      ['гипсокартон', 'гипсокартона', 'гипсокартоном', 'гипсокартону'],
      ['доставка', 'доставки', 'доставку', 'доставкой'],
      ['жалоба', 'жалобы', 'жалобу', 'жалобой', 'жалоб'],
      ['заказ', 'заказа', 'заказом', 'заказы', 'заказов'],
      ['клиент', 'клиента', 'клиенту', 'клиентом', 'клиенты'],
      ['возврат', 'возврата', 'возвратом', 'возвраты'],
      ['лист', 'листа', 'листы', 'листов'],
      ['трещина', 'трещины', 'трещину', 'трещин'],
      ['упаковка', 'упаковки', 'упаковку', 'упаковкой'],
      ['склад', 'склада', 'складе', 'складом'],
      ['счёт', 'счёта', 'счета', 'счетов'],
      ['оплата', 'оплаты', 'оплату', 'оплатой'],
      ['гарантия', 'гарантии', 'гарантию'],
      ['профиль', 'профиля', 'профили', 'профилей'],
      ['краска', 'краски', 'краску', 'краской'],
      ['шпаклёвка', 'шпаклёвки', 'шпаклёвку'],
      ['водитель', 'водителя', 'водителю'],
      ['срок', 'срока', 'сроки', 'сроков'],
      ['скидка', 'скидки', 'скидку'],
      ['менеджер', 'менеджера', 'менеджеру'],
      ['товар', 'товара', 'товаром', 'товары'],
      ['поставщик', 'поставщика', 'поставщику'],
      ['акт', 'акта', 'актом'],
      ['фотография', 'фотографии', 'фотографию'],
      ['претензия', 'претензии', 'претензию'],
      ['цемент', 'цемента', 'цементом'],
      ['плитка', 'плитки', 'плитку', 'плиткой'],
      ['клей', 'клея', 'клеем'],
      ['брак', 'брака', 'браком'],
      ['замена', 'замены', 'замену'],
    ],
    verbs: [
      ['проверить', 'проверьте', 'проверил', 'проверяем'],
      ['отправить', 'отправьте', 'отправили', 'отправляем'],
      ['принять', 'примите', 'приняли', 'принимаем'],
      ['вернуть', 'верните', 'вернули', 'возвращаем'],
      ['заменить', 'замените', 'заменили', 'заменяем'],
      ['оформить', 'оформите', 'оформили'],
      ['сообщить', 'сообщите', 'сообщили'],
      ['доставить', 'доставили', 'доставляем'],
      ['хранить', 'храните', 'хранили'],
      ['уточнить', 'уточните', 'уточнили'],
    ],
    adjectives: [
      ['повреждённый', 'повреждённая', 'повреждённые', 'повреждённого'],
      ['влагостойкий', 'влагостойкая', 'влагостойкие'],
      ['новый', 'новая', 'новые', 'нового'],
      ['срочный', 'срочная', 'срочные'],
      ['гарантийный', 'гарантийная', 'гарантийные'],
      ['складской', 'складская', 'складские'],
    ],
    small: ['и', 'в', 'на', 'с', 'по', 'для', 'не', 'что', 'если', 'после', 'при', 'до', 'от', 'как', 'или', 'это', 'его', 'её'],
  },
  it: {
    nouns: [
      ['cartongesso'],
      ['consegna', 'consegne'],
      ['reclamo', 'reclami'],
      ['ordine', 'ordini'],
      ['cliente', 'clienti'],
      ['reso', 'resi'],
      ['lastra', 'lastre'],
      ['crepa', 'crepe'],
      ['imballaggio', 'imballaggi'],
      ['magazzino', 'magazzini'],
      ['fattura', 'fatture'],
      ['pagamento', 'pagamenti'],
      ['garanzia', 'garanzie'],
      ['profilo', 'profili'],
      ['vernice', 'vernici'],
      ['stucco', 'stucchi'],
      ['autista', 'autisti'],
      ['scadenza', 'scadenze'],
      ['sconto', 'sconti'],
      ['fornitore', 'fornitori'],
      ['prodotto', 'prodotti'],
      ['verbale', 'verbali'],
      ['fotografia', 'fotografie'],
      ['piastrella', 'piastrelle'],
      ['colla', 'colle'],
      ['difetto', 'difetti'],
      ['sostituzione', 'sostituzioni'],
      ['cemento'],
      ['bancale', 'bancali'],
      ['preventivo', 'preventivi'],
    ],
    verbs: [
      ['controllare', 'controlla', 'controllato', 'controlliamo'],
      ['spedire', 'spedisci', 'spedito', 'spediamo'],
      ['accettare', 'accetta', 'accettato'],
      ['restituire', 'restituisci', 'restituito'],
      ['sostituire', 'sostituisci', 'sostituito'],
      ['registrare', 'registra', 'registrato'],
      ['comunicare', 'comunica', 'comunicato'],
      ['consegnare', 'consegnato', 'consegniamo'],
      ['conservare', 'conserva', 'conservato'],
      ['verificare', 'verifica', 'verificato'],
    ],
    adjectives: [
      ['danneggiato', 'danneggiata', 'danneggiati', 'danneggiate'],
      ['idrorepellente', 'idrorepellenti'],
      ['nuovo', 'nuova', 'nuovi', 'nuove'],
      ['urgente', 'urgenti'],
      ['difettoso', 'difettosa', 'difettosi'],
      ['completo', 'completa', 'completi'],
    ],
    small: ['e', 'il', 'la', 'di', 'del', 'della', 'per', 'con', 'non', 'che', 'se', 'dopo', 'al', 'alla', 'in', 'un', 'una', 'o'],
  },
  en: {
    nouns: [
      ['plasterboard', 'plasterboards'],
      ['delivery', 'deliveries'],
      ['complaint', 'complaints'],
      ['order', 'orders'],
      ['customer', 'customers'],
      ['refund', 'refunds'],
      ['sheet', 'sheets'],
      ['crack', 'cracks'],
      ['packaging'],
      ['warehouse', 'warehouses'],
      ['invoice', 'invoices'],
      ['payment', 'payments'],
      ['warranty', 'warranties'],
      ['profile', 'profiles'],
      ['paint', 'paints'],
      ['filler', 'fillers'],
      ['driver', 'drivers'],
      ['deadline', 'deadlines'],
      ['discount', 'discounts'],
      ['supplier', 'suppliers'],
      ['product', 'products'],
      ['report', 'reports'],
      ['photo', 'photos'],
      ['tile', 'tiles'],
      ['adhesive', 'adhesives'],
      ['defect', 'defects'],
      ['replacement', 'replacements'],
      ['cement'],
      ['pallet', 'pallets'],
      ['delay', 'delays'],
    ],
    verbs: [
      ['check', 'checks', 'checked', 'checking'],
      ['send', 'sends', 'sent', 'sending'],
      ['accept', 'accepts', 'accepted'],
      ['return', 'returns', 'returned', 'returning'],
      ['replace', 'replaces', 'replaced', 'replacing'],
      ['record', 'records', 'recorded'],
      ['tell', 'tells', 'told'],
      ['deliver', 'delivers', 'delivered', 'delivering'],
      ['store', 'stores', 'stored'],
      ['confirm', 'confirms', 'confirmed'],
    ],
    adjectives: [['damaged'], ['moisture-resistant'], ['new'], ['urgent'], ['faulty'], ['complete'], ['late']],
    small: ['and', 'the', 'a', 'of', 'to', 'for', 'with', 'not', 'that', 'if', 'after', 'at', 'in', 'on', 'or', 'is', 'it', 'be'],
  },
};

// A fixed seed: the same articles on every run.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
/** An element, the first ones far more often than the last (about Zipf's law). */
const skewed = <T>(list: readonly T[]): T => list[Math.floor(random() ** 2.5 * list.length)] as T;
const any = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** Nouns every article may use (order, customer, complaint…); the others belong to an article's topics. */
const GENERAL_NOUNS = 4;

/**
 * A sentence of `n` words: nouns, verbs and adjectives between the small words. Nouns are mostly
 * the article's own topics (three of the list), so that a topic word is found in about a tenth of
 * the articles of its language, as a real base's vocabulary spreads.
 */
function sentence(lang: Lang, n: number, topics: readonly string[][]): string {
  const w = WORDS[lang];
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const roll = random();
    const noun = () => any(random() < 0.7 ? skewed(topics) : any(w.nouns.slice(2, 2 + GENERAL_NOUNS)));
    words.push(roll < 0.35 ? noun() : roll < 0.5 ? any(skewed(w.verbs)) : roll < 0.62 ? any(skewed(w.adjectives)) : any(w.small));
  }
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
const paragraph = (lang: Lang, words: number, topics: readonly string[][]) => {
  const sentences: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, between(6, 14));
    sentences.push(`${sentence(lang, n, topics)}.`);
    left -= n;
  }
  return sentences.join(' ');
};

const explain = process.argv.includes('--explain');
const keptDir = process.env.BENCH_DATA_DIR;
const dataDir = keptDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-kb-'));
if (keptDir) fs.mkdirSync(keptDir, { recursive: true });
fs.chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const url = cluster.connectionString('clientela');
await runMigrations(url);
const { db, pool } = createDatabase(url, 16);
const signedInCache = createSignedInCache();
const authListener = listenForAuthChanges(pool, signedInCache);
await authListener.ready;
const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', authRateLimit: 1_000_000, signedInCache });

type Session = { cookie: string; csrf: string };

/** With --explain, the knowledge-base statements of the request being looked at (the server's own text and values). */
let captured: { text: string; values: unknown[] }[] | null = null;
const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
(pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
  const config = args[0] as string | { text: string; values?: unknown[] };
  const text = typeof config === 'string' ? config : config.text;
  if (captured && /\bkb_(article|word)\b|to_tsvector/.test(text)) {
    captured.push({ text, values: ((typeof config === 'string' ? undefined : config.values) ?? args[1]) as unknown[] });
  }
  return query(...args);
};
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0;

try {
  const password = 'bench password 123';
  const reused = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM kb_article')).rows[0]?.n ?? 0;
  const signIn = async (email: string): Promise<Session> => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
    return {
      cookie: `clientela_session=${login.cookies.find((c) => c.name === 'clientela_session')?.value}`,
      csrf: login.json<{ csrfToken: string }>().csrfToken,
    };
  };
  const request = (as: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { cookie: as.cookie, 'x-csrf-token': as.csrf }, ...(payload ? { payload } : {}) });
  const call = async (as: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await request(as, method, url, payload);
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    return response.json();
  };
  const started = performance.now();
  if (reused > 0) {
    console.log(`reusing ${reused} articles in ${dataDir}`);
    // Statistics for indexes or columns a migration may have added since the data was written.
    await pool.query('VACUUM ANALYZE');
  } else await writeData();
  const employee = await signIn('employee@example.test');

  /** One workspace, its employee, the categories, the articles and their vocabulary. */
  async function writeData() {
    const { admin } = await createWorkspace(db, {
      workspaceName: 'KB bench',
      name: 'Bench Admin',
      email: 'kb-bench@example.test',
      password,
      locale: 'en',
      timeZone: 'Europe/Rome',
    });
    const owner = await signIn(admin.email);
    await call(owner, 'POST', '/api/v1/users', { email: 'employee@example.test', name: 'Elio Bench', password, role: 'employee' });
    const ws = admin.workspaceId;
    await pool.query(
      `INSERT INTO kb_category (workspace_id, name, position) SELECT $1, 'Category ' || i, i FROM generate_series(1, 20) i`,
      [ws],
    );
    const categoryIds = (
      await pool.query<{ id: string }>('SELECT id FROM kb_category WHERE workspace_id = $1 ORDER BY position', [ws])
    ).rows.map((r) => r.id);

    // Articles, 500 a statement; the vocabulary counted as the server counts it.
    const vocabulary: Record<Lang, Map<string, number>> = { ru: new Map(), it: new Map(), en: new Map() };
    const chunk = 500;
    for (let from = 0; from < totalArticles; from += chunk) {
      const rows = { title: [] as string[], body: [] as string[], answer: [] as string[], plain: [] as string[], language: [] as string[] };
      const extra = { audience: [] as string[], status: [] as string[], category: [] as string[] };
      for (let i = from; i < Math.min(from + chunk, totalArticles); i++) {
        const lang: Lang = i % 10 < 4 ? 'ru' : i % 10 < 7 ? 'it' : 'en';
        const nouns = WORDS[lang].nouns;
        const topics = [any(nouns), any(nouns), any(nouns)];
        const title = sentence(lang, between(4, 8), topics);
        const answer = paragraph(lang, between(15, 30), topics);
        const paragraphs = Array.from({ length: between(3, 6) }, () => paragraph(lang, between(40, 50), topics));
        const plain = paragraphs.join('\n');
        rows.title.push(title);
        rows.answer.push(answer);
        rows.body.push(paragraphs.map((p) => `<p>${p}</p>`).join(''));
        rows.plain.push(plain);
        rows.language.push(lang);
        extra.audience.push(i % 10 < 7 ? 'internal' : 'public');
        extra.status.push(i % 10 === 9 ? 'draft' : 'published');
        extra.category.push(categoryIds[i % categoryIds.length] as string);
        for (const word of wordsOf(title, answer, plain)) vocabulary[lang].set(word, (vocabulary[lang].get(word) ?? 0) + 1);
      }
      await pool.query(
        `INSERT INTO kb_article (workspace_id, category_id, title, body, answer, plain_text, language, audience, status, author_id, updated_by_id,
         updated_at)
       SELECT $1, c, t, b, a, p, l, au, s, $2, $2, now() - random() * interval '700 days'
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::uuid[]) AS x(t, b, a, p, l, au, s, c)`,
        [ws, admin.id, rows.title, rows.body, rows.answer, rows.plain, rows.language, extra.audience, extra.status, extra.category],
      );
      process.stdout.write(`\r${Math.min(from + chunk, totalArticles)} articles written`);
    }
    process.stdout.write('\n');
    for (const lang of ['ru', 'it', 'en'] as const) {
      const entries = [...vocabulary[lang]];
      await pool.query(
        `INSERT INTO kb_word (workspace_id, language, word, articles) SELECT $1, $2, w, n FROM unnest($3::text[], $4::int[]) AS x(w, n)`,
        [ws, lang, entries.map(([w]) => w), entries.map(([, n]) => n)],
      );
    }
    await pool.query('VACUUM ANALYZE');
  }
  const [shape] = (
    await pool.query(
      `SELECT count(*)::int AS articles, avg(length(plain_text))::int AS chars, (SELECT count(*) FROM kb_word)::int AS words,
         pg_size_pretty(pg_total_relation_size('kb_article')) AS size FROM kb_article`,
    )
  ).rows;
  console.log(
    `machine: ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `data: ${shape.articles} articles (ru 40 %, it 30 %, en 30 %; ${shape.chars} characters of text on average), ${shape.words} words in the vocabulary, table and indexes ${shape.size}; written in ${Math.round((performance.now() - started) / 1000)} s`,
  );

  const queries: [string, string][] = [
    ['a Russian word, inflected (гипсокартоне)', 'гипсокартоне'],
    ['an Italian word with a typo (cartongeso)', 'cartongeso'],
    ['two English words (damaged delivery)', 'damaged delivery'],
  ];
  // As the pages ask: the knowledge-base page shows 30 results a page, a case's reply drawer 10
  // published ones; and the API's default page of 50.
  const pages: [string, string][] = [
    ['', ''],
    ['the KB page (30), ', '&limit=30'],
    ["a case reply's drawer (10 published), ", '&limit=10&filter%5Bstatus%5D=published'],
  ];
  const results: { label: string; p50: number; p95: number }[] = [];
  for (const [label, q] of pages.flatMap(([pageLabel, params]) =>
    queries.map(([queryLabel, text]): [string, string] => [`${pageLabel}${queryLabel}`, `${encodeURIComponent(text)}${params}`]),
  )) {
    const url = `/api/v1/kb-articles?q=${q}`;
    const statements: { text: string; values: unknown[] }[] = [];
    captured = explain ? statements : null;
    const first = await call(employee, 'GET', url);
    captured = null;
    console.log(
      `${label}: ${first.data.length} shown of ${first.total}${first.correctedQuery ? `, corrected to "${first.correctedQuery}"` : ''}; first: ${first.data[0]?.title ?? '—'}`,
    );
    for (const statement of statements) {
      const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
      console.log(plan.rows.map((row) => `    ${row['QUERY PLAN']}`).join('\n'));
    }
    if (explain) continue;
    for (let i = 0; i < 50; i++) await call(employee, 'GET', url);
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await call(employee, 'GET', url);
      samples.push(performance.now() - t0);
    }
    results.push({ label: `GET kb-articles?q=, ${label}`, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) });
  }
  console.log('');
  for (const r of results)
    console.log(
      `${r.label.padEnd(64)} p50 ${r.p50.toFixed(2).padStart(7)} ms   p95 ${r.p95.toFixed(2).padStart(7)} ms   (goal p50 ≤ 15 ms)`,
    );
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await app.close();
  await authListener.stop();
  await pool.end();
  await cluster.stop();
  if (!keptDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
