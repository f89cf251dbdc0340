import { readdirSync, readFileSync } from 'node:fs';
import { PROCESS_PROBLEM_CODES, type TProcessValidation } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { BPMN_NAMESPACES, executableProcess, formFieldsOf, paramsOf, parseBpmn, startEventsOf, triggersOf } from './model.ts';
import { feelSyntaxError, isIsoCycle, isIsoDuration, type ValidationLookups, validateModel } from './validate.ts';

const USER = '11111111-1111-4111-8111-111111111111';
const UNIT = '22222222-2222-4222-8222-222222222222';
const PUBLISHED = '33333333-3333-4333-8333-333333333333';
const lookups: ValidationLookups = {
  isActiveUser: async (id) => id === USER,
  isUnit: async (id) => id === UNIT,
  isPublishedDefinition: async (id) => id === PUBLISHED,
};

const model = (body: string, executable = true) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${BPMN_NAMESPACES} id="D" targetNamespace="http://example.test">
  <bpmn:process id="P" isExecutable="${executable}">${body}</bpmn:process>
</bpmn:definitions>`;

const codesOf = (result: TProcessValidation) => ({
  errors: [...new Set(result.errors.map((p) => p.code))].sort(),
  warnings: [...new Set(result.warnings.map((p) => p.code))].sort(),
});
const byElement = (result: TProcessValidation, id: string) => result.errors.filter((p) => p.elementId === id).map((p) => p.code);

const BAD = model(`
  <bpmn:startEvent id="start" name="Complaint" clientela:trigger="fieldChanged" clientela:recordType="company" />
  <bpmn:startEvent id="cron" clientela:trigger="schedule" clientela:cron="61 9 * * 1" />
  <bpmn:startEvent id="form" clientela:trigger="form">
    <bpmn:extensionElements>
      <clientela:formField key="1bad" label="Bad key" type="text" />
      <clientela:formField key="pick" label="Pick" type="select" />
      <clientela:formField key="pick" label="Pick again" type="colour" />
    </bpmn:extensionElements>
  </bpmn:startEvent>
  <bpmn:userTask id="nobody" name="Nobody does it" />
  <bpmn:userTask id="ghost" clientela:performer="user" clientela:performerId="${UNIT}" clientela:due="two days" />
  <bpmn:userTask id="badRole" clientela:performer="role" clientela:performerId="boss" />
  <bpmn:userTask id="badUnit" clientela:performer="unit" clientela:performerId="not-a-uuid" />
  <bpmn:userTask id="fine" clientela:performer="user" clientela:performerId="${USER}" clientela:due="P1DT2H" />
  <bpmn:serviceTask id="what" name="Does what?" />
  <bpmn:serviceTask id="mail" clientela:action="sendEmail">
    <bpmn:extensionElements><clientela:param name="to">owner</clientela:param></bpmn:extensionElements>
  </bpmn:serviceTask>
  <bpmn:serviceTask id="hook" clientela:action="callWebhook">
    <bpmn:extensionElements><clientela:param name="url">ftp://example.test/x</clientela:param></bpmn:extensionElements>
  </bpmn:serviceTask>
  <bpmn:sendTask id="sub" clientela:action="startProcess">
    <bpmn:extensionElements><clientela:param name="definitionId">${USER}</clientela:param></bpmn:extensionElements>
  </bpmn:sendTask>
  <bpmn:serviceTask id="rec" clientela:action="createRecord">
    <bpmn:extensionElements><clientela:param name="recordType">invoice</clientela:param><clientela:param name="name">X</clientela:param></bpmn:extensionElements>
  </bpmn:serviceTask>
  <bpmn:serviceTask id="act" clientela:action="createActivity">
    <bpmn:extensionElements><clientela:param name="kind">lunch</clientela:param><clientela:param name="subject">X</clientela:param></bpmn:extensionElements>
  </bpmn:serviceTask>
  <bpmn:scriptTask id="script" name="Script" />
  <bpmn:complexGateway id="complex" />
  <bpmn:exclusiveGateway id="gw" name="Founded?" />
  <bpmn:inclusiveGateway id="join" />
  <bpmn:intermediateCatchEvent id="wait">
    <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">two days</bpmn:timeDuration></bpmn:timerEventDefinition>
  </bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="cycle">
    <bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>
  </bpmn:intermediateCatchEvent>
  <bpmn:endEvent id="end" />
  <bpmn:task id="island" name="Island" />
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
  <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="nobody" />
  <bpmn:sequenceFlow id="f3" sourceRef="gw" targetRef="ghost">
    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">form.verdict = "x" and (</bpmn:conditionExpression>
  </bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="f4" sourceRef="nobody" targetRef="join" />
  <bpmn:sequenceFlow id="f5" sourceRef="ghost" targetRef="join" />
  <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="end" />
  <bpmn:sequenceFlow id="f7" sourceRef="form" targetRef="end" />
  <bpmn:sequenceFlow id="f8" sourceRef="cron" targetRef="end" />
