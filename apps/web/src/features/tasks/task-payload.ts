import type { TCreateTaskInput, TTask } from '@clientela/contract';
import type { Dayjs } from 'dayjs';
import { fromZonedPickerValue } from '../../lib/zoned-time.ts';

/** The records a new task is about, by id, as a page that offers "Send a task" knows them. */
export type TaskAbout = { companies?: string[]; contacts?: string[]; agreements?: string[]; contracts?: string[]; deals?: string[] };

/** The send drawer's form. */
export type SendTaskValues = {
  title: string;
  description?: string;
  priority: TTask['priority'];
  target: 'person' | 'queue';
  assigneeId?: string | null;
  queueUnitId?: string | null;
  kind?: string;
  dueAt?: Dayjs | null;
  checklist?: { text?: string }[];
  watcherIds?: string[];
};

const nonEmpty = (ids: string[] | undefined) => (ids && ids.length > 0 ? ids : undefined);

/** The `POST /tasks` body: to the person or the queue chosen, the due time read in the user's zone. */
export function toCreateTaskInput(values: SendTaskValues, timeZone: string, about: TaskAbout = {}): TCreateTaskInput {
  const checklist = (values.checklist ?? [])
    .map((item) => item.text?.trim() ?? '')
    .filter((text) => text !== '')
    .map((text) => ({ text, done: false }));
  const input: TCreateTaskInput = {
    title: values.title.trim(),
    description: values.description?.trim() || null,
    priority: values.priority,
    kind: values.kind?.trim() || null,
    dueAt: values.dueAt ? fromZonedPickerValue(values.dueAt, timeZone) : null,
    checklist,
    watcherIds: values.watcherIds ?? [],
  };
  if (values.target === 'queue') input.queueUnitId = values.queueUnitId ?? undefined;
  else input.assigneeId = values.assigneeId ?? undefined;
  const links = {
    companyIds: nonEmpty(about.companies),
    contactIds: nonEmpty(about.contacts),
    agreementIds: nonEmpty(about.agreements),
    contractIds: nonEmpty(about.contracts),
    dealIds: nonEmpty(about.deals),
  };
  for (const [key, ids] of Object.entries(links)) if (ids) input[key as keyof typeof links] = ids;
  return input;
}
