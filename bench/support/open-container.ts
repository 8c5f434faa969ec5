import type { Page } from '@playwright/test';
import { hostButton } from './ui';

/** Host → containers (narrowed to one) → the details of `name` on one tab, as a user gets there. */
export async function openContainerTab(
  page: Page,
  url: string,
  name: string,
  tab: 'Overview' | 'Logs' | 'Terminal',
) {
  await page.goto(url);
  await hostButton(page, 'local').click();
  await page.getByPlaceholder('Name, image, ID, label').fill(name);
  await page
    .getByRole('table', { name: 'Containers' })
    .getByRole('row', { name, exact: true })
    .getByRole('button', { name: `Details of ${name}` })
    .click();
  await page.getByRole('tab', { name: tab, exact: true }).click();
}
