import {
  ACTIVITY_FIELDS_OF,
  type TActivity,
  type TActivityType,
  type TCreateActivityInput,
  type TUpdateActivityInput,
} from '@clientela/contract';
import type { Dayjs } from 'dayjs';
import { fromZonedPickerValue, nowInZone, toZonedPickerValue } from '../../lib/zoned-time.ts';
import { textOrNull } from '../customers/payload.ts';

type Direction = NonNullable<TActivity['direction']>;
type Outcome = NonNullable<TActivity['outcome']>;

/** The log form's values; dates are picker values read in the user's time zone. */
export type ActivityFormValues = {
  type: TActivityType;
  subject?: string | null;
  /** HTML from the editor; '' when empty. */
  body?: string | null;
  occurredAt?: Dayjs | null;
  direction?: Direction | null;
  outcome?: Outcome | null;
  durationMinutes?: number | null;
  place?: string | null;
  participants?: string | null;
  followUpAt?: Dayjs | null;
  companyIds?: string[];
  contactIds?: string[];
  dealIds?: string[];
};

type Named = { id: string; name: string };

/** What a new activity is about at first: the page's own record, a deal with its customer. */
export type ActivityAbout = { companies?: readonly Named[]; contacts?: readonly Named[]; deals?: readonly { id: string; title: string }[] };

/** A new activity about the records given, happening now. */
export function newActivityValues(timeZone: string, about: ActivityAbout, type: TActivityType = 'call'): ActivityFormValues {
  return {
    type,
    subject: '',
    body: '',
    occurredAt: nowInZone(timeZone),
    direction: type === 'call' || type === 'email' ? 'outbound' : null,
    outcome: null,
    durationMinutes: null,
    place: '',
    participants: '',
    followUpAt: null,
    companyIds: (about.companies ?? []).map((record) => record.id),
    contactIds: (about.contacts ?? []).map((record) => record.id),
    dealIds: (about.deals ?? []).map((deal) => deal.id),
  };
}

/** An activity as the form shows it for editing. */
export function toActivityFormValues(activity: TActivity, timeZone: string): ActivityFormValues {
  return {
    type: activity.type,
    subject: activity.subject ?? '',
    body: activity.body ?? '',
    occurredAt: toZonedPickerValue(activity.occurredAt, timeZone),
    direction: activity.direction,
    outcome: activity.outcome,
    durationMinutes: activity.durationMinutes,
    place: activity.place ?? '',
    participants: activity.participants ?? '',
    followUpAt: activity.followUpAt ? toZonedPickerValue(activity.followUpAt, timeZone) : null,
    companyIds: activity.links.filter((link) => link.type === 'company').map((link) => link.id),
    contactIds: activity.links.filter((link) => link.type === 'contact').map((link) => link.id),
    dealIds: activity.deals.map((deal) => deal.id),
  };
}

/** An editor's HTML with no text in it ("<p></p>") counts as no body. */
function bodyOrNull(html: string | null | undefined): string | null {
  if (!html) return null;
  return html.replace(/<[^>]*>/g, '').trim() ? html : null;
}

/**
 * The form's values as the API takes them: only the fields of the chosen type are sent (the
 * server refuses the others), and times are instants read in the user's time zone.
 */
export function toActivityInput(values: ActivityFormValues, timeZone: string): TCreateActivityInput {
  const own = ACTIVITY_FIELDS_OF[values.type];
  const input: TCreateActivityInput = {
    type: values.type,
    subject: textOrNull(values.subject),
    body: bodyOrNull(values.body),
    occurredAt: values.occurredAt ? fromZonedPickerValue(values.occurredAt, timeZone) : undefined,
    followUpAt: values.followUpAt ? fromZonedPickerValue(values.followUpAt, timeZone) : null,
    companyIds: values.companyIds ?? [],
    contactIds: values.contactIds ?? [],
    dealIds: values.dealIds ?? [],
  };
  if (own.includes('direction')) input.direction = values.direction ?? null;
  if (own.includes('outcome')) input.outcome = values.outcome ?? null;
  if (own.includes('durationMinutes')) input.durationMinutes = values.durationMinutes ?? null;
  if (own.includes('place')) input.place = textOrNull(values.place);
  if (own.includes('participants')) input.participants = textOrNull(values.participants);
  return input;
}

/**
 * What an edit changes: the fields whose value differs from the activity as it was opened. Links
 * are sent only when changed, since they replace all of them, including records the editor may
 * not see.
 */
export function activityChanges(before: TCreateActivityInput, after: TCreateActivityInput): TUpdateActivityInput {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before[key as keyof TCreateActivityInput];
    if (JSON.stringify(value ?? null) !== JSON.stringify(old ?? null)) changes[key] = value;
  }
  return changes as TUpdateActivityInput;
}
