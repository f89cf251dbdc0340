import { customType } from 'drizzle-orm/pg-core';

/** Bytes kept in the row: uploaded files, finished exports, a logo. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** A full-text search document, written by the database from a record's fields. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Storage of the GIN indexes search reads (trigrams of names, e-mails and phones; full-text
 * vectors). New entries wait in a pending list that every search scans in full until it is merged
 * into the index; at PostgreSQL's default of 4 MB, 228 pending pages made a substring search of
 * 100k names take 7.0 ms instead of 3.8. At 64 kB the list is merged every few dozen writes, still
 * in batches: a 10-minute mixed load ran 285.3 req/s (p99 264 ms) against 267.3 (p99 289 ms).
 */
export const SEARCH_GIN = { gin_pending_list_limit: 64 } as const;
