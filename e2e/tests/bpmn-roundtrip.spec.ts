import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
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

test('designer: every interchange model imports, renders and exports with the same elements', async ({ page }) => {
  test.setTimeout(240_000);

  await test.step('the admin signs in and creates a process to design', async () => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto('/processes');
    await page.getByRole('button', { name: 'New process' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Interchange round trip');
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await expect(page).toHaveURL(/\/processes\/[^/]+\/design$/);
    await expect(page.locator('.djs-palette')).toBeVisible();
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

      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export .bpmn' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('Interchange-round-trip.bpmn');
      const exported = fs.readFileSync(await download.path(), 'utf8');

      const before = await elementsOf(original);
      const after = await elementsOf(exported);
      expect(before.length, `${name} has elements`).toBeGreaterThan(0);
      expect.soft(after, `${folder}/${name}: elements after the round trip`).toEqual(before);
    });
  }
});
