import { z } from 'zod';
import { ZId } from './common.ts';

/** The records files can be attached to. */
export const ATTACHABLE = ['company', 'contact', 'activity', 'agreement', 'contract', 'task', 'case', 'kb_article'] as const;
export const ZAttachable = z.enum(ATTACHABLE);
export type TAttachable = z.infer<typeof ZAttachable>;

/** Largest file accepted, in bytes (the server may be set lower). */
export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

export const ZAttachment = z.object({
  id: ZId,
  entityType: ZAttachable,
  entityId: ZId,
  fileName: z.string(),
  /** The type the server found in the file's first bytes, else the one declared. */
  contentType: z.string(),
  size: z.number().int(),
  uploadedBy: z.object({ id: ZId, name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

/**
 * `POST /attachments` is multipart/form-data with the fields `entityType` and `entityId` first,
 * then one `file`. `GET /attachments?entityType=&entityId=` lists a record's files;
 * `GET /attachments/:id/file` downloads one (images and PDF inline, everything else, SVG and
 * HTML included, as a download).
 */
export const ZAttachmentListQuery = z.strictObject({ entityType: ZAttachable, entityId: ZId });
export const ZAttachmentList = z.object({ data: z.array(ZAttachment) });
