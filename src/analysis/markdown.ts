import { counted } from '../lib/counted.ts';
import type { BalanceReport } from './balance.ts';
import { GATE_TARGETS } from './gates.ts';

// The balance report as Markdown, for the CLI and for pasting into a review. Every figure
// says what it is computed over, so a reader can check it without reading the code.

const f1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const pct = (x: number) => `${Math.round(x * 100)}%`;
// table cells come from the scenario file: keep its text from breaking the table
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** The luck figure for a facilitator: what it compares, without the statistics. */
export const LUCK_WORDS = `Luck here is the seed: the market's events and ups and downs, which every way of playing meets alike on one seed. The figure compares how far apart the seeds' average scores lie (luck) with how far apart the ways of playing land on the same seed (the choices). A scenario that teaches judgement keeps luck at ${Math.round(GATE_TARGETS.seedShare * 100)}% or less.`;

/** The same figure for a statistician. */
export const VARIANCE_METHOD = `Every pair (seed, game) is treated as one play by someone who picks uniformly at random at every decision. By the law of total variance, the variance of that player's score is the variance of each seed's mean score (what the seed decides) plus the mean of each seed's variance (what the choices decide). The seed's share is the first part divided by the sum. All strategies meet the same events and noise on a given seed, so the second part is purely the choices' doing.`;

export function balanceMarkdown(r: BalanceReport): string {
  const n = r.seeds.length;
  const out: string[] = [];
  out.push(`# Balance report: ${r.scenario.title} (\`${r.scenario.id}\`)`, '');
  const search =
    r.search.kind === 'exhaustive'
      ? `all ${r.strategiesPerSeed.toLocaleString('en')} strategies played on every seed`
      : `${r.strategiesPerSeed.toLocaleString('en')} strategies per seed; best path by beam search (width ${r.search.width}), spread from ${r.search.samples} random players per seed. ${r.search.checked === 0 ? 'Too many strategies to check the beam against a full census: the best path is the best found, not proven best' : `Checked against a full census on ${counted(r.search.checked, 'seed')}: the beam found the true best on ${r.search.matched}, worst miss ${counted(r.search.worstGap, 'point')}; on ${r.search.checked === 1 ? 'that seed' : 'those seeds'} the true best is used`}`;
  out.push(`${n} seeds (1…${n}); ${search}. Computed in ${(r.elapsedMs / 1000).toFixed(1)} s.`, '');

  out.push('## Warnings', '');
  if (r.warnings.length === 0) out.push('None: no style dominates and every choice is used.');
  for (const w of r.warnings) out.push(`- ${cell(w)}`);
  out.push('');

  out.push('## Scores by way of playing', '');
  out.push('| policy | mean | sd | min | Q1 | median | Q3 | max |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of r.policies) {
    const s = p.summary;
    out.push(
      `| ${cell(p.label)} | ${f1(s.mean)} | ${f1(s.sd)} | ${f1(s.min)} | ${f1(s.q1)} | ${f1(s.median)} | ${f1(s.q3)} | ${f1(s.max)} |`,
    );
  }
  out.push(
    '',
    'sd is the population standard deviation over the seeds; quartiles interpolate linearly.',
    '',
  );

  out.push('## Fixed styles head to head', '');
  out.push('| style | strictly best of the fixed styles | as good as the best path |');
  out.push('|---|---:|---:|');
  for (const style of Object.keys(r.styleWins)) {
    out.push(
      `| always ${cell(style)} | ${r.styleWins[style]} of ${n} (${pct(r.styleWins[style]! / Math.max(1, n))}) | ${r.styleMatchesBest[style]} of ${n} |`,
    );
  }
  out.push('');

  const v = r.variance;
  out.push('## Luck against choices', '');
  out.push(
    `**${pct(v.seedShare)}** of the score's variance comes from the seed, ${pct(1 - v.seedShare)} from the choices (variance ${f1(v.seed)} + ${f1(v.choices)} = ${f1(v.total)} points², ${v.exact ? 'exact over these seeds' : 'estimated from samples'}).`,
    '',
    LUCK_WORDS,
    '',
    VARIANCE_METHOD,
  );
  if (!v.exact) {
    out.push(
      '',
      'With sampled players, the variance of the sample means overstates that of the true means by (within-seed variance ÷ players per seed); that much is subtracted (one-way random-effects ANOVA).',
    );
  }
  out.push('');

  out.push(`## Choices no good path takes (within ${r.goodMargin} points of the best)`, '');
  if (r.unusedChoices.length === 0) out.push('Every choice appears on some good path.');
  else {
    out.push('| situation | choice | style | label |', '|---|---|---|---|');
    for (const c of r.unusedChoices) {
      out.push(
        `| ${cell(c.situation)} | ${cell(c.choice)} | ${cell(c.style)} | ${cell(c.label)} |`,
      );
    }
  }
  out.push('');
  out.push('## Situations never reached', '');
  if (r.unreached.length === 0) out.push('Every situation is reached.');
  for (const u of r.unreached)
    out.push(`- \`${cell(u.situation)}\` (${cell(u.title)}): ${u.reason}`);
  out.push('');
  return out.join('\n');
}
