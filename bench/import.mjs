// Import figures on the real server (`npm start` on embedded PostgreSQL), through the HTTP API:
//  1. 100k contacts from a messy CSV (mixed phone formats, repeated people, empty lines, bad
//     e-mails), duplicate detection on: rows per second from upload to the end of the run;
//  2. the same size again, the server killed with SIGKILL (and its PostgreSQL with it) in the
//     middle of the run, then started again: the import must finish with exactly every row.
// Usage: node bench/import.mjs [rows=100000]
import fs from 'node:fs';
import path from 'node:path';
import { freePort, signIn, startServer, tempDataDir } from './lib.mjs';

const rows = Number(process.argv[2] ?? 100_000);
const FIRST = ['Anna', 'Marco', 'Giulia', 'Luca', 'Иван', 'Мария', 'Пётр', 'Ольга', 'John', 'Emma', 'Sofia', 'Алексей'];
const LAST = ['Rossi', 'Bianchi', 'Verdi', 'Esposito', 'Иванов', 'Петрова', 'Смирнов', 'Кузнецова', 'Smith', 'Brown', 'Romano', 'Соколов'];
const CITIES = ['Milano', 'Roma', 'Torino', 'Москва', 'Казань', 'London', 'Napoli', 'Санкт-Петербург'];
const STATUSES = ['active', 'new', 'активный', 'attivo', 'dormant', ''];

/** A CSV of `count` contacts; `tag` makes its e-mails and phones differ from another file's. */
function messyCsv(count, tag) {
  const lines = ['Name;Phone;E-mail;City;Status;Notes'];
  for (let i = 0; i < count; i += 1) {
    if (i % 200 === 199) {
      lines.push(';;;;;'); // an empty line now and then
      continue;
    }
    if (i % 50 === 49) {
      // the previous person again, written differently
      const [name, , email, city] = lines.at(-1).split(';');
      lines.push(`${String(name).toUpperCase()}  ;;${String(email).toUpperCase()};${city};;`);
      continue;
    }
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${tag}${i}`;
    const digits = String(9_000_000_000 + i * 13 + (tag === 'k' ? 5 : 0)).slice(-10);
    const phone = [
      `+7 ${digits.slice(0, 3)} ${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`,
      `8 (${digits.slice(0, 3)}) ${digits.slice(3)}`,
      `+39 ${digits}`,
    ][i % 3];
    const email = i % 333 === 0 ? `broken-at-${i}` : `${tag}.person${i}@example.com`;
    lines.push(`${name};${phone};${email};${CITIES[i % CITIES.length]};${STATUSES[i % STATUSES.length]};Likes rye bread, order ${i}`);
  }
  return Buffer.from(lines.join('\r\n'));
}

async function api(port, auth, method, url, body) {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1${url}`, {
    method,
    headers: {
      cookie: auth.cookie,
      'x-csrf-token': auth.csrfToken,
      ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
    },
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  });
  if (response.status >= 400) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function upload(port, auth, name, content) {
  const form = new FormData();
  form.append('entity', 'contact');
  form.append('file', new Blob([content]), name);
  return api(port, auth, 'POST', '/imports', form);
}

async function waitUntil(port, auth, id, predicate) {
  for (;;) {
    const current = await api(port, auth, 'GET', `/imports/${id}`);
    if (predicate(current)) return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * CPU seconds used so far by the server process and by its PostgreSQL (the postmaster, its live
 * backends and those that ended): on a shared machine these say more than the wall time. Linux only.
 */
function cpuSeconds(serverPid) {
  const times = (pid) => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    return { ppid: f[1], own: f[11] + f[12], children: f[13] + f[14] };
  };
  try {
    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const main = times(postmaster);
    let pg = main.own + main.children;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const t = times(entry);
        if (t.ppid === postmaster) pg += t.own;
      } catch {
        // the process ended meanwhile
      }
    }
    return { pg: pg / 100, server: times(serverPid).own / 100 };
  } catch {
    return null;
  }
}

const dataDir = tempDataDir('import');
let port = await freePort();
let server = await startServer({ dataDir, port });
try {
  let auth = await signIn(port);

  // 1. Throughput.
  const file = messyCsv(rows, 'p');
  const cpuBefore = cpuSeconds(server.child.pid);
  const started = performance.now();
  const imp = await upload(port, auth, 'contacts.csv', file);
  const uploadedMs = performance.now() - started;
  await api(port, auth, 'PUT', `/imports/${imp.id}/mapping`, { ...imp.mapping, defaultCountry: 'RU' });
  await api(port, auth, 'POST', `/imports/${imp.id}/run`);
  const done = await waitUntil(port, auth, imp.id, (i) => i.status === 'done' || i.status === 'failed');
  const totalMs = performance.now() - started;
  const cpuAfter = cpuSeconds(server.child.pid);
  const c = done.counts;
  const cpu =
    cpuBefore && cpuAfter
      ? `; CPU ${(cpuAfter.pg - cpuBefore.pg).toFixed(1)} s in PostgreSQL, ${(cpuAfter.server - cpuBefore.server).toFixed(1)} s in the server`
      : '';
  console.log(
    `import of ${rows} contacts (${(file.length / 1e6).toFixed(1)} MB CSV): upload ${Math.round(uploadedMs)} ms, ` +
      `end to end ${(totalMs / 1000).toFixed(2)} s = ${Math.round(rows / (totalMs / 1000))} rows/s; ` +
      `created ${c.created}, skipped ${c.skipped}, rejected ${c.rejected}, modified ${c.modified} ` +
      `(sum ${c.created + c.updated + c.skipped + c.rejected} of ${done.rowCount})${cpu}`,
  );

  // 2. SIGKILL in the middle.
  const second = messyCsv(rows, 'k');
  const killed = await upload(port, auth, 'contacts-2.csv', second);
  await api(port, auth, 'PUT', `/imports/${killed.id}/mapping`, { ...killed.mapping, defaultCountry: 'RU' });
  await api(port, auth, 'POST', `/imports/${killed.id}/run`);
  const before = await waitUntil(port, auth, killed.id, (i) => i.processed >= rows * 0.3 || i.status === 'done');
  if (before.status === 'done') throw new Error('the import finished before it could be killed; use more rows');
  const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  server.child.kill('SIGKILL');
  process.kill(pid, 'SIGKILL');
  await server.exited;
  console.log(`killed the server and its PostgreSQL with SIGKILL at ${before.processed} of ${rows} rows`);
  port = await freePort();
  const restarted = performance.now();
  server = await startServer({ dataDir, port });
  auth = await signIn(port);
  const after = await waitUntil(port, auth, killed.id, (i) => i.status === 'done' || i.status === 'failed');
  const ck = after.counts;
  const distinct = await api(port, auth, 'GET', `/imports/${killed.id}/problems?limit=1`);
  console.log(
    `after restart: finished in ${((performance.now() - restarted) / 1000).toFixed(1)} s, status ${after.status}; ` +
      `created ${ck.created}, skipped ${ck.skipped}, rejected ${ck.rejected} (sum ${ck.created + ck.updated + ck.skipped + ck.rejected} of ${after.rowCount}); ` +
      `same counts as the uninterrupted run: ${ck.created === c.created && ck.skipped === c.skipped && ck.rejected === c.rejected}; ` +
      `${distinct.total} problems reported`,
  );
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
