// A full disk under the data directory: writes get a clean 507/503, reads go on, nothing is lost.
// Usage (as root: it mounts a small tmpfs): npx tsx bench/disk-full.ts [--size 400m] [--no-build]
// Mounts a tmpfs of `size` and runs the built server with its data directory (embedded PostgreSQL
// and attachments) there. Writes 50 contacts and an attachment, notes a checksum of them, then
// fills the file system to the last byte and tries to create contacts and upload a file: every
// answer must be 2xx (PostgreSQL still had room in a page) or 507/503 problem+json, never 500.
// Reads must still answer 200. Then the filler goes, writes must succeed again, and the checksum
// of what was there before must match. Always unmounts what it mounted.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildServer,
  freePort,
  headersOf,
  type ServerProcess,
  type Session,
  signInOver,
  startServerProcess,
  stopServerProcess,
} from './lib/server-process.ts';

if (os.userInfo().uid !== 0) {
  console.log('disk-full needs root to mount a small tmpfs; not run. (The 507 mapping of ENOSPC and 53100 is unit-tested.)');
  process.exit(0);
}
const sizeAt = process.argv.indexOf('--size');
const size = sizeAt >= 0 ? (process.argv[sizeAt + 1] ?? '400m') : '400m';
if (!process.argv.includes('--no-build')) buildServer();

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-disk-full-'));
execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', mountPoint]);
const dataDir = path.join(mountPoint, 'data');
const filler = path.join(mountPoint, 'filler');
let server: ServerProcess | undefined;
let failed = false;
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};

/** Writes zeros until the file system refuses: the disk is full to the last block. */
function fillUp(): number {
  const free = fs.statfsSync(mountPoint);
  const bytes = Math.max(0, free.bavail * free.bsize - 1024 * 1024);
  execFileSync('fallocate', ['-l', String(bytes), filler]);
  const chunk = Buffer.alloc(4096);
  const fd = fs.openSync(filler, 'a');
  let written = 0;
  try {
    for (;;) written += fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  return bytes + written;
}

try {
  fs.mkdirSync(dataDir, { mode: 0o755 });
  const port = await freePort();
  server = await startServerProcess(dataDir, port);
  const base = `http://127.0.0.1:${port}`;
  const session: Session = await signInOver(port);
  const call = (method: string, url: string, body?: unknown) =>
    fetch(`${base}${url}`, {
      method,
      headers: headersOf(session),
      signal: AbortSignal.timeout(15_000),
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const upload = (contactId: string, bytes: Buffer) => {
    const form = new FormData();
    form.append('entityType', 'contact');
    form.append('entityId', contactId);
    form.append('file', new Blob([bytes], { type: 'application/octet-stream' }), 'price-list.bin');
    return fetch(`${base}/api/v1/attachments`, {
      signal: AbortSignal.timeout(15_000),
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      body: form,
    });
  };

  const ids: string[] = [];
  for (let i = 0; i < 50; i++)
    ids.push(
      ((await (await call('POST', '/api/v1/contacts', { firstName: 'Before', lastName: `Full ${i}` })).json()) as { id: string }).id,
    );
  const fileBytes = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => i % 251));
  const kept = (await (await upload(ids[0] as string, fileBytes)).json()) as { id: string };
  /** What must survive: the 50 contacts' ids and names, and the attachment's bytes. */
  const checksum = async () => {
    const hash = createHash('sha256');
    for (const id of ids) {
      const response = await call('GET', `/api/v1/contacts/${id}`);
      hash.update(
        `${response.status} ${response.status === 200 ? ((await response.json()) as { name: string }).name : await response.text()}\n`,
      );
    }
    const download = await fetch(`${base}/api/v1/attachments/${kept.id}/file`, { headers: { cookie: session.cookie } });
    hash.update(Buffer.from(await download.arrayBuffer()));
    return hash.digest('hex');
  };
  const before = await checksum();

  console.log(`filled the ${size} file system with ${Math.round(fillUp() / 1024 / 1024)} MB`);
  const statuses: Record<number, number> = {};
  let clean = true;
  for (let i = 0; i < 300; i++) {
    const response = await call('POST', '/api/v1/contacts', { firstName: 'During', lastName: `Full ${i}`, preferences: 'x'.repeat(4000) });
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (response.status >= 300) {
      clean &&= [503, 507].includes(response.status) && (response.headers.get('content-type') ?? '').includes('application/problem+json');
      const body = (await response.json()) as { code: string };
      if (statuses[response.status] === 1) console.log(`     first refusal: ${response.status} ${body.code}`);
    } else await response.body?.cancel();
  }
  console.log(`     creating 300 contacts on a full disk answered ${JSON.stringify(statuses)}`);
  check(
    clean && Object.keys(statuses).some((s) => Number(s) >= 500),
    'writes on a full disk are refused with 507/503 problem+json, never 500',
  );
  const refusedUpload = await upload(ids[1] as string, Buffer.alloc(2 * 1024 * 1024, 7));
  const uploadBody = (await refusedUpload.json()) as { code: string };
  check([503, 507].includes(refusedUpload.status), `an upload on a full disk answers ${refusedUpload.status} ${uploadBody.code}`);
  const read = await call('GET', '/api/v1/contacts?limit=50');
  await read.body?.cancel();
  check(read.status === 200, `reads go on while the disk is full (${read.status})`);

  fs.rmSync(filler);
  let after = 0;
  for (let i = 0; i < 100 && after !== 201; i++) {
    const response = await call('POST', '/api/v1/contacts', { firstName: 'After', lastName: 'Full' }).catch((error: Error) => error);
    if (response instanceof Error) {
      // The refused upload was answered before its body was read, which leaves that keep-alive
      // connection unusable: the client opens another one.
      console.log(`     ${response.message} (${String(response.cause)}); server exit code ${server.child.exitCode}; trying again`);
      continue;
    }
    after = response.status;
    await response.body?.cancel();
    if (after !== 201) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  check(after === 201, 'once space is freed, writes succeed again without a restart');
  const uploadAgain = await upload(ids[1] as string, fileBytes);
  await uploadAgain.body?.cancel();
  check(uploadAgain.status === 201, 'and uploads too');
  check((await checksum()) === before, 'what was written before the disk filled is intact (checksum of the contacts and the file)');
} finally {
  if (server) await stopServerProcess(server).catch(() => {});
  execFileSync('umount', [mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
