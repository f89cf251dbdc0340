import { randomInt } from 'node:crypto';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { admin, pickOption, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created, against a
// server started with a loopback SMTP address (see the config); makes its own contacts in a city
// unique to the run, so that earlier runs and other journeys stay out of its segment.
// Issue 11, marketing: a mailing to a segment that only reaches those who agreed and stops for the
// one who unsubscribed; a campaign whose web-form lead becomes a won deal and shows its ROI; a survey
// answered in Italian whose detractor lands on a call list.

const tag = Array.from({ length: 4 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');
const Tag = tag.charAt(0).toUpperCase() + tag.slice(1);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
const PUBLIC_URL = 'http://127.0.0.1:3100';

const city = `Milano ${Tag}`;
const consenting = [
  { firstName: 'Giulia', lastName: `Ferri ${Tag}`, email: `giulia.${tag}@clienti.example` },
  { firstName: 'Paolo', lastName: `Conti ${Tag}`, email: `paolo.${tag}@clienti.example` },
  { firstName: 'Chiara', lastName: `Galli ${Tag}`, email: `chiara.${tag}@clienti.example` },
];
const silent = { firstName: 'Marta', lastName: `Riva ${Tag}`, email: `marta.${tag}@clienti.example` };
const classB = { firstName: 'Enzo', lastName: `Sala ${Tag}`, email: `enzo.${tag}@clienti.example` };
const viewName = `Class A customers in ${city}`;
const templateName = `Panettone news ${Tag}`;
const subjectLine = `Panettone season, {{first_name}}! (${Tag})`;

const sourceName = `Trade fair ${Tag}`;
const campaignName = `Christmas fair ${Tag}`;
const formName = `Fair stand form ${Tag}`;
const formThanks = 'Grazie! We will call you before the fair ends.';
const webLead = {
  firstName: 'Lorenzo',
  lastName: `Fumagalli ${Tag}`,
  company: `Forno Fumagalli ${Tag}`,
  email: `lorenzo.${tag}@forno.example`,
};
const handLead = { firstName: 'Silvia', lastName: `Mauri ${Tag}`, email: `silvia.${tag}@pasticceria.example` };

const surveyName = `After the Christmas delivery ${Tag}`;
const italian = { firstName: 'Lucia', lastName: `Bernardi ${Tag}`, email: `lucia.${tag}@clienti.example` };
const italianName = `${italian.firstName} ${italian.lastName}`;
const survey = {
  title: { en: 'How did our Christmas delivery go?', it: 'Com’è andata la nostra consegna di Natale?' },
  thanks: { en: 'Thank you: we read every answer.', it: 'Grazie: leggiamo ogni risposta.' },
  nps: {
    en: 'How likely are you to recommend Rossi Bakery to a friend?',
    it: 'Quanto è probabile che consigli Rossi Bakery a un amico?',
  },
  rating: { en: 'How fresh was the bread on arrival?', it: 'Quanto era fresco il pane all’arrivo?' },
};

/** The SMTP server the Clientela server sends its mail to, keeping what it receives. */
async function startSmtp() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData: (stream, _session, callback) => {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(SMTP_PORT, '127.0.0.1', resolve));
  return { received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${admin.name}` })).toBeVisible({ timeout: 45_000 });
}

/** Calls the API as the signed-in person of `page`, with the CSRF token. */
async function apiAs(page: Page) {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  return async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, data?: Record<string, unknown>) => {
    const response = await page.request.fetch(url, { method, headers, ...(data ? { data } : {}) });
    expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
    return response.json();
  };
}

/** A page in a new browser context: nobody signed in, as a customer opening a link. */
async function strangerPage(browser: Browser, viewport?: { width: number; height: number }): Promise<Page> {
  const use = test.info().project.use;
  const context = await browser.newContext({
    baseURL: use.baseURL,
    locale: use.locale,
    timezoneId: use.timezoneId,
    viewport: viewport ?? use.viewport,
    reducedMotion: use.reducedMotion,
  });
  return context.newPage();
}

const mailTo = (mails: ParsedMail[], address: string) => mails.filter((mail) => JSON.stringify(mail.to ?? '').includes(address));
const thisRun = (mails: ParsedMail[]) => mails.filter((mail) => (mail.subject ?? '').includes(`(${Tag})`));

/** A raw header of a parsed mail, unfolded; undefined when absent. */
function header(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((one) => one.key === name)?.line;
  return line?.replace(/\r?\n[ \t]+/g, ' ').replace(/^[^:]+:\s*/, '');
}

/** Today in the browser's time zone, as the API takes a day. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

test.describe.configure({ mode: 'serial' });

let smtp: Awaited<ReturnType<typeof startSmtp>>;
test.beforeAll(async () => {
  smtp = await startSmtp();
});
test.afterAll(async () => {
  await smtp?.stop();
});

test('mailing: a segment of class A customers gets a personal letter only with consent, and one-click unsubscribe stops the next one', async ({
  page,
  browser,
  playwright,
}) => {
  test.setTimeout(300_000);
  const contactIds: Record<string, string> = {};

  await test.step('the admin has five contacts in the city: three class A with consent, one class A without, one class B', async () => {
    await signIn(page);
    const call = await apiAs(page);
    const make = async (person: typeof silent, customerClass: 'A' | 'B') =>
      (
        await call('POST', '/api/v1/contacts', {
          firstName: person.firstName,
          lastName: person.lastName,
          emails: [{ label: 'work', value: person.email }],
          class: customerClass,
          city,
          language: 'en',
        })
      ).id as string;
    for (const person of consenting) {
      contactIds[person.email] = await make(person, 'A');
      const consent = await call('PUT', `/api/v1/contacts/${contactIds[person.email]}/consent`, {
        state: 'granted',
        source: 'manual',
        detail: 'Signed the form at the shop counter',
      });
      expect(consent.state).toBe('granted');
    }
    contactIds[silent.email] = await make(silent, 'A');
    contactIds[classB.email] = await make(classB, 'B');
  });

  await test.step('the segment is filtered in the contacts list and saved as a shared view', async () => {
    await page.goto('/contacts');
    await page.getByRole('combobox', { name: 'Class' }).click();
    await pickOption(page, 'Class A');
    await page.getByRole('textbox', { name: 'City' }).fill(city);
    await expect(page.getByTestId('list-total')).toHaveText('Showing 4 of 4');
    await expect(page.getByRole('row').filter({ hasText: classB.lastName })).toHaveCount(0);
    await page.getByRole('button', { name: 'Save view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save the view' });
    await dialog.getByLabel('Name').fill(viewName);
    await dialog.getByRole('checkbox', { name: 'Share with the whole team' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`View “${viewName}” saved.`)).toBeVisible();
  });

  await test.step('a mail template greets each reader by first name in the subject and the body', async () => {
    await page.goto('/templates');
    await page.getByRole('button', { name: 'New template' }).click();
    await expect(page.getByRole('heading', { name: 'New template' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(templateName);
    await page.getByRole('textbox', { name: 'Subject' }).fill(subjectLine);
    await page.getByRole('textbox', { name: 'Body (MJML)' }).fill(`<mjml lang="en">
  <mj-body>
    <mj-section background-color="#ffffff">
      <mj-column>
        <mj-text font-size="20px">Ciao {{first_name}}!</mj-text>
        <mj-text>The first panettoni of the season are out of the oven, {{first_name}}: come and taste one at the shop.</mj-text>
        <mj-text><a href="{{unsubscribe_url}}">Unsubscribe from these e-mails</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(`Template “${templateName}” saved`)).toBeVisible();
    await expect(page).toHaveURL(/\/templates\/[0-9a-f-]{36}$/);
    await expect(page.getByTitle('Preview of the letter')).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshot('marketing-template.png'), fullPage: true });
  });

  let firstMailing = '';
  await test.step('a mailing to the view is created and queued; its page follows the progress', async () => {
    await page.goto('/mailings');
    await page.getByRole('button', { name: 'New mailing' }).click();
    const dialog = page.getByRole('dialog', { name: 'New mailing' });
    await dialog.getByLabel('Name').fill(`Panettone season ${Tag}`);
    await dialog.getByRole('combobox', { name: 'Template' }).click();
    await pickOption(page, `${templateName} · Marketing`);
    await dialog.getByRole('combobox', { name: 'Choose a saved view' }).click();
    await pickOption(page, viewName);
    await dialog.getByRole('button', { name: 'Queue and send' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: `Send “Panettone season ${Tag}” now?` });
    await expect(confirm).toContainText(`${viewName} holds 4 contacts now.`);
    await confirm.getByRole('button', { name: 'Queue and send' }).click();
    await expect(page).toHaveURL(/\/mailings\/[0-9a-f-]{36}$/);
    firstMailing = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { name: `Panettone season ${Tag}` })).toBeVisible();
    await expect(page.getByTestId('count-sent')).toContainText('3', { timeout: 90_000 });
    await expect(page.getByTestId('count-skipped_no_consent')).toContainText('1');
    await expect(page.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('3 of 4 sent')).toBeVisible();
    await page.screenshot({ path: screenshot('marketing-mailing-progress.png'), fullPage: true });
  });

  let unsubscribeUrl = '';
  await test.step('exactly the three consenting contacts got one letter each, with their name and a one-click unsubscribe', async () => {
    await expect.poll(() => thisRun(smtp.received).length, { timeout: 30_000 }).toBe(3);
    for (const person of consenting) {
      const mails = mailTo(thisRun(smtp.received), person.email);
      expect(mails, person.email).toHaveLength(1);
      const mail = mails[0] as ParsedMail;
      expect(mail.subject).toBe(`Panettone season, ${person.firstName}! (${Tag})`);
      expect(mail.text).toContain(`Ciao ${person.firstName}!`);
      expect(mail.html || '').toContain(`out of the oven, ${person.firstName}`);
      const unsubscribe = header(mail, 'list-unsubscribe');
      expect(unsubscribe).toContain(`${PUBLIC_URL}/u/`);
      expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    }
    expect(mailTo(smtp.received, silent.email)).toHaveLength(0);
    expect(mailTo(smtp.received, classB.email)).toHaveLength(0);
    const paolo = mailTo(thisRun(smtp.received), consenting[1]?.email ?? '')[0] as ParsedMail;
    unsubscribeUrl = /<(http[^>]+)>/.exec(header(paolo, 'list-unsubscribe') ?? '')?.[1] ?? '';
    expect(unsubscribeUrl).toMatch(new RegExp(`^${PUBLIC_URL}/u/[0-9a-f-]{36}$`));
  });

  await test.step('the unsubscribe page opens without signing in; the mail client’s one-click POST withdraws the consent', async () => {
    const stranger = await strangerPage(browser);
    await stranger.goto(unsubscribeUrl);
    await expect(stranger.getByText(consenting[1]?.email ?? '')).toBeVisible();
    await expect(stranger.getByRole('button', { name: 'Unsubscribe' })).toBeVisible();
    await stranger.screenshot({ path: screenshot('marketing-unsubscribe-page.png') });
    await stranger.context().close();

    // As a mail client does it (RFC 8058): a bare POST, no cookies, no session.
    const client = await playwright.request.newContext();
    const response = await client.post(unsubscribeUrl, { form: { 'List-Unsubscribe': 'One-Click' } });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('You are unsubscribed');
    await client.dispose();
    const call = await apiAs(page);
    const consent = await call('GET', `/api/v1/contacts/${contactIds[consenting[1]?.email ?? '']}/consent`);
    expect(consent.state).toBe('withdrawn');
    expect(consent.source).toBe('unsubscribe_link');
  });

  await test.step('a second mailing to the same view reaches only the two still consenting; the page counts one unsubscribed', async () => {
    const before = thisRun(smtp.received).length;
    await page.goto('/mailings');
    await page.getByRole('button', { name: 'New mailing' }).click();
    const dialog = page.getByRole('dialog', { name: 'New mailing' });
    await dialog.getByLabel('Name').fill(`Panettone reminder ${Tag}`);
    await dialog.getByRole('combobox', { name: 'Template' }).click();
    await pickOption(page, `${templateName} · Marketing`);
    await dialog.getByRole('combobox', { name: 'Choose a saved view' }).click();
    await pickOption(page, viewName);
    await dialog.getByRole('button', { name: 'Queue and send' }).click();
    await page
      .getByRole('dialog')
      .filter({ hasText: `Send “Panettone reminder ${Tag}” now?` })
      .getByRole('button', { name: 'Queue and send' })
      .click();
    await expect(page).toHaveURL(/\/mailings\/[0-9a-f-]{36}$/);
    expect(new URL(page.url()).pathname).not.toBe(firstMailing);
    await expect(page.getByTestId('count-sent')).toContainText('2', { timeout: 90_000 });
    await expect(page.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('count-skipped_unsubscribed')).toContainText('1');
    await expect(page.getByTestId('count-skipped_no_consent')).toContainText('1');
    await page.screenshot({ path: screenshot('marketing-mailing-unsubscribed.png'), fullPage: true });

    const added = thisRun(smtp.received).slice(before);
    expect(added).toHaveLength(2);
    const unsubscribed = consenting[1]?.email ?? '';
    expect(mailTo(added, unsubscribed)).toHaveLength(0);
    for (const person of consenting.filter((one) => one.email !== unsubscribed)) expect(mailTo(added, person.email)).toHaveLength(1);
  });
});

