import type { TCustomerStatus, TLocale } from '@clientela/contract';
import slugify from 'slugify';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { createActivity } from '../activities/activities.service.ts';
import { createAgreement } from '../agreements/agreements.service.ts';
import type { Actor } from '../authz/index.ts';
import { createCompany, updateCompany } from '../companies/companies.service.ts';
import { createCompanyGroup } from '../companies/company-groups.service.ts';
import { createContact } from '../contacts/contacts.service.ts';
import { createContract } from '../contracts/contracts.service.ts';
import { createCustomField } from '../custom-fields/custom-fields.service.ts';
import { createUnit } from '../units/units.service.ts';
import { createUser } from '../users/users.service.ts';
import { addMembers, createStaticList } from '../views/lists.service.ts';
import { createView } from '../views/views.service.ts';
import { createWorkspace, updateWorkspaceSettings } from '../workspaces/index.ts';
import { VOCABULARY } from './demo-names.ts';
import { loadDemoSales } from './demo-sales.ts';

export type DemoOptions = { locale: TLocale; customers?: number; password: string; emailDomain?: string };
export type DemoResult = { workspaceName: string; slug: string; logins: { name: string; role: string; email: string }[] };

/** A small deterministic random source, so every demo looks the same. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}

/** A person's demo e-mail, in Latin letters whatever the language of the name. */
function emailOf(name: string, domain: string): string {
  return `${slugify(name, { lower: true, strict: true, replacement: '.' })}@${domain}`;
}

/**
 * Creates a living demo bakery: two branches, four people, a few business clients in a group,
 * and regular customers with birthdays, preferences and family news — through the same
 * services the API uses, so everything is validated and has a history.
 */
export async function loadDemoWorkspace(db: Database, options: DemoOptions): Promise<DemoResult> {
  const words = VOCABULARY[options.locale];
  const domain = options.emailDomain ?? 'demo.clientela.test';
  const rnd = random(42);
  const timeZone = options.locale === 'ru' ? 'Europe/Moscow' : options.locale === 'it' ? 'Europe/Rome' : 'Europe/London';
  const [owner, ...team] = words.staff;
  if (!owner) throw new Error('demo vocabulary has no staff');
  const { workspace, admin } = await createWorkspace(db, {
    workspaceName: words.bakery.name,
    name: owner.name,
    email: emailOf(owner.name, domain),
    password: options.password,
    locale: options.locale,
    timeZone,
  });
  const actor: Actor = {
    workspaceId: workspace.id,
    userId: admin.id,
    name: admin.name,
    role: 'admin',
    unitId: null,
    unitTree: async () => new Set(),
  };
  const ctx: Ctx = { db, actor };
  await updateWorkspaceSettings(ctx, { ...words.bakery.letterhead, email: `info@${domain}` });
  const logins = [{ name: owner.name, role: owner.role, email: admin.email }];

  const branches = [await createUnit(ctx, { name: words.bakery.branches[0] }), await createUnit(ctx, { name: words.bakery.branches[1] })];
  const staffIds: string[] = [admin.id];
  for (const person of team) {
    const email = emailOf(person.name, domain);
    const unitId = person.branch === null ? null : (branches[person.branch]?.id ?? null);
    const user = await createUser(ctx, {
      email,
      name: person.name,
      password: options.password,
      role: person.role,
      unitId,
      locale: options.locale,
      timeZone,
    });
    staffIds.push(user.id);
    logins.push({ name: person.name, role: person.role, email });
  }

  await createCustomField(ctx, {
    entity: 'contact',
    key: 'preferred_bread',
    label: words.breads[0] ? capitalise(words.breads[0]) : 'Bread',
    type: 'select',
    options: words.breads.map((bread, i) => ({ value: `bread_${i + 1}`, label: capitalise(bread) })),
  });

  const statuses: TCustomerStatus[] = ['active', 'active', 'active', 'new', 'potential', 'dormant', 'lost'];
  const phone = () =>
    `${words.phonePrefix}${String(Math.floor(rnd.next() * 1e9))
      .padStart(9, '0')
      .replace(/(\d{2})(\d{3})(\d{4})/, '$1 $2 $3')}`;
  const companyIds: string[] = [];
  for (const [i, business] of words.businesses.entries()) {
    const branch = i % 2;
    const company = await createCompany(ctx, {
      name: business,
      relationships: ['client'],
      status: rnd.pick(statuses),
      class: rnd.pick(['A', 'B', 'C'] as const),
      city: words.cities[branch],
      address: `${rnd.pick(words.streets)}, ${1 + Math.floor(rnd.next() * 120)}`,
      phones: [{ label: '', value: phone() }],
      ownerId: staffIds[1 + branch] ?? admin.id,
      unitId: branches[branch]?.id ?? null,
      tags: i < 3 ? ['horeca'] : [],
    });
    companyIds.push(company.id);
  }
  const group = await createCompanyGroup(ctx, { name: `${words.businesses[0]} & ${words.businesses[2]}` });
  const [first, , third] = companyIds;
  if (first && third) {
    await updateCompany(ctx, first, { groupId: group.id });
    await updateCompany(ctx, third, { groupId: group.id, parentCompanyId: first });
  }

  const customers = options.customers ?? 500;
  const year = new Date().getUTCFullYear();
  for (let i = 0; i < customers; i++) {
    const branch = i % 2;
    const firstName = rnd.pick(words.firstNames);
    let lastName = rnd.pick(words.lastNames);
    // Russian surnames agree with the person: Иванов → Иванова.
    if (options.locale === 'ru' && /[ая]$/.test(firstName) && /(ов|ев|ин)$/.test(lastName)) lastName = `${lastName}а`;
    const worksFor = i % 12 === 0 ? companyIds[i % companyIds.length] : undefined;
    await createContact(ctx, {
      firstName,
      lastName,
      birthday: `${year - 20 - Math.floor(rnd.next() * 55)}-${String(1 + Math.floor(rnd.next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd.next() * 28)).padStart(2, '0')}`,
      preferredChannel: rnd.pick(['phone', 'visit', 'messenger', 'email'] as const),
      preferences: `${capitalise(rnd.pick(words.breads))}; ${rnd.pick(words.habits)}`,
      personalEvents: rnd.next() < 0.3 ? capitalise(rnd.pick(words.events)) : null,
      status: rnd.pick(statuses),
      class: rnd.pick(['A', 'B', 'B', 'C', 'C', 'C'] as const),
      city: words.cities[branch],
      phones: [{ label: '', value: phone() }],
      ownerId: staffIds[2 + branch] ?? admin.id,
      unitId: branches[branch]?.id ?? null,
      custom: { preferred_bread: `bread_${1 + Math.floor(rnd.next() * words.breads.length)}` },
      ...(worksFor ? { companies: [{ companyId: worksFor, role: '' }] } : {}),
    });
  }
  await createView(ctx, {
    entity: 'contact',
    name: words.activeView,
    shared: true,
    query: { 'filter[status]': 'active', sort: 'name' },
    columns: ['name', 'phones', 'city', 'birthday', 'custom.preferred_bread', 'owner'],
  });
  const best = await createStaticList(ctx, { entity: 'contact', name: words.bestList, shared: true });
  await addMembers(ctx, best.id, { query: { 'filter[class]': 'A', 'filter[status]': 'active' } });
  await loadRelationshipHistory(ctx, words, companyIds, staffIds, rnd);
  await loadDemoSales(
    ctx,
    options.locale,
    words.breads,
    companyIds.map((id, i) => ({ id, name: words.businesses[i] ?? '' })),
    group.id,
  );
  return { workspaceName: workspace.name, slug: workspace.slug, logins };
}

