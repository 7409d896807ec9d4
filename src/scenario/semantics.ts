import { marketName, OUTLOOK_READS } from '../sim/index.ts';
import { checkAlternativeOrder, checkAlternatives, impossibleConditions } from './alternatives.ts';
import { checkBands } from './band-checks.ts';
import { formatPath } from './errors.ts';
import { checkPaths } from './paths.ts';
import type { ScenarioFile } from './schema.ts';
import { didYouMean } from './suggest.ts';

// Checks that a schema cannot express: references that point nowhere, situations no path
// reaches, paths that end too soon or loop, and rubric weights that do not add up.

export interface SemanticIssue {
  path: (string | number)[];
  message: string;
  atKey?: boolean;
  warning?: boolean;
}

export const DEFAULT_STYLES = ['directive', 'collaborative'];

function duplicates<T extends { id: string }>(
  items: readonly T[],
  path: (string | number)[],
  what: string,
  out: SemanticIssue[],
) {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      out.push({
        path: [...path, i, 'id'],
        message: `duplicate ${what} id "${item.id}"; ${formatPath([...path, first])} already uses it`,
      });
    } else seen.set(item.id, i);
  });
}

/**
 * A department named twice in one list. The model keeps contacts as one bit per department
 * (src/sim/contacts.ts), so a name written twice would count once there: refused here, with
 * its place, rather than quietly counted differently.
 */
function repeatedDepartments(
  names: readonly string[] | undefined,
  path: (string | number)[],
  out: SemanticIssue[],
) {
  names?.forEach((d, j) => {
    const first = names.indexOf(d);
    if (first !== j) {
      out.push({
        path: [...path, j],
        message: `the department "${d}" is listed twice; ${formatPath([...path, first])} already names it`,
      });
    }
  });
}

/**
 * Two variants the screens would name alike (a `name`, or the id in words where there is
 * none): the trainee, the debrief and HR could not tell them apart.
 */
function sameNames(markets: NonNullable<ScenarioFile['markets']>, out: SemanticIssue[]) {
  const seen = new Map<string, number>();
  markets.forEach((m, i) => {
    const shown = marketName(m).trim().toLowerCase();
    const first = seen.get(shown);
    if (first === undefined) {
      seen.set(shown, i);
    } else if (markets[first]!.id !== m.id) {
      out.push({
        path: ['markets', i, m.name === undefined ? 'id' : 'name'],
        message: `the screens would name this market "${marketName(m)}", as they name markets[${first}]: give each market a name of its own`,
      });
    }
  });
}

/** What is wrong with a situation's `from` written as an id, if anything. */
function senderProblem(s: ScenarioFile, from: string): string | undefined {
  const members = s.team.map((m) => m.id);
  const competitors = s.competitors.map((c) => c.id);
  const member = members.includes(from);
  const competitor = competitors.includes(from);
  if (member && competitor) {
    return `"${from}" is both a team member's and a competitor's id: give one of them another id`;
  }
  if (member || competitor) return undefined;
  return `no team member or competitor "${from}"${didYouMean(from, [...members, ...competitors])}; someone else is written as { name: ..., title: ... }`;
}

