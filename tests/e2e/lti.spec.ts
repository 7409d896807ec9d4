import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { ROLE, TestPlatform } from '../lti/platform.ts';
import { startAssessedAttempt } from './helpers/assess.ts';
import { shotsAtBothSizes } from './helpers/both-sizes.ts';
import {
  attachScreenshot,
  clickListed,
  expectNoAxeViolations,
  waitForRopeView,
  watchPage,
} from './helpers/game.ts';
import { roomServerForFile } from './helpers/room-server.ts';

// The game as an LTI 1.3 tool in Chromium, against the test platform (tests/lti/platform.ts):
// a learner clicks the course link and the browser goes through the tool's login, the
// platform's authorisation and the tool's launch to the assessment; the learner plays the
// attempt on the game page, and the platform's gradebook receives the grade the server gave. A launch
// posted again and one signed with the wrong key end on a page that says why. The
// instructor's pages (placing an assessment, the learners) are checked with axe and
// screenshots at both sizes.

const ADMIN = 'e2e-admin-secret-0123456789';

// the server's own setting, not the test process's: other files' servers go without it
const server = roomServerForFile({ TOW_ADMIN_SECRET: ADMIN });
let platform: TestPlatform;
let tool: string;
let assignmentId: string;
let adminSecret: string;

