import type { TCompany } from '@clientela/contract';
import { type AttributionNames, presentAttribution } from '../campaigns/index.ts';
import type { companies } from './companies.table.ts';

/** A stored row without the search columns, which never leave the database. */
export type CompanyRow = Omit<typeof companies.$inferSelect, 'searchText' | 'searchVector'>;

/** Exactly the fields of a company that leave the server. */
export function presentCompany(row: CompanyRow, ownerName: string | null, groupName: string | null, names: AttributionNames): TCompany {
  return {
    id: row.id,
    name: row.name,
    legalName: row.legalName,
    taxNumber: row.taxNumber,
    website: row.website,
    relationships: row.relationships as TCompany['relationships'],
    status: row.status,
    class: row.class,
    region: row.region,
    city: row.city,
    address: row.address,
    phones: row.phones,
    emails: row.emails,
    leadSource: row.leadSource,
    owner: row.ownerId && ownerName !== null ? { id: row.ownerId, name: ownerName } : null,
    unitId: row.unitId,
    custom: row.custom,
    group: row.groupId && groupName !== null ? { id: row.groupId, name: groupName } : null,
    parentCompanyId: row.parentCompanyId,
    relationshipStyle: row.relationshipStyle,
    portalAccess: row.portalAccess,
    tags: row.tags,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastContactAt: row.lastContactAt?.toISOString() ?? null,
    attribution: presentAttribution(row, names),
  };
}
