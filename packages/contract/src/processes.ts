import { z } from 'zod';
import { FORM_FIELD_TYPES, PROCESS_RECORD_TYPES, START_TRIGGERS } from './bpmn-extension.ts';
import { LIST_LIMIT_MAX, listOf, ZDay, ZId } from './common.ts';

const ZPerson = z.object({ id: ZId, name: z.string() });

/** The largest `.bpmn` file accepted (a model, not a data dump). */
export const BPMN_XML_MAX = 2_000_000;

export const ZProcessRecordType = z.enum(PROCESS_RECORD_TYPES);
/** The record an instance is about, as far as the reader may see it (name null when not). */
export const ZProcessRecordRef = z.object({ type: ZProcessRecordType, id: ZId, name: z.string().nullable() });
export const ZProcessRecordInput = z.strictObject({ type: ZProcessRecordType, id: ZId });

/** A field of a form filled on a user task (or on a form start event). */
export const ZProcessFormField = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(FORM_FIELD_TYPES),
  required: z.boolean(),
  /** A select's choices. */
  options: z.array(z.string()),
});
export type TProcessFormField = z.infer<typeof ZProcessFormField>;

/** A value filled in a form: text, number, day (as `YYYY-MM-DD`), choice or yes/no. */
export const ZProcessFormValue = z.union([z.string().max(10_000), z.number().finite(), z.boolean(), z.null()]);
export const ZProcessFormValues = z.record(z.string().max(64), ZProcessFormValue);
export type TProcessFormValues = z.infer<typeof ZProcessFormValues>;

/** What starts a published process, read from its start events. */
export const ZProcessTrigger = z.object({
  eventId: z.string(),
  name: z.string().nullable(),
  kind: z.enum(START_TRIGGERS),
  recordType: ZProcessRecordType.nullable(),
  field: z.string().nullable(),
  cron: z.string().nullable(),
  /** The form filled to start it (form trigger; a manual start may have one too). */
  form: z.array(ZProcessFormField),
});
export type TProcessTrigger = z.infer<typeof ZProcessTrigger>;

/** The ready-made processes a workspace can start from. */
export const PROCESS_TEMPLATES = ['orderHandling', 'productionOrder', 'exhibitionPreparation', 'complaintHandling', 'onboarding'] as const;
export const ZProcessTemplateKey = z.enum(PROCESS_TEMPLATES);
export type TProcessTemplateKey = z.infer<typeof ZProcessTemplateKey>;
export const ZProcessTemplate = z.object({ key: ZProcessTemplateKey, name: z.string(), description: z.string() });

/** A process as listed: its draft, and the version new instances use. */
export const ZProcessDefinition = z.object({
  id: ZId,
  name: z.string(),
  description: z.string().nullable(),
  templateKey: ZProcessTemplateKey.nullable(),
  /** The newest published version (new instances use it); null before the first publication. */
  publishedVersion: z.number().int().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  /** The draft differs from the published version. */
  hasUnpublishedChanges: z.boolean(),
  /** What starts the published version. */
  triggers: z.array(ZProcessTrigger),
  running: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TProcessDefinition = z.infer<typeof ZProcessDefinition>;

export const ZProcessVersion = z.object({
  version: z.number().int(),
  publishedAt: z.iso.datetime(),
  publishedBy: ZPerson.nullable(),
  /** Instances of this version, and those still running. */
  instances: z.number().int(),
  running: z.number().int(),
});
export type TProcessVersion = z.infer<typeof ZProcessVersion>;

/** One process with its draft model and its published versions, newest first. */
export const ZProcessDefinitionDetail = ZProcessDefinition.extend({
  draftXml: z.string(),
  draftUpdatedAt: z.iso.datetime(),
  versions: z.array(ZProcessVersion),
});
export type TProcessDefinitionDetail = z.infer<typeof ZProcessDefinitionDetail>;

export const ZProcessDefinitionListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
});
export const ZProcessDefinitionList = listOf(ZProcessDefinition);

/** A new process: empty, from a `.bpmn` file, or from a template (translated to the author's language). */
export const ZCreateProcessDefinitionInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullish(),
  xml: z.string().min(1).max(BPMN_XML_MAX).optional(),
  templateKey: ZProcessTemplateKey.optional(),
});
export type TCreateProcessDefinitionInput = z.infer<typeof ZCreateProcessDefinitionInput>;

/** Saves the draft (any well-formed BPMN; checked in full only on publication). */
export const ZUpdateProcessDefinitionInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(2000).nullish(),
  draftXml: z.string().min(1).max(BPMN_XML_MAX).optional(),
  /** The `draftUpdatedAt` the editor started from: 409 when someone saved in between. */
  baseUpdatedAt: z.iso.datetime().optional(),
});
export type TUpdateProcessDefinitionInput = z.infer<typeof ZUpdateProcessDefinitionInput>;

/** A problem that stops publication, on a model element where there is one. */
export const ZProcessProblem = z.object({
  elementId: z.string().nullable(),
  /** Stable: e.g. `no_start_event`, `performer_missing`, `condition_invalid`, `unsupported_element`. */
  code: z.string(),
  message: z.string(),
});
export type TProcessProblem = z.infer<typeof ZProcessProblem>;
/** The draft's check: publication goes ahead only without errors; warnings are shown. */
export const ZProcessValidation = z.object({ errors: z.array(ZProcessProblem), warnings: z.array(ZProcessProblem) });
export type TProcessValidation = z.infer<typeof ZProcessValidation>;

