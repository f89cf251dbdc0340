import type { TCreateOrderInput, TOrder, TUpdateOrderInput } from '@clientela/contract';
import dayjs, { type Dayjs } from 'dayjs';
import { type LineFormValues, toLineFormValues, toLineInput } from './line-payload.ts';

/** What the order editor holds. */
export type OrderFormValues = {
  companyId?: string | null;
  contactId?: string | null;
  dealId?: string | null;
  unitId?: string | null;
  priceListId?: string | null;
  orderedOn?: Dayjs | null;
  notes?: string | null;
  lines?: LineFormValues[];
};

const notesOf = (values: OrderFormValues) => (values.notes?.trim() ? values.notes.trim() : null);

/** The editor's values as `POST /orders` takes them; without a date the server takes today in the user's time zone. */
export function toOrderInput(values: OrderFormValues): TCreateOrderInput {
  return {
    companyId: values.companyId ?? '',
    contactId: values.contactId ?? null,
    dealId: values.dealId ?? null,
    unitId: values.unitId ?? null,
    priceListId: values.priceListId ?? null,
    orderedOn: values.orderedOn ? values.orderedOn.format('YYYY-MM-DD') : undefined,
    notes: notesOf(values),
    lines: (values.lines ?? []).map(toLineInput),
  };
}

/** What `PATCH /orders/:id` lets change on a new order: its contact, branch, notes and lines. */
export function toOrderUpdate(values: OrderFormValues): TUpdateOrderInput {
  return {
    contactId: values.contactId ?? null,
    unitId: values.unitId ?? null,
    notes: notesOf(values),
    lines: (values.lines ?? []).map(toLineInput),
  };
}

/** A new order, ready for the editor: its stored prices stay as they are. */
export function toOrderFormValues(order: TOrder): OrderFormValues {
  return {
    companyId: order.company.id,
    contactId: order.contact?.id ?? null,
    dealId: order.deal?.id ?? null,
    unitId: order.unit?.id ?? null,
    priceListId: order.priceListId,
    // dayjs reads `YYYY-MM-DD` as local midnight of that day: the day shown is the day stored.
    orderedOn: dayjs(order.orderedOn),
    notes: order.notes,
    lines: order.lines.map(toLineFormValues),
  };
}