const DAY = 86_400_000;
const isoDay = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/**
 * A few weeks of calls, visits and notes with each business client, a meeting to come, a
 * contract each (one ending this month, one already past its date) and the agreements made.
 */
async function loadRelationshipHistory(
  ctx: Ctx,
  words: (typeof VOCABULARY)[TLocale],
  companyIds: string[],
  staffIds: string[],
  rnd: ReturnType<typeof random>,
) {
  const { history } = words;
  for (const [i, companyId] of companyIds.entries()) {
    const at = (daysAgo: number, hour: number) => new Date(Date.now() - daysAgo * DAY + (hour - 12) * 3_600_000).toISOString();
    await createActivity(ctx, {
      type: 'call',
      subject: rnd.pick(history.calls),
      direction: rnd.pick(['inbound', 'outbound'] as const),
      outcome: 'reached',
      durationMinutes: 3 + Math.floor(rnd.next() * 15),
      occurredAt: at(2 + i * 3, 9),
      companyIds: [companyId],
    });
    await createActivity(ctx, {
      type: 'visit',
      subject: rnd.pick(history.visits),
      place: words.cities[i % 2],
      occurredAt: at(10 + i, 11),
      companyIds: [companyId],
    });
    await createActivity(ctx, { type: 'note', body: rnd.pick(history.notes), occurredAt: at(20 + i, 16), companyIds: [companyId] });
    const contract = await createContract(ctx, {
      number: `${new Date().getUTCFullYear()}/${String(i + 1).padStart(3, '0')}`,
      subject: history.contract,
      companyId,
      startDate: isoDay(-300 - i * 20),
      endDate: i === 0 ? isoDay(-3) : isoDay(12 + i * 25),
      value: String(1_200 + i * 450),
      currency: words.phonePrefix.startsWith('+7') ? 'RUB' : words.phonePrefix.startsWith('+39') ? 'EUR' : 'GBP',
      renewal: i % 3 === 0 ? 'to_renegotiate' : 'auto_renew',
      responsibleId: staffIds[1 + (i % 2)] ?? null,
    });
    const agreement = history.agreements[i % history.agreements.length];
    if (agreement) {
      await createAgreement(ctx, {
        title: agreement.title,
        resource: agreement.resource,
        companyId,
        agreedById: staffIds[1 + (i % 2)],
        agreedOn: isoDay(-30 - i),
        validUntil: isoDay(60 + i * 10),
        ...(i === 0 ? { contractId: contract.id } : {}),
      });
    }
    if (i < 3) {
      await createActivity(ctx, {
        type: 'meeting',
        subject: history.meeting,
        place: words.cities[i % 2],
        durationMinutes: 60,
        occurredAt: new Date(Date.now() + (3 + i) * DAY).toISOString(),
        followUpAt: new Date(Date.now() + (10 + i) * DAY).toISOString(),
        companyIds: [companyId],
      });
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