export const ZPublishProcessResult = z.object({ version: z.number().int(), warnings: z.array(ZProcessProblem) });

export const INSTANCE_STATUSES = ['running', 'completed', 'failed', 'cancelled'] as const;
export const ZProcessInstanceStatus = z.enum(INSTANCE_STATUSES);
export type TProcessInstanceStatus = z.infer<typeof ZProcessInstanceStatus>;

/** A step of an instance: an element the engine entered, when, and who finished it. */
export const ZProcessStep = z.object({
  id: ZId,
  elementId: z.string(),
  elementType: z.string(),
  name: z.string().nullable(),
  status: z.enum(['active', 'completed', 'cancelled', 'failed']),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  actor: ZPerson.nullable(),
  /** The assignment a user step became. */
  taskId: ZId.nullable(),
});
export type TProcessStep = z.infer<typeof ZProcessStep>;

/** A running, finished, failed or cancelled run of a process version. */
export const ZProcessInstance = z.object({
  id: ZId,
  definitionId: ZId,
  processName: z.string(),
  version: z.number().int(),
  status: ZProcessInstanceStatus,
  record: ZProcessRecordRef.nullable(),
  startedBy: ZPerson.nullable(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  /** The elements it waits at now (user tasks, timers). */
  current: z.array(z.object({ elementId: z.string(), name: z.string().nullable(), since: z.iso.datetime() })),
  /** A step is past its due time. */
  overdue: z.boolean(),
  /** Why it failed. */
  error: z.string().nullable(),
});
export type TProcessInstance = z.infer<typeof ZProcessInstance>;

export const ZProcessInstanceDetail = ZProcessInstance.extend({
  /** The model of the instance's own version, to draw its steps on. */
  xml: z.string(),
  steps: z.array(ZProcessStep),
  /** Timers waiting to fire. */
  timers: z.array(z.object({ elementId: z.string(), dueAt: z.iso.datetime() })),
  /** Every form value filled so far. */
  form: ZProcessFormValues,
  /** What the reader may do to it. */
  canCancel: z.boolean(),
  canRetry: z.boolean(),
});
export type TProcessInstanceDetail = z.infer<typeof ZProcessInstanceDetail>;

export const ZProcessInstanceListQuery = z.strictObject({
  definitionId: ZId.optional(),
  status: ZProcessInstanceStatus.optional(),
  recordType: ZProcessRecordType.optional(),
  recordId: ZId.optional(),
  /** Failed, or with a step past its due time. */
  stuck: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
});
export type TProcessInstanceListQuery = z.infer<typeof ZProcessInstanceListQuery>;
export const ZProcessInstanceList = listOf(ZProcessInstance);

/** Starts the published version of a process, about a record, with the start form's values. */
export const ZStartProcessInput = z.strictObject({
  definitionId: ZId,
  record: ZProcessRecordInput.optional(),
  /** Which start event (manual or form); the only one when omitted. */
  startEventId: z.string().max(200).optional(),
  form: ZProcessFormValues.optional(),
});
export type TStartProcessInput = z.infer<typeof ZStartProcessInput>;

export const ZCancelProcessInput = z.strictObject({ reason: z.string().trim().min(1).max(1000) });

/** A user step waiting for (or done by) a person: the assignment it became and its form. */
export const ZProcessTask = z.object({
  id: ZId,
  taskId: ZId,
  instanceId: ZId,
  processName: z.string(),
  elementId: z.string(),
  name: z.string().nullable(),
  status: z.enum(['open', 'completed', 'cancelled']),
  form: z.array(ZProcessFormField),
  values: ZProcessFormValues.nullable(),
  record: ZProcessRecordRef.nullable(),
  assignee: ZPerson.nullable(),
  queue: z.object({ id: ZId, name: z.string() }).nullable(),
  dueAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  completedBy: ZPerson.nullable(),
  /** The reader may fill and complete it (theirs, their queue's, or covered for an absent colleague). */
  canComplete: z.boolean(),
});
export type TProcessTask = z.infer<typeof ZProcessTask>;

export const ZProcessTaskListQuery = z.strictObject({
  /** The steps of one assignment (the task page asks so). */
  taskId: ZId.optional(),
  instanceId: ZId.optional(),
  status: z.enum(['open', 'completed', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
});
export type TProcessTaskListQuery = z.infer<typeof ZProcessTaskListQuery>;
export const ZProcessTaskList = listOf(ZProcessTask);

export const ZCompleteProcessTaskInput = z.strictObject({ values: ZProcessFormValues });
export type TCompleteProcessTaskInput = z.infer<typeof ZCompleteProcessTaskInput>;

/** How long a process's runs and steps take, over instances started in a period. */
export const ZProcessStatisticsQuery = z.strictObject({ from: ZDay.optional(), to: ZDay.optional() });
export const ZProcessStatistics = z.object({
  instances: z.object({
    running: z.number().int(),
    completed: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
    avgMs: z.number().nullable(),
    p90Ms: z.number().nullable(),
  }),
  steps: z.array(
    z.object({
      elementId: z.string(),
      name: z.string().nullable(),
      elementType: z.string(),
      count: z.number().int(),
      /** Still waiting at this step now. */
      active: z.number().int(),
      avgMs: z.number().nullable(),
      p90Ms: z.number().nullable(),
    }),
  ),
  refreshedAt: z.iso.datetime(),
});
export type TProcessStatistics = z.infer<typeof ZProcessStatistics>;
