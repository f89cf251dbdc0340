import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as tar from 'tar';
import { migrationsFolder } from '../db/migrate.ts';
import { FORMAT_VERSION, type Manifest, ZManifest } from './manifest.ts';
import { copyInSql, dumpTable, ident, listTables, useStableOutput } from './tables.ts';

/** Raised when a restore is refused before anything was changed: the message says why. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

export type RestoreOptions = {
  /** The backup archive. */
  file: string;
  /** An empty database. */
  url: string;
  /** Where the attachments go: missing or empty. */
  filesDir: string;
};

/** What a restore loaded and checked, table by table. */
export type RestoreReport = {
  manifest: Manifest;
  tables: { name: string; rows: number; sha256: string }[];
  files: number;
  bytes: number;
};

/**
 * Restores a backup into an empty database and an empty attachments folder. First everything that
 * can refuse does so while nothing is changed: the target must be empty; the archive is unpacked
 * beside itself and every table and file checked against the manifest's SHA-256; the backup's
 * migrations must be known to this version (a newer Clientela's backup is refused). Then the schema
 * is built with the backup's migrations (the next start applies newer ones), the tables are loaded
 * in one transaction with their triggers off (roll-ups and notices were made already), the
 * sequences set, every table's rows counted and hashed again, and the files copied and checked.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const archive = path.resolve(options.file);
  if (!fs.existsSync(archive)) throw new RestoreRefused(`No such backup file: ${archive}`);
  const staging = await mkdtemp(path.join(path.dirname(archive), '.clientela-restore-'));
  const client = new pg.Client({ connectionString: options.url });
  try {
    await client.connect();
    await refuseNonEmptyTarget(client, options.filesDir);
    const manifest = await unpackAndCheck(archive, staging);
    const migrations = await migrationsUpTo(manifest, path.join(staging, 'migrations'));

    await migrate(drizzle(client), { migrationsFolder: migrations });
    await useStableOutput(client);
    const tables = await loadTables(client, manifest, staging);
    const { files, bytes } = await copyFiles(manifest, staging, options.filesDir);
    return { manifest, tables, files, bytes };
  } finally {
    await client.end().catch(() => {});
    await rm(staging, { recursive: true, force: true });
  }
}

async function unpackAndCheck(archive: string, staging: string): Promise<Manifest> {
  try {
    // Plain files and folders only: a link in a forged archive could point outside the staging folder.
    await tar.extract({
      file: archive,
      cwd: staging,
      strict: true,
      filter: (_path, entry) => !('type' in entry) || entry.type === 'File' || entry.type === 'Directory',
    });
  } catch (error) {
    throw new RestoreRefused(`${archive} is not a readable backup archive (${error instanceof Error ? error.message : String(error)})`);
  }
  let manifest: Manifest;
  try {
    const raw = JSON.parse(await readFile(path.join(staging, 'manifest.json'), 'utf8')) as { formatVersion?: unknown };
    if (typeof raw.formatVersion === 'number' && raw.formatVersion > FORMAT_VERSION) {
      throw new RestoreRefused(`This backup has format ${raw.formatVersion}, made by a newer Clientela: upgrade Clientela first`);
    }
    manifest = ZManifest.parse(raw);
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused(`${archive} has no valid manifest.json: it is not a Clientela backup`);
  }
  for (const table of manifest.tables) {
    const digest = await hashFile(path.join(staging, table.file));
    if (!digest || digest.sha256 !== table.sha256 || digest.lines !== table.rows) {
      throw new RestoreRefused(`The backup is damaged: ${table.file} does not match its checksum in the manifest`);
    }
  }
  for (const file of manifest.files) {
    const digest = await hashFile(path.join(staging, 'files', file.path));
    if (!digest || digest.sha256 !== file.sha256 || digest.size !== file.size) {
      throw new RestoreRefused(`The backup is damaged: the attachment ${file.path} does not match its checksum in the manifest`);
    }
  }
  return manifest;
}

/**
 * A migrations folder holding this version's migrations up to the backup's last one. The backup's
 * list must be the start of this version's list: otherwise a newer Clientela made it.
 */
