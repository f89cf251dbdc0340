import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where a stored file lives: one folder per workspace, the attachment's id as the name. */
export function filePath(root: string, workspaceId: string, id: string): string {
  return path.join(root, workspaceId, id);
}

export type Stored = { size: number; sha256: string; head: Buffer; tempPath: string };

const HEAD_BYTES = 4100;

/**
 * Writes an upload to a temporary file beside its final place, hashing it and keeping its first
 * bytes (to tell its real type). Nothing is visible until `commit` renames it into place.
 */
export async function receive(root: string, workspaceId: string, stream: Readable): Promise<Stored> {
  const folder = path.join(root, workspaceId);
  await mkdir(folder, { recursive: true });
  const tempPath = path.join(folder, `.${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const chunks: Buffer[] = [];
  let headLength = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      if (headLength < HEAD_BYTES) {
        chunks.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, tap, createWriteStream(tempPath, { flags: 'wx' }));
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  return { size, sha256: hash.digest('hex'), head: Buffer.concat(chunks), tempPath };
}

export async function commit(root: string, workspaceId: string, id: string, stored: Stored): Promise<void> {
  await rename(stored.tempPath, filePath(root, workspaceId, id));
}

export async function discard(stored: Stored): Promise<void> {
  await rm(stored.tempPath, { force: true });
}

export async function remove(root: string, workspaceId: string, id: string): Promise<void> {
  await rm(filePath(root, workspaceId, id), { force: true });
}

export function read(root: string, workspaceId: string, id: string): Readable {
  return createReadStream(filePath(root, workspaceId, id));
}