export function checkSemantics(s: ScenarioFile): SemanticIssue[] {
  const out: SemanticIssue[] = [];
  const styles = s.styles ?? DEFAULT_STYLES;
  const memberIds = s.team.map((m) => m.id);
  const situationIds = s.situations.map((x) => x.id);
  const departments = s.customer.departments;

  styles.forEach((style, i) => {
    if (styles.indexOf(style) !== i) {
      out.push({ path: ['styles', i], message: `the style "${style}" is listed twice` });
    }
  });
  duplicates(s.team, ['team'], 'team member', out);
  duplicates(s.competitors, ['competitors'], 'competitor', out);
  duplicates(s.situations, ['situations'], 'situation', out);
  duplicates(s.events ?? [], ['events'], 'event', out);

  const checkDept = (d: string, path: (string | number)[]) => {
    if (!departments.includes(d)) {
      out.push({
        path,
        message: `"${d}" is not one of the customer's departments (${departments.join(', ')})${didYouMean(d, departments)}`,
      });
    }
  };
  repeatedDepartments(departments, ['customer', 'departments'], out);
  s.team.forEach((m, i) => {
    m.contacts?.forEach((d, j) => {
      checkDept(d, ['team', i, 'contacts', j]);
    });
    repeatedDepartments(m.contacts, ['team', i, 'contacts'], out);
  });
  s.customer.companyContacts?.forEach((d, j) => {
    checkDept(d, ['customer', 'companyContacts', j]);
  });
  repeatedDepartments(s.customer.companyContacts, ['customer', 'companyContacts'], out);
  for (const d of Object.keys(s.customer.departmentNames ?? {})) {
    if (!departments.includes(d)) {
      out.push({
        path: ['customer', 'departmentNames', d],
        atKey: true,
        message: `"${d}" is not one of the customer's departments (${departments.join(', ')})${didYouMean(d, departments)}`,
      });
    }
  }

  duplicates(s.markets ?? [], ['markets'], 'market', out);
  sameNames(s.markets ?? [], out);
  const competitorIds = s.competitors.map((c) => c.id);
  (s.markets ?? []).forEach((market, i) => {
    for (const [id, start] of Object.entries(market.team ?? {})) {
      if (!memberIds.includes(id)) {
        out.push({
          path: ['markets', i, 'team', id],
          atKey: true,
          message: `no team member "${id}"${didYouMean(id, memberIds)}`,
        });
      }
      start.contacts?.forEach((d, j) => {
        checkDept(d, ['markets', i, 'team', id, 'contacts', j]);
      });
      repeatedDepartments(start.contacts, ['markets', i, 'team', id, 'contacts'], out);
    }
    for (const id of Object.keys(market.competitors ?? {})) {
      if (!competitorIds.includes(id)) {
        out.push({
          path: ['markets', i, 'competitors', id],
          atKey: true,
          message: `no competitor "${id}"${didYouMean(id, competitorIds)}`,
        });
      }
    }
    market.customer?.companyContacts?.forEach((d, j) => {
      checkDept(d, ['markets', i, 'customer', 'companyContacts', j]);
    });
    repeatedDepartments(
      market.customer?.companyContacts,
      ['markets', i, 'customer', 'companyContacts'],
      out,
    );
  });

  const checkMembers = (
    members: Record<string, unknown> | undefined,
    path: (string | number)[],
  ) => {
    for (const id of Object.keys(members ?? {})) {
      if (!memberIds.includes(id)) {
        out.push({
          path: [...path, 'members', id],
          atKey: true,
          message: `no team member "${id}"${didYouMean(id, memberIds)}`,
        });
      }
    }
  };
  const checkPerson = (
    c: ScenarioFile['situations'][number]['choices'][number],
    path: (string | number)[],
  ) => {
    if (c.person === undefined) return;
    if (!memberIds.includes(c.person)) {
      out.push({
        path: [...path, 'person'],
        message: `no team member "${c.person}"${didYouMean(c.person, memberIds)}`,
      });
    } else if (!c.acts?.tell && !c.acts?.involve && !c.acts?.delegate) {
      out.push({
        path: [...path, 'person'],
        warning: true,
        message:
          'person has no effect here: only telling, involving or handing over (acts tell, involve, delegate) are aimed at one person',
      });
    }
  };
  const checkNext = (next: string | undefined, path: (string | number)[]) => {
    if (next !== undefined && !situationIds.includes(next)) {
      out.push({
        path: [...path, 'next'],
        message: `no situation "${next}"${didYouMean(next, situationIds)}`,
      });
    }
  };

  s.situations.forEach((sit, i) => {
    const sender = typeof sit.from === 'string' ? senderProblem(s, sit.from) : undefined;
    if (sender) out.push({ path: ['situations', i, 'from'], message: sender });
    sit.alternatives?.forEach((alt, k) => {
      const problem = typeof alt.from === 'string' ? senderProblem(s, alt.from) : undefined;
      if (problem)
        out.push({ path: ['situations', i, 'alternatives', k, 'from'], message: problem });
    });
    duplicates(sit.choices, ['situations', i, 'choices'], 'choice', out);
    checkNext(sit.next, ['situations', i]);
    const used = new Set<string>();
    sit.choices.forEach((c, j) => {
      const path = ['situations', i, 'choices', j];
      used.add(c.style);
      if (!styles.includes(c.style)) {
        out.push({
          path: [...path, 'style'],
          message: `unknown style "${c.style}": expected one of ${styles.join(', ')}${didYouMean(c.style, styles)}`,
        });
      }
      checkNext(c.next, path);
      checkMembers(c.members, path);
      checkPerson(c, path);
      c.later?.forEach((l, k) => {
        checkMembers(l.members, [...path, 'later', k]);
        if (l.effects === undefined && Object.keys(l.members ?? {}).length === 0) {
          out.push({
            path: [...path, 'later', k],
            message:
              'this delayed entry changes nothing: give it effects (a change to the market), members (a change to a team member), or both',
          });
        }
      });
    });
    if (used.size === 1) {
      out.push({
        path: ['situations', i, 'choices'],
        warning: true,
        message: 'every choice here has the same style; the player has no real choice of style',
      });
    }
  });

  // a scenario written out whole (as the tools do) lists every style with zero dynamics:
  // only a style given some dynamics is model 1's, and an error
  const dynamics = Object.values(s.params?.styles ?? {}).some((style) =>
    Object.values(style ?? {}).some((v) => v !== 0),
  );
  if (dynamics) {
    out.push({
      path: ['params', 'styles'],
      atKey: true,
      message:
        'styles have no built-in dynamics since model 2: what a reply does comes from its `acts` (tell, involve, delegate, push, give); remove params.styles and give each choice its acts',
    });
  }
  for (const style of Object.keys(s.params?.styles ?? {})) {
    if (!styles.includes(style)) {
      out.push({
        path: ['params', 'styles', style],
        atKey: true,
        message: `unknown style "${style}": expected one of ${styles.join(', ')}${didYouMean(style, styles)}`,
      });
    }
  }

  (s.events ?? []).forEach((e, i) => {
    checkMembers(e.members, ['events', i]);
    if (e.from !== undefined && e.from > s.quarters) {
      out.push({
        path: ['events', i, 'from'],
        message: `the game has only ${s.quarters} quarters`,
      });
    }
    impossibleConditions(e.when, ['events', i], 'the event would never happen', out);
    if (e.odds === 0) {
      out.push({
        path: ['events', i, 'odds'],
        warning: true,
        message: 'odds 0: this event never happens',
      });
    }
    if (e.from !== undefined && e.to !== undefined && e.to < e.from) {
      out.push({
        path: ['events', i, 'to'],
        message: `"to" (${e.to}) comes before "from" (${e.from})`,
      });
    }
  });

  checkAlternatives(s, out);

  checkBands(s, out);

  const total = Object.values(s.rubric.weights).reduce<number>((a, b) => a + (b ?? 0), 0);
  if (Math.abs(total - 1) > 0.001) {
    out.push({
      path: ['rubric', 'weights'],
      message: `the weights add up to ${Math.round(total * 1000) / 1000}; they must add up to 1`,
    });
  }

  // the paths are checked beside any other error, so that a facilitator sees every fault
  // at once; they need only the situations' ids and links to be sound
  if (!situationLinksSound(s)) return out;
  const quarterOf = checkPaths(s, out);
  if (!out.some((x) => !x.warning)) checkAlternativeOrder(s, quarterOf, out);
  // effects due after the last quarter never happen in the game: the author probably meant
  // sooner. Next year's outlook (the score's) still reads their pull on the customer and
  // trust, so the warning says which parts count and which never apply.
  s.situations.forEach((sit, i) => {
    const depth = quarterOf.get(i);
    if (depth === undefined) return;
    sit.choices.forEach((c, j) => {
      c.later?.forEach((l, k) => {
        if (depth + l.after > s.quarters) {
          out.push({
            path: ['situations', i, 'choices', j, 'later', k, 'after'],
            warning: true,
            message: `due in quarter ${depth + l.after}, after the game ends (quarters: ${s.quarters}); ${afterTheEnd(l)}`,
          });
        }
      });
    });
  });
  return out;
}

