import { readFileSync } from 'node:fs';
import type { TProcessDefinitionDetail } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();
const URL = '/api/v1/process-definitions';
const dataset = (file: string) => readFileSync(new globalThis.URL(`../../../../../test-data/bpmn-miwg/${file}`, import.meta.url), 'utf8');

const create = (browser: Browser, payload: Record<string, unknown>): Promise<TProcessDefinitionDetail> => post(browser, URL, payload);
const patch = (browser: Browser, id: string, payload: Record<string, unknown>) =>
  browser.request({ method: 'PATCH', url: `${URL}/${id}`, payload });
const publish = (browser: Browser, id: string) => browser.request({ method: 'POST', url: `${URL}/${id}/publish` });

describe('process definitions', () => {
  it('creates an empty process that admins see, edits, and deletes it; others see only published ones', async () => {
    const b = await makeBakery(t);
    const created = await create(b.owner, { name: 'Returns', description: 'Goods sent back' });
    expect(created).toMatchObject({
      name: 'Returns',
      description: 'Goods sent back',
      publishedVersion: null,
      hasUnpublishedChanges: true,
      running: 0,
    });
    expect(created.draftXml).toContain('bpmndi:BPMNShape');
    expect((await get(b.owner, URL)).data.map((p: { id: string }) => p.id)).toEqual([created.id]);
    // A draft nobody published stays with the designers.
    expect((await get(b.employeeA.browser, URL)).data).toEqual([]);
    expect((await b.employeeA.browser.request({ method: 'GET', url: `${URL}/${created.id}` })).statusCode).toBe(404);

    const renamed = await patch(b.owner, created.id, { name: 'Returns of goods', baseUpdatedAt: created.draftUpdatedAt });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('Returns of goods');

    expect((await b.owner.request({ method: 'DELETE', url: `${URL}/${created.id}` })).statusCode).toBe(204);
    expect((await b.owner.request({ method: 'GET', url: `${URL}/${created.id}` })).statusCode).toBe(404);
    expect((await get(b.owner, URL)).total).toBe(0);
  });

  it('lets only admins design and publish, and hides processes across workspaces', async () => {
    const b = await makeBakery(t);
    const created = await create(b.owner, { name: 'Returns' });
    for (const browser of [b.employeeA.browser, b.managerA.browser]) {
      expect((await browser.request({ method: 'POST', url: URL, payload: { name: 'Mine' } })).statusCode).toBe(403);
      expect((await patch(browser, created.id, { name: 'Mine' })).statusCode).toBe(403);
    }
    const { admin } = await makeWorkspace(t, { workspaceName: 'Other' });
    const other = await signIn(t, admin.email);
    expect((await other.request({ method: 'GET', url: `${URL}/${created.id}` })).statusCode).toBe(404);
    expect((await patch(other, created.id, { name: 'Stolen' })).statusCode).toBe(404);
    expect((await publish(other, created.id)).statusCode).toBe(404);
    expect((await other.request({ method: 'DELETE', url: `${URL}/${created.id}` })).statusCode).toBe(404);
    expect((await get(other, URL)).data).toEqual([]);
  });

  it('imports a .bpmn file, and refuses what is not BPMN without changing anything', async () => {
    const b = await makeBakery(t);
    const xml = dataset('reference/A.2.0.bpmn');
    const imported = await create(b.owner, { name: 'A.2.0', xml });
    expect(imported.draftXml).toBe(xml);
    const bad = await b.owner.request({ method: 'POST', url: URL, payload: { name: 'Bad', xml: '<foo>not bpmn</foo>' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'bpmn_invalid', errors: [{ path: 'xml' }] });
    const broken = await patch(b.owner, imported.id, { name: 'Renamed', draftXml: '<bpmn:definitions' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('bpmn_invalid');
    const after: TProcessDefinitionDetail = await get(b.owner, `${URL}/${imported.id}`);
    expect(after).toMatchObject({ name: 'A.2.0', draftXml: xml, draftUpdatedAt: imported.draftUpdatedAt });
    expect((await get(b.owner, URL)).total).toBe(1);
  });

  it('refuses a draft saved over a newer one with draft_changed', async () => {
    const b = await makeBakery(t);
    const created = await create(b.owner, { name: 'Returns' });
    const first = await patch(b.owner, created.id, {
      draftXml: created.draftXml.replace('StartEvent_1" />', 'StartEvent_1" name="Go" />'),
      baseUpdatedAt: created.draftUpdatedAt,
    });
    expect(first.statusCode).toBe(200);
    const stale = await patch(b.owner, created.id, { draftXml: created.draftXml, baseUpdatedAt: created.draftUpdatedAt });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('draft_changed');
    const again = await patch(b.owner, created.id, { draftXml: created.draftXml, baseUpdatedAt: first.json().draftUpdatedAt });
    expect(again.statusCode).toBe(200);
  });
});
