import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, browserAvailable, openPage, signIn, startBrowserEnv } from './browser.ts';

const COMPANY = 'ООО «Правленая механика» (e2e)';
const CONTACT = 'Правленый Контакт Иванович (e2e)';
const DEAL = 'Поставка задвижек (e2e)';
const DEAL_EDITED = 'Поставка задвижек и фланцев (e2e)';
const TWIN = 'ООО «Двойник по ИНН» (e2e)';

/** Text as the page shows it, with the thin and non-breaking spaces of number formatting made plain. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** Opens the record of the first row of a list page (`<list>-row-<id>`) and returns its id. */
async function openFirstRow(page: Page, baseUrl: string, list: string): Promise<string> {
  await page.goto(`${baseUrl}/${list}`);
  const row = page.locator(`[data-testid^="${list}-row-"]`).first();
  await row.waitFor();
  const id = ((await row.getAttribute('data-testid')) ?? '').slice(`${list}-row-`.length);
  // By address: a click on the row could land on a link in one of its cells (a contact's company).
  await page.goto(`${baseUrl}/${list}/${id}`);
  return id;
}

/** Waits for the PATCH of a record and returns its status. */
function patched(page: Page, path: string): Promise<number> {
  return page
    .waitForResponse((res) => res.url().endsWith(path) && res.request().method() === 'PATCH')
    .then((res) => res.status());
}

/**
 * A head of sales corrects client records: renames a company and adds a phone (a bad one is
 * refused on its field), renames a contact, changes a deal's title and amount, and creates a
 * company whose INN another has — sees that one, and creates it anyway; converting a lead into a
 * company with that INN links the lead to the existing company instead.
 */