async function api<T>(
  path: string,
  init: { body?: unknown; secret?: string } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${tool}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.secret ? { authorization: `Bearer ${init.secret}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

// runs after the server's own beforeAll (declared above), once the server is up
test.beforeAll(async () => {
  tool = server.base.replace(/\/$/, '');
  platform = await TestPlatform.start(tool);
  expect(
    (await api('/api/lti/platforms', { body: platform.registration(), secret: ADMIN })).status,
  ).toBe(201);
  const made = await api<{ assignment: { id: string }; adminSecret: string }>('/api/assignments', {
    body: {
      title: 'Sales academy, LTI',
      scenario: { kind: 'bundled', id: 'tutorial' },
      passMark: 50,
      attempts: 2,
      trainees: ['placeholder'],
    },
  });
  assignmentId = made.body.assignment.id;
  adminSecret = made.body.adminSecret;
});
test.afterAll(async () => {
  await platform?.close();
});
test.beforeEach(() => {
  platform.plan = TestPlatform.learnerPlan({ assignment: assignmentId });
});

const shots = (page: Page, name: string, testInfo: TestInfo) =>
  shotsAtBothSizes(page, name, testInfo);

test('a course link launches the assessment, the learner plays it, and the grade reaches the platform', async ({
  page,
}, testInfo) => {
  const problems = await watchPage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(platform.loginUrl());
  await page.waitForURL((u) => u.searchParams.get('assess') === assignmentId);
  await startAssessedAttempt(page);
  await waitForRopeView(page);
  await expect(page.locator('.room-bar')).toContainText(
    'Assessed: Sales academy, LTI · attempt 1 of 2 · playing as Ana Souza',
  );
  await attachScreenshot(page, testInfo, 'lti-learner-1280');
  const quarters = await page.evaluate(
    () => window.__TEST__!.store.getState().entry!.scenario.quarters,
  );
  for (let q = 1; q <= quarters; q++) {
    await expect(page.locator('button.choice').first()).toBeEnabled();
    await clickListed(page, q);
    await page.getByRole('button', { name: /^(On to quarter \d+|See the debrief)$/ }).click();
  }
  const graded = page.locator('[data-assessed-grade]');
  await expect(graded).toContainText('The server graded attempt 1 of 2: fair score');
  const fairScore = Number(await graded.getAttribute('data-assessed-grade'));
  await expect.poll(() => platform.scores.length, { timeout: 15_000 }).toBe(1);
  expect(platform.scores[0]!.body).toMatchObject({
    userId: 'user-ana-7731',
    scoreGiven: fairScore,
    scoreMaximum: 100,
    activityProgress: 'Completed',
    gradingProgress: 'FullyGraded',
  });

  // HR, on hr.html with the admin secret, sees that the grade reached the gradebook
  await page.goto(`${tool}/hr.html`);
  await page.locator('#s-id').fill(assignmentId);
  await page.locator('#s-secret').fill(adminSecret);
  await page.getByRole('button', { name: 'Show the cohort' }).click();
  const lms = page.getByRole('table', { name: 'Grades sent to the learning platform' });
  const row = lms.getByRole('row', { name: /Ana Souza/ });
  await expect(row).toContainText('Test LMS');
  await expect(row).toContainText(`sent: ${fairScore}`);
  await expectNoAxeViolations(page, "HR's cohort with the gradebook");
  await page
    .getByRole('heading', { name: 'Grades sent to the learning platform' })
    .scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('lti-hr-gradebook-1280.png') });
  // on a phone, a card a trainee as in the cohort above: the name on its own line, then each
  // line labelled with its column
  for (const [w, h] of [
    [390, 844],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page
      .getByRole('heading', { name: 'Grades sent to the learning platform' })
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`lti-hr-gradebook-${w}.png`) });
    const card = await row.evaluate((tr) => {
      const [name, ...cells] = [...tr.children] as HTMLElement[];
      const bottom = name!.getBoundingClientRect().bottom;
      return {
        nameLines: Math.round(
          name!.getBoundingClientRect().height / parseFloat(getComputedStyle(name!).lineHeight),
        ),
        cells: cells.map((c) => ({
          label: getComputedStyle(c, '::before').content,
          below: c.getBoundingClientRect().top >= bottom - 1,
        })),
      };
    });
    expect(card).toEqual({
      nameLines: 1,
      cells: [
        { label: '"Platform"', below: true },
        { label: '"Gradebook"', below: true },
      ],
    });
  }
  expect(problems).toEqual([]);
});

test('a launch posted again is refused, and says why', async ({ page }, testInfo) => {
  await page.goto(platform.loginUrl());
  await page.waitForURL((u) => u.searchParams.has('assess'));
  // the same form the platform posted, posted again from the browser
  const { id_token, state } = platform.lastLaunch!;
  await page.goto(`${platform.base}/blank`);
  await page.setContent(
    `<form method="post" action="${tool}/lti/launch"><input name="id_token" value="${id_token}"><input name="state" value="${state}"><button>Again</button></form>`,
  );
  await page.getByRole('button', { name: 'Again' }).click();
  await expect(page.getByRole('heading', { name: 'The launch was refused' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('has been used already');
  await expectNoAxeViolations(page, 'the refused launch');
  await shots(page, 'lti-replayed', testInfo);
});

test('a launch whose login was made in another browser is refused (login CSRF), and the rightful browser still launches', async ({
  page,
  browser,
}, testInfo) => {
  // the attacker's browser logs in and stops before its launch is posted
  await page.route(`${tool}/lti/launch`, (route) => route.abort());
  await page.goto(platform.loginUrl()).catch(() => undefined);
  await expect.poll(() => platform.lastLaunch).not.toBeNull();
  const { id_token, state } = platform.lastLaunch!;
  const form = `<form method="post" action="${tool}/lti/launch"><input type="hidden" name="id_token" value="${id_token}"><input type="hidden" name="state" value="${state}"><button>Continue</button></form>`;
  // and makes another browser (the victim's) post it
  const victim = await browser.newContext();
  const other = await victim.newPage();
  await other.goto(`${platform.base}/blank`);
  await other.setContent(form);
  await other.getByRole('button', { name: 'Continue' }).click();
  await expect(other.getByRole('heading', { name: 'The launch was refused' })).toBeVisible();
  await expect(other.getByRole('alert')).toContainText(
    "did not bring back the game's login cookie",
  );
  await expect(other.getByRole('alert')).toContainText('third-party cookies');
  await expectNoAxeViolations(other, 'the launch from another browser');
  await shots(other, 'lti-other-browser', testInfo);
  await victim.close();
  // the browser that made the login posts it: that launch goes through
  await page.unroute(`${tool}/lti/launch`);
  await page.goto(`${platform.base}/blank`);
  await page.setContent(form);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((u) => u.searchParams.get('assess') === assignmentId);
});

test('an id_token signed with a key the platform does not hold is refused', async ({
  page,
}, testInfo) => {
  platform.plan.misuse = 'wrong-key';
  await page.goto(platform.loginUrl());
  await expect(page.getByRole('heading', { name: 'The launch was refused' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('not signed by the platform');
  await shots(page, 'lti-wrong-key', testInfo);
});

test('a link to an assessment not on this server, and a bookmarked launch, send the learner to the course', async ({
  page,
}, testInfo) => {
  platform.plan = TestPlatform.learnerPlan({ assignment: 'nonexistent-123' });
  await page.goto(platform.loginUrl());
  await expect(
    page.getByRole('heading', { name: 'The assessment is not on this server' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(
    "names the assessment “nonexistent-123”, which is not (or no longer) on this game's server. Ask the course's instructor",
  );
  await shots(page, 'lti-unknown-assignment', testInfo);
  await page.goto(`${tool}/lti/launch`);
  await expect(page.getByRole('heading', { name: 'Open the game from your course' })).toBeVisible();
  await expect(page.getByText('Go back to your course')).toBeVisible();
  await expectNoAxeViolations(page, 'the launch opened from a bookmark');
  await shots(page, 'lti-get-launch', testInfo);
});

test('an instructor places an assessment and sees the learners', async ({ page }, testInfo) => {
  // the game's pages ask for nothing the server has not got (the icon is the game's, not
  // /favicon.ico); the test platform's own pages are not the game's to judge
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && m.location().url.startsWith(tool))
      problems.push(`${m.text()} (${m.location().url})`);
  });
  platform.plan = {
    ...platform.plan,
    roles: [ROLE.instructor],
    sub: 'teacher-1',
    messageType: 'LtiDeepLinkingRequest',
  };
  await page.goto(platform.loginUrl());
  await expect(
    page.getByRole('heading', { name: 'Place an assessment in your course' }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'placing an assessment');
  await shots(page, 'lti-deep-link', testInfo);
  await page.setViewportSize({ width: 1280, height: 800 });
  // by keyboard: the first field has the focus after one Tab
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Q3 negotiation check');
  await page.getByLabel('Pass mark (fair score, 0 to 100)').fill('60');
  // no scenario is chosen for the instructor: the browser asks for one before posting
  await page.getByRole('button', { name: 'Make it and place it' }).click();
  await expect(
    page.getByRole('heading', { name: 'Place an assessment in your course' }),
  ).toBeVisible();
  expect(
    await page
      .getByLabel('Scenario')
      .evaluate((s) => (s as HTMLSelectElement).validity.valueMissing),
  ).toBe(true);
  await shots(page, 'lti-deep-link-no-scenario', testInfo);
  await page.setViewportSize({ width: 1280, height: 800 });
  // on a laptop, each scenario's whole title shows in the box once chosen, not cut short
  const cut = await page.getByLabel('Scenario').evaluate((s: HTMLSelectElement) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = getComputedStyle(s).font;
    const room = s.clientWidth - 40; // the box's padding and its arrow
    return [...s.options].map((o) => o.text).filter((t) => ctx.measureText(t).width > room);
  });
  expect(cut).toEqual([]);
  await page.getByLabel('Scenario').selectOption('tutorial');
  await page.getByRole('button', { name: 'Make it and place it' }).click();
  await expect(
    page.getByRole('heading', { name: '“Q3 negotiation check” is ready for your course' }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'the placed assessment');
  await shots(page, 'lti-placed', testInfo);
  await page.getByRole('button', { name: 'Add it to the course' }).click();
  await expect(page.getByRole('heading', { name: 'Placed in the course' })).toBeVisible();
  expect(platform.deepLinks).toHaveLength(1);

  platform.plan = {
    ...platform.plan,
    messageType: 'LtiResourceLinkRequest',
    custom: { assignment: assignmentId },
  };
  await page.goto(platform.loginUrl());
  await expect(page.getByRole('heading', { name: 'Sales academy, LTI' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'placeholder' })).toBeVisible();
  await expectNoAxeViolations(page, "the instructor's learners");
  await shots(page, 'lti-instructor', testInfo);
  expect(problems).toEqual([]);
});

test("the course's roster lists its learners who have not launched, for the instructor and for HR", async ({
  page,
}, testInfo) => {
  platform.members = [
    { user_id: 'user-ana-7731', name: 'Ana Souza', roles: [ROLE.learner] },
    { user_id: 'user-zoe-12', name: 'Zoe Achterberg', roles: [ROLE.learner] },
    { user_id: 'user-kai-13', name: 'Kai Olsen', roles: [ROLE.learner], status: 'Inactive' },
    { user_id: 'teacher-1', name: 'Gus Moreau', roles: [ROLE.instructor] },
  ];
  try {
    platform.plan = { ...platform.plan, roles: [ROLE.instructor], sub: 'teacher-1' };
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(platform.loginUrl());
    await expect(page.getByRole('heading', { name: 'Sales academy, LTI' })).toBeVisible();
    await expect(
      page.getByText("The course's roster on Test LMS was read just now (3 learners)."),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: /Zoe Achterberg not started/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Kai Olsen/ })).toContainText(
      'inactive in the course',
    );
    await expect(page.getByRole('rowheader', { name: 'Gus Moreau' })).toHaveCount(0);
    await expectNoAxeViolations(page, "the instructor's learners with the course's roster");
    await shots(page, 'lti-roster-instructor', testInfo);

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${tool}/hr.html`);
    await page.locator('#s-id').fill(assignmentId);
    await page.locator('#s-secret').fill(adminSecret);
    await page.getByRole('button', { name: 'Show the cohort' }).click();
    const note = page.getByText(/^The course's roster on Test LMS was read/);
    await expect(note).toContainText('(3 learners)');
    await expect(page.getByRole('row', { name: /Zoe Achterberg/ })).toContainText('not started');
    await expectNoAxeViolations(page, "HR's cohort with the course's roster");
    for (const [w, h] of [
      [1280, 800],
      [360, 740],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await note.scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath(`lti-roster-hr-${w}.png`) });
    }
  } finally {
    platform.members = null;
  }
});
