import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.ts';

// scenario:check as a facilitator or a CI job runs it: a process, its exit code and the
// lines it prints, one error a line as file:line:col: path: message.

const ROOT = new URL('../../', import.meta.url).pathname;
const BAD = 'tests/fixtures/bad-scenarios';

function check(...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/cli.mjs', 'src/cli/check.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const all = run.stdout.split('\n').filter((l) => l !== '');
  // the problems, one a line as file:line:col: …; the verdicts and the summary follow them
  return { code: run.status, lines: all.filter((l) => /^[^:\s]+:\d+:\d+: /.test(l)), all };
}

describe('npm run scenario:check', () => {
  it('exits 0 for the bundled scenarios, printing at most warnings', () => {
    const { code, lines } = check('scenarios');
    expect(code).toBe(0);
    for (const line of lines)
      expect(line).toMatch(/^scenarios\/[\w-]+\.yaml:\d+:\d+: \S+: warning: /);
  });

  it('exits 1 and prints each error on its own line when any file is wrong', () => {
    const { code, lines } = check(
      'scenarios/tutorial.yaml',
      `${BAD}/typo-effect.yaml`,
      `${BAD}/yaml-tab-indent.yaml`,
      `${BAD}/weights-sum.yaml`,
    );
    expect(code).toBe(1);
    expect(lines.filter((l) => !l.startsWith('scenarios/'))).toEqual([
      `${BAD}/typo-effect.yaml:81:20: situations[1].choices[0].effects.alignmnt: unknown effect; did you mean alignment?`,
      `${BAD}/yaml-tab-indent.yaml:30:1: (file): YAML: a tab is used to indent this line; YAML indents with spaces only: replace the tab with spaces`,
      `${BAD}/weights-sum.yaml:124:12: rubric.weights: the weights add up to 1.1; they must add up to 1`,
    ]);
  });

  it('checks a whole folder: every malformed file gets at least one well-formed line', () => {
    const { code, lines } = check(BAD);
    expect(code).toBe(1);
    const files = new Set<string>();
    for (const line of lines) {
      const m = /^(tests\/fixtures\/bad-scenarios\/[\w-]+\.yaml):(\d+):(\d+): (\S+): (.+)$/.exec(
        line,
      );
      expect(m, line).not.toBeNull();
      files.add(m![1]!);
    }
    expect(files.size).toBeGreaterThanOrEqual(30);
  });

  it('lists the first 50 of 40,000 stray keys, then says how many more there are', () => {
    const base = readFileSync(join(ROOT, 'tests/scenario/base-scenario.yaml'), 'utf8');
    const stray = Array.from({ length: 40_000 }, (_, i) => `  k${i}: 1\n`).join('');
    const file = join(tempDir('check-many'), 'many.yaml');
    writeFileSync(file, base.replace('customer:\n', `customer:\n${stray}`));
    const { code, lines } = check(file);
    expect(code).toBe(1);
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe(
      `${file}:30:3: customer.k0: unknown key; expected one of name, trust, position, home, departments, departmentNames, companyContacts, marketSize, margin, costToServe, leech`,
    );
    expect(lines[50]).toBe(
      `${file}:80:3: (file): … and 39950 more problems, not listed: fix the ones above and check again`,
    );
  });

  it("prints each file's verdict on a line of its own, after its errors, in order", () => {
    // a YAML error ends its file's lines: the next file's verdict once ran onto it
    const dir = tempDir('check-order');
    writeFileSync(join(dir, 'bad.yaml'), 'schemaVersion: "1.0"\nid: x\nteam: [ { id: a, name: b\n');
    const good = 'scenarios/tutorial.yaml';
    const { code, all } = check(join(dir, 'bad.yaml'), good);
    expect(code).toBe(1);
    expect(all).toEqual([
      `${dir}/bad.yaml:4:1: team[0].name: YAML: the { mapping } opened on line 3 is not closed: add } at its end`,
      `${dir}/bad.yaml: 1 error. Once it is fixed, the fields are checked, then what refers to what: more errors may show.`,
      expect.stringMatching(/^scenarios\/tutorial\.yaml: ok \(4 quarters, hash [0-9a-f]{16}\)$/),
      '2 files checked: 1 valid, 1 with errors',
    ]);
  });

  it('says when errors of the fields stop the checks of what refers to what, and not after', () => {
    // the reviewer fixed two errors and met a third, a reference to nothing, which the
    // checker could not see while a field was wrong: here a reply naming no team member
    const dir = tempDir('check-stages');
    const tutorial = readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8');
    const nowhere = tutorial.replace('person: tom', 'person: thom');
    expect(nowhere).not.toBe(tutorial);
    writeFileSync(join(dir, 'links.yaml'), nowhere);
    // the customer's starting trust, whatever figure the shipped file gives it
    const wrongField = nowhere.replace(/^ {2}trust: [\d.]+$/m, '  trust: high');
    expect(wrongField).not.toBe(nowhere);
    writeFileSync(join(dir, 'both.yaml'), wrongField);
    const both = check(join(dir, 'both.yaml'));
    expect(both.lines).toHaveLength(1);
    expect(both.lines[0]).toContain('customer.trust');
    expect(both.all).toContain(
      `${dir}/both.yaml: 1 error. Once it is fixed, a second round checks what refers to what (a next: naming a situation, a reply naming a team member, paths as long as the game, weights adding up to 1) and may find more.`,
    );
    // the field fixed, the hidden error shows, and nothing is said to be still unchecked
    const links = check(join(dir, 'links.yaml'));
    expect(links.lines.some((l) => l.includes('no team member "thom"; did you mean tom?'))).toBe(
      true,
    );
    expect(links.all).toContain(
      `${dir}/links.yaml: ${links.lines.length} error${links.lines.length === 1 ? '' : 's'}`,
    );
  });

  it('says when a next naming no situation stops the checks of the paths, and not after', () => {
    // the reviewer mended a mistyped next and met an error of the paths, which the checker
    // could not see while the next named nothing
    const dir = tempDir('check-links');
    const tutorial = readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8');
    const reply = /^ {6}- id: script\n/m;
    expect(tutorial).toMatch(reply);
    writeFileSync(
      join(dir, 'typo.yaml'),
      tutorial.replace(reply, (m) => `${m}        next: rival-ofer\n`),
    );
    writeFileSync(
      join(dir, 'mended.yaml'),
      tutorial.replace(reply, (m) => `${m}        next: rival-offer\n`),
    );
    const typo = check(join(dir, 'typo.yaml'));
    expect(typo.lines).toEqual([
      `${dir}/typo.yaml:59:15: situations[0].choices[0].next: no situation "rival-ofer"; did you mean rival-offer?`,
    ]);
    expect(typo.all).toContain(
      `${dir}/typo.yaml: 1 error. Once it is fixed, the paths through the game are checked (every situation reached, every path as long as the game) and may bring more errors.`,
    );
    const mended = check(join(dir, 'mended.yaml'));
    expect(mended.lines).toHaveLength(1);
    expect(mended.lines[0]).toContain('every path must last 4 quarters');
    expect(mended.all).toContain(`${dir}/mended.yaml: 1 error`);
  });

  it('reports a file it cannot read, and asks for files when given none', () => {
    const missing = check('scenarios/no-such-file.yaml');
    expect(missing.code).toBe(1);
    expect(missing.lines).toEqual([
      'scenarios/no-such-file.yaml:1:1: (file): cannot read the file (no such file)',
    ]);
    expect(check().code).toBe(2);
  });
});
