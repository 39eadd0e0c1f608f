/** What a person does on an H5 page, as the journeys script it. */
import type { DemoAccount } from '@cardhub/shared';
import type { Page } from 'playwright-core';

/** The demo account called `name`, or the first plain employee. */
export async function firstDemoEmployee(baseUrl: string, name?: string): Promise<DemoAccount> {
  const response = await fetch(`${baseUrl}/api/auth/demo-accounts`);
  const accounts = (await response.json()) as DemoAccount[];
  const seller = accounts.find((account) => (name ? account.name === name : account.role === 'employee'));
  if (!seller) throw new Error(`no employee among the demo accounts: ${JSON.stringify(accounts)}`);
  return seller;
}

/** Waits until `text` is visible somewhere on the page (Taro's web components render plain text nodes). */
export async function expectText(page: Page, text: string, timeout = 10_000): Promise<void> {
  // The first visible match: pages keep hidden copies of some texts (the H5 navigation bar's title).
  await page.getByText(text).filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
}

/**
 * Taps the control labelled `label`. Taro's H5 buttons lay their own box over the label text, so the tap lands
 * where a finger would: on the label's position, whatever element is on top there.
 */
export async function tap(page: Page, label: string): Promise<void> {
  const target = page.getByText(label, { exact: true });
  await target.waitFor({ state: 'visible' });
  await target.click({ force: true });
}

/** Replaces the value of the form field labelled `label`: the nearest input or textarea around the label text. */
export async function fillField(page: Page, label: string, value: string): Promise<void> {
  await page
    .getByText(label, { exact: true })
    .locator('xpath=ancestor::*[.//input or .//textarea][1]')
    .locator('input, textarea')
    .first()
    .fill(value);
}
