import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { admin, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created.
// Acceptance of the designer: every model of the BPMN interchange working group's test suite (the
// reference models and Signavio's exports of them) imports, is drawn, and exports again with the same
// BPMN elements: the same ids with the same types, whatever order or formatting the export chooses.

const root = fileURLToPath(new URL('../../test-data/bpmn-miwg/', import.meta.url));
const FOLDERS = ['reference', 'signavio'];
const files = FOLDERS.flatMap((folder) =>
  fs
    .readdirSync(path.join(root, folder))
    .filter((name) => name.endsWith('.bpmn'))
    .sort()
    .map((name) => ({ folder, name, file: path.join(root, folder, name) })),
);
/** Models worth a look once drawn: a plain process, a collaboration, a large one with pools and lanes. */
const SHOWN = new Set(['reference/A.1.0.bpmn', 'reference/B.2.0.bpmn', 'reference/C.1.0.bpmn']);

type ModdleNode = { $type?: string; id?: unknown; [key: string]: unknown };
type Moddle = { fromXML(xml: string): Promise<{ rootElement: ModdleNode }> };

// bpmn-moddle ships no types for its main entry; its class is used as the server uses it.
const moddleModule = 'bpmn-moddle';
let moddle: Promise<Moddle> | undefined;
const loadModdle = () => {
  moddle ??= import(moddleModule).then(({ BpmnModdle }: { BpmnModdle: new () => Moddle }) => new BpmnModdle());
  return moddle;
};

/**
 * Every model element with an id, as `type#id`: a walk over the whole moddle tree (root elements, flow
 * elements, lanes, artifacts, diagrams and their shapes…), each object visited once whatever refers to it.
 */
async function elementsOf(xml: string): Promise<string[]> {
  const { rootElement } = await (await loadModdle()).fromXML(xml);
  const found = new Set<string>();
  const seen = new Set<object>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const node = value as ModdleNode;
    if (typeof node.$type === 'string' && typeof node.id === 'string') found.add(`${node.$type}#${node.id}`);
    for (const [key, child] of Object.entries(node)) {
      // `$parent` leads back up, `$attrs` holds plain attribute strings, `$model`/`$descriptor` are the schema.
      if (key.startsWith('$')) continue;
      visit(child);
    }
  };
  visit(rootElement);
  return [...found].sort();
}

/** Signs the admin in and creates an empty process, leaving the page in its designer. */
async function newProcessInDesigner(page: Page, name: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto('/processes');
  await page.getByRole('button', { name: 'New process' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill(name);
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/processes\/[^/]+\/design$/);
  await expect(page.locator('.djs-palette')).toBeVisible();
}

/** Exports the canvas through the toolbar and reads the file. */
async function exportModel(page: Page): Promise<{ name: string; xml: string }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .bpmn' }).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), xml: fs.readFileSync(await download.path(), 'utf8') };
}

test('designer: every interchange model imports, renders and exports with the same elements', async ({ page }) => {
  test.setTimeout(240_000);

  await test.step('the admin signs in and creates a process to design', async () => {
    await newProcessInDesigner(page, 'Interchange round trip');
  });

  expect(files).toHaveLength(40);
  const input = page.getByTestId('bpmn-import-input');
  const status = page.getByTestId('import-status');
  for (const { folder, name, file } of files) {
    await test.step(`${folder}/${name}`, async () => {
      const original = fs.readFileSync(file, 'utf8');
      await input.setInputFiles(file);
      await expect(status).toHaveText(new RegExp(`^${name.replace(/\./g, '\\.')} imported`));
      // Drawn: the canvas holds a shape for the model's elements.
      await expect(page.locator('.djs-container .djs-element').first()).toBeAttached();
      if (SHOWN.has(`${folder}/${name}`)) {
        await page.screenshot({ path: screenshot(`bpmn-${name.replace(/\.bpmn$/, '')}.png`), fullPage: false });
      }

      const { name: fileName, xml: exported } = await exportModel(page);
      expect(fileName).toBe('Interchange-round-trip.bpmn');

      const before = await elementsOf(original);
      const after = await elementsOf(exported);
      expect(before.length, `${name} has elements`).toBeGreaterThan(0);
      expect.soft(after, `${folder}/${name}: elements after the round trip`).toEqual(before);
    });
  }
});

// A small complaint process: who assesses it, what they fill, where the verdict leads, what is sent.
const COMPLAINT = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="Complaint" isExecutable="true">
    <bpmn:startEvent id="Start" name="Complaint received"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Assess" name="Assess the complaint"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:exclusiveGateway id="Founded" name="Founded?"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>yes</bpmn:outgoing><bpmn:outgoing>no</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:serviceTask id="Notify" name="Tell the customer"><bpmn:incoming>yes</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="Done"><bpmn:incoming>f3</bpmn:incoming><bpmn:incoming>no</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Assess" />
    <bpmn:sequenceFlow id="f2" sourceRef="Assess" targetRef="Founded" />
    <bpmn:sequenceFlow id="yes" name="yes" sourceRef="Founded" targetRef="Notify" />
    <bpmn:sequenceFlow id="no" name="no" sourceRef="Founded" targetRef="Done" />
    <bpmn:sequenceFlow id="f3" sourceRef="Notify" targetRef="Done" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="Complaint">
    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Assess_di" bpmnElement="Assess"><dc:Bounds x="190" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Founded_di" bpmnElement="Founded" isMarkerVisible="true"><dc:Bounds x="345" y="93" width="50" height="50" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Notify_di" bpmnElement="Notify"><dc:Bounds x="450" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Done_di" bpmnElement="Done"><dc:Bounds x="612" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="190" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="290" y="118" /><di:waypoint x="345" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="yes_di" bpmnElement="yes"><di:waypoint x="395" y="118" /><di:waypoint x="450" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="no_di" bpmnElement="no"><di:waypoint x="370" y="143" /><di:waypoint x="370" y="220" /><di:waypoint x="630" y="220" /><di:waypoint x="630" y="136" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="550" y="118" /><di:waypoint x="612" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

