import { z } from 'zod';
import { listOf, ZId } from './common.ts';
import { ZCustomEntity } from './custom-fields.ts';
import { ZCustomerStatus } from './customers.ts';

/** The records saved views, static lists, bulk actions and exports work on. */
export const ZRecordEntity = ZCustomEntity;
export type TRecordEntity = z.infer<typeof ZRecordEntity>;

/**
 * A list's query as the list endpoint takes it: `q`, `sort` and `filter[...]` parameters.
 * Checked on the server against the entity's list query (unknown filters and custom fields are refused).
 */
export const ZSavedQuery = z.record(z.string().max(80), z.string().max(200));
export type TSavedQuery = z.infer<typeof ZSavedQuery>;

/** Column ids of a list: a standard field (`name`, `city`…) or `custom.<key>`. */
export const ZColumns = z.array(z.string().min(1).max(60)).max(60);

/** The columns companies' and contacts' lists and exports offer, besides custom fields. */
export const COMPANY_COLUMNS = [
  'name',
  'legalName',
  'taxNumber',
  'status',
  'class',
  'relationships',
  'region',
  'city',
  'address',
  'phones',
  'emails',
  'website',
  'leadSource',
  'owner',
  'unit',
  'group',
  'tags',
  'notes',
  'createdAt',
  'updatedAt',
] as const;
export const CONTACT_COLUMNS = [
  'name',
  'firstName',
  'lastName',
  'position',
  'companies',
  'status',
  'class',
  'relationships',
  'region',
  'city',
  'address',
  'phones',
  'emails',
  'birthday',
  'preferredChannel',
  'preferences',
  'personalEvents',
  'leadSource',
  'owner',
  'unit',
  'tags',
  'notes',
  'createdAt',
  'updatedAt',
] as const;
export const COLUMNS_OF = { company: COMPANY_COLUMNS, contact: CONTACT_COLUMNS } as const;

/** What companies' and contacts' lists sort by (`sort=name`, `sort=-updatedAt`). */
export const CUSTOMER_SORTS = ['name', 'createdAt', 'updatedAt'] as const;

const name = z.string().trim().min(1).max(120);
const ZOwnerRef = z.object({ id: ZId, name: z.string() }).nullable();

/** A list's filters, sort and columns kept under a name; private to its owner or shared with the workspace. */
export const ZSavedView = z.object({
  id: ZId,
  entity: ZRecordEntity,
  name: z.string(),
  shared: z.boolean(),
  owner: ZOwnerRef,
  query: ZSavedQuery,
  columns: z.array(z.string()),
  /** Whether the actor may change or delete it: its owner, or an admin for a shared view. */
  editable: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TSavedView = z.infer<typeof ZSavedView>;
export const ZSavedViewList = listOf(ZSavedView);

export const ZCreateViewInput = z.strictObject({
  entity: ZRecordEntity,
  name,
  shared: z.boolean().default(false),
  query: ZSavedQuery.default({}),
  columns: ZColumns.default([]),
});
export type TCreateViewInput = z.input<typeof ZCreateViewInput>;
export const ZUpdateViewInput = z.strictObject({
  name: name.optional(),
  shared: z.boolean().optional(),
  query: ZSavedQuery.optional(),
  columns: ZColumns.optional(),
});
export type TUpdateViewInput = z.infer<typeof ZUpdateViewInput>;
export const ZViewListQuery = z.strictObject({ 'filter[entity]': ZRecordEntity.optional() });

/** A static list: records picked by hand or from a filter ("the 100 best customers for the new collection"). */
export const ZStaticList = z.object({
  id: ZId,
  entity: ZRecordEntity,
  name: z.string(),
  notes: z.string().nullable(),
  shared: z.boolean(),
  owner: ZOwnerRef,
  /** Members the list holds; lists show only those the actor may see. */
  memberCount: z.number().int(),
  editable: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TStaticList = z.infer<typeof ZStaticList>;
export const ZStaticListList = listOf(ZStaticList);

export const ZCreateListInput = z.strictObject({
  entity: ZRecordEntity,
  name,
  notes: z.string().trim().max(5_000).nullable().optional(),
  shared: z.boolean().default(false),
});
export type TCreateListInput = z.input<typeof ZCreateListInput>;
export const ZUpdateListInput = z.strictObject({
  name: name.optional(),
  notes: z.string().trim().max(5_000).nullable().optional(),
  shared: z.boolean().optional(),
});
export type TUpdateListInput = z.infer<typeof ZUpdateListInput>;
export const ZStaticListListQuery = z.strictObject({ 'filter[entity]': ZRecordEntity.optional() });

/** Most records one request may name; a filter may reach more (see `MEMBERS_FROM_FILTER_MAX`). */
export const BULK_IDS_MAX = 1_000;
/** Most records a list takes from one filter. */
export const MEMBERS_FROM_FILTER_MAX = 10_000;

const ZIds = z.array(ZId).min(1).max(BULK_IDS_MAX);

/** Adds records to a list: named ones, or every record a list query matches (that the actor may see). */
export const ZAddListMembersInput = z.union([z.strictObject({ ids: ZIds }), z.strictObject({ query: ZSavedQuery })]);
export type TAddListMembersInput = z.infer<typeof ZAddListMembersInput>;
export const ZRemoveListMembersInput = z.strictObject({ ids: ZIds });
export const ZListMembersResult = z.object({ changed: z.number().int(), memberCount: z.number().int() });

/** What a bulk action does to each selected record. */
export const ZBulkAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('assignOwner'), ownerId: ZId }),
  z.strictObject({ type: z.literal('addTag'), tag: z.string().trim().min(1).max(60) }),
  z.strictObject({ type: z.literal('removeTag'), tag: z.string().trim().min(1).max(60) }),
  z.strictObject({ type: z.literal('setStatus'), status: ZCustomerStatus }),
  z.strictObject({ type: z.literal('addToList'), listId: ZId }),
]);
export type TBulkAction = z.infer<typeof ZBulkAction>;

