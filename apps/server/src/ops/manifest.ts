import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** What names a Clientela backup, and the layout version this code writes and reads. */
export const FORMAT = 'clientela-backup';
export const FORMAT_VERSION = 1;

const ZManifestFile = z.object({
  path: z.string().regex(/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/),
  size: z.number().int().min(0),
  sha256: z.string(),
});

/** The table of contents of a backup (`manifest.json`): what was dumped and how to check it. */
export const ZManifest = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  clientelaVersion: z.string(),
  postgresVersion: z.string(),
  /** The schema migrations applied to the database, oldest first (drizzle's hash and timestamp). */
  migrations: z.array(z.object({ hash: z.string(), createdAt: z.number() })),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(z.string()),
      file: z.string().regex(/^tables\/[a-z0-9_]+\.copy$/),
      rows: z.number().int().min(0),
      sha256: z.string(),
    }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string(), isCalled: z.boolean() })),
  files: z.array(ZManifestFile),
  /** Attachments whose rows are in the snapshot but whose files were deleted before they were copied. */
  missingFiles: z.array(z.string()),
});
export type Manifest = z.infer<typeof ZManifest>;
export type ManifestFile = z.infer<typeof ZManifestFile>;

/** This Clientela's version, from the server's package.json. */
export function clientelaVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
