import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { type EmbeddedCluster, startEmbeddedPostgres } from '../db/embedded.ts';

/** The database a backup reads (or a restore fills), and how to let go of it afterwards. */
export type OpsDatabase = { url: string; filesDir: string; how: string; release: () => Promise<void> };

const quiet = { info: () => {}, warn: (message: string) => console.warn(message) };

/**
 * The installation's database: `DATABASE_URL` when set; otherwise the embedded cluster of the
 * data directory — the running one when a server (or a cluster a killed server left) runs on it,
 * reached through PostgreSQL's own `pg/postmaster.pid` (its port and socket folder) and the
 * password in `secrets.json`; else this process starts the cluster (taking the directory's lock).
 */
export async function openInstallation(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<OpsDatabase> {
  const filesDir = path.join(config.dataDir, 'attachments');
  if (config.databaseUrl) return { url: config.databaseUrl, filesDir, how: 'DATABASE_URL', release: async () => {} };
  if (!fs.existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION'))) {
    throw new Error(`No Clientela database in ${config.dataDir} (set CLIENTELA_DATA_DIR, or DATABASE_URL)`);
  }
  const running = runningClusterUrl(config.dataDir);
  if (running) return { url: running, filesDir, how: 'the running embedded PostgreSQL', release: async () => {} };
  const cluster = await startEmbeddedPostgres(config.dataDir, quiet);
  return { url: cluster.connectionString('clientela'), filesDir, how: 'the embedded PostgreSQL, started for this', release: cluster.stop };
}

/** Starts a new embedded cluster in an empty data directory, for a restore. */
export async function startFreshCluster(dataDir: string): Promise<EmbeddedCluster> {
  return startEmbeddedPostgres(dataDir, quiet);
}

/**
 * The URL of the cluster running on the data directory, or null when none runs. PostgreSQL's
 * `postmaster.pid` holds its PID, then (lines 4 to 6) its port, socket folder and listen address.
 */
export function runningClusterUrl(dataDir: string): string | null {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  let lines: string[];
  try {
    lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !isAlive(pid)) return null;
  const { postgresPassword } = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as { postgresPassword: string };
  const host = (lines[5] ?? '').trim() || '127.0.0.1';
  return `postgres://clientela:${encodeURIComponent(postgresPassword)}@${host === '*' ? '127.0.0.1' : host}:${port}/clientela`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