async function migrationsUpTo(manifest: Manifest, folder: string): Promise<string> {
  const source = migrationsFolder();
  const journal = JSON.parse(await readFile(path.join(source, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const newer = `This backup was made by a newer Clientela (${manifest.clientelaVersion}, ${manifest.migrations.length} schema migrations; this one knows ${journal.entries.length}): restore it with that version or a later one`;
  if (manifest.migrations.length > journal.entries.length) throw new RestoreRefused(newer);
  await mkdir(path.join(folder, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, manifest.migrations.length);
  for (const [i, entry] of entries.entries()) {
    const sql = await readFile(path.join(source, `${entry.tag}.sql`));
    const recorded = manifest.migrations[i];
    if (recorded?.createdAt !== entry.when || recorded.hash !== createHash('sha256').update(sql.toString()).digest('hex')) {
      throw new RestoreRefused(newer);
    }
    await writeFile(path.join(folder, `${entry.tag}.sql`), sql);
  }
  await writeFile(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

async function refuseNonEmptyTarget(client: pg.Client, filesDir: string): Promise<void> {
  const found = await client.query<{ name: string }>(`
    SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
    LIMIT 3`);
  if (found.rows.length > 0) {
    throw new RestoreRefused(
      `The target database is not empty (it has ${found.rows.map((r) => r.name).join(', ')}…): restore into a new, empty database`,
    );
  }
  if (fs.existsSync(filesDir) && (await readdir(filesDir)).length > 0) {
    throw new RestoreRefused(`The attachments folder ${filesDir} is not empty: restore into a new, empty data directory`);
  }
}

async function loadTables(client: pg.Client, manifest: Manifest, staging: string): Promise<RestoreReport['tables']> {
  const wanted = new Map(manifest.tables.map((t) => [t.name, t]));
  const target = await listTables(client);
  const missing = manifest.tables.filter((t) => !target.some((o) => o.name === t.name)).map((t) => t.name);
  if (missing.length > 0) throw new Error(`The restored schema lacks the backup's tables ${missing.join(', ')}`);
  await client.query('BEGIN');
  try {
    for (const table of target) {
      const dumped = wanted.get(table.name);
      if (!dumped) continue;
      // The roll-up, notice and guard triggers stay off: their effects are in the dump already.
      await client.query(`ALTER TABLE ${ident(table.name)} DISABLE TRIGGER USER`);
      await pipeline(fs.createReadStream(path.join(staging, dumped.file)), client.query(copyFrom(copyInSql(dumped))));
    }
    for (const sequence of manifest.sequences) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [ident(sequence.name), sequence.lastValue, sequence.isCalled]);
    }
    for (const table of target) {
      if (wanted.has(table.name)) await client.query(`ALTER TABLE ${ident(table.name)} ENABLE TRIGGER USER`);
    }
    const checked: RestoreReport['tables'] = [];
    for (const table of target) {
      const dumped = wanted.get(table.name);
      const digest = await dumpTable(client, table);
      const expected = dumped ?? { rows: 0, sha256: createHash('sha256').digest('hex') };
      if (digest.rows !== expected.rows || digest.sha256 !== expected.sha256) {
        throw new Error(
          `After loading, table ${table.name} has ${digest.rows} rows (checksum ${digest.sha256}), the backup ${expected.rows} (${expected.sha256})`,
        );
      }
      checked.push({ name: table.name, ...digest });
    }
    await client.query('COMMIT');
    return checked;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

async function copyFiles(manifest: Manifest, staging: string, filesDir: string): Promise<{ files: number; bytes: number }> {
  let bytes = 0;
  for (const file of manifest.files) {
    const target = path.join(filesDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(staging, 'files', file.path), target);
    const digest = await hashFile(target);
    if (digest?.sha256 !== file.sha256) throw new Error(`The copied attachment ${file.path} does not match its checksum`);
    bytes += file.size;
  }
  return { files: manifest.files.length, bytes };
}

async function hashFile(file: string): Promise<{ sha256: string; size: number; lines: number } | null> {
  if (!fs.existsSync(file)) return null;
  const hash = createHash('sha256');
  let size = 0;
  let lines = 0;
  await pipeline(fs.createReadStream(file), async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      hash.update(chunk);
      size += chunk.length;
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
    }
  });
  return { sha256: hash.digest('hex'), size, lines };
}
