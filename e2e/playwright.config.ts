import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100';

// A fresh, empty data directory per run, so the journey always meets a first start.
// Made once: Playwright loads this file again in its worker processes, which inherit the variable.
function freshDataDir(): string {
  const existing = process.env.CLIENTELA_E2E_DATA_DIR;
  if (existing) return existing;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-e2e-'));
  // Run as root, the server hands the database to an unprivileged account, which must reach the folder.
  fs.chmodSync(dir, 0o755);
  process.env.CLIENTELA_E2E_DATA_DIR = dir;
  // Best effort, once the runner (and with it the server) is done; E2E_KEEP_DATA=1 keeps it for a look.
  if (!process.env.E2E_KEEP_DATA) process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const dataDir = freshDataDir();

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results/artifacts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT ?? 'test-results/results.json' }]],
  use: {
    baseURL,
    locale: 'en-GB',
    timezoneId: 'Europe/Rome',
    viewport: { width: 1280, height: 800 },
    // The app then turns antd's animations off: no clicks on menus still sliding in.
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  // The first-start journey creates the workspace on the empty server; the others sign in to it,
  // so they run after it (even when only they are asked for) and only if it passed.
  projects: [
    { name: 'first-start', testMatch: 'first-start.spec.ts' },
    { name: 'journeys', testIgnore: 'first-start.spec.ts', dependencies: ['first-start'] },
  ],
  // With E2E_BASE_URL the journeys run against a server someone else started.
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: 'node ../scripts/start.mjs',
        url: 'http://127.0.0.1:3100/api/health',
        env: {
          PORT: '3100',
          CLIENTELA_DATA_DIR: dataDir,
          // The hand-off journey reads the server's mail from its own SMTP server on loopback,
          // and moves the server's clock forward to see a task become overdue.
          CLIENTELA_SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 2526}`,
          CLIENTELA_MAIL_FROM: 'Clientela <clientela@rossi-bakery.example>',
          CLIENTELA_CLOCK_CONTROL: 'true',
        },
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
      },
});