describe.runIf(browserAvailable())('browser: a head of sales edits companies, contacts and deals', () => {
  let env: BrowserEnv;
  let page: Page;
  let companyId = '';
  let companyInn = '';

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await openPage(env);
  }, 300_000);
  afterAll(async () => env?.close());

  it('logs in as the head of sales', async () => {
    await signIn(page, 'head@demo.test');
  });

  it('renames a company and adds a phone, a malformed one refused on its field', async () => {
    companyId = await openFirstRow(page, env.baseUrl, 'companies');
    await page.getByTestId('company-edit').click();
    companyInn = await page.getByTestId('company-form-inn').inputValue();
    expect(companyInn).toMatch(/^\d{10}(\d{2})?$/);
    await page.getByTestId('company-form-name').fill(COMPANY);
    const phones = await page.locator('[data-testid^="company-form-phone-"]').count();
    await page.getByTestId('company-form-add-phone').click();
    const phone = page.getByTestId(`company-form-phone-${phones}`);

    await phone.fill('12');
    const refused = patched(page, `/api/companies/${companyId}`);
    await page.getByTestId('company-form-submit').click();
    expect(await refused).toBe(400);
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');

    await phone.fill('8 (495) 765-43-21');
    const saved = patched(page, `/api/companies/${companyId}`);
    await page.getByTestId('company-form-submit').click();
    expect(await saved).toBe(200);
    await page.getByTestId('page-title').filter({ hasText: COMPANY }).waitFor();
    expect(await page.getByText('+7 495 765-43-21').count()).toBeGreaterThan(0);
  });

  it('renames a contact', async () => {
    const contactId = await openFirstRow(page, env.baseUrl, 'contacts');
    await page.getByTestId('contact-edit').click();
    await page.getByTestId('contact-form-fullName').fill(CONTACT);
    const saved = patched(page, `/api/contacts/${contactId}`);
    await page.getByTestId('contact-form-submit').click();
    expect(await saved).toBe(200);
    await page.getByTestId('page-title').filter({ hasText: CONTACT }).waitFor();
  });

  it('changes a deal’s title and amount and sees them on the deal page', async () => {
    await page.goto(`${env.baseUrl}/companies/${companyId}`);
    await page.getByTestId('company-add-deal').click();
    await page.getByTestId('deal-form-title').fill(DEAL);
    await page.getByTestId('deal-form-amount').fill('10 000');
    await page.getByTestId('deal-form-submit').click();
    await page.getByTestId('page-title').filter({ hasText: DEAL }).waitFor();
    const dealId = new URL(page.url()).pathname.split('/').at(-1) ?? '';

    await page.getByTestId('deal-edit').click();
    await page.getByTestId('deal-form-title').fill(DEAL_EDITED);
    await page.getByTestId('deal-form-amount').fill('250 000,75');
    const saved = page.waitForResponse(
      (res) => res.url().endsWith(`/api/deals/${dealId}`) && res.request().method() === 'PATCH',
    );
    await page.getByTestId('deal-form-submit').click();
    const response = await saved;
    expect(response.status()).toBe(200);
    // Only what changed is sent, with the version read.
    expect(Object.keys(response.request().postDataJSON() as object).sort()).toEqual([
      'amountMinor',
      'title',
      'version',
    ]);
    await page.getByTestId('page-title').filter({ hasText: DEAL_EDITED }).waitFor();
    await expect.poll(async () => plain(await page.getByTestId('deal-amount').textContent())).toBe('250 000,75 ₽');
  });

  it('creating a company with a taken INN shows the company that has it, then creates anyway', async () => {
    await page.goto(`${env.baseUrl}/companies`);
    await page.getByTestId('company-create').click();
    await page.getByTestId('company-form-name').fill(TWIN);
    await page.getByTestId('company-form-inn').fill(companyInn);
    const refused = page.waitForResponse(
      (res) => res.url().endsWith('/api/companies') && res.request().method() === 'POST',
    );
    await page.getByTestId('company-form-submit').click();
    expect((await refused).status()).toBe(409);
    const taken = page.getByTestId(`company-inn-taken-list-${companyId}`);
    await taken.waitFor();
    expect(await taken.textContent()).toContain(COMPANY);

    const created = page.waitForResponse(
      (res) => res.url().endsWith('/api/companies') && res.request().method() === 'POST',
    );
    await page.getByTestId('company-inn-taken-create-anyway').click();
    const response = await created;
    expect(response.status()).toBe(201);
    expect((response.request().postDataJSON() as { allowDuplicate: boolean }).allowDuplicate).toBe(true);
    await page.getByTestId(`company-duplicates-${companyId}`).waitFor();
    await page.getByTestId('company-open-created').click();
    await page.getByTestId('page-title').filter({ hasText: TWIN }).waitFor();
  });

  it('converting a lead into a company with a taken INN links the lead to the company that has it', async () => {
    const leadId = await page.evaluate(async () => {
      const response = await fetch('/api/leads?status=handed_off&limit=1');
      const body = (await response.json()) as { items: { id: string }[] };
      return body.items[0]?.id ?? '';
    });
    expect(leadId).not.toBe('');
    await page.goto(`${env.baseUrl}/leads/${leadId}`);
    await page.getByTestId('lead-convert').click();
    await page.getByTestId('convert-company-inn').fill(companyInn);
    const refused = page.waitForResponse((res) => res.url().endsWith(`/api/leads/${leadId}/convert`));
    await page.getByTestId('lead-convert-confirm').click();
    expect((await refused).status()).toBe(409);
    await page.getByTestId(`convert-inn-taken-list-${companyId}`).waitFor();

    const converted = page.waitForResponse((res) => res.url().endsWith(`/api/leads/${leadId}/convert`));
    await page.getByTestId(`convert-inn-taken-link-${companyId}`).click();
    const response = await converted;
    expect(response.status()).toBe(200);
    expect((response.request().postDataJSON() as { company: unknown }).company).toEqual({ id: companyId });
    expect(((await response.json()) as { companyId: string }).companyId).toBe(companyId);
    await page.getByTestId('lead-status').filter({ hasText: 'Конвертирован' }).waitFor();
  });
});
