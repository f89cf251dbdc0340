import type { TContact } from '@clientela/contract';
import { type AttributionNames, presentAttribution } from '../campaigns/index.ts';
import type { contacts } from './contacts.table.ts';

/** A stored row without the search columns, which never leave the database. */
export type ContactRow = Omit<typeof contacts.$inferSelect, 'searchText' | 'searchVector'>;
export type ContactCompany = { id: string; name: string; role: string };

/** Exactly the fields of a contact that leave the server. */
export function presentContact(row: ContactRow, ownerName: string | null, companies: ContactCompany[], names: AttributionNames): TContact {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    name: row.name ?? '',
    position: row.position,
    birthday: row.birthday,
    preferredChannel: row.preferredChannel,
    preferences: row.preferences,
    personalEvents: row.personalEvents,
    companies,
    relationships: row.relationships as TContact['relationships'],
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
    tags: row.tags,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastContactAt: row.lastContactAt?.toISOString() ?? null,
    attribution: presentAttribution(row, names),
    language: row.language,
    marketingConsent: row.marketingConsent,
    consentAt: row.consentAt?.toISOString() ?? null,
    consentSource: row.consentSource,
    emailBouncedAt: row.emailBouncedAt?.toISOString() ?? null,
  };
}
