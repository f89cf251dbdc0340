// `npm run demo [-- --locale=ru|it|en] [--customers=500]`: adds a demo bakery workspace to the
// installation (embedded PostgreSQL in CLIENTELA_DATA_DIR, or DATABASE_URL) and prints how to
// sign in. Run it while the server is stopped when the database is the embedded one.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ZLocale } from '@clientela/contract';
import { readConfig } from './config.ts';
import { createDatabase } from './db/client.ts';
import { type EmbeddedCluster, startEmbeddedPostgres } from './db/embedded.ts';
import { runMigrations } from './db/migrate.ts';
import { loadDemoWorkspace } from './modules/demo/index.ts';

const { values } = parseArgs({
  options: {
    locale: { type: 'string', default: process.env.CLIENTELA_DEMO_LOCALE ?? 'en' },
    customers: { type: 'string', default: '500' },
  },
});
const locale = ZLocale.safeParse(values.locale);
const customers = Number(values.customers);
if (!locale.success || !Number.isInteger(customers) || customers < 0 || customers > 100_000) {
  console.error('Usage: npm run demo -- --locale=en|ru|it [--customers=500]');
  process.exit(2);
}

const config = readConfig();
let cluster: EmbeddedCluster | undefined;
try {
  let url = config.databaseUrl;
  if (!url) {
    cluster = await startEmbeddedPostgres(config.dataDir, { info: () => {}, warn: (message) => console.warn(message) });
    url = cluster.connectionString('clientela');
  }
  await runMigrations(url);
  const { db, pool } = createDatabase(url, 4);
  const password = `demo-${randomBytes(6).toString('base64url')}`;
  const started = performance.now();
  const result = await loadDemoWorkspace(db, { locale: locale.data, customers, password });
  await pool.end();
  console.log(`\nDemo workspace "${result.workspaceName}" is ready (${((performance.now() - started) / 1000).toFixed(1)} s).`);
  console.log(`Start the server with \`npm start\`, open http://${config.host}:${config.port} and sign in as one of:\n`);
  for (const login of result.logins) console.log(`  ${login.role.padEnd(9)} ${login.email.padEnd(42)} ${login.name}`);
  console.log(`\nPassword for all of them: ${password}`);
  console.log(`If another workspace uses the same e-mails, add workspace "${result.slug}" on the sign-in page.\n`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cluster?.stop();
}