test('designer: the Clientela panel sets performer, due time, form, action and condition; the process is published and started', async ({
  page,
}) => {
  // A name of this run's own: other runs against the same server leave theirs in the list.
  const processName = `Complaint panel ${randomInt(100_000)}`;
  await newProcessInDesigner(page, processName);
  await page
    .getByTestId('bpmn-import-input')
    .setInputFiles({ name: 'complaint.bpmn', mimeType: 'application/xml', buffer: Buffer.from(COMPLAINT) });
  await expect(page.getByTestId('import-status')).toHaveText(/^complaint\.bpmn imported with 0 warnings/);
  const panel = page.locator('.clientela-designer-panel');
  const group = (label: string) =>
    panel.locator('.bio-properties-panel-group').filter({ has: page.locator('.bio-properties-panel-group-header', { hasText: label }) });
  const openGroup = async (label: string) => {
    const header = group(label).locator('.bio-properties-panel-group-header');
    if (!(await header.evaluate((node) => node.classList.contains('open')))) await header.click();
  };

  await test.step('the user task is given to the record owner, due in 2 days 4 hours, with a verdict to choose', async () => {
    await page.locator('.djs-element[data-element-id="Assess"]').click();
    await openGroup('Clientela');
    await group('Clientela').getByLabel('Performed by').selectOption({ label: "The record's owner" });
    await group('Clientela').getByLabel('Due in (days)').fill('2');
    await group('Clientela').getByLabel('and hours').fill('4');
    await expect(group('Clientela')).toContainText('Saved as P2DT4H');
    await group('Form to fill').locator('.bio-properties-panel-add-entry').click();
    const field = group('Form to fill').locator('.bio-properties-panel-list-item').first();
    await field.getByLabel('Key (used in conditions: form.key)').fill('verdict');
    await field.getByLabel('Label').fill('Verdict');
    await field.getByLabel('Type').selectOption({ label: 'List of choices' });
    await field.getByLabel('Required').check();
    await field.getByLabel('Choices').fill('founded|unfounded');
    await page.screenshot({ path: screenshot('bpmn-designer-user-task.png') });
  });

  await test.step('the service task sends an e-mail to the owner', async () => {
    await page.locator('.djs-element[data-element-id="Notify"]').click();
    await openGroup('Clientela');
    await group('Clientela').getByLabel('Does').selectOption({ label: 'Send an e-mail' });
    await group('Clientela').getByLabel('To *').fill('owner');
    await group('Clientela').getByLabel('Subject *').fill('About {{record.name}}');
    await group('Clientela').getByLabel('Text *').fill('Your complaint is founded.');
  });

  await test.step('the flow out of the gateway gets its condition', async () => {
    await page.locator('.djs-element[data-element-id="yes"]').click({ force: true });
    await openGroup('Clientela');
    await group('Clientela').getByLabel('Condition (FEEL)').fill('form.verdict = "founded"');
    await expect(group('Clientela')).toContainText('Examples:');
  });

  await test.step('the exported model carries all of it', async () => {
    // Let the last debounced input reach the model.
    await page.waitForTimeout(500);
    const { xml } = await exportModel(page);
    expect(xml).toContain('clientela:performer="owner"');
    expect(xml).toContain('clientela:due="P2DT4H"');
    expect(xml).toMatch(
      /<clientela:formField key="verdict" label="Verdict" type="select" required="true" options="founded\|unfounded" \/>/,
    );
    expect(xml).toContain('clientela:action="sendEmail"');
    expect(xml).toContain('<clientela:param name="to">owner</clientela:param>');
    expect(xml).toContain('<clientela:param name="subject">About {{record.name}}</clientela:param>');
    expect(xml).toMatch(
      /<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="feel">form\.verdict = "founded"<\/bpmn:conditionExpression>/,
    );
  });

  await test.step('the draft is saved and checked', async () => {
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved')).toBeVisible();
    await expect(page.getByText('Unsaved changes')).toBeHidden();
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByText(/^Errors: \d+, warnings: \d+|^No problems/)).toBeVisible();
    await page.screenshot({ path: screenshot('bpmn-designer-check.png') });
    // A problem on an element selects it, and the panel shows it.
    await page.getByRole('button', { name: /^no: this flow leaves a gateway/ }).click();
    await expect(page.locator('.bio-properties-panel-header-label')).toHaveText('no');
  });

  await test.step('the other flow becomes the default one; the process is published and started by hand', async () => {
    await page.locator('.djs-context-pad .entry[data-action="replace"]').click();
    await page.locator('.djs-popup').getByText('Default flow', { exact: true }).click();
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.locator('.ant-message').getByText('Version 1 published', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: '← Processes' }).click();
    const row = page.getByRole('row').filter({ hasText: processName });
    await expect(row.getByText('v1')).toBeVisible();
    await expect(row).toContainText('By hand');
    await page.screenshot({ path: screenshot('bpmn-processes-list.png') });
    await row.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start' }).click();
    await expect(page.getByText('The process has started')).toBeVisible();
    await expect(page).toHaveURL(/\/processes\/instances\/[^/]+$/);
  });
});
