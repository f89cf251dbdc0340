// Throughput of GET /api/v1/me with autocannon against the real server on embedded PostgreSQL.
// Usage: node bench/me-throughput.mjs [seconds] [connections]
import fs from 'node:fs';
import autocannon from 'autocannon';
import { freePort, signIn, startServer, tempDataDir } from './lib.mjs';

const duration = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 32);
const dataDir = tempDataDir('me');
const port = await freePort();
const server = await startServer({ dataDir, port });
try {
  const { cookie, csrfToken } = await signIn(port);
  const token = await fetch(`http://127.0.0.1:${port}/api/v1/api-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench' }),
  }).then((r) => r.json());

  for (const [label, headers] of [
    ['session cookie', { cookie }],
    ['API token', { authorization: `Bearer ${token.secret}` }],
  ]) {
    // A short warm-up so that the JIT and the pool are ready.
    await autocannon({ url: `http://127.0.0.1:${port}/api/v1/me`, headers, connections, duration: 2 });
    const result = await autocannon({ url: `http://127.0.0.1:${port}/api/v1/me`, headers, connections, duration });
    const non2xx = result.non2xx + result.errors;
    console.log(
      `GET /api/v1/me (${label}), ${connections} connections, ${duration} s: ` +
        `${Math.round(result.requests.average)} req/s average, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `${non2xx} non-2xx/errors`,
    );
  }
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
