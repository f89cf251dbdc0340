// Export figures: 100k companies to XLSX and CSV through the HTTP API, time to the last byte and
// the server's peak memory (the file is streamed, never built in memory).
// Usage: BENCH_DATA_DIR=<folder> npx tsx bench/export.ts — the folder of `bench/customers.ts 100000`
// (it holds the 100k companies); without it, that benchmark's data is generated first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';

const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir || !fs.existsSync(path.join(dataDir, 'pg'))) {
  console.error('Run `BENCH_DATA_DIR=<folder> npx tsx bench/customers.ts 100000` first, then this with the same folder.');
  process.exit(1);
}
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const url = cluster.connectionString('clientela');
await runMigrations(url);
const { db, pool } = createDatabase(url, 8);
const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', authRateLimit: 1_000_000 });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
try {
  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench-100000@example.test', password: 'bench password 123' }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const columns = 'name,status,class,city,region,phones,emails,owner,tags,createdAt';
  for (const format of ['xlsx', 'csv']) {
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/exports/companies?format=${format}&columns=${columns}`, {
      headers: { cookie },
    });
    if (response.status !== 200) throw new Error(`${format}: ${response.status} ${await response.text()}`);
    let bytes = 0;
    const out = fs.createWriteStream(path.join(os.tmpdir(), `clientela-export-bench.${format}`));
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      out.write(chunk);
    }
    out.end();
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `export of the 100k companies to ${format.toUpperCase()}: ${seconds.toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB, ` +
        `process memory +${Math.round((peak - baseline) / 1e6)} MB at peak (rss ${Math.round(peak / 1e6)} MB)`,
    );
  }
} finally {
  await app.close();
  await pool.end();
  await cluster.stop();
}
