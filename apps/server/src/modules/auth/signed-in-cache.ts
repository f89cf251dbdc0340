import type pg from 'pg';
import { type Listener, listen } from '../../db/listen.ts';
import type { SignedIn } from './actor.ts';

/** Where PostgreSQL announces changes that may end or alter a sign-in (see the migration's triggers). */
export const AUTH_CHANNEL = 'clientela_auth';

type Entry = { signedIn: SignedIn; cachedAt: number };

/**
 * Remembers for a few seconds whom a session or token secret belongs to, so that reading
 * needs no database round trip. Entries of a workspace are dropped whenever its users,
 * sessions, tokens or the workspace change: at once by this process's own revocations, and
 * from other processes through PostgreSQL NOTIFY. The short lifetime bounds staleness if a
 * notification is ever missed.
 */
export function createSignedInCache(options: { ttlMs?: number; maxEntries?: number } = {}) {
  const ttlMs = options.ttlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();
  // Off until the listener is in place: without notifications an entry could outlive a revocation.
  let enabled = false;

  return {
    setEnabled(value: boolean): void {
      enabled = value;
      if (!value) entries.clear();
    },
    get(key: string): SignedIn | undefined {
      if (!enabled) return undefined;
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (Date.now() - entry.cachedAt > ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return entry.signedIn;
    },
    set(key: string, signedIn: SignedIn): void {
      if (!enabled) return;
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(key, { signedIn, cachedAt: Date.now() });
    },
    delete(key: string): void {
      entries.delete(key);
    },
    clearWorkspace(workspaceId: string): void {
      for (const [key, entry] of entries) if (entry.signedIn.user.workspaceId === workspaceId) entries.delete(key);
    },
    clear(): void {
      entries.clear();
    },
  };
}

export type SignedInCache = ReturnType<typeof createSignedInCache>;

/**
 * Listens on a dedicated connection for the triggers' notifications; reconnects when the
 * connection drops, and empties the cache meanwhile since notifications may have been missed.
 */
export function listenForAuthChanges(pool: pg.Pool, cache: SignedInCache, onError: (error: unknown) => void = () => {}): Listener {
  return listen(
    pool,
    { [AUTH_CHANNEL]: (workspaceId) => (workspaceId ? cache.clearWorkspace(workspaceId) : cache.clear()) },
    { onListening: () => cache.setEnabled(true), onLost: () => cache.setEnabled(false), onError },
  );
}
