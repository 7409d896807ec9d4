import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseXml } from '../../src/lms/cmi5/course.ts';
import { readLaunch } from '../../src/lms/cmi5/launch.ts';
import { passMarkOf, readLaunchData, SESSION_ID } from '../../src/lms/cmi5/launch-data.ts';
import { cmi5Files } from '../../src/lms/cmi5/package.ts';
import {
  CMI5_CATEGORY,
  isoDuration,
  MASTERY_SCORE,
  MOVE_ON_CATEGORY,
  statementOf,
} from '../../src/lms/cmi5/statements.ts';
import { tempDir } from '../helpers/temp.ts';

// The pure parts of the cmi5 AU: reading the launch address and LMS.LaunchData, building
// each statement to the spec's context rules, and the course structure it ships.

const actor = {
  objectType: 'Agent',
  name: 'Jane',
  account: { homePage: 'https://lms.test', name: 'emp-1' },
};
const good = {
  endpoint: 'https://lrs.test/xapi',
  fetch: 'https://lms.test/fetch/abc',
  actor: JSON.stringify(actor),
  registration: '6f1c2a3b-1234-4abc-8def-0123456789ab',
  activityId: 'https://lms.test/au/1',
};
const search = (o: Record<string, string>) => `?${new URLSearchParams(o)}`;

describe('the launch address', () => {
  it('reads the five parameters and ends the endpoint with a slash', () => {
    const r = readLaunch(search(good));
    expect(r).toMatchObject({
      ok: true,
      launch: { endpoint: 'https://lrs.test/xapi/', registration: good.registration },
    });
  });
  it.each([
    [{ ...good, fetch: '' }, 'has no "fetch"'],
    [{ ...good, actor: '{"mbox":"mailto:a@b.c"}' }, 'not an Agent with an account'],
    [{ ...good, actor: '{nope' }, '"actor" is not JSON'],
    [{ ...good, registration: '42' }, '"registration" is not a UUID'],
    [{ ...good, endpoint: 'javascript:alert(1)' }, '"endpoint" is not a web address'],
  ])('names what is wrong: %#', (params, words) => {
    const r = readLaunch(search(params));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(words);
  });
});

const template = {
  contextActivities: { grouping: [{ id: 'urn:pub/au' }], category: [{ id: 'urn:lms/cat' }] },
  extensions: { [SESSION_ID]: 'session-1' },
};

describe('LMS.LaunchData', () => {
  it('takes a cmi5 document and refuses one without a session id or with a strange mode', () => {
    expect(readLaunchData({ contextTemplate: template, launchMode: 'Browse' }).ok).toBe(true);
    const noSession = readLaunchData({ contextTemplate: {}, launchMode: 'Normal' });
    expect(noSession).toEqual({
      ok: false,
      error: "the learning system's launch data names no session id",
    });
    const mode = readLaunchData({ contextTemplate: template, launchMode: 'Play' });
    expect(mode.ok).toBe(false);
    if (!mode.ok) expect(mode.error).toContain('launchMode');
    expect(readLaunchData(null).ok).toBe(false);
  });
  it('turns the mastery score into the whole-grade pass mark that agrees with it', () => {
    expect(passMarkOf(0.6)).toBe(60);
    expect(passMarkOf(0.755)).toBe(76);
    expect(passMarkOf(0)).toBe(0);
    expect(passMarkOf(1)).toBe(100);
  });
});

describe('cmi5 defined statements', () => {
  const launch = readLaunch(search(good));
  if (!launch.ok) throw new Error(launch.error);
  const at = Date.UTC(2026, 11, 6, 12, 0, 0);

  it('passed: score, success, duration, mastery score, the cmi5 and moveOn categories, the template kept', () => {
    const s = statementOf(
      { id: 'id-1', verb: 'passed', at, durationMs: 75_250, scaled: 0.83, masteryScore: 0.6 },
      launch.launch,
      template,
    );
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/passed');
    expect(s.result).toEqual({ score: { scaled: 0.83 }, success: true, duration: 'PT1M15.25S' });
    expect(s.context.registration).toBe(good.registration);
    const ctx = s.context as {
      contextActivities: Record<string, { id: string }[]>;
      extensions: Record<string, unknown>;
    };
    expect(ctx.contextActivities.category!.map((c) => c.id)).toEqual([
      'urn:lms/cat',
      CMI5_CATEGORY,
      MOVE_ON_CATEGORY,
    ]);
    expect(ctx.contextActivities.grouping).toEqual([{ id: 'urn:pub/au' }]);
    expect(ctx.extensions).toEqual({ [SESSION_ID]: 'session-1', [MASTERY_SCORE]: 0.6 });
    expect(s.timestamp).toBe('2026-12-06T12:00:00.000Z');
    expect(s.object).toEqual({ objectType: 'Activity', id: good.activityId });
  });

  it('initialized has no result and no moveOn category; completed has completion and no score', () => {
    const init = statementOf({ id: 'i', verb: 'initialized', at }, launch.launch, template);
    expect(init.result).toBeUndefined();
    const cats = (init.context as { contextActivities: { category: { id: string }[] } })
      .contextActivities.category;
    expect(cats.map((c) => c.id)).not.toContain(MOVE_ON_CATEGORY);
    const done = statementOf(
      { id: 'c', verb: 'completed', at, durationMs: 1000 },
      launch.launch,
      template,
    );
    expect(done.result).toEqual({ completion: true, duration: 'PT1S' });
  });

  it('writes durations as ISO 8601', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
    expect(isoDuration(60_000)).toBe('PT1M0S');
  });
});

describe('cmi5.xml', () => {
  const xml = courseXml({
    id: 'https://learning.example.com/courses/who-owns',
    title: 'Tug of War: Who <owns> the customer?',
    description: 'A & B',
    url: 'index.html',
    passMark: 60,
    moveOn: 'CompletedAndPassed',
  });

  it('is valid against the course structure schema, with the pass mark as masteryScore', () => {
    const dir = tempDir('cmi5-xml');
    writeFileSync(join(dir, 'cmi5.xml'), xml);
    const out = execFileSync(
      'xmllint',
      ['--noout', '--schema', 'src/lms/xsd/cmi5_course_structure.xsd', join(dir, 'cmi5.xml')],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out).toBe('');
    expect(xml).toContain('masteryScore="0.6"');
    expect(xml).toContain('moveOn="CompletedAndPassed"');
    expect(xml).toContain('<au id="https://learning.example.com/courses/who-owns/au"');
    expect(xml).toContain('Who &lt;owns&gt; the customer?');
  });

  it('an invalid structure fails the same check (the check can fail)', () => {
    const dir = tempDir('cmi5-xml');
    writeFileSync(
      join(dir, 'bad.xml'),
      xml.replace('moveOn="CompletedAndPassed"', 'moveOn="Whenever"'),
    );
    expect(() =>
      execFileSync(
        'xmllint',
        ['--noout', '--schema', 'src/lms/xsd/cmi5_course_structure.xsd', join(dir, 'bad.xml')],
        {
          stdio: 'pipe',
        },
      ),
    ).toThrow();
  });

  it('the package page may connect to an LRS on another https origin, and to nothing over plain http', () => {
    const page = "<meta content=\"default-src 'self'; connect-src 'self'; worker-src 'self'\">";
    const files = cmi5Files({
      id: 'urn:x:y',
      title: 't',
      description: 'd',
      passMark: 50,
      index: new TextEncoder().encode(page),
    });
    const html = new TextDecoder().decode(files['index.html']);
    expect(html).toContain("connect-src 'self' https:;");
    expect(html).not.toContain('http:');
  });
});
