import { expect, type Page } from '@playwright/test';

// Driving HR's page and the game the way HR and a trainee do: make assignment links on
// hr.html, then play one through to its debrief.

/** Links for the trainees (one id a line) on the tutorial; the page stays on hr.html. */
export async function makeLinks(
  page: Page,
  trainees: string,
  rules: { pass?: string; attempts?: string; due?: string } = {},
): Promise<string[]> {
  await page.goto('./hr.html');
  await page.getByLabel('Scenario').selectOption('tutorial');
  await page.getByLabel('Pass mark (fair score, 0–100)').fill(rules.pass ?? '30');
  if (rules.attempts) await page.getByLabel('Attempts allowed').fill(rules.attempts);
  if (rules.due) await page.getByLabel('Due date (optional)').fill(rules.due);
  await page.getByLabel('Trainee ids').fill(trainees);
  await page.getByRole('button', { name: 'Make the links' }).click();
  const inputs = page.locator('input.url');
  await expect(inputs.first()).toBeVisible();
  return inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

/** Plays a tutorial link to its debrief and returns the result code it shows. */
export async function playLink(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  return playQuarters(page);
}

/** Plays the tutorial's four quarters from the first and returns the debrief's code. */
export async function playQuarters(page: Page): Promise<string> {
  for (let q = 0; q < 4; q++) {
    // as a player who has read the situation (a press at once is taken for a double click)
    await page.waitForTimeout(550);
    await page
      .getByRole('group', { name: 'Your call' })
      .getByRole('button')
      .nth(q % 2)
      .click();
    await page.getByRole('button', { name: /On to quarter|See the debrief/ }).click();
  }
  const code = page.locator('#result-code');
  await expect(code).toHaveValue(/^TOW1-/);
  return code.inputValue();
}