/**
 * A bulk action on selected records. All or nothing: when the actor may not change one of them,
 * nothing changes and the answer names each refused record (`ids.<n>`).
 */
export const ZBulkInput = z.strictObject({ ids: ZIds, action: ZBulkAction });
export type TBulkInput = z.infer<typeof ZBulkInput>;
export const ZBulkResult = z.object({ changed: z.number().int() });

/** `vcf` (vCard 4.0) is for contacts only. */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'vcf'] as const;
/** What can be exported: the customer lists and the catalogue's products (with their prices). */
export const EXPORT_RESOURCES = ['companies', 'contacts', 'products'] as const;
export type TExportResource = (typeof EXPORT_RESOURCES)[number];
/**
 * `GET /api/v1/exports/<companies|contacts|products>?format=&columns=a,b,custom.c&` + the list's `q`,
 * `sort` and `filter[...]`: a file of every matching record the actor may see.
 */
export const ZExportParams = z.strictObject({ resource: z.enum(EXPORT_RESOURCES) });
export const ZExportOptions = z.object({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  /** Comma-separated column ids; all standard and custom columns when absent. */
  columns: z.string().max(2_000).optional(),
});

/**
 * A large export as a background job (`POST /api/v1/exports`): the same file as the direct
 * download, written by a job with progress, then fetched from `/exports/jobs/:id/file`.
 */
export const ZCreateExportInput = z.strictObject({
  resource: z.enum(EXPORT_RESOURCES),
  format: z.enum(EXPORT_FORMATS).default('csv'),
  columns: z.string().max(2_000).optional(),
  /** The list's `q`, `sort` and `filter[...]`, as in the list's query string. */
  query: z.record(z.string().max(80), z.string().max(2_000)).default({}),
});
export type TCreateExportInput = z.input<typeof ZCreateExportInput>;
export const EXPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const ZExportJob = z.object({
  id: ZId,
  resource: z.enum(EXPORT_RESOURCES),
  format: z.enum(EXPORT_FORMATS),
  status: z.enum(EXPORT_JOB_STATUSES),
  /** Records to write, known once the job has matched them. */
  total: z.number().int().nullable(),
  processed: z.number().int(),
  fileName: z.string().nullable(),
  /** Size of the finished file in bytes. */
  size: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TExportJob = z.infer<typeof ZExportJob>;
