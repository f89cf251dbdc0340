import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { TestProject } from 'vitest/node';
import { type EmbeddedCluster, startEmbeddedPostgres } from '../db/embedded.ts';
import { runMigrations } from '../db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL of the test server's maintenance database (for CREATE DATABASE). */
    adminUrl: string;
    /** The migrated database every test file's database is cloned from. */
    templateDatabase: string;
    /** Prefix of every database this run creates, so that it can drop them all. */
    runPrefix: string;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Starts one PostgreSQL for the whole run (embedded, or the one in DATABASE_URL), migrates
 * a template database once, and lets each test file clone its own database from it.
 */
export default async function setup(project: TestProject) {
  let cluster: EmbeddedCluster | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-test-'));
    fs.chmodSync(dataDir, 0o755);
    cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: (msg) => console.warn(msg) });
    adminUrl = cluster.connectionString('postgres');
  }
  const runPrefix = `clientela_test_${randomBytes(4).toString('hex')}`;
  const templateDatabase = `${runPrefix}_template`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  await runMigrations(withDatabase(adminUrl, templateDatabase));
  // The job queue's own tables, made once in the template rather than in every test database.
  const boss = new PgBoss({ connectionString: withDatabase(adminUrl, templateDatabase), max: 1, supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, close: true });

  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('runPrefix', runPrefix);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${runPrefix}%`]);
    for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
    await cluster?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
