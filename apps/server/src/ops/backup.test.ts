import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { storeAttachment } from '../modules/attachments/attachments.service.ts';
import { recordAudit } from '../modules/audit/record-audit.ts';
import { makeBakery, post, useTestApp } from '../test/harness.ts';
import { createBackup } from './backup.ts';
import type { Manifest } from './manifest.ts';
import { RestoreRefused, restoreBackup } from './restore.ts';
import { dumpTable, listTables, type TableDigest, useStableOutput } from './tables.ts';

const t = useTestApp();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-backup-test-'));
const sourceFiles = path.join(work, 'source-files');
const archive = path.join(work, 'backup.tar.gz');
const created: string[] = [];

/** A new, empty database on the test server. */
async function emptyDatabase(): Promise<string> {
  const name = `${inject('runPrefix')}_restore_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('adminUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  const url = new URL(inject('adminUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

/** Every table's row count and checksum, and some tables' rows as plain JSON, in one snapshot (or now). */
async function snapshotOf(url: string, snapshotId?: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await useStableOutput(client);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    if (snapshotId) await client.query(`SET TRANSACTION SNAPSHOT '${snapshotId}'`);
    const digests = new Map<string, TableDigest>();
    for (const table of await listTables(client)) digests.set(table.name, await dumpTable(client, table));
    // Read apart from COPY: generated columns, arrays, jsonb, bytea and NULLs as the driver sees them.
    const rows: Record<string, unknown[]> = {};
    for (const table of ['workspace', 'company', 'contact', 'deal', 'support_case', 'attachment', 'audit_event']) {
      rows[table] = (await client.query(`SELECT * FROM ${table} ORDER BY ${table === 'workspace' ? 'id' : 'workspace_id, id'}`)).rows;
    }
    await client.query('COMMIT');
    return { digests, rows };
  } finally {
    await client.end();
  }
}

const bytesOf = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 7 + 3) % 256));

let manifest: Manifest;
let atSnapshot: Awaited<ReturnType<typeof snapshotOf>>;
const attachmentPaths: string[] = [];

beforeAll(async () => {
  const bakery = await makeBakery(t);
  const { owner } = bakery;
  const workspaceId = owner.session.user.workspace.id;
  const company = await post(owner, '/api/v1/companies', {
    name: 'Пекарня «Хлеб» — Panificio Ñandú 🍞',
    city: 'Sankt-Peterburg',
    tags: ['vip', 'север', 'with "quotes"'],
    emails: [{ label: 'work', value: 'info@hleb.test' }],
  });
  await post(owner, '/api/v1/companies', { name: 'Forno senza dati' });
  const contact = await post(owner, '/api/v1/contacts', { firstName: 'Ivan', lastName: 'Petrov', companies: [{ companyId: company.id }] });
  await post(owner, '/api/v1/deals', { title: 'Pane per la stagione', companyId: company.id });
  const complaint = await post(owner, '/api/v1/case-types', { name: 'Complaint', kind: 'complaint' });
  await post(owner, '/api/v1/cases', {
    subject: 'Stale bread',
    typeId: complaint.id,
    channel: 'phone',
    companyId: company.id,
    contactId: contact.id,
  });
  // What COPY's text format must escape, and a bytea with every byte value.
  await t.pool.query("UPDATE company SET notes = E'line one\\nline two\\ttab \\\\ backslash \\\\N not null' WHERE id = $1", [company.id]);
  await t.pool.query('UPDATE workspace SET logo = $1, logo_type = $2 WHERE id = $3', [bytesOf(256), 'image/png', workspaceId]);
  await recordAudit(t.db, {
    workspaceId,
    actorKind: 'user',
    actorId: owner.session.user.id,
    actorName: 'Anna Rossi',
    action: 'company.update',
    entity: 'company',
    recordId: company.id,
    details: { before: { name: null }, after: { name: 'Пекарня' }, nested: [1, 2.5, true] },
  });
  for (const [name, size] of [
    ['листовка.pdf', 70_000],
    ['photo.png', 3],
  ] as const) {
    const stored = await storeAttachment(
      t.db,
      sourceFiles,
      { workspaceId, uploadedById: owner.session.user.id, unitId: null },
      {
        entityType: 'company',
        entityId: company.id,
        fileName: name,
        declaredType: 'application/octet-stream',
        stream: Readable.from([bytesOf(size)]),
        truncated: () => false,
      },
    );
    attachmentPaths.push(`${workspaceId}/${stored.id}`);
  }

  // Writes go on all through the backup; one more is committed while the backup's snapshot is open.
  let writing = true;
  let written = 0;
  const writer = (async () => {
    while (writing) {
      await post(owner, '/api/v1/companies', { name: `Written during the backup ${written}` });
      written += 1;
    }
  })();
  const backup = createBackup({
    url: t.url,
    filesDir: sourceFiles,
    output: archive,
    onSnapshot: async (snapshotId) => {
      const before = written;
      while (written === before) await new Promise((resolve) => setTimeout(resolve, 10));
      await post(owner, '/api/v1/companies', { name: 'After the snapshot' });
      atSnapshot = await snapshotOf(t.url, snapshotId);
    },
  });
  manifest = await backup.finally(() => {
    writing = false;
  });
  await writer;
});

afterAll(async () => {
  const admin = new pg.Client({ connectionString: inject('adminUrl') });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('dumps the snapshot: every table as it stood then, with its rows and checksum, and every attachment', async () => {
    expect(manifest.tables.length).toBe(atSnapshot.digests.size);
    for (const table of manifest.tables) {
      expect({ table: table.name, ...atSnapshot.digests.get(table.name) }).toEqual({
        table: table.name,
        rows: table.rows,
        sha256: table.sha256,
      });
    }
    const companies = atSnapshot.rows.company as { name: string }[];
    expect(companies.map((c) => c.name)).not.toContain('After the snapshot');
    const now = await t.pool.query("SELECT count(*)::int AS n FROM company WHERE name = 'After the snapshot'");
    expect(now.rows[0].n).toBe(1);
    expect(manifest.files.map((f) => f.path).sort()).toEqual([...attachmentPaths].sort());
    expect(manifest.missingFiles).toEqual([]);
    expect(manifest.migrations.length).toBeGreaterThan(50);
  });

  it('restores into an empty database and files folder: same rows, checksums and bytes', async () => {
    const url = await emptyDatabase();
    const filesDir = path.join(work, 'restored-files');
    const report = await restoreBackup({ file: archive, url, filesDir });

    const restored = await snapshotOf(url);
    expect(restored.digests).toEqual(atSnapshot.digests);
    expect(restored.rows).toEqual(atSnapshot.rows);
    expect(restored.rows.audit_event).toContainEqual(
      expect.objectContaining({
        action: 'company.update',
        details: { before: { name: null }, after: { name: 'Пекарня' }, nested: [1, 2.5, true] },
      }),
    );
    expect(report.tables.find((r) => r.name === 'audit_event')?.rows).toBe(restored.rows.audit_event?.length);
    const [workspace] = restored.rows.workspace as { logo: Buffer }[];
    expect(workspace?.logo.equals(bytesOf(256))).toBe(true);
    expect((restored.rows.company as { notes: string | null }[]).map((c) => c.notes)).toContain(
      'line one\nline two\ttab \\ backslash \\N not null',
    );
    for (const file of attachmentPaths) {
      expect(fs.readFileSync(path.join(filesDir, file)).equals(fs.readFileSync(path.join(sourceFiles, file)))).toBe(true);
    }
    expect(report.files).toBe(2);
    // The schema is complete: triggers are back on and the next sequence number follows the backup's.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const disabled = await client.query("SELECT count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'");
    expect(disabled.rows[0].n).toBe(0);
    const sequence = manifest.sequences.find((s) => s.name === 'notification_id_seq');
    const last = await client.query('SELECT last_value::text AS v FROM notification_id_seq');
    expect(last.rows[0].v).toBe(sequence?.lastValue);
    await client.end();
  });

  it('refuses a target that is not empty, and changes nothing there', async () => {
    const before = await snapshotOf(t.url);
    await expect(restoreBackup({ file: archive, url: t.url, filesDir: path.join(work, 'unused-files') })).rejects.toThrow(
      /target database is not empty/,
    );
    const after = await snapshotOf(t.url);
    expect(after.digests).toEqual(before.digests);

    const url = await emptyDatabase();
    await expect(restoreBackup({ file: archive, url, filesDir: sourceFiles })).rejects.toThrow(/attachments folder .* is not empty/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const tables = await client.query(
      "SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')",
    );
    await client.end();
    expect(tables.rows[0].n).toBe(0);
  });

  it('refuses an archive with one byte changed in a table file, by its checksum, before touching the target', async () => {
    const unpacked = path.join(work, 'unpacked');
    fs.mkdirSync(unpacked);
    await tar.extract({ file: archive, cwd: unpacked });
    const companyFile = path.join(unpacked, 'tables', 'company.copy');
    const bytes = fs.readFileSync(companyFile);
    const at = bytes.indexOf('Forno');
    bytes[at] = 'P'.charCodeAt(0);
    fs.writeFileSync(companyFile, bytes);
    const damaged = path.join(work, 'damaged.tar.gz');
    await tar.create({ file: damaged, cwd: unpacked, gzip: true }, ['manifest.json', 'tables', 'files']);

    const url = await emptyDatabase();
    const filesDir = path.join(work, 'damaged-files');
    const refusal = restoreBackup({ file: damaged, url, filesDir });
    await expect(refusal).rejects.toBeInstanceOf(RestoreRefused);
    await expect(refusal).rejects.toThrow('tables/company.copy does not match its checksum');
    expect(fs.existsSync(filesDir)).toBe(false);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const schemas = await client.query("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'drizzle'");
    expect(schemas.rows[0].n).toBe(0);
    await client.end();
  });

  it('refuses a backup made by a newer Clientela', async () => {
    const unpacked = path.join(work, 'newer');
    fs.mkdirSync(unpacked);
    await tar.extract({ file: archive, cwd: unpacked });
    const newer = JSON.parse(fs.readFileSync(path.join(unpacked, 'manifest.json'), 'utf8')) as Manifest;
    newer.migrations.push({ hash: 'f'.repeat(64), createdAt: Date.now() + 86_400_000 });
    newer.clientelaVersion = '99.0.0';
    fs.writeFileSync(path.join(unpacked, 'manifest.json'), JSON.stringify(newer));
    const file = path.join(work, 'newer.tar.gz');
    await tar.create({ file, cwd: unpacked, gzip: true }, ['manifest.json', 'tables', 'files']);
    await expect(restoreBackup({ file, url: await emptyDatabase(), filesDir: path.join(work, 'newer-files') })).rejects.toThrow(
      /made by a newer Clientela \(99\.0\.0/,
    );
  });
});
