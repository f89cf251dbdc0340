import { describe, expect, it } from 'vitest';
import { get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

describe('activities', () => {
  it('logs a call with a follow-up; it shows on the contact, on each company they work for, and sets last contact', async () => {
    const { owner, employeeA } = await makeBakery(t);
    const cafe = await post(employeeA.browser, '/api/v1/companies', { name: 'Caffè Centrale' });
    const hotel = await post(employeeA.browser, '/api/v1/companies', { name: 'Hotel Roma' });
    const giulia = await post(employeeA.browser, '/api/v1/contacts', {
      firstName: 'Giulia',
      lastName: 'Bianchi',
      companies: [{ companyId: cafe.id }, { companyId: hotel.id }],
    });
    const response = await employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/activities',
      payload: {
        type: 'call',
        subject: 'Christmas order',
        body: '<p>Wants <strong>40 panettoni</strong></p>',
        direction: 'outbound',
        outcome: 'reached',
        durationMinutes: 12,
        occurredAt: '2026-11-30T09:15:00+01:00',
        followUpAt: '2026-12-10T09:00:00Z',
        contactIds: [giulia.id],
      },
    });
    expect(response.statusCode).toBe(201);
    const call = response.json();
    expect(call).toMatchObject({
      type: 'call',
      subject: 'Christmas order',
      body: '<p>Wants <strong>40 panettoni</strong></p>',
      direction: 'outbound',
      outcome: 'reached',
      durationMinutes: 12,
      occurredAt: '2026-11-30T08:15:00.000Z',
      followUpAt: '2026-12-10T09:00:00.000Z',
      links: [{ type: 'contact', id: giulia.id, name: 'Giulia Bianchi' }],
      author: { id: employeeA.user.id, name: 'Elio' },
    });
    for (const company of [cafe, hotel]) {
      const timeline = await get(employeeA.browser, `/api/v1/companies/${company.id}/timeline?filter[type]=call`);
      expect(timeline.data.map((item: { id: string }) => item.id)).toEqual([call.id]);
      expect((await get(employeeA.browser, `/api/v1/companies/${company.id}`)).lastContactAt).toBe('2026-11-30T08:15:00.000Z');
    }
    expect((await get(employeeA.browser, `/api/v1/contacts/${giulia.id}`)).lastContactAt).toBe('2026-11-30T08:15:00.000Z');
    const due = await get(owner, '/api/v1/activities?filter[followUpBefore]=2026-12-11T00:00:00Z');
    expect(due.data.map((a: { id: string }) => a.id)).toEqual([call.id]);

    // An unanswered call and a note are not contact; removing the call clears last contact.
    await post(employeeA.browser, '/api/v1/activities', { type: 'call', outcome: 'no_answer', companyIds: [cafe.id] });
    await post(employeeA.browser, '/api/v1/activities', { type: 'note', body: 'Closed on Mondays', companyIds: [cafe.id] });
    expect((await get(employeeA.browser, `/api/v1/companies/${cafe.id}`)).lastContactAt).toBe('2026-11-30T08:15:00.000Z');
    expect((await employeeA.browser.request({ method: 'DELETE', url: `/api/v1/activities/${call.id}` })).statusCode).toBe(204);
    expect((await get(employeeA.browser, `/api/v1/companies/${cafe.id}`)).lastContactAt).toBeNull();
    expect((await get(employeeA.browser, `/api/v1/contacts/${giulia.id}`)).lastContactAt).toBeNull();
  });

  it('keeps no script in rich text', async () => {
    const { owner } = await makeBakery(t);
    const cafe = await post(owner, '/api/v1/companies', { name: 'Caffè Centrale' });
    const note = await post(owner, '/api/v1/activities', {
      type: 'note',
      body: '<p onclick="alert(1)">Hi<script>alert(2)</script><img src=x onerror=alert(3)> <a href="javascript:alert(4)">x</a> <a href="https://example.org">site</a></p><style>p{}</style>',
      companyIds: [cafe.id],
    });
    expect(note.body).toBe(
      '<p>Hi <a rel="noopener noreferrer nofollow" target="_blank">x</a> <a href="https://example.org" rel="noopener noreferrer nofollow" target="_blank">site</a></p>',
    );
    const empty = await post(owner, '/api/v1/activities', {
      type: 'note',
      subject: 'Only a title',
      body: '<script>x</script>',
      companyIds: [cafe.id],
    });
    expect(empty.body).toBeNull();
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { owner, employeeA, employeeB } = await makeBakery(t);
    const cafe = await post(owner, '/api/v1/companies', { name: 'Caffè Centrale', ownerId: employeeB.user.id });
    const mine = await post(employeeA.browser, '/api/v1/companies', { name: 'Forno Elio' });
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'note', companyIds: [] }, 'companyIds'],
      [{ type: 'note', outcome: 'reached', companyIds: [mine.id] }, 'outcome'],
      [{ type: 'email', place: 'Office', companyIds: [mine.id] }, 'place'],
      [{ type: 'call', durationMinutes: -1, companyIds: [mine.id] }, 'durationMinutes'],
      [{ type: 'visit', occurredAt: 'yesterday', companyIds: [mine.id] }, 'occurredAt'],
      [{ type: 'chat', companyIds: [mine.id] }, 'type'],
      // A company of another shop's employee: Elio may not read it, so may not log on it.
      [{ type: 'call', companyIds: [mine.id, cafe.id] }, 'companyIds.1'],
      [{ type: 'call', contactIds: [mine.id] }, 'contactIds.0'],
    ];
    for (const [payload, path] of cases) {
      const response = await employeeA.browser.request({ method: 'POST', url: '/api/v1/activities', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await get(owner, '/api/v1/activities')).total).toBe(0);
  });

  it('lets people see activities through the records they may read, and change only their own', async () => {
    const { owner, managerA, employeeA, employeeA2, employeeB } = await makeBakery(t);
    const elios = await post(employeeA.browser, '/api/v1/companies', { name: 'Forno Elio' });
    const beas = await post(employeeB.browser, '/api/v1/companies', { name: 'Pasticceria Bea' });
    const visit = await post(employeeA.browser, '/api/v1/activities', { type: 'visit', place: 'Shop', companyIds: [elios.id] });
    const other = await post(employeeB.browser, '/api/v1/activities', { type: 'call', companyIds: [beas.id] });

    // Elio sees his, not Bea's, in every way in.
    expect((await get(employeeA.browser, '/api/v1/activities')).data.map((a: { id: string }) => a.id)).toEqual([visit.id]);
    expect((await employeeA.browser.request({ method: 'GET', url: `/api/v1/activities/${other.id}` })).statusCode).toBe(404);
    expect((await employeeA.browser.request({ method: 'GET', url: `/api/v1/companies/${beas.id}/timeline` })).statusCode).toBe(404);
    expect((await employeeA.browser.request({ method: 'GET', url: `/api/v1/activities?filter[companyId]=${beas.id}` })).json().total).toBe(
      0,
    );
    // The manager of his shop sees and edits it; another employee of the shop neither.
    expect((await get(managerA.browser, `/api/v1/companies/${elios.id}/timeline`)).data).toHaveLength(2); // the visit, "created"
    const edited = await managerA.browser.request({
      method: 'PATCH',
      url: `/api/v1/activities/${visit.id}`,
      payload: { place: 'Warehouse' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().place).toBe('Warehouse');
    expect(
      (await employeeA2.browser.request({ method: 'PATCH', url: `/api/v1/activities/${visit.id}`, payload: { place: 'X' } })).statusCode,
    ).toBe(404);
    expect((await managerA.browser.request({ method: 'DELETE', url: `/api/v1/activities/${other.id}` })).statusCode).toBe(404);
    // An admin sees all; a company in the bin hides its activities from all but their author.
    expect((await get(owner, '/api/v1/activities')).total).toBe(2);
    expect((await employeeB.browser.request({ method: 'DELETE', url: `/api/v1/companies/${beas.id}` })).statusCode).toBe(403);
    await owner.request({ method: 'DELETE', url: `/api/v1/companies/${beas.id}` });
    expect((await get(managerA.browser, '/api/v1/activities')).total).toBe(1);
    expect((await get(employeeB.browser, '/api/v1/activities')).data.map((a: { id: string; links: unknown[] }) => [a.id, a.links])).toEqual(
      [[other.id, []]],
    );
    // Each activity says what its reader may do with it.
    expect((await get(managerA.browser, `/api/v1/activities/${visit.id}`)).mayChange).toBe(true);
    const seenByColleague = await get(owner, `/api/v1/activities/${visit.id}`);
    expect([seenByColleague.mayChange, seenByColleague.mayDelete]).toEqual([true, true]);
    // Elio drops no link he cannot see: an admin adds Bea's shop to his visit, his edit keeps it.
    const beas2 = await post(employeeB.browser, '/api/v1/companies', { name: 'Bea Due' });
    await owner.request({ method: 'PATCH', url: `/api/v1/activities/${visit.id}`, payload: { companyIds: [elios.id, beas2.id] } });
    const own = await employeeA.browser.request({
      method: 'PATCH',
      url: `/api/v1/activities/${visit.id}`,
      payload: { companyIds: [elios.id], subject: 'Visit' },
    });
    expect(own.json().links.map((l: { name: string }) => l.name)).toEqual(['Forno Elio']);
    expect((await get(owner, `/api/v1/activities/${visit.id}`)).links.map((l: { name: string }) => l.name)).toEqual([
      'Bea Due',
      'Forno Elio',
    ]);
    // Changing a type empties the fields the new type does not have.
    const note = await employeeA.browser.request({ method: 'PATCH', url: `/api/v1/activities/${visit.id}`, payload: { type: 'note' } });
    expect(note.json()).toMatchObject({ type: 'note', place: null });
  });

  it('pages a timeline newest first, merged from activities, agreements and system events, with filters', async () => {
    const { owner, employeeA } = await makeBakery(t);
    const cafe = await post(owner, '/api/v1/companies', { name: 'Caffè Centrale', ownerId: employeeA.user.id });
    const giulia = await post(owner, '/api/v1/contacts', { firstName: 'Giulia', companies: [{ companyId: cafe.id }] });
    for (let day = 1; day <= 7; day++) {
      await post(day % 2 ? owner : employeeA.browser, '/api/v1/activities', {
        type: day % 2 ? 'call' : 'email',
        subject: `Day ${day}`,
        occurredAt: `2026-10-0${day}T10:00:00Z`,
        ...(day === 3 ? { contactIds: [giulia.id] } : { companyIds: [cafe.id], contactIds: day === 5 ? [giulia.id] : [] }),
      });
    }
    await post(owner, '/api/v1/agreements', { title: 'Free delivery on Saturdays', companyId: cafe.id });
    await owner.request({ method: 'PATCH', url: `/api/v1/companies/${cafe.id}`, payload: { status: 'active' } });
    await owner.request({ method: 'PATCH', url: `/api/v1/companies/${cafe.id}`, payload: { notes: 'not a system event' } });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(owner, `/api/v1/companies/${cafe.id}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      for (const item of page.data) {
        seen.push(item.kind === 'activity' ? item.activity.subject : item.kind === 'agreement' ? item.agreement.title : item.event.action);
      }
      cursor = page.nextCursor;
    } while (cursor);
    // Status change and agreement happened now; the creation too; then the activities, newest first, each once.
    expect(seen.slice(3)).toEqual(['Day 7', 'Day 6', 'Day 5', 'Day 4', 'Day 3', 'Day 2', 'Day 1']);
    expect(seen.slice(0, 3).sort()).toEqual(['Free delivery on Saturdays', 'created', 'updated'].sort());

    const emails = await get(owner, `/api/v1/companies/${cafe.id}/timeline?filter[type]=email,agreement`);
    expect(emails.data.map((i: { kind: string }) => i.kind)).toEqual(['agreement', 'activity', 'activity', 'activity']);
    const byElio = await get(owner, `/api/v1/companies/${cafe.id}/timeline?filter[personId]=${employeeA.user.id}`);
    expect(byElio.data.map((i: { activity: { subject: string } }) => i.activity.subject)).toEqual(['Day 6', 'Day 4', 'Day 2']);
    const contact = await get(owner, `/api/v1/contacts/${giulia.id}/timeline?filter[type]=call,email`);
    expect(contact.data.map((i: { activity: { subject: string } }) => i.activity.subject)).toEqual(['Day 5', 'Day 3']);
    const bad = await owner.request({ method: 'GET', url: `/api/v1/companies/${cafe.id}/timeline?filter[type]=party` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('filter[type]');
    expect((await owner.request({ method: 'GET', url: `/api/v1/companies/${cafe.id}/timeline?cursor=nonsense` })).statusCode).toBe(400);
  });

  it('a group timeline shows its companies; a merged contact brings its history to the survivor, and undo takes it back', async () => {
    const { owner } = await makeBakery(t);
    const group = await post(owner, '/api/v1/company-groups', { name: 'Rossi Holding' });
    const parent = await post(owner, '/api/v1/companies', { name: 'Rossi Holding SpA', groupId: group.id });
    const child = await post(owner, '/api/v1/companies', { name: 'Rossi Bar', groupId: group.id, parentCompanyId: parent.id });
    await post(owner, '/api/v1/activities', { type: 'meeting', subject: 'Yearly review', companyIds: [parent.id] });
    await post(owner, '/api/v1/activities', { type: 'visit', subject: 'Bar visit', companyIds: [child.id] });
    const groupTimeline = await get(owner, `/api/v1/company-groups/${group.id}/timeline?filter[type]=meeting,visit`);
    expect(groupTimeline.data.map((i: { activity: { subject: string } }) => i.activity.subject)).toEqual(['Bar visit', 'Yearly review']);

    const shop = await post(owner, '/api/v1/companies', { name: 'Rossi Shop' });
    const a = await post(owner, '/api/v1/contacts', { firstName: 'Mario', lastName: 'Rossi', companies: [{ companyId: shop.id }] });
    const b = await post(owner, '/api/v1/contacts', { firstName: 'Mario', lastName: 'Rossi' });
    const call = await post(owner, '/api/v1/activities', {
      type: 'call',
      subject: 'Called the duplicate',
      contactIds: [b.id],
      occurredAt: '2026-11-01T10:00:00Z',
    });
    const promise = await post(owner, '/api/v1/agreements', { title: 'Birthday cake at cost', contactId: b.id });
    const merge = await owner.request({
      method: 'POST',
      url: '/api/v1/merges',
      payload: { entity: 'contact', survivorId: a.id, mergedIds: [b.id] },
    });
    expect(merge.statusCode).toBe(201);
    const survivor = await get(owner, `/api/v1/contacts/${a.id}/timeline?filter[type]=call,agreement`);
    expect(survivor.data.map((i: { id: string }) => i.id).sort()).toEqual([call.id, promise.id].sort());
    expect((await get(owner, `/api/v1/contacts/${a.id}`)).lastContactAt).toBe('2026-11-01T10:00:00.000Z');
    // The company the survivor works for now counts the call as contact too.
    expect((await get(owner, `/api/v1/companies/${shop.id}`)).lastContactAt).toBe('2026-11-01T10:00:00.000Z');

    await owner.request({ method: 'POST', url: `/api/v1/merges/${merge.json().id}/undo` });
    expect((await get(owner, `/api/v1/contacts/${a.id}/timeline?filter[type]=call,agreement`)).data).toEqual([]);
    const back = await get(owner, `/api/v1/contacts/${b.id}/timeline?filter[type]=call,agreement`);
    expect(back.data.map((i: { id: string }) => i.id).sort()).toEqual([call.id, promise.id].sort());
    expect((await get(owner, `/api/v1/contacts/${a.id}`)).lastContactAt).toBeNull();
    expect((await get(owner, `/api/v1/companies/${shop.id}`)).lastContactAt).toBeNull();
  });

  it('names the people of a hand-over on the timeline', async () => {
    const { owner, employeeA } = await makeBakery(t);
    const cafe = await post(owner, '/api/v1/companies', { name: 'Caffè Centrale' });
    await owner.request({ method: 'PATCH', url: `/api/v1/companies/${cafe.id}`, payload: { ownerId: employeeA.user.id } });
    const [handOver] = (await get(owner, `/api/v1/companies/${cafe.id}/timeline?filter[type]=system`)).data;
    expect(handOver.event.changes).toEqual([{ field: 'ownerId', old: owner.session.user.id, new: employeeA.user.id }]);
    expect(handOver.event.people).toEqual({ [owner.session.user.id]: 'Anna Rossi', [employeeA.user.id]: 'Elio' });
  });

  it("shows on a customer's timeline when one of its agreements is broken, re-dated or removed", async () => {
    const { owner } = await makeBakery(t);
    const cafe = await post(owner, '/api/v1/companies', { name: 'Caffè Centrale' });
    const giulia = await post(owner, '/api/v1/contacts', { firstName: 'Giulia', companies: [{ companyId: cafe.id }] });
    const promise = await post(owner, '/api/v1/agreements', { title: 'Free delivery', contactId: giulia.id, validUntil: '2027-01-31' });
    await owner.request({
      method: 'PATCH',
      url: `/api/v1/agreements/${promise.id}`,
      payload: { status: 'broken', validUntil: '2026-12-31' },
    });
    await owner.request({ method: 'PATCH', url: `/api/v1/agreements/${promise.id}`, payload: { details: 'not a timeline line' } });
    const timeline = (await get(owner, `/api/v1/companies/${cafe.id}/timeline?filter[type]=agreement`)).data;
    expect(timeline.map((i: { kind: string }) => i.kind)).toEqual(['system', 'agreement']);
    expect(timeline[0].event).toMatchObject({
      action: 'updated',
      record: { type: 'agreement', id: promise.id, name: 'Free delivery' },
      changes: [
        { field: 'status', old: 'agreed', new: 'broken' },
        { field: 'validUntil', old: '2027-01-31', new: '2026-12-31' },
      ],
    });
    await owner.request({ method: 'DELETE', url: `/api/v1/agreements/${promise.id}` });
    const after = (await get(owner, `/api/v1/contacts/${giulia.id}/timeline?filter[type]=agreement`)).data;
    expect(after.map((i: { kind: string; event?: { action: string } }) => i.event?.action ?? i.kind)).toEqual(['deleted', 'updated']);
    // Asked for system events only, the customer's own changes come without its agreements'.
    const own = (await get(owner, `/api/v1/companies/${cafe.id}/timeline?filter[type]=system`)).data;
    expect(own.map((i: { event: { record: { type: string } } }) => i.event.record.type)).toEqual(['company']);
  });

  it('is about a deal only the author may read, and shows that deal only to those who may read it too', async () => {
    const { owner, employeeA, employeeB } = await makeBakery(t);
    const deal = await post(employeeA.browser, '/api/v1/deals', { title: 'Breakfast bread' });
    const kiosk = await post(employeeB.browser, '/api/v1/companies', { name: 'Edicola Bea' });
    const timelineLength = async () => (await get(employeeA.browser, `/api/v1/deals/${deal.id}/timeline`)).data.length;
    const before = await timelineLength();
    const log = (browser: typeof owner, payload: Record<string, unknown>) =>
      browser.request({ method: 'POST', url: '/api/v1/activities', payload });

    // Bea may not read Elio's deal; a stranger's workspace has no such deal; nor is a company a deal.
    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    const strangersShop = await post(stranger, '/api/v1/companies', { name: 'Forno Altrove' });
    for (const [browser, companyId, dealId] of [
      [employeeB.browser, kiosk.id, deal.id],
      [stranger, strangersShop.id, deal.id],
      [employeeB.browser, kiosk.id, kiosk.id],
    ] as const) {
      const refused = await log(browser, { type: 'note', subject: 'Sneaky', companyIds: [companyId], dealIds: [dealId] });
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'dealIds.0' }] });
    }
    expect((await get(employeeB.browser, '/api/v1/activities')).data).toEqual([]);
    expect(await timelineLength()).toBe(before);

    // Bea logs a visit at her kiosk; the admin adds Elio's deal to it. Bea still reads her visit, without the deal.
    const visit = await post(employeeB.browser, '/api/v1/activities', { type: 'visit', subject: 'Morning visit', companyIds: [kiosk.id] });
    expect(visit.deals).toEqual([]);
    const linked = await owner.request({ method: 'PATCH', url: `/api/v1/activities/${visit.id}`, payload: { dealIds: [deal.id] } });
    expect(linked.json().deals).toEqual([{ id: deal.id, title: 'Breakfast bread' }]);
    const seen = await get(employeeB.browser, `/api/v1/activities/${visit.id}`);
    expect(seen).toMatchObject({ links: [{ type: 'company', id: kiosk.id }], deals: [] });
    // Her edit, sending her links, does not drop the deal she cannot see.
    const edited = await employeeB.browser.request({
      method: 'PATCH',
      url: `/api/v1/activities/${visit.id}`,
      payload: { subject: 'Morning visit, with coffee', companyIds: [kiosk.id], dealIds: [] },
    });
    expect(edited.statusCode).toBe(200);
    expect((await get(owner, `/api/v1/activities/${visit.id}`)).deals).toEqual([{ id: deal.id, title: 'Breakfast bread' }]);
    // Elio reads the visit through his deal, without the kiosk he may not read; it is on the deal's timeline.
    expect(await get(employeeA.browser, `/api/v1/activities/${visit.id}`)).toMatchObject({
      links: [],
      deals: [{ id: deal.id, title: 'Breakfast bread' }],
    });
    expect(await timelineLength()).toBe(before + 1);
  });
});
