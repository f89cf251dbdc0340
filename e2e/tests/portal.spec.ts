import { randomInt } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { apiAs, expectNoXss, payloads, portalLinkMailedTo, signIn, startSmtp, strangerPage, watchDialogs } from './portal-support.ts';
import { colleague, pickOption, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created, against a
// server started with a loopback SMTP address. Issue 12, the customer portal: a contact invited
// from the contact page sets a password, searches the help centre, opens a request anyway, reads
// the staff reply and rates the resolution; posts an idea that a customer of another company votes
// for, and staff mark it planned. Every text a customer or staff member writes carries script that
// must never run, neither in the portal nor in the staff pages.

const tag = Array.from({ length: 4 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');
const Tag = tag.charAt(0).toUpperCase() + tag.slice(1);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
const phone = { width: 390, height: 844 };

const forno = { company: `Forno ${Tag}`, firstName: 'Giulia', lastName: `Ferri ${Tag}`, email: `giulia.${tag}@forno.example` };
const pasticceria = {
  company: `Pasticceria ${Tag}`,
  firstName: 'Paolo',
  lastName: `Conti ${Tag}`,
  email: `paolo.${tag}@pasticceria.example`,
};
const passwords = { forno: 'lievito-madre-ogni-giorno', pasticceria: 'cannoli-della-domenica' };
const article = {
  title: `How to store flour ${Tag}`,
  answer: 'Keep flour in a closed container in a cool, dry place, away from the oven, and use it within six months.',
};
const subject = `Our flour goes lumpy: how should we store it? ${Tag}`;
const description = `The flour we bought went lumpy after a week in the back room. ${payloads.join(' ')}`;
const staffReply = `Thank you for writing. Move the sacks off the floor and close them after use. ${payloads[0]} ${payloads[2]}`;
const idea = { title: `Flour in 5 kg paper sacks ${Tag}`, body: `Smaller sacks would stay fresh until used. ${payloads.join(' ')}` };
const ideaComment = `Yes please, and labelled with the milling date. ${payloads[1]} ${payloads[0]}`;
const ideaAnswer = `Good idea: the 5 kg sacks come with the spring catalogue. ${payloads[2]}`;

test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 20_000 });

let smtp: Awaited<ReturnType<typeof startSmtp>>;
test.beforeAll(async () => {
  smtp = await startSmtp(SMTP_PORT);
});
test.afterAll(async () => {
  await smtp?.stop();
});

/** Sets a password on the page the invitation link opens, landing on the portal's home page. */
async function acceptInvitation(page: Page, link: string, name: string, password: string) {
  await page.goto(link);
  await expect(page.getByRole('heading', { name: `Welcome, ${name}` })).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password again').fill(password);
  return page;
}

test('customer portal: invited, helps themselves, opens a request anyway, rates it; an idea voted by another company is planned; no stored script runs', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  watchDialogs(page, dialogs);
  const ids = { forno: '', fornoContact: '', pasticceriaContact: '' };

  await test.step('staff prepare two companies of different owners, a contact in each, a case type and a public article', async () => {
    await signIn(page);
    const call = await apiAs(page);
    const users = (await call('GET', '/api/v1/users')).data as { id: string; email: string }[];
    const marco = users.find((user) => user.email === colleague.email);
    if (!marco) throw new Error('the colleague of the first start is missing');
    // The admin owns the bakery, the colleague the pastry shop.
    ids.forno = (await call('POST', '/api/v1/companies', { name: forno.company })).id;
    const pasticceriaId = (await call('POST', '/api/v1/companies', { name: pasticceria.company, ownerId: marco.id })).id;
    const contact = async (person: typeof forno, companyId: string) =>
      (
        await call('POST', '/api/v1/contacts', {
          firstName: person.firstName,
          lastName: person.lastName,
          emails: [{ label: 'work', value: person.email }],
          language: 'en',
          companies: [{ companyId, role: 'buyer' }],
        })
      ).id as string;
    ids.fornoContact = await contact(forno, ids.forno);
    ids.pasticceriaContact = await contact(pasticceria, pasticceriaId);
    const types = (await call('GET', '/api/v1/case-types')).data as { name: string }[];
    if (!types.some((type) => type.name === 'Product question')) {
      await call('POST', '/api/v1/case-types', { name: 'Product question', kind: 'question', categories: [] });
    }
    await call('POST', '/api/v1/kb-articles', {
      title: article.title,
      body: `<p>${article.answer}</p><p>Flour goes lumpy from damp: a sack left open on a cold floor draws moisture overnight.</p>`,
      answer: article.answer,
      language: 'en',
      audience: 'public',
      status: 'published',
      tags: ['flour'],
    });
  });

  await test.step('staff invite the first contact from the contact page', async () => {
    await page.goto(`/contacts/${ids.fornoContact}`);
    const card = page.locator('.ant-card').filter({ hasText: 'Not invited to the portal yet.' });
    await card.scrollIntoViewIfNeeded();
    await card.getByRole('button', { name: 'Invite' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite to the customer portal' });
    await expect(dialog).toBeVisible();
    await page.screenshot({ path: screenshot('portal-invite.png') });
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Invitation sent to ${forno.email}.`)).toBeVisible();
    await expect(page.getByText('Invited on')).toBeVisible();
  });

  const customer = await strangerPage(browser, phone);
  watchDialogs(customer, dialogs);
  let portal = '';
  let caseId = '';

  await test.step('the customer opens the invitation on the phone, chooses a password and lands in the portal', async () => {
    const link = await portalLinkMailedTo(smtp.received, forno.email);
    await acceptInvitation(customer, link, `${forno.firstName} ${forno.lastName}`, passwords.forno);
    await customer.screenshot({ path: screenshot('portal-password.png') });
    await customer.getByRole('button', { name: 'Save and sign in' }).click();
    await expect(customer.getByRole('heading', { name: new RegExp(`^Hello, ${forno.firstName}`) })).toBeVisible();
    portal = new URL(customer.url()).pathname.replace(/\/$/, '');
    expect(portal).toMatch(/^\/portal\/[^/]+$/);
    await customer.screenshot({ path: screenshot('portal-home.png'), fullPage: true });
  });

  await test.step('the customer searches the help for the problem and finds the article', async () => {
    await customer.getByLabel('Search the help centre').fill('store flour');
    await customer.getByRole('button', { name: 'Search' }).click();
    await expect(customer).toHaveURL(/\/help\?q=/);
    const results = customer.getByRole('list', { name: 'Help centre' });
    await expect(results.getByRole('link', { name: article.title })).toBeVisible();
    await customer.screenshot({ path: screenshot('portal-help-search.png'), fullPage: true });
  });

  await test.step('the customer opens a request anyway: the article is suggested while typing the subject', async () => {
    await customer.goto(`${portal}/cases/new`);
    await customer.getByLabel('Subject').fill(subject);
    const suggestions = customer.getByRole('region', { name: 'These articles may answer your question' });
    await expect(suggestions.getByText(article.title)).toBeVisible();
    await customer.getByLabel('Description').fill(description);
    await customer.screenshot({ path: screenshot('portal-new-request.png'), fullPage: true });
    await customer.getByRole('button', { name: 'Send request' }).click();
    await expect(customer).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = customer.url().split('/').at(-1) ?? '';
    await expect(customer.getByText(payloads[0], { exact: false }).first()).toBeVisible();
    await expect(customer.getByText('No answer yet: we will reply here.')).toBeVisible();
    await expectNoXss(customer);
  });

  await test.step('staff open the case and reply to the customer', async () => {
    await page.goto(`/cases/${caseId}`);
    await expect(page.getByText(subject).first()).toBeVisible();
    await expect(page.getByText(payloads[1], { exact: false }).first()).toBeVisible();
    const editor = page.getByTestId('reply-editor');
    await editor.getByRole('textbox', { name: 'Message' }).fill(staffReply);
    await editor.getByRole('button', { name: 'Send reply' }).click();
    await expect(page.getByTestId('case-message').filter({ hasText: 'Move the sacks off the floor' })).toBeVisible();
    await page.screenshot({ path: screenshot('portal-staff-reply.png'), fullPage: true });
    await expectNoXss(page);
  });

  await test.step('the customer reads the reply; staff resolve; the customer rates the resolution 5 with a comment', async () => {
    await customer.reload();
    const conversation = customer.getByRole('list', { name: 'Conversation' });
    await expect(conversation.getByText('Move the sacks off the floor', { exact: false })).toBeVisible();
    await expect(conversation.getByText(payloads[2], { exact: false })).toBeVisible();
    await expectNoXss(customer);
    const call = await apiAs(page);
    // The request took the workspace's first active type: after the other journeys, it may be a complaint, which needs a verdict.
    const registered = await call('GET', `/api/v1/cases/${caseId}`);
    await call('POST', `/api/v1/cases/${caseId}/transitions`, {
      to: 'resolved',
      resolution: 'Explained how to store flour; the customer keeps the sacks off the floor now.',
      ...(registered.kind === 'complaint' ? { verdict: 'founded', verdictReason: 'The sacks were stored on the floor.' } : {}),
    });
    await customer.reload();
    const rating = customer.getByRole('group', { name: 'How satisfied are you with the resolution?' });
    await rating.locator('.ant-rate-star').nth(4).click();
    await rating.getByRole('textbox', { name: 'Comment (optional)' }).fill(`Quick and clear answer, thank you! ${payloads[1]}`);
    await customer.screenshot({ path: screenshot('portal-rate.png'), fullPage: true });
    await rating.getByRole('button', { name: 'Send rating' }).click();
    await expect(customer.getByText('Thank you for your rating.')).toBeVisible();
    await expect(customer.getByText('Your rating', { exact: true })).toBeVisible();
    await expect(customer.locator('.ant-rate-disabled .ant-rate-star-full')).toHaveCount(5);
    await customer.screenshot({ path: screenshot('portal-rated.png'), fullPage: true });
    await expectNoXss(customer);
  });

  let ideaPath = '';
  await test.step('the customer posts an idea and comments on it', async () => {
    await customer.goto(`${portal}/ideas`);
    await customer.getByRole('button', { name: 'Share an idea' }).click();
    const dialog = customer.getByRole('dialog', { name: 'Share an idea' });
    await dialog.getByLabel('Your idea in a few words').fill(idea.title);
    await dialog.getByLabel('Tell us more (optional)').fill(idea.body);
    await dialog.getByRole('button', { name: 'Share' }).click();
    await expect(dialog).toBeHidden();
    await expect(customer.getByRole('heading', { name: idea.title })).toBeVisible();
    ideaPath = new URL(customer.url()).pathname;
    await customer.getByRole('textbox', { name: 'Add a comment' }).fill(ideaComment);
    await customer.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(customer.getByTestId('idea-comment').filter({ hasText: 'labelled with the milling date' })).toBeVisible();
    await expect(customer.getByText(payloads[1], { exact: false }).first()).toBeVisible();
    await customer.screenshot({ path: screenshot('portal-idea.png'), fullPage: true });
    await expectNoXss(customer);
  });

  const other = await strangerPage(browser);
  watchDialogs(other, dialogs);
  await test.step('a contact of another company is invited, sets a password and votes for the idea', async () => {
    const call = await apiAs(page);
    await call('POST', '/api/v1/portal-users', { contactId: ids.pasticceriaContact });
    const link = await portalLinkMailedTo(smtp.received, pasticceria.email);
    await acceptInvitation(other, link, `${pasticceria.firstName} ${pasticceria.lastName}`, passwords.pasticceria);
    await other.getByRole('button', { name: 'Save and sign in' }).click();
    await expect(other.getByRole('heading', { name: new RegExp(`^Hello, ${pasticceria.firstName}`) })).toBeVisible();
    await other.goto(ideaPath);
    await expect(other.getByRole('heading', { name: idea.title })).toBeVisible();
    await other.getByRole('button', { name: `Vote for “${idea.title}”` }).click();
    const voted = other.getByRole('button', { name: `Take back your vote for “${idea.title}”` });
    await expect(voted).toHaveText('1');
    await expect(voted).toHaveAttribute('aria-pressed', 'true');
    await other.screenshot({ path: screenshot('portal-idea-voted.png'), fullPage: true });
    await expectNoXss(other);
  });

  await test.step('staff open the idea and mark it planned with a public answer', async () => {
    await page.goto('/ideas');
    await page.getByRole('link', { name: idea.title }).click();
    await expect(page.getByRole('heading', { name: idea.title })).toBeVisible();
    await expect(page.getByText(payloads[0], { exact: false }).first()).toBeVisible();
    await expect(page.getByText('labelled with the milling date', { exact: false })).toBeVisible();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await pickOption(page, 'Planned');
    await page.getByLabel('Our answer').fill(ideaAnswer);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText(/^Answered by Anna Rossi on /)).toBeVisible();
    await page.screenshot({ path: screenshot('portal-staff-idea.png'), fullPage: true });
    await expectNoXss(page);
  });

  await test.step('the customer sees the idea planned with the answer', async () => {
    await customer.reload();
    await expect(customer.getByText('Planned', { exact: true }).first()).toBeVisible();
    await expect(customer.getByText('the 5 kg sacks come with the spring catalogue', { exact: false })).toBeVisible();
    await expect(customer.getByRole('button', { name: `Vote for “${idea.title}”` })).toHaveText('1');
    await customer.screenshot({ path: screenshot('portal-idea-planned.png'), fullPage: true });
    await expectNoXss(customer);
  });

  await test.step('no stored script ran: staff pages of the case, the idea and the moderation queue', async () => {
    for (const path of [`/cases/${caseId}`, '/ideas', '/moderation']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expectNoXss(page);
    }
    await page.goto(`/cases/${caseId}`);
    await expect(page.getByText(payloads[2], { exact: false }).first()).toBeVisible();
    await customer.goto(`${portal}/cases`);
    await customer.waitForLoadState('networkidle');
    await expectNoXss(customer);
    expect(dialogs).toEqual([]);
  });

  await customer.context().close();
  await other.context().close();
});
