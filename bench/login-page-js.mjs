// First-load JavaScript of the login page, gzipped: opens /login in Chromium and sums every
// script the page loaded, each compressed with gzip -9 as a server would send it.
// Usage: node bench/login-page-js.mjs
import fs from 'node:fs';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { freePort, startServer, tempDataDir } from './lib.mjs';

const dataDir = tempDataDir('bundle');
const port = await freePort();
const server = await startServer({ dataDir, port });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage();
  const scripts = new Map();
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.set(response.url(), await response.body());
  });
  await page.goto(`http://127.0.0.1:${port}/login`, { waitUntil: 'networkidle' });
  await page.waitForSelector('input[type="password"]');
  let raw = 0;
  let gzipped = 0;
  for (const [url, body] of scripts) {
    const size = zlib.gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gzipped += size;
    console.log(`  ${new URL(url).pathname}: ${(body.length / 1024).toFixed(1)} KB, ${(size / 1024).toFixed(1)} KB gzipped`);
  }
  console.log(
    `login page first-load JS: ${scripts.size} files, ${(raw / 1024).toFixed(1)} KB raw, ${(gzipped / 1024).toFixed(1)} KB gzipped`,
  );
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
