import { readFileSync } from 'node:fs';
import { LOCALES, PROCESS_TEMPLATES, type TProcessDefinitionDetail, type TProcessValidation } from '@clientela/contract';
import { sql } from 'drizzle-orm';
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

  it("offers the templates in the reader's language and creates each, clean, in every language", async () => {
    for (const locale of LOCALES) {
      const { admin } = await makeWorkspace(t, { locale });
      const owner = await signIn(t, admin.email);
      const templates = await get(owner, `${URL}/templates`);
      expect(templates.map((template: { key: string }) => template.key)).toEqual([...PROCESS_TEMPLATES]);
      for (const template of templates) {
        const created = await create(owner, { name: template.name, templateKey: template.key });
        expect(created.templateKey).toBe(template.key);
        const check: TProcessValidation = (await owner.request({ method: 'POST', url: `${URL}/${created.id}/validate` })).json();
        expect(check, `${template.key} in ${locale}`).toEqual({ errors: [], warnings: [] });
      }
      if (locale === 'ru')
        expect(templates.find((tpl: { key: string }) => tpl.key === 'complaintHandling').name).toBe('Обработка рекламации');
    }
  });

  it("gives a template's queues to the workspace's matching units, and to a role without one", async () => {
    const b = await makeBakery(t);
    const fallback = await create(b.owner, { name: 'Complaints', templateKey: 'complaintHandling' });
    expect(fallback.draftXml).toContain('clientela:performer="role" clientela:performerId="manager"');
    expect(fallback.draftXml).toContain('Assess the complaint');
    const quality = await post(b.owner, '/api/v1/units', { name: 'Controllo qualità' });
    const service = await post(b.owner, '/api/v1/units', { name: 'Сервис' });
    const queued = await create(b.owner, { name: 'Complaints', templateKey: 'complaintHandling' });
    expect(queued.draftXml).toContain(`clientela:performer="unit" clientela:performerId="${quality.id}"`);
    expect(queued.draftXml).toContain(`clientela:performer="unit" clientela:performerId="${service.id}"`);
    expect((await publish(b.owner, queued.id)).statusCode).toBe(200);
  });

  it('publishes versions: a new draft is a change until it is published again', async () => {
    const b = await makeBakery(t);
    const created = await create(b.owner, { name: 'Complaints', templateKey: 'complaintHandling' });
    const first = await publish(b.owner, created.id);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ version: 1, warnings: [] });
    let detail: TProcessDefinitionDetail = await get(b.owner, `${URL}/${created.id}`);
    expect(detail).toMatchObject({ publishedVersion: 1, hasUnpublishedChanges: false });
    expect(detail.versions).toMatchObject([{ version: 1, publishedBy: { name: 'Anna Rossi' }, instances: 0, running: 0 }]);
    expect(detail.triggers).toMatchObject([{ eventId: 'complaintRegistered', kind: 'form', recordType: 'company' }]);
    expect(detail.triggers[0]?.form.map((field) => field.key)).toEqual(['product', 'description', 'severity']);

    // Everyone signed in now sees it, to start it.
    expect((await get(b.employeeA.browser, URL)).data.map((p: { id: string }) => p.id)).toEqual([created.id]);

    const edited = detail.draftXml.replace('name="Call the customer back"', 'name="Call the customer"');
    expect((await patch(b.owner, created.id, { draftXml: edited, baseUpdatedAt: detail.draftUpdatedAt })).statusCode).toBe(200);
    detail = await get(b.owner, `${URL}/${created.id}`);
    expect(detail).toMatchObject({ publishedVersion: 1, hasUnpublishedChanges: true });
    expect((await get(b.owner, URL)).data[0]).toMatchObject({ publishedVersion: 1, hasUnpublishedChanges: true });

    const [second, third] = await Promise.all([publish(b.owner, created.id), publish(b.owner, created.id)]);
    expect([second.json().version, third.json().version].sort()).toEqual([2, 3]);
    detail = await get(b.owner, `${URL}/${created.id}`);
    expect(detail).toMatchObject({ publishedVersion: 3, hasUnpublishedChanges: false });
    expect(detail.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    // A draft saved since is the designers' own: others see the published model.
    const draft = detail.draftXml.replace('name="Call the customer"', 'name="Phone the customer"');
    expect((await patch(b.owner, created.id, { draftXml: draft })).statusCode).toBe(200);
    const seen: TProcessDefinitionDetail = await get(b.employeeA.browser, `${URL}/${created.id}`);
    expect(seen.draftXml).toBe((await get(b.owner, `${URL}/${created.id}/versions/3/xml`)).xml);
    expect(seen.draftXml).toContain('name="Call the customer"');
    const v1 = await get(b.employeeA.browser, `${URL}/${created.id}/versions/1/xml`);
    expect(v1.xml).toContain('name="Call the customer back"');
    expect((await get(b.owner, `${URL}/${created.id}/versions/3/xml`)).xml).toContain('name="Call the customer"');
    expect((await b.owner.request({ method: 'GET', url: `${URL}/${created.id}/versions/9/xml` })).statusCode).toBe(404);

    // Only admins publish and delete.
    expect((await publish(b.employeeA.browser, created.id)).statusCode).toBe(403);
    expect((await b.managerA.browser.request({ method: 'DELETE', url: `${URL}/${created.id}` })).statusCode).toBe(403);
  });

  it('refuses to publish a model with errors, listing every problem, and publishes nothing', async () => {
    const b = await makeBakery(t);
    const created = await create(b.owner, { name: 'Broken', xml: dataset('reference/A.2.0.bpmn') });
    const refused = await publish(b.owner, created.id);
    expect(refused.statusCode).toBe(400);
    const body = refused.json();
    expect(body.code).toBe('process_invalid');
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.errors[0]).toEqual({ path: expect.any(String), message: expect.any(String) });
    expect(body.problems.map((p: { code: string }) => p.code)).toContain('no_process');
    const check = (await b.owner.request({ method: 'POST', url: `${URL}/${created.id}/validate` })).json();
    expect(check.errors.length).toBe(body.errors.length);
    expect(await get(b.owner, `${URL}/${created.id}`)).toMatchObject({ publishedVersion: null, versions: [] });
    expect((await b.employeeA.browser.request({ method: 'POST', url: `${URL}/${created.id}/validate` })).statusCode).toBe(403);
  });

  it('publishes the triggers that start instances; a company created then queues a signal', async () => {
    const b = await makeBakery(t);
    const created = await create(b.owner, { name: 'Welcome' });
    const xml = created.draftXml.replace(
      '<bpmn:startEvent id="StartEvent_1" />',
      `<bpmn:startEvent id="StartEvent_1" clientela:trigger="recordCreated" clientela:recordType="company" />
    <bpmn:startEvent id="weekly" clientela:trigger="schedule" clientela:cron="0 9 * * 1" />
    <bpmn:startEvent id="byHand" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="StartEvent_1" targetRef="end" />
    <bpmn:sequenceFlow id="f2" sourceRef="weekly" targetRef="end" />
    <bpmn:sequenceFlow id="f3" sourceRef="byHand" targetRef="end" />`,
    );
    expect((await patch(b.owner, created.id, { draftXml: xml })).statusCode).toBe(200);
    const published = await publish(b.owner, created.id);
    expect(published.json()).toEqual({ version: 1, warnings: [] });
    const rows = await t.db.execute<{
      event_id: string;
      kind: string;
      record_type: string | null;
      cron: string | null;
      next_run_at: Date | null;
    }>(
      sql`SELECT event_id, kind, record_type, cron, next_run_at FROM process_start_trigger WHERE definition_id = ${created.id} ORDER BY event_id`,
    );
    expect(rows.rows.map((r) => [r.event_id, r.kind, r.record_type, r.cron])).toEqual([
      ['StartEvent_1', 'recordCreated', 'company', null],
      ['weekly', 'schedule', null, '0 9 * * 1'],
    ]);
    // Monday 9:00 in the workspace's zone (Europe/Rome): 07:00 or 08:00 UTC.
    const next = new Date(rows.rows[1]?.next_run_at as Date);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getUTCDay()).toBe(1);
    expect([7, 8]).toContain(next.getUTCHours());

    const company = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Forno Verdi' });
    const signals = await t.db.execute<{ event_id: string; record_type: string; record_id: string }>(
      sql`SELECT event_id, record_type, record_id FROM process_signal WHERE definition_id = ${created.id}`,
    );
    expect(signals.rows).toEqual([{ event_id: 'StartEvent_1', record_type: 'company', record_id: company.id }]);

    // Deleting the process stops its triggers.
    expect((await b.owner.request({ method: 'DELETE', url: `${URL}/${created.id}` })).statusCode).toBe(204);
    const left = await t.db.execute(sql`SELECT 1 FROM process_start_trigger WHERE definition_id = ${created.id}`);
    expect(left.rows).toEqual([]);
  });

  it('refuses to delete a process while instances of it run', async () => {
    const b = await makeBakery(t);
    const created = await create(b.owner, { name: 'Complaints', templateKey: 'complaintHandling' });
    expect((await publish(b.owner, created.id)).statusCode).toBe(200);
    await t.db.execute(sql`INSERT INTO process_instance (workspace_id, definition_id, version_id)
      SELECT workspace_id, definition_id, id FROM process_version WHERE definition_id = ${created.id}`);
    expect((await get(b.owner, URL)).data[0]).toMatchObject({ running: 1 });
    const refused = await b.owner.request({ method: 'DELETE', url: `${URL}/${created.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('process_running');
    expect((await get(b.owner, `${URL}/${created.id}`)).versions[0]).toMatchObject({ instances: 1, running: 1 });
  });

  it('pages the list by name and finds by name; the API reference names the routes', async () => {
    const b = await makeBakery(t);
    for (const name of ['Delta', 'Alpha', 'Charlie', 'Bravo']) await create(b.owner, { name });
    const first = await get(b.owner, `${URL}?limit=3`);
    expect(first.data.map((p: { name: string }) => p.name)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(first.total).toBe(4);
    const second = await get(b.owner, `${URL}?limit=3&cursor=${first.nextCursor}`);
    expect(second.data.map((p: { name: string }) => p.name)).toEqual(['Delta']);
    expect(second.nextCursor).toBeNull();
    expect((await get(b.owner, `${URL}?q=arl`)).data.map((p: { name: string }) => p.name)).toEqual(['Charlie']);
    expect((await b.owner.request({ method: 'GET', url: `${URL}?cursor=nonsense` })).statusCode).toBe(400);
    const spec = await get(b.owner, '/api/openapi.json');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/process-definitions/{id}/publish', '/api/v1/process-definitions/{id}/versions/{version}/xml']),
    );
  });
});
