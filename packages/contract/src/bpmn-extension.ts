/**
 * What a BPMN model says beyond the standard so that the engine can run it: who performs a user
 * task and by when, the form filled on it, what a service task does, what starts the process.
 * Written as the `clientela:` namespace, read by bpmn-moddle on both sides (designer and engine):
 *
 * ```xml
 * <bpmn:userTask id="assess" name="Assess" clientela:performer="unit" clientela:performerId="…" clientela:due="P2D">
 *   <bpmn:extensionElements>
 *     <clientela:formField key="verdict" label="Verdict" type="select" required="true" options="founded|unfounded" />
 *   </bpmn:extensionElements>
 * </bpmn:userTask>
 * <bpmn:serviceTask id="mail" clientela:action="sendEmail">
 *   <bpmn:extensionElements>
 *     <clientela:param name="to">owner</clientela:param>
 *     <clientela:param name="subject">About {{record.name}}</clientela:param>
 *   </bpmn:extensionElements>
 * </bpmn:serviceTask>
 * <bpmn:sequenceFlow id="f1"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="feel">form.verdict = "founded"</bpmn:conditionExpression></bpmn:sequenceFlow>
 * ```
 *
 * Conditions on gateways' outgoing flows are FEEL expressions (the BPMN/DMN expression language)
 * over `record` (the fields of the record the instance is about) and `form` (every value filled
 * in the instance's forms so far, the start form included).
 */
export const CLIENTELA_BPMN_URI = 'http://clientela.app/schema/bpmn/1.0';

/** Who performs a user task: a named user, anyone with a role, a unit's queue, the record's owner, or the owner's manager. */
export const PERFORMER_KINDS = ['user', 'role', 'unit', 'owner', 'ownerManager'] as const;
export type TPerformerKind = (typeof PERFORMER_KINDS)[number];

/** What a service task does: the fixed catalogue. */
export const SERVICE_ACTIONS = ['setField', 'createRecord', 'createActivity', 'sendEmail', 'callWebhook', 'startProcess'] as const;
export type TServiceAction = (typeof SERVICE_ACTIONS)[number];

/** What starts a process (on a start event). */
export const START_TRIGGERS = ['manual', 'recordCreated', 'fieldChanged', 'schedule', 'form'] as const;
export type TStartTrigger = (typeof START_TRIGGERS)[number];

/** The records a process can be about (and be started by). */
export const PROCESS_RECORD_TYPES = ['company', 'contact', 'deal', 'agreement', 'contract', 'case'] as const;
export type TProcessRecordType = (typeof PROCESS_RECORD_TYPES)[number];

/** The kinds of field a process form has. */
export const FORM_FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'select', 'boolean'] as const;
export type TFormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** The moddle descriptor of the `clientela:` namespace, for bpmn-moddle / bpmn-js `moddleExtensions`. */
export const CLIENTELA_MODDLE = {
  name: 'Clientela',
  prefix: 'clientela',
  uri: CLIENTELA_BPMN_URI,
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      name: 'Performer',
      extends: ['bpmn:UserTask'],
      properties: [
        /** One of PERFORMER_KINDS. */
        { name: 'performer', isAttr: true, type: 'String' },
        /** The user's id, the role (admin, manager, employee) or the unit's id. */
        { name: 'performerId', isAttr: true, type: 'String' },
        /** How long the performer has, as an ISO 8601 duration (`P2D`, `PT4H`). */
        { name: 'due', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'Action',
      extends: ['bpmn:ServiceTask', 'bpmn:SendTask'],
      properties: [{ name: 'action', isAttr: true, type: 'String' }],
    },
    {
      name: 'Trigger',
      extends: ['bpmn:StartEvent'],
      properties: [
        /** One of START_TRIGGERS; none is 'manual'. */
        { name: 'trigger', isAttr: true, type: 'String' },
        /** For recordCreated / fieldChanged, and the record a manual or form start asks for. */
        { name: 'recordType', isAttr: true, type: 'String' },
        /** For fieldChanged: which field. */
        { name: 'field', isAttr: true, type: 'String' },
        /** For schedule: a cron expression in the workspace's time zone (`0 9 * * 1`). */
        { name: 'cron', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'FormField',
      superClass: ['Element'],
      properties: [
        { name: 'key', isAttr: true, type: 'String' },
        { name: 'label', isAttr: true, type: 'String' },
        /** One of FORM_FIELD_TYPES. */
        { name: 'type', isAttr: true, type: 'String' },
        { name: 'required', isAttr: true, type: 'Boolean' },
        /** A select's choices, separated by `|`. */
        { name: 'options', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'Param',
      superClass: ['Element'],
      properties: [
        { name: 'name', isAttr: true, type: 'String' },
        { name: 'value', isBody: true, type: 'String' },
      ],
    },
  ],
  enumerations: [],
} as const;

/**
 * The parameters (`clientela:param`) each service action takes, and which it needs. Values may hold
 * placeholders filled at run time: `{{record.name}}`, `{{form.reason}}`, `{{process.name}}`.
 */
export const SERVICE_ACTION_PARAMS: Record<TServiceAction, readonly { name: string; required: boolean }[]> = {
  /** Sets a field of the instance's record. */
  setField: [
    { name: 'field', required: true },
    { name: 'value', required: true },
  ],
  /** Creates a company, contact or deal (`recordType`) named `name`. */
  createRecord: [
    { name: 'recordType', required: true },
    { name: 'name', required: true },
  ],
  /** Writes an activity (call, meeting, note…) on the instance's record. */
  createActivity: [
    { name: 'kind', required: true },
    { name: 'subject', required: true },
    { name: 'body', required: false },
  ],
  /** `to`: owner, ownerManager, starter, contact, or an e-mail address. */
  sendEmail: [
    { name: 'to', required: true },
    { name: 'subject', required: true },
    { name: 'body', required: true },
  ],
  /** Calls an http(s) URL (POST by default) with the instance as JSON, or with `body`. */
  callWebhook: [
    { name: 'url', required: true },
    { name: 'method', required: false },
    { name: 'body', required: false },
  ],
  /** Starts the published version of another process (`definitionId`) on the same record. */
  startProcess: [{ name: 'definitionId', required: true }],
};

/** The stable codes of the problems a model's check reports (the designer translates them). */
export const PROCESS_PROBLEM_CODES = [
  'bpmn_invalid',
  'no_process',
  'no_start_event',
  'start_trigger_invalid',
  'performer_missing',
  'performer_invalid',
  'due_invalid',
  'form_field_invalid',
  'action_missing',
  'action_param_missing',
  'action_param_invalid',
  'condition_missing',
  'condition_invalid',
  'timer_invalid',
  'unsupported_element',
  'inclusive_join',
  'start_loop',
  // Warnings: publication goes ahead.
  'unreachable',
  'no_end_event',
  'moddle_warning',
] as const;
export type TProcessProblemCode = (typeof PROCESS_PROBLEM_CODES)[number];
