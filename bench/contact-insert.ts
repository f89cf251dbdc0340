// What writing contacts costs PostgreSQL itself, apart from any import code: 100k contacts shaped
// like bench/import.mjs's file (names in three alphabets, a phone, an e-mail, a city, a note) are
// inserted in statements of 2,000 rows, as an import chunk writes them,
//  1. into the `contact` table as the migrations leave it (its indexes and triggers);
//  2. into a copy of its columns without any index;
//  3. into that copy with one of the table's indexes at a time, which gives each index's share.
// The first line is the ceiling of any import of contacts into this schema on this machine.
// Usage: npx tsx bench/contact-insert.ts [rows=100000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index.ts';

const rows = Number(process.argv[2] ?? 100_000);
const CHUNK = 2_000;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-contact-insert-'));
fs.chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const url = cluster.connectionString('clientela');
await runMigrations(url);
const { db, pool } = createDatabase(url, 2);
const { workspace } = await createWorkspace(db, {
  workspaceName: 'Insert bench',
  name: 'Bench Admin',
  email: 'bench@example.test',
  password: 'bench password 123',
  locale: 'en',
  timeZone: 'UTC',
});

/** Rows per second for `rows` contacts written into `table`, one statement of CHUNK rows at a time. */
async function insertRate(table: string, offset: number): Promise<number> {
  const started = performance.now();
  for (let from = offset; from < offset + rows; from += CHUNK) {
    await pool.query(
      `INSERT INTO ${table} (workspace_id, first_name, last_name, city, status, phones, emails, phone_digits, emails_normalised, notes)
       SELECT $1, (ARRAY['Anna','Marco','Иван','Мария','John','Emma'])[1 + i % 6],
              (ARRAY['Rossi','Иванов','Smith','Bianchi'])[1 + i % 4] || ' k' || i,
              (ARRAY['Milano','Москва','London','Roma'])[1 + i % 4], 'active',
              jsonb_build_array(jsonb_build_object('label', 'work', 'value', '+7' || (9000000000 + i * 13))),
              jsonb_build_array(jsonb_build_object('label', 'work', 'value', 'k.person' || i || '@example.com')),
              '7' || (9000000000 + i * 13), 'k.person' || i || '@example.com', 'Likes rye bread, order ' || i
       FROM generate_series($2::int, $3::int) AS i`,
      [workspace.id, from, Math.min(from + CHUNK, offset + rows) - 1],
    );
  }
  return rows / ((performance.now() - started) / 1000);
}

const format = (rate: number) => `${Math.round(rate).toLocaleString('en')} rows/s`;
const indexes = (
  await pool.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'contact' ORDER BY indexname`,
  )
).rows;
const emptyCopy = `DROP TABLE IF EXISTS contact_copy;
  CREATE UNLOGGED TABLE contact_copy (LIKE contact INCLUDING DEFAULTS INCLUDING GENERATED);
  ALTER TABLE contact_copy SET LOGGED`;

console.log(`${rows} contacts in statements of ${CHUNK}`);
console.log(`the contact table (${indexes.length} indexes, its triggers): ${format(await insertRate('contact', 0))}`);
await pool.query(emptyCopy);
await insertRate('contact_copy', 0); // warms the functions and caches the copies use, not counted
await pool.query(emptyCopy);
const bare = await insertRate('contact_copy', 0);
console.log(`a copy of its columns, no index: ${format(bare)}`);
const shares: { name: string; rate: number }[] = [];
for (const index of indexes) {
  await pool.query(emptyCopy);
  await pool.query(index.definition.replace(/ ON public\.contact /, ' ON contact_copy ').replace(/INDEX (\S+)/, 'INDEX copy_$1'));
  shares.push({ name: index.name, rate: await insertRate('contact_copy', 0) });
}
console.log('\nthe copy with one index, most costly first (microseconds per row added to the copy without index):');
for (const { name, rate } of shares.sort((a, b) => a.rate - b.rate)) {
  console.log(`${name.padEnd(36)} ${format(rate).padStart(14)}   +${(1e6 / rate - 1e6 / bare).toFixed(1)} µs`);
}

await pool.end();
await cluster.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
