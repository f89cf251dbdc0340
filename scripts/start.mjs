// `npm start`: builds the web app and the server when their sources changed since the last
// build, then runs the server in this process (so signals reach it directly).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(entries) {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') visit(path.join(p, name));
    } else if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  for (const entry of entries) visit(path.join(root, entry));
  return newest;
}

function buildIfStale(name, output, sources, workspace) {
  const outPath = path.join(root, output);
  const built = fs.existsSync(outPath) ? fs.statSync(outPath).mtimeMs : 0;
  if (built >= newestMtime(sources)) return;
  console.log(`Building ${name}…`);
  const result = spawnSync('npm', ['run', 'build', '-w', workspace], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Building ${name} failed.`);
    process.exit(result.status ?? 1);
  }
}

const contract = ['packages/contract/src'];
if (fs.existsSync(path.join(root, 'apps/web/index.html'))) {
  buildIfStale(
    'the web app',
    'apps/web/dist/index.html',
    ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', ...contract],
    '@clientela/web',
  );
}
buildIfStale('the server', 'apps/server/dist/main.js', ['apps/server/src', 'apps/server/build.mjs', ...contract], '@clientela/server');

await import(path.join(root, 'apps/server/dist/main.js'));
