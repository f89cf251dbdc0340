import { z } from 'zod';
import { ZId } from './common.ts';
import { ZConsentSource, ZConsentState } from './mailings.ts';

/** The version tag of a person's export file; a reader checks it before reading the sections. */
export const PERSON_EXPORT_FORMAT = 'clientela.person/1';

const ZRows = z.array(z.record(z.string(), z.unknown()));

/**
 * Everything the workspace holds about one person, as a machine-readable file: each section is a
 * list of rows with snake_case columns as stored, dates in ISO 8601 (UTC), never a password hash
 * nor a file's bytes.
 */
export const ZPersonExport = z.object({
  format: z.literal(PERSON_EXPORT_FORMAT),
  exportedAt: z.string(),
  workspace: z.object({ id: ZId, name: z.string() }),
  contact: z.record(z.string(), z.unknown()),
  customFields: ZRows,
  companies: ZRows,
  activities: ZRows,
  tasks: ZRows,
  deals: ZRows,
  quotes: ZRows,
  orders: ZRows,
  agreements: ZRows,
  contracts: ZRows,
  cases: ZRows,
  caseMessages: ZRows,
  attachments: ZRows,
  consentEvents: ZRows,
  mailingRecipients: ZRows,
  surveyInvitations: ZRows,
  surveyResponses: ZRows,
  leads: ZRows,
  portalAccount: z.record(z.string(), z.unknown()).nullable(),
  history: ZRows,
  erasure: z.record(z.string(), z.unknown()).nullable(),
});
export type TPersonExport = z.infer<typeof ZPersonExport>;

/** One change of a person's marketing consent in the record of consents. */
export const ZConsentRecordEntry = z.object({
  id: ZId,
  state: ZConsentState,
  source: ZConsentSource,
  detail: z.string().nullable(),
  by: z.object({ id: ZId, name: z.string() }).nullable(),
  at: z.string(),
});
export type TConsentRecordEntry = z.infer<typeof ZConsentRecordEntry>;

/** The record of a person's consents, newest first. */
export const ZConsentRecord = z.object({ data: z.array(ZConsentRecordEntry) });
export type TConsentRecord = z.infer<typeof ZConsentRecord>;

/** Erasing a person: why, and their current full name typed again as a confirmation. */
export const ZEraseInput = z.strictObject({
  reason: z.string().trim().min(1).max(1000),
  confirm: z.string().max(500),
});
export type TEraseInput = z.infer<typeof ZEraseInput>;

/** When and by whom a person was erased (the person's data itself is gone). */
export const ZErasure = z.object({
  id: ZId,
  contactId: ZId,
  reason: z.string().nullable(),
  erasedAt: z.string(),
  erasedBy: z.object({ id: ZId, name: z.string() }).nullable(),
});
export type TErasure = z.infer<typeof ZErasure>;

/** A person's data-protection state for the contact page: their erasure if any, and what the reader may do. */
export const ZPersonDataStatus = z.object({
  erasure: ZErasure.nullable(),
  canExport: z.boolean(),
  canErase: z.boolean(),
});
export type TPersonDataStatus = z.infer<typeof ZPersonDataStatus>;
