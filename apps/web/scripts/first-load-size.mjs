// Builds the web app into a temporary folder and prints the gzipped JS the login page loads:
// the entry with its static imports, plus the login page chunk with its own.
// Usage (from apps/web): node scripts/first-load-size.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-web-size-'));
execFileSync('npx', ['vite', 'build', '--manifest', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
  stdio: 'inherit',
});
const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8'));
const keys = Object.keys(manifest);
const loaded = new Set();
const visit = (key) => {
  if (!key || loaded.has(key)) return;
  loaded.add(key);
  for (const dependency of manifest[key].imports ?? []) visit(dependency);
};
visit(keys.find((key) => manifest[key].isEntry));
// The login page is its own chunk, named `login` in vite.config.ts, or a chunk of its own file name.
visit(keys.find((key) => key.endsWith('login-page.tsx') || manifest[key].name === 'login'));

let total = 0;
for (const key of loaded) {
  const bytes = zlib.gzipSync(fs.readFileSync(path.join(outDir, manifest[key].file)), { level: 9 }).length;
  total += bytes;
  console.log(`${(bytes / 1024).toFixed(1).padStart(7)} KB  ${manifest[key].file}`);
}
console.log(`${(total / 1024).toFixed(1).padStart(7)} KB  gzipped JS on /login (goal: <= 250 KB)`);
fs.rmSync(outDir, { recursive: true, force: true });
