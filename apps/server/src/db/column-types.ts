import { customType } from 'drizzle-orm/pg-core';

/** Bytes kept in the row: uploaded files, finished exports, a logo. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** A full-text search document, written by the database from a record's fields. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
