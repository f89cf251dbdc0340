// A PostgreSQL 15 primary and a streaming replica made with Debian's own binaries, on loopback, in
// a temporary folder: initdb, a replication role, pg_basebackup -R, pg_ctl start/stop. PostgreSQL
// refuses to run as root, so as root every command runs as the unprivileged `postgres` account.
// Used by bench/cluster.ts and by the read-replica test (src/test/replica.test.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Where Debian puts PostgreSQL 15's programs; `PG15_BIN` points elsewhere. */
export const DEFAULT_PG15_BIN = '/usr/lib/postgresql/15/bin';
const SUPERUSER = 'postgres';
const REPLICATION_ROLE = 'replicator';

/** The folder of PostgreSQL 15's programs, or an explanation of how to get them. */
export function findPg15Bin(): { bin: string } | { missing: string } {
  const candidates = [process.env.PG15_BIN, DEFAULT_PG15_BIN, pgConfigBindir()].filter((dir): dir is string => Boolean(dir));
  for (const dir of candidates) {
    const version = spawnSync(path.join(dir, 'postgres'), ['--version'], { encoding: 'utf8' });
    if (version.status === 0 && /\) 15\./.test(version.stdout)) return { bin: dir };
  }
  return {
    missing:
      `PostgreSQL 15 programs not found (looked in ${candidates.join(', ')}). ` +
      'Install them with `apt-get install -y postgresql-15`, or set PG15_BIN to the folder holding initdb, pg_ctl and postgres.',
  };
}

function pgConfigBindir(): string | undefined {
  const result = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The account PostgreSQL runs as: ourselves, or `postgres` (made if missing) when we are root. */
export function postgresAccount(): { uid: number; gid: number } | undefined {
  if (os.userInfo().uid !== 0) return undefined;
  const exists = spawnSync('id', ['-u', SUPERUSER]).status === 0;
  if (!exists) execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SUPERUSER]);
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** One cluster: its folder, port and how to reach it. */
export type PgNode = { name: string; dataDir: string; port: number; logFile: string };

/** The primary and replica pair, with the passwords made for this run. */
export type PgPair = { bin: string; account: ReturnType<typeof postgresAccount>; superPassword: string; primary: PgNode; replica: PgNode };

/** Runs a PostgreSQL program as the cluster's account; throws with its output when it fails. */
function run(pair: Pick<PgPair, 'bin' | 'account'>, program: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(path.join(pair.bin, program), args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    cwd: os.tmpdir(),
    ...(pair.account ?? {}),
  });
  if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
}

/** A folder the cluster's account owns (and nobody else may read). */
function ownedDir(dir: string, account: PgPair['account']): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (account) fs.chownSync(dir, account.uid, account.gid);
}

/** Settings for both clusters: loopback only, no Unix socket, WAL kept for one replica. */
const SETTINGS = `
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
shared_buffers = 128MB
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
hot_standby = on
random_page_cost = 1.1
logging_collector = off
`;

