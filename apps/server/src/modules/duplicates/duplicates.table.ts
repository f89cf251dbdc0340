import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { RelationshipMoves } from '../activities/merge-moves.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** Pairs a person said are different customers: they leave the duplicates screen. */
export const duplicateDismissals = pgTable(
  'duplicate_dismissal',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    entity: text('entity', { enum: ['company', 'contact'] }).notNull(),
    /** The smaller id of the pair first. */
    aId: uuid('a_id').notNull(),
    bId: uuid('b_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.entity, t.aId, t.bId] })],
);

/** What a merge moved, kept so that it can be undone. */
export type MergeMoves = {
  /** contact_company rows: the link as it was, and whether the survivor's link was added by the merge. */
  links: { contactId: string; companyId: string; role: string; added: boolean }[];
  listMembers: { listId: string; recordId: string; added: boolean }[];
  /** Subsidiaries whose parent was a merged company. */
  children: { id: string; parentCompanyId: string }[];
  /** History entries moved to the survivor, with the record they belonged to. */
  history: { id: string; entityId: string }[];
} & Partial<RelationshipMoves>;

/** One merge of records into a survivor: the survivor's values before and after, and what moved. */
export const recordMerges = pgTable(
  'record_merge',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    entity: text('entity', { enum: ['company', 'contact'] }).notNull(),
    survivorId: uuid('survivor_id').notNull(),
    mergedIds: uuid('merged_ids').array().notNull(),
    mergedNames: text('merged_names').array().notNull(),
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    after: jsonb('after').$type<Record<string, unknown>>().notNull(),
    moved: jsonb('moved').$type<MergeMoves>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('record_merge_survivor_idx').on(t.workspaceId, t.survivorId),
    index('record_merge_merged_idx').using('gin', t.mergedIds),
  ],
);
