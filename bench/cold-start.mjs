// Cold start of `npm start` on an existing data directory until /api/health answers 200.
// Usage: node bench/cold-start.mjs [runs]   (builds first if sources changed; not timed)
import fs from 'node:fs';
import { freePort, median, startServer, tempDataDir } from './lib.mjs';

const runs = Number(process.argv[2] ?? 5);
const dataDir = tempDataDir('cold-start');
try {
  // First start initialises the cluster and builds what is stale: not what we measure.
  const first = await startServer({ dataDir, port: await freePort() });
  console.log(`first start on an empty data directory (initdb + migrations): ${first.readyMs.toFixed(0)} ms`);
  await first.stop();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const server = await startServer({ dataDir, port: await freePort() });
    times.push(server.readyMs);
    await server.stop();
  }
  console.log(`cold start on an existing data directory, ${runs} runs (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`median ${median(times).toFixed(0)} ms, best ${Math.min(...times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms`);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