`);

describe('the model check', () => {
  it('names every problem of a crafted bad model with its code and element', async () => {
    const result = await validateModel(BAD, lookups);
    expect(codesOf(result)).toEqual({
      errors: [
        'action_missing',
        'action_param_invalid',
        'action_param_missing',
        'condition_invalid',
        'condition_missing',
        'due_invalid',
        'form_field_invalid',
        'inclusive_join',
        'performer_invalid',
        'performer_missing',
        'start_trigger_invalid',
        'timer_invalid',
        'unsupported_element',
      ],
      warnings: ['unreachable'],
    });
    expect(byElement(result, 'start')).toEqual(['start_trigger_invalid']);
    expect(byElement(result, 'cron')).toEqual(['start_trigger_invalid']);
    expect(byElement(result, 'form').sort()).toEqual([
      'form_field_invalid',
      'form_field_invalid',
      'form_field_invalid',
      'form_field_invalid',
    ]);
    expect(byElement(result, 'nobody')).toEqual(['performer_missing']);
    expect(byElement(result, 'ghost').sort()).toEqual(['due_invalid', 'performer_invalid']);
    expect(byElement(result, 'badRole')).toEqual(['performer_invalid']);
    expect(byElement(result, 'badUnit')).toEqual(['performer_invalid']);
    expect(byElement(result, 'fine')).toEqual([]);
    expect(byElement(result, 'what')).toEqual(['action_missing']);
    expect(byElement(result, 'mail').sort()).toEqual(['action_param_missing', 'action_param_missing']);
    for (const id of ['hook', 'sub', 'rec', 'act']) expect(byElement(result, id)).toEqual(['action_param_invalid']);
    expect(byElement(result, 'script')).toEqual(['unsupported_element']);
    expect(byElement(result, 'complex')).toEqual(['unsupported_element']);
    expect(byElement(result, 'f2')).toEqual(['condition_missing']);
    expect(byElement(result, 'f3')).toEqual(['condition_invalid']);
    expect(byElement(result, 'join')).toEqual(['inclusive_join']);
    expect(byElement(result, 'wait')).toEqual(['timer_invalid']);
    expect(byElement(result, 'cycle')).toEqual([]);
    expect(result.warnings.map((p) => p.elementId)).toContain('island');
    const nobody = result.errors.find((p) => p.elementId === 'nobody');
    expect(nobody?.message).toContain('"Nobody does it"');
    expect(result.errors.find((p) => p.elementId === 'f3')?.message).toMatch(/FEEL/);
  });

  it('reports models without a process, a start event or an end event, and what the parser skipped', async () => {
    expect(codesOf(await validateModel('<nope/>', lookups)).errors).toEqual(['bpmn_invalid']);
    const empty = `<bpmn:definitions ${BPMN_NAMESPACES} id="D" targetNamespace="x" />`;
    expect(codesOf(await validateModel(empty, lookups)).errors).toEqual(['no_process']);
    expect(codesOf(await validateModel(model('<bpmn:startEvent id="s" />', false), lookups)).errors).toEqual(['no_process']);
    const bare = await validateModel(model('<bpmn:task id="t" /><bpmn:fancyThing id="x" />'), lookups);
    expect(codesOf(bare)).toEqual({ errors: ['no_start_event'], warnings: ['moddle_warning', 'no_end_event'] });
  });

  it('accepts a small valid model and reads its triggers, forms and parameters', async () => {
    const xml = model(`
      <bpmn:startEvent id="s" name="New deal" clientela:trigger="recordCreated" clientela:recordType="deal" />
      <bpmn:startEvent id="m" clientela:trigger="form" clientela:recordType="company">
        <bpmn:extensionElements><clientela:formField key="note" label="Note" type="textarea" required="true" /></bpmn:extensionElements>
      </bpmn:startEvent>
      <bpmn:exclusiveGateway id="g" default="fd" />
      <bpmn:sendTask id="mail" clientela:action="sendEmail">
        <bpmn:extensionElements>
          <clientela:param name="to">owner</clientela:param><clientela:param name="subject">About {{record.name}}</clientela:param>
          <clientela:param name="body">Hello &amp; welcome</clientela:param>
        </bpmn:extensionElements>
      </bpmn:sendTask>
      <bpmn:endEvent id="e" />
      <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="g" />
      <bpmn:sequenceFlow id="f1" sourceRef="m" targetRef="g" />
      <bpmn:sequenceFlow id="fc" sourceRef="g" targetRef="mail">
        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="feel">record.amount &gt; 1000 and form.note != null</bpmn:conditionExpression>
      </bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="fd" sourceRef="g" targetRef="e" />
      <bpmn:sequenceFlow id="f2" sourceRef="mail" targetRef="e" />`);
    expect(await validateModel(xml, lookups)).toEqual({ errors: [], warnings: [] });
    const parsed = await parseBpmn(xml);
    expect(triggersOf(parsed)).toEqual([
      { eventId: 's', name: 'New deal', kind: 'recordCreated', recordType: 'deal', field: null, cron: null, form: [] },
      {
        eventId: 'm',
        name: null,
        kind: 'form',
        recordType: 'company',
        field: null,
        cron: null,
        form: [{ key: 'note', label: 'Note', type: 'textarea', required: true, options: [] }],
      },
    ]);
    const process = executableProcess(parsed);
    expect(process && startEventsOf(process).map((e) => e.id)).toEqual(['s', 'm']);
    expect(formFieldsOf(parsed.elementsById.m as never)).toHaveLength(1);
    expect(paramsOf(parsed.elementsById.mail as never)).toEqual({ to: 'owner', subject: 'About {{record.name}}', body: 'Hello & welcome' });
  });

  it('refuses a process that would start itself without end', async () => {
    const looping = model(`
      <bpmn:startEvent id="created" clientela:trigger="recordCreated" clientela:recordType="company" />
      <bpmn:sequenceFlow id="f1" sourceRef="created" targetRef="copy" />
      <bpmn:serviceTask id="copy" name="Make a branch company" clientela:action="createRecord">
        <bpmn:extensionElements>
          <clientela:param name="recordType">company</clientela:param>
          <clientela:param name="name">{{record.name}} branch</clientela:param>
        </bpmn:extensionElements>
      </bpmn:serviceTask>
      <bpmn:sequenceFlow id="f2" sourceRef="copy" targetRef="again" />
      <bpmn:serviceTask id="again" clientela:action="startProcess">
        <bpmn:extensionElements><clientela:param name="definitionId">${PUBLISHED}</clientela:param></bpmn:extensionElements>
      </bpmn:serviceTask>
      <bpmn:sequenceFlow id="f3" sourceRef="again" targetRef="contact" />
      <bpmn:serviceTask id="contact" clientela:action="createRecord">
        <bpmn:extensionElements>
          <clientela:param name="recordType">contact</clientela:param>
          <clientela:param name="name">Someone</clientela:param>
        </bpmn:extensionElements>
      </bpmn:serviceTask>
      <bpmn:sequenceFlow id="f4" sourceRef="contact" targetRef="end" />
      <bpmn:endEvent id="end" />`);
    const itself = await validateModel(looping, { ...lookups, definitionId: PUBLISHED });
    expect(byElement(itself, 'copy')).toEqual(['start_loop']);
    expect(byElement(itself, 'again')).toEqual(['start_loop']);
    expect(byElement(itself, 'contact')).toEqual([]);
    // Starting another published process is fine.
    expect(byElement(await validateModel(looping, lookups), 'again')).toEqual([]);
  });

  it('knows ISO 8601 durations and cycles and FEEL syntax', () => {
    for (const ok of ['P2D', 'PT4H', 'P1DT2H', 'P1W', 'PT30M', 'P1Y2M']) expect(isIsoDuration(ok)).toBe(true);
    for (const bad of ['P', 'PT', '2D', 'P2H', 'P1DT', 'two days']) expect(isIsoDuration(bad)).toBe(false);
    expect(isIsoCycle('R3/PT1H')).toBe(true);
    expect(isIsoCycle('R/2026-01-01T09:00:00Z/P1D')).toBe(true);
    expect(isIsoCycle('every day')).toBe(false);
    expect(feelSyntaxError('form.verdict = "unfounded"')).toBeNull();
    expect(feelSyntaxError('form.verdict = = ')).toBeTruthy();
  });

  it('uses only codes the contract names', async () => {
    const result = await validateModel(BAD, lookups);
    for (const problem of [...result.errors, ...result.warnings]) expect(PROCESS_PROBLEM_CODES).toContain(problem.code);
  });
});

describe('the interchange working group models', () => {
  for (const folder of ['reference', 'signavio']) {
    const dir = new URL(`../../../../../test-data/bpmn-miwg/${folder}/`, import.meta.url);
    const files = readdirSync(dir).filter((file) => file.endsWith('.bpmn'));
    it(`parses every ${folder} model (${files.length})`, async () => {
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) {
        const parsed = await parseBpmn(readFileSync(new URL(file, dir), 'utf8'));
        expect(parsed.definitions.$type, file).toBe('bpmn:Definitions');
        // The check runs on them too; they are not meant as executable processes.
        await validateModel(readFileSync(new URL(file, dir), 'utf8'), lookups);
      }
    });
  }
});
