import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import * as tar from 'tar';
import { clientelaVersion, FORMAT, FORMAT_VERSION, type Manifest, type ManifestFile } from './manifest.ts';
import { dumpTable, listSequences, listTables, useStableOutput } from './tables.ts';

export type BackupOptions = {
  /** The database to dump. */
  url: string;
  /** The attachments folder (`<data dir>/attachments`). */
  filesDir: string;
  /** The `.tar.gz` to write; it appears only once complete. */
  output: string;
  /** Called once the snapshot is taken, with its exported id (a test reads the same snapshot with it). */
  onSnapshot?: (snapshotId: string) => Promise<void>;
};

// An upload commits its row a moment before it renames its file into place: a file not there yet
// is looked for again for this long before it counts as deleted after the snapshot.
const FILE_WAIT_MS = 5000;

/**
 * Writes one archive holding a consistent copy of the database and the attachments, while the
 * server keeps running: every table is read in one REPEATABLE READ READ ONLY transaction (one
 * snapshot), and the files are those of the attachment rows in that snapshot. Files are never
 * changed in place (an upload writes a new file and renames it into place; a deletion removes the
 * row, then the file), so a copy made after the snapshot has the bytes the row describes — checked
 * against the row's size and SHA-256. The tables are staged beside the output, then packed.
 */
export async function createBackup(options: BackupOptions): Promise<Manifest> {
  const output = path.resolve(options.output);
  await mkdir(path.dirname(output), { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(output), '.clientela-backup-'));
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    await useStableOutput(client);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // The first query fixes the snapshot every later one sees.
    const migrations = await client.query<{ hash: string; created_at: string }>(
      'SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at, id',
    );
    if (options.onSnapshot) {
      const exported = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
      await options.onSnapshot(exported.rows[0]?.id ?? '');
    }
    const attachmentRows = await client.query<{ workspace_id: string; id: string; size: string; sha256: string }>(
      'SELECT workspace_id, id, size, sha256 FROM attachment ORDER BY workspace_id, id',
    );
    // Files first, right after the snapshot: the shorter the wait, the fewer deleted meanwhile.
    const files: ManifestFile[] = [];
    const missingFiles: string[] = [];
    for (const row of attachmentRows.rows) {
      const name = `${row.workspace_id}/${row.id}`;
      const copied = await copyAttachment(path.join(options.filesDir, row.workspace_id, row.id), path.join(staging, 'files', name));
      if (!copied) {
        missingFiles.push(name);
        continue;
      }
      if (copied.size !== Number(row.size) || copied.sha256 !== row.sha256) {
        throw new Error(
          `The attachment file ${name} does not match its record (size or SHA-256 differ): the attachments folder is damaged`,
        );
      }
      files.push({ path: name, ...copied });
    }
    const tables = [];
    await mkdir(path.join(staging, 'tables'));
    await mkdir(path.join(staging, 'files'), { recursive: true });
    for (const table of await listTables(client)) {
      const file = `tables/${table.name}.copy`;
      const digest = await dumpTable(client, table, fs.createWriteStream(path.join(staging, file)));
      tables.push({ name: table.name, columns: table.columns, file, ...digest });
    }
    const sequences = await listSequences(client);
    const server = await client.query<{ server_version: string }>('SHOW server_version');
    await client.query('COMMIT');

    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      clientelaVersion: clientelaVersion(),
      postgresVersion: server.rows[0]?.server_version ?? 'unknown',
      migrations: migrations.rows.map((m) => ({ hash: m.hash, createdAt: Number(m.created_at) })),
      tables,
      sequences,
      files,
      missingFiles,
    };
    await writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    const partial = `${output}.partial`;
    await tar.create({ file: partial, cwd: staging, gzip: true, portable: true }, ['manifest.json', 'tables', 'files']);
    await rename(partial, output);
    return manifest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    await rm(`${output}.partial`, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
    await rm(staging, { recursive: true, force: true });
  }
}

/** Copies one stored file while hashing it; null when it is gone (deleted after the snapshot). */
async function copyAttachment(source: string, target: string): Promise<{ size: number; sha256: string } | null> {
  const deadline = Date.now() + FILE_WAIT_MS;
  while (!(await exists(source))) {
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await mkdir(path.dirname(target), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(fs.createReadStream(source), tap, fs.createWriteStream(target));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return { size, sha256: hash.digest('hex') };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