test('campaign: a web-form lead and a lead by hand, one converted to a won deal of 2,500, make the campaign’s ROI 150 %', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  let campaignPath = '';
  let formUrl = '';

  await test.step('a lead source is added in the marketing settings', async () => {
    await signIn(page);
    await page.goto('/marketing/settings');
    await page.getByRole('textbox', { name: 'New source name' }).fill(sourceName);
    await page.getByRole('button', { name: 'Add a source' }).click();
    await expect(page.getByRole('row').filter({ hasText: sourceName })).toBeVisible();
  });

  await test.step('a campaign from that source, with an actual cost of 1,000.00', async () => {
    await page.goto('/campaigns');
    await page.getByRole('button', { name: 'New campaign' }).click();
    const dialog = page.getByRole('dialog', { name: 'New campaign' });
    await dialog.getByLabel('Name').fill(campaignName);
    await dialog.getByRole('combobox', { name: 'Source' }).click();
    await pickOption(page, sourceName);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { name: campaignName })).toBeVisible();
    campaignPath = new URL(page.url()).pathname;
    expect(campaignPath).toMatch(/^\/campaigns\/[0-9a-f-]{36}$/);

    await page.getByRole('button', { name: 'Add a cost' }).click();
    await page.getByRole('textbox', { name: 'Description' }).fill('Stand at the Christmas fair');
    await page.getByRole('spinbutton', { name: 'Actual' }).fill('1000');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Cost saved')).toBeVisible();
    await expect(page.getByTestId('total-actual')).toHaveText('€1,000.00');
  });

  await test.step('a web form for the campaign, with its public address', async () => {
    await page.goto('/marketing/settings?tab=forms');
    await page.getByRole('button', { name: 'New web form' }).click();
    const drawer = page.getByRole('dialog', { name: 'New web form' });
    await drawer.getByRole('textbox', { name: 'Name', exact: true }).fill(formName);
    await drawer.getByRole('checkbox', { name: 'Show: Last name' }).check();
    await drawer.getByRole('checkbox', { name: 'Show: Company' }).check();
    await drawer.getByLabel('Title on the form').fill('Meet us at the Christmas fair');
    await drawer.getByLabel('Thank-you text').fill(formThanks);
    await drawer.getByLabel('Consent text').fill('Send me news and offers from Rossi Bakery.');
    await drawer.getByRole('combobox', { name: 'Source' }).click();
    await pickOption(page, sourceName);
    await drawer.getByRole('combobox', { name: 'Campaign' }).fill(campaignName);
    await pickOption(page, campaignName);
    await drawer.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Web form saved')).toBeVisible();
    const edit = page.getByRole('dialog', { name: 'Edit web form' });
    formUrl = ((await edit.getByTestId('public-url').textContent()) ?? '').trim();
    expect(formUrl).toMatch(new RegExp(`^${PUBLIC_URL}/f/\\S+$`));
    await edit.getByTestId('public-url').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot('marketing-web-form-settings.png') });
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('row').filter({ hasText: formName })).toContainText(campaignName);
  });

  await test.step('a visitor fills in the form on the site, without signing in', async () => {
    const visitor = await strangerPage(browser);
    await visitor.goto(formUrl);
    await expect(visitor.getByRole('heading', { name: 'Meet us at the Christmas fair' })).toBeVisible();
    await visitor.getByLabel('First name').fill(webLead.firstName);
    await visitor.getByLabel('Last name').fill(webLead.lastName);
    await visitor.getByLabel('Company').fill(webLead.company);
    await visitor.getByLabel('E-mail').fill(webLead.email);
    await visitor.getByLabel('Message').fill('We need 40 panettoni for our customers by 20 December.');
    await visitor.getByRole('checkbox').check();
    await visitor.screenshot({ path: screenshot('marketing-web-form.png'), fullPage: true });
    await visitor.getByRole('button', { name: 'Send' }).click();
    await expect(visitor.getByRole('status')).toHaveText(formThanks);
    await visitor.screenshot({ path: screenshot('marketing-web-form-thanks.png'), fullPage: true });
    await visitor.context().close();
  });

  let webLeadPath = '';
  await test.step('the campaign’s leads show the web-form lead; a second lead is entered by hand for the campaign', async () => {
    await page.goto(campaignPath);
    await page.getByRole('link', { name: 'Its leads' }).click();
    const row = page.getByRole('row').filter({ hasText: webLead.lastName });
    await expect(row).toContainText(campaignName);
    await expect(row).toContainText(sourceName);
    webLeadPath = (await row.getByRole('link', { name: `${webLead.firstName} ${webLead.lastName}` }).getAttribute('href')) ?? '';

    await page.getByRole('button', { name: 'New lead' }).click();
    const dialog = page.getByRole('dialog', { name: 'New lead' });
    await dialog.getByLabel('First name').fill(handLead.firstName);
    await dialog.getByLabel('Last name').fill(handLead.lastName);
    await dialog.getByLabel('E-mail').fill(handLead.email);
    const campaign = dialog.getByRole('combobox', { name: 'Campaign' });
    if ((await dialog.locator('.ant-select').filter({ has: campaign }).getByTitle(campaignName).count()) === 0) {
      await campaign.fill(campaignName);
      await pickOption(page, campaignName);
    }
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { name: `${handLead.firstName} ${handLead.lastName}` })).toBeVisible();
    await expect(page.getByRole('link', { name: campaignName })).toBeVisible();
  });

  let dealId = '';
  await test.step('the web-form lead is converted into a contact, a company and a deal of 2,500', async () => {
    expect(webLeadPath).toMatch(/^\/leads\/[0-9a-f-]{36}$/);
    await page.goto(webLeadPath);
    await expect(page.getByRole('heading', { name: `${webLead.firstName} ${webLead.lastName}` })).toBeVisible();
    await expect(page.getByText('Agreed to receive news')).toBeVisible();
    await page.getByRole('button', { name: 'Convert' }).click();
    const dialog = page.getByRole('dialog', { name: 'Convert the lead' });
    await expect(dialog.getByRole('radio', { name: `Create a new one: ${webLead.company}` })).toBeChecked();
    await dialog.getByRole('checkbox', { name: 'Also open a deal' }).check();
    await dialog.getByLabel('Deal title').fill(`40 panettoni for ${webLead.company}`);
    await dialog.getByRole('spinbutton', { name: 'Amount' }).fill('2500');
    await page.screenshot({ path: screenshot('marketing-convert-lead.png') });
    await dialog.getByRole('button', { name: 'Convert' }).click();
    await expect(dialog.getByText('The lead is converted')).toBeVisible();
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Close' }).click();
    const call = await apiAs(page);
    const lead = await call('GET', `/api/v1${webLeadPath}`);
    expect(lead.status).toBe('converted');
    dealId = lead.conversion?.deal?.id ?? '';
    expect(dealId).not.toBe('');
  });

  await test.step('the deal is won', async () => {
    const call = await apiAs(page);
    const deal = await call('GET', `/api/v1/deals/${dealId}`);
    expect(deal.amount).toBe('2500.00');
    type Stage = { id: string; kind: string; requiredFields: string[] };
    const pipelines = (await call('GET', '/api/v1/pipelines')).data as { id: string; stages: Stage[] }[];
    const won = pipelines.find((one) => one.id === deal.pipelineId)?.stages.find((stage) => stage.kind === 'won');
    if (!won) throw new Error('the deal’s pipeline has no won stage');
    const required: Record<string, string> = {
      amount: '2500.00',
      expectedCloseOn: today(),
      source: sourceName,
      ...(deal.company?.id ? { companyId: deal.company.id } : {}),
      ...(deal.contact?.id ? { contactId: deal.contact.id } : {}),
    };
    const moved = await call('POST', `/api/v1/deals/${dealId}/move`, {
      stageId: won.id,
      ...Object.fromEntries(won.requiredFields.filter((field) => field in required).map((field) => [field, required[field]])),
    });
    expect(moved.stage.kind).toBe('won');
  });

  await test.step('the campaign’s page shows 2 leads, 2,500.00 won, 500.00 per lead, 1,000.00 per won deal and an ROI of 150 %', async () => {
    await page.goto(campaignPath);
    const figure = (key: string) => page.getByTestId(`result-${key}`).locator('.ant-statistic-content');
    await expect(figure('leads')).toHaveText('2');
    await expect(figure('deals')).toHaveText('1');
    await expect(figure('wonDeals')).toHaveText('1');
    await expect(figure('revenue')).toHaveText('€2,500.00');
    await expect(figure('costPerLead')).toHaveText('€500.00');
    await expect(figure('costPerWon')).toHaveText('€1,000.00');
    await expect(figure('roi')).toHaveText('150%');
    await page.screenshot({ path: screenshot('marketing-campaign-results.png'), fullPage: true });
  });

  await test.step('the ROI report of the quarter shows the same figures for the campaign, with its chart', async () => {
    await page.goto('/marketing/roi');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: campaignName, exact: true }) });
    const cells = row.getByRole('cell');
    await expect(cells.nth(1)).toHaveText(sourceName);
    await expect(cells.nth(2)).toHaveText('€1,000.00');
    await expect(cells.nth(3)).toHaveText('2');
    await expect(cells.nth(4)).toHaveText('1');
    await expect(cells.nth(5)).toHaveText('1');
    await expect(cells.nth(6)).toHaveText('€2,500.00');
    await expect(cells.nth(7)).toHaveText('€500.00');
    await expect(cells.nth(8)).toHaveText('€1,000.00');
    await expect(cells.nth(9)).toHaveText('150%');
    const chart = page.locator('.ant-card').filter({ hasText: 'Cost and revenue' });
    await expect(chart.locator('canvas, svg').first()).toBeVisible();
    await page.screenshot({ path: screenshot('marketing-roi.png'), fullPage: true });
  });
});

