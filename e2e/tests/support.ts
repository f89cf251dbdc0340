import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

/** Where a journey saves a screenshot worth looking at. */
export const screenshot = (name: string) => fileURLToPath(new URL(`../screenshots/${name}`, import.meta.url));

/** The people of the bakery: the first-start journey creates them, later journeys sign in as them. */
export const admin = {
  workspace: 'Rossi Bakery',
  name: 'Anna Rossi',
  email: 'anna@rossi-bakery.example',
  password: 'warm-bread-every-morning',
};
export const colleague = {
  name: 'Marco Bianchi',
  email: 'marco@rossi-bakery.example',
  password: 'second-shop-opens-soon',
  unit: 'Second shop',
};

/** Opens the account menu in the header and picks one of its items. */
export async function chooseInUserMenu(page: Page, item: string) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** Picks an option of the antd select (or tree select) whose dropdown is open. */
export async function pickOption(page: Page, title: string) {
  // Only once the dropdown has finished sliding open: a click during the animation can land on
  // the option above the one meant, which the list has not yet moved away from.
  const settled = page.locator('.ant-select-dropdown:visible:not([class*="slide-up-appear"]):not([class*="slide-up-enter"])');
  await settled.getByTitle(title, { exact: true }).click();
}
