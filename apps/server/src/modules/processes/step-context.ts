import type { TProcessFormValues, TProcessRecordType } from '@clientela/contract';
import type { Executor } from '../../db/client.ts';

/** The record an instance is about. */
export type ProcessRecord = { type: TProcessRecordType; id: string };

/**
 * What a service task's action gets: the transaction that saves the step (so what the action
 * writes is saved with it, once) and the instance it runs in.
 */
export type StepContext = {
  tx: Executor;
  workspaceId: string;
  instanceId: string;
  definitionId: string;
  processName: string;
  elementId: string;
  record: ProcessRecord | null;
  /** Every form value filled so far. */
  form: TProcessFormValues;
  /** Who started the instance: actions act in their name. Null when a schedule started it. */
  starterId: string | null;
  now: Date;
  /** What earlier service tasks returned, by element id. */
  results?: Record<string, unknown>;
};

/** A service task's parameters as written in the model (`clientela:param`), placeholders not yet filled. */
export type ActionParams = Record<string, string>;

/**
 * Runs one action of the catalogue; its result is kept for later conditions as
 * `results.<elementId>`. Throwing a BpmnError hands the step to an error boundary event with
 * that code (or fails the instance when there is none).
 */
export type ActionHandler = (step: StepContext, params: ActionParams) => Promise<Record<string, unknown> | undefined>;

/** A business error of a step, caught by an error boundary event whose error code matches. */
export class BpmnError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Starts the published version of a process; inside the caller's transaction when given one. */
export type StartInstanceInput = {
  workspaceId: string;
  definitionId: string;
  actorId: string | null;
  record?: ProcessRecord;
  startEventId?: string;
  form?: TProcessFormValues;
};
export type StartInstance = (db: Executor, input: StartInstanceInput, now: Date) => Promise<{ id: string }>;
