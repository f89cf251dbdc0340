// "No request is stalled more than 50 ms by a running report": a steady light load on the real
// server, measured without reports and with reports running in loops beside it.
// Usage: [BENCH_DATA_DIR=<folder>] npx tsx bench/report-stall.ts [seconds=20] [clients=4]
// The data set of bench/lib/big-data.ts (1M deals, 100k customers, 1M activities; kept in
// BENCH_DATA_DIR for the next run, shared with bench/abc.ts). Then the server is started as
// `npm start` does (its own process, embedded PostgreSQL, a pool of 16, jobs running). The light
// load: `clients` signed-in clients, each asking in turn for GET /api/v1/me and a deal
// (GET /api/v1/deals/:id), 10 ms apart. Three windows of `seconds` each: no reports, then four
// report loops at once (the admin's ABC×XYZ over 12 months, sales by month over 12 months,
// customers not contacted in 90 days, the KPI board of the month; each asked again as soon as it
// answers), then no reports again. Prints the light requests' p50/p95/p99/max per window, what the
// reports added, and the reports' own times.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_EMAIL, BENCH_PASSWORD, prepareBigData } from './lib/big-data.ts';

const [seconds = 20, clients = 4] = process.argv
  .slice(2)
  .filter((arg) => /^\d+$/.test(arg))
  .map(Number);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kept = process.env.BENCH_DATA_DIR;
const dataDir = kept ? path.resolve(kept) : fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-stall-'));
fs.mkdirSync(dataDir, { recursive: true });
fs.chmodSync(dataDir, 0o755);
const prepared = await prepareBigData(dataDir, { deals: 1_000_000, customers: 100_000, activities: 1_000_000 });
if (prepared.seconds) console.log(`data written in ${prepared.seconds} s`);

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const port = 20_000 + Math.floor(Math.random() * 20_000);
const base = `http://127.0.0.1:${port}`;

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), CLIENTELA_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error('the server exited before it was healthy');
    const healthy = await fetch(`${base}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (healthy) return child;
    await sleep(20);
  }
}

const server = await startServer();
try {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: BENCH_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const get = async (url: string) => {
    const response = await fetch(`${base}${url}`, { headers: { cookie } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${body.slice(0, 200)}`);
    return body;
  };
  const dealId = JSON.parse(await get('/api/v1/deals?limit=1')).data[0].id as string;
  const today = new Date();
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
  const reports = {
    abc: '/api/v1/reports/abc',
    'sales by month': `/api/v1/reports/sales?groupBy=month&from=${from}&to=${to}`,
    'not contacted 90 days': '/api/v1/reports/not-contacted?days=90',
    'KPI board, month': '/api/v1/dashboards/kpi?period=month',
  };
  // Warm up: the JIT, the pool, each report once.
  for (let i = 0; i < 50; i++) await Promise.all([get('/api/v1/me'), get(`/api/v1/deals/${dealId}`)]);
  for (const url of Object.values(reports)) await get(url);

  const lightLoad = async (ms: number) => {
    const samples: number[] = [];
    const until = performance.now() + ms;
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let i = client; performance.now() < until; i++) {
          const t0 = performance.now();
          await get(i % 2 === 0 ? '/api/v1/me' : `/api/v1/deals/${dealId}`);
          samples.push(performance.now() - t0);
          await sleep(10);
        }
      }),
    );
    return samples;
  };
  const reportLoops = (ms: number) => {
    const until = performance.now() + ms;
    return Promise.all(
      Object.entries(reports).map(async ([label, url]) => {
        const samples: number[] = [];
        while (performance.now() < until) {
          const t0 = performance.now();
          await get(url);
          samples.push(performance.now() - t0);
        }
        return { label, samples };
      }),
    );
  };

  const windows: { label: string; samples: number[] }[] = [];
  windows.push({ label: 'no reports', samples: await lightLoad(seconds * 1000) });
  const [during, ran] = await Promise.all([lightLoad(seconds * 1000), reportLoops(seconds * 1000)]);
  windows.push({ label: 'four report loops running', samples: during });
  windows.push({ label: 'no reports again', samples: await lightLoad(seconds * 1000) });

  console.log(
    `machine: ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const row = (label: string, s: number[]) =>
    `${label.padEnd(30)}${String(s.length).padStart(7)}${[0.5, 0.95, 0.99].map((p) => percentile(s, p).toFixed(1).padStart(9)).join('')}${Math.max(
      ...s,
    )
      .toFixed(1)
      .padStart(9)}`;
  console.log(
    `\nlight load, ${clients} clients${''.padEnd(14)}${'n'.padStart(7)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}  ms`,
  );
  for (const w of windows) console.log(row(w.label, w.samples));
  const quiet = [...(windows[0]?.samples ?? []), ...(windows[2]?.samples ?? [])];
  const busy = windows[1]?.samples ?? [];
  console.log(
    `added by the reports: p50 +${(percentile(busy, 0.5) - percentile(quiet, 0.5)).toFixed(1)} ms, ` +
      `p95 +${(percentile(busy, 0.95) - percentile(quiet, 0.95)).toFixed(1)} ms, p99 +${(percentile(busy, 0.99) - percentile(quiet, 0.99)).toFixed(1)} ms`,
  );
  console.log(
    `\nreports, each in its own loop${''.padEnd(1)}${'n'.padStart(7)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}  ms`,
  );
  for (const r of ran) console.log(row(r.label, r.samples));
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('exit', resolve));
  if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
}
