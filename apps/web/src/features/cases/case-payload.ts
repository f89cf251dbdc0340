import type { TCaseChannel, TCaseHandoverInput, TCaseMessageInput, TCasePriority, TCreateCaseInput } from '@clientela/contract';

/** What the "Register a case" form holds. */
export type CaseFormValues = {
  companyId?: string | null;
  contactId?: string | null;
  typeId?: string;
  categoryId?: string | null;
  channel: TCaseChannel;
  priority: TCasePriority;
  productId?: string | null;
  orderId?: string | null;
  subject?: string;
  description?: string;
};

const orNull = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** The form's values as `POST /cases` takes them; routing decides the owner. */
export function toCreateCaseInput(values: CaseFormValues): TCreateCaseInput {
  return {
    subject: values.subject?.trim() ?? '',
    description: orNull(values.description),
    typeId: values.typeId ?? '',
    categoryId: values.categoryId ?? null,
    channel: values.channel,
    priority: values.priority,
    companyId: values.companyId ?? null,
    contactId: values.contactId ?? null,
    productId: values.productId ?? null,
    orderId: values.orderId ?? null,
  };
}

/** A reply as `POST /cases/:id/messages` takes it: the articles inserted travel with it, once each. */
export function toMessageInput(values: {
  kind: TCaseMessageInput['kind'];
  channel?: TCaseChannel;
  body: string;
  articleIds: string[];
}): TCaseMessageInput {
  const articleIds = [...new Set(values.articleIds)];
  return {
    kind: values.kind,
    ...(values.kind === 'note' || !values.channel ? {} : { channel: values.channel }),
    body: values.body.trim(),
    ...(articleIds.length > 0 ? { articleIds } : {}),
  };
}

/** A hand-over as `POST /cases/:id/handover` takes it: a unit, or a person there, and an optional note. */
export function toHandoverInput(values: { unitId?: string | null; assigneeId?: string | null; note?: string }): TCaseHandoverInput {
  const note = values.note?.trim();
  return {
    ...(values.unitId ? { unitId: values.unitId } : {}),
    ...(values.assigneeId ? { assigneeId: values.assigneeId } : {}),
    ...(note ? { note } : {}),
  };
}

/** Inserts an article's answer into a reply: after what is written, separated by a blank line. */
export function insertAnswer(body: string, answer: string): string {
  const text = answer.trim();
  if (!body.trim()) return text;
  return `${body.replace(/\s+$/, '')}\n\n${text}`;
}