/** Makes the primary (initdb, replication role, pg_hba for 127.0.0.1), starts it, then clones the replica from it and starts that. */
export async function createPrimaryAndReplica(root: string, ports: { primary: number; replica: number }, bin: string): Promise<PgPair> {
  const account = postgresAccount();
  const superPassword = randomBytes(12).toString('hex');
  const node = (name: string, port: number): PgNode => ({
    name,
    dataDir: path.join(root, name, 'data'),
    port,
    logFile: path.join(root, name, 'postgres.log'),
  });
  const pair: PgPair = { bin, account, superPassword, primary: node('primary', ports.primary), replica: node('replica', ports.replica) };
  fs.mkdirSync(root, { recursive: true, mode: 0o755 });
  ownedDir(path.dirname(pair.primary.dataDir), account);
  ownedDir(path.dirname(pair.replica.dataDir), account);
  const pwFile = path.join(path.dirname(pair.primary.dataDir), 'pw');
  fs.writeFileSync(pwFile, superPassword, { mode: 0o600 });
  if (account) fs.chownSync(pwFile, account.uid, account.gid);
  run(pair, 'initdb', [
    '-D',
    pair.primary.dataDir,
    '-U',
    SUPERUSER,
    '--pwfile',
    pwFile,
    '--auth=scram-sha-256',
    '--encoding=UTF8',
    '--no-instructions',
  ]);
  fs.rmSync(pwFile);
  fs.appendFileSync(path.join(pair.primary.dataDir, 'postgresql.conf'), `${SETTINGS}port = ${pair.primary.port}\n`);
  fs.writeFileSync(
    path.join(pair.primary.dataDir, 'pg_hba.conf'),
    `host all all 127.0.0.1/32 scram-sha-256\nhost replication ${REPLICATION_ROLE} 127.0.0.1/32 scram-sha-256\n`,
  );
  startNode(pair, pair.primary);
  await sql(pair, pair.primary, 'postgres', async (client) => {
    await client.query(`CREATE ROLE ${REPLICATION_ROLE} WITH REPLICATION LOGIN PASSWORD '${superPassword}'`);
  });
  run(
    pair,
    'pg_basebackup',
    [
      '-h',
      '127.0.0.1',
      '-p',
      String(pair.primary.port),
      '-U',
      REPLICATION_ROLE,
      '-D',
      pair.replica.dataDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ],
    { PGPASSWORD: superPassword },
  );
  fs.appendFileSync(path.join(pair.replica.dataDir, 'postgresql.conf'), `port = ${pair.replica.port}\n`);
  startNode(pair, pair.replica);
  return pair;
}

/** Starts one cluster and waits until it takes connections. */
export function startNode(pair: PgPair, node: PgNode): void {
  run(pair, 'pg_ctl', ['start', '-w', '-t', '60', '-D', node.dataDir, '-l', node.logFile]);
}

/** Stops one cluster (`fast`: sessions are cut, as an operator's restart does). */
export function stopNode(pair: PgPair, node: PgNode, mode: 'fast' | 'immediate' = 'fast'): void {
  run(pair, 'pg_ctl', ['stop', '-w', '-t', '60', '-m', mode, '-D', node.dataDir]);
}

/** Stops a cluster if it is running; never throws (used while cleaning up). */
export function stopNodeQuietly(pair: PgPair, node: PgNode): void {
  if (!fs.existsSync(path.join(node.dataDir, 'postmaster.pid'))) return;
  try {
    stopNode(pair, node, 'fast');
  } catch {
    try {
      stopNode(pair, node, 'immediate');
    } catch {
      // Nothing more to do: the folder goes away with the rest.
    }
  }
}

/** A connection string for `database` on `node` as `user`. */
export function urlOf(node: PgNode, database: string, user: string, password: string): string {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${node.port}/${database}`;
}

/** Runs `work` with a superuser connection to `database` on `node`. */
export async function sql<T>(pair: PgPair, node: PgNode, database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlOf(node, database, SUPERUSER, pair.superPassword) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The replica's state as the primary sees it (`streaming` once it follows), or null when none is connected. */
export async function replicationState(pair: PgPair): Promise<string | null> {
  return sql(pair, pair.primary, 'postgres', async (client) => {
    const { rows } = await client.query<{ state: string }>(`SELECT state FROM pg_stat_replication WHERE usename = '${REPLICATION_ROLE}'`);
    return rows[0]?.state ?? null;
  });
}

/** Waits (up to 30 s) until the primary shows the replica streaming. */
export async function waitStreaming(pair: PgPair): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await replicationState(pair)) === 'streaming') return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the replica did not start streaming from the primary within 30 s');
}

/** Creates the application's role and database on the primary; returns the role's password. */
export async function createAppDatabase(pair: PgPair, name: string): Promise<string> {
  const password = randomBytes(12).toString('hex');
  await sql(pair, pair.primary, 'postgres', async (client) => {
    await client.query(`CREATE ROLE ${name} WITH LOGIN PASSWORD '${password}'`);
    await client.query(`CREATE DATABASE ${name} OWNER ${name}`);
  });
  return password;
}