/**
 * Situation ids are unique and every `next` names one: what checkPaths relies on. Until
 * they are, the paths are not checked (the stage `links`: stages.ts).
 */
export function situationLinksSound(s: ScenarioFile): boolean {
  const ids = new Set(s.situations.map((x) => x.id));
  if (ids.size !== s.situations.length) return false;
  const known = (next: string | undefined) => next === undefined || ids.has(next);
  return s.situations.every((x) => known(x.next) && x.choices.every((c) => known(c.next)));
}

/** The parts of a delayed effect next year's outlook reads (the model's own list). */
const READ_BY_THE_OUTLOOK: ReadonlySet<string> = new Set(OUTLOOK_READS);

/** Words joined as a sentence lists them: "a", "a and b", "a, b and c". */
const listed = (words: readonly string[]): string =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

/** What a delayed effect due after the last quarter still does: which parts count, which never apply. */
function afterTheEnd(l: { effects?: object | undefined; members?: object | undefined }): string {
  const keys = Object.keys(l.effects ?? {});
  const counted = keys.filter((k) => READ_BY_THE_OUTLOOK.has(k));
  const lost = [
    ...keys.filter((k) => !READ_BY_THE_OUTLOOK.has(k)),
    ...(l.members ? ['effects on people'] : []),
  ];
  if (counted.length === 0) return 'it never applies';
  const counts = `its ${listed(counted)} ${counted.length === 1 ? 'counts' : 'count'} only in next year's outlook`;
  if (lost.length === 0) return counts;
  return `${counts}; its ${listed(lost)} never ${lost.length === 1 ? 'applies' : 'apply'}`;
}
