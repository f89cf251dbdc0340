// nginx (Debian's package) in front of the server processes, as a child process of the benchmark
// with a generated configuration in the run's temporary folder: reloading it (SIGHUP) changes
// which processes take traffic.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Debian's nginx binary; `NGINX_BIN` points elsewhere. */
export const DEFAULT_NGINX_BIN = '/usr/sbin/nginx';

/** The nginx binary, or an explanation of how to get it. */
export function findNginx(): { bin: string } | { missing: string } {
  const bin = process.env.NGINX_BIN || DEFAULT_NGINX_BIN;
  const result = spawnSync(bin, ['-v'], { encoding: 'utf8' });
  if (result.status === 0) return { bin };
  return { missing: `nginx not found at ${bin}. Install Debian's package with \`apt-get install -y nginx\`, or set NGINX_BIN.` };
}

/** How nginx balances and fails over: the knobs an operator would set. */
export const BALANCING = { tries: 3, maxFails: 1, failTimeoutSeconds: 3, keepalive: 64 };

/** The configuration for a balancer on `port` in front of `upstreams` (ports of server processes). */
export function nginxConfig(prefix: string, port: number, upstreams: number[]): string {
  const servers = upstreams
    .map((p) => `    server 127.0.0.1:${p} max_fails=${BALANCING.maxFails} fail_timeout=${BALANCING.failTimeoutSeconds}s;`)
    .join('\n');
  return `${os.userInfo().uid === 0 ? 'user nobody nogroup;\n' : ''}worker_processes 1;
error_log ${path.join(prefix, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${path.join(prefix, 'client_body')};
  proxy_temp_path ${path.join(prefix, 'proxy')};
  fastcgi_temp_path ${path.join(prefix, 'fastcgi')};
  uwsgi_temp_path ${path.join(prefix, 'uwsgi')};
  scgi_temp_path ${path.join(prefix, 'scgi')};
  upstream clientela {
${servers}
    keepalive ${BALANCING.keepalive};
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 20m;
    location / {
      proxy_pass http://clientela;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A process that refuses the connection, or answers 502/503 (draining, database away), is
      # skipped; a request already sent is not sent again unless it is idempotent.
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries ${BALANCING.tries};
      proxy_connect_timeout 1s;
      proxy_read_timeout 30s;
    }
  }
}
`;
}

/** A running nginx: where it listens, and how to point it at other processes or stop it. */
export type Nginx = { port: number; reload: (upstreams: number[]) => Promise<void>; stop: () => Promise<void> };

/** Starts nginx in the foreground (`daemon off`) with its files under `prefix`. */
export async function startNginx(bin: string, prefix: string, port: number, upstreams: number[]): Promise<Nginx> {
  fs.mkdirSync(prefix, { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  const pidFile = path.join(prefix, 'nginx.pid');
  const args = ['-p', prefix, '-e', path.join(prefix, 'error.log'), '-c', conf, '-g', `daemon off; pid ${pidFile};`];
  fs.writeFileSync(conf, nginxConfig(prefix, port, upstreams));
  const test = spawnSync(bin, [...args, '-t'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx refused its configuration: ${test.stderr}`);
  const child: ChildProcess = spawn(bin, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await waitListening(port, () => child.exitCode !== null);
  return {
    port,
    reload: async (next) => {
      fs.writeFileSync(conf, nginxConfig(prefix, port, next));
      child.kill('SIGHUP');
      // The old worker finishes its requests; new connections go to a worker with the new list.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

async function waitListening(port: number, gaveUp: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error('nginx exited at start (see its error.log)');
    try {
      await fetch(`http://127.0.0.1:${port}/api/health`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error('nginx did not listen within 10 s');
}
