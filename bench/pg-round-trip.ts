// One query's round trip to the embedded PostgreSQL: through its Unix socket (how the server
// connects) and through loopback TCP (how it connected before), on the same cluster.
// Usage: npx tsx bench/pg-round-trip.ts [queries=5000] [rounds=5]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';

const queries = Number(process.argv[2] ?? 5_000);
const rounds = Number(process.argv[3] ?? 5);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-rtt-'));
fs.chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const socketUrl = new URL(cluster.connectionString('clientela'));
const tcpUrl = new URL(socketUrl);
tcpUrl.hostname = '127.0.0.1';
tcpUrl.search = '';
if (!socketUrl.searchParams.get('host')) console.log('the data folder path is too long for a socket: both runs use TCP');

/** Microseconds per `SELECT $1` after a warm-up, one query at a time. */
async function perQuery(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (let i = 0; i < 500; i++) await client.query('SELECT $1::int', [i]);
  const started = performance.now();
  for (let i = 0; i < queries; i++) await client.query('SELECT $1::int', [i]);
  const micros = ((performance.now() - started) / queries) * 1000;
  await client.end();
  return micros;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const socket: number[] = [];
const tcp: number[] = [];
// Alternating runs, so that whatever else the machine does falls on both alike.
for (let round = 0; round < rounds; round++) {
  socket.push(await perQuery(socketUrl.toString()));
  tcp.push(await perQuery(tcpUrl.toString()));
}
console.log(`Unix socket   median ${median(socket).toFixed(0)} µs per query  (runs: ${socket.map((v) => v.toFixed(0)).join(', ')})`);
console.log(`loopback TCP  median ${median(tcp).toFixed(0)} µs per query  (runs: ${tcp.map((v) => v.toFixed(0)).join(', ')})`);
await cluster.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