test('survey: an NPS and a rating question in Italian and English, answered by an Italian customer; the detractor goes on the call list', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  let surveyPath = '';
  let link = '';

  await test.step('the survey is built in English and Italian with an NPS and a rating question, and opened', async () => {
    await signIn(page);
    const call = await apiAs(page);
    await call('POST', '/api/v1/contacts', {
      firstName: italian.firstName,
      lastName: italian.lastName,
      emails: [{ label: 'work', value: italian.email }],
      class: 'A',
      city,
      language: 'it',
    });

    await page.goto('/surveys');
    await page.getByRole('button', { name: 'New survey' }).click();
    const dialog = page.getByRole('dialog', { name: 'New survey' });
    await dialog.getByLabel('Name').fill(surveyName);
    await dialog.getByRole('checkbox', { name: 'English' }).check();
    await dialog.getByRole('checkbox', { name: 'Italian' }).check();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { name: surveyName })).toBeVisible();
    surveyPath = new URL(page.url()).pathname;

    await page.getByLabel('Title · English').fill(survey.title.en);
    await page.getByLabel('Title · Italian').fill(survey.title.it);
    await page.getByLabel('Thank-you text · English').fill(survey.thanks.en);
    await page.getByLabel('Thank-you text · Italian').fill(survey.thanks.it);
    const questions = page.getByTestId('survey-question');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByRole('menuitem', { name: 'Recommendation, 0–10 (NPS)' }).click();
    await questions.nth(0).getByLabel('Question text · English').fill(survey.nps.en);
    await questions.nth(0).getByLabel('Question text · Italian').fill(survey.nps.it);
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByRole('menuitem', { name: 'Rating, 1–5 stars' }).click();
    await questions.nth(1).getByLabel('Question text · English').fill(survey.rating.en);
    await questions.nth(1).getByLabel('Question text · Italian').fill(survey.rating.it);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Survey saved')).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshot('marketing-survey-builder.png'), fullPage: true });
    await page.getByRole('button', { name: 'Open for answers' }).click();
    await expect(page.getByText('The survey is open: customers can answer it.')).toBeVisible();
  });

  await test.step('a personal link is made for the Italian customer', async () => {
    await page.getByRole('tab', { name: 'Send' }).click();
    await page.getByRole('combobox', { name: 'Contact', exact: true }).fill(italian.lastName);
    await pickOption(page, italianName);
    await page.getByRole('button', { name: 'Get the link' }).click();
    const field = page.getByTestId('survey-personal-link');
    await expect(field).toHaveValue(new RegExp(`^${PUBLIC_URL}/s/[0-9a-f-]{36}$`));
    link = await field.inputValue();
  });

  await test.step('the customer opens the link without signing in: the survey speaks Italian, on a phone too', async () => {
    const customer = await strangerPage(browser);
    await customer.goto(link);
    await expect(customer.getByRole('heading', { name: survey.title.it })).toBeVisible();
    await expect(customer.getByText(survey.nps.it)).toBeVisible();
    await expect(customer.getByText(survey.rating.it)).toBeVisible();
    await expect(customer.getByText('Per niente probabile')).toBeVisible();
    await expect(customer.getByRole('button', { name: 'Invia le mie risposte' })).toBeVisible();
    await expect(customer.getByText(survey.nps.en)).toHaveCount(0);
    await customer.screenshot({ path: screenshot('marketing-survey-public.png'), fullPage: true });

    await customer.setViewportSize({ width: 375, height: 740 });
    await customer.getByText(survey.nps.it).scrollIntoViewIfNeeded();
    await customer.screenshot({ path: screenshot('marketing-survey-phone.png') });

    await customer.getByRole('radio', { name: '3', exact: true }).click();
    await customer.getByRole('radio', { name: '4 su 5' }).click();
    await expect(customer.getByRole('radio', { name: '3', exact: true })).toHaveAttribute('aria-checked', 'true');
    await customer.getByRole('button', { name: 'Invia le mie risposte' }).click();
    await expect(customer.getByTestId('survey-done')).toContainText(survey.thanks.it);
    await customer.screenshot({ path: screenshot('marketing-survey-thanks.png'), fullPage: true });
    await customer.context().close();
  });

  await test.step('the results show an NPS of −100: one detractor', async () => {
    await page.goto(`${surveyPath}?tab=results`);
    await expect(page.getByTestId('survey-nps-score')).toHaveText('-100');
    await expect(page.getByTestId('survey-nps-parts')).toHaveText('Promoters 0 · Passives 0 · Detractors 1');
    await expect(page.getByTestId('survey-csat')).toContainText('100%');
    await page.screenshot({ path: screenshot('marketing-survey-results.png'), fullPage: true });
  });

  await test.step('the call list of detractors gives a call task for the Italian customer', async () => {
    await page.getByRole('tab', { name: 'Call lists' }).click();
    await page.getByRole('button', { name: 'Call list of detractors' }).click();
    await expect(page.getByTestId('survey-calls-created')).toHaveText('1 call task created.');
    const row = page.getByRole('row').filter({ hasText: italianName });
    await expect(row).toContainText('Detractor · 3');
    await page.screenshot({ path: screenshot('marketing-survey-calls.png'), fullPage: true });
  });
});
